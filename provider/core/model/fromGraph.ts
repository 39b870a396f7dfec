/** From Graph's view of a policy to the provider's outputs, and from outputs to the inputs a refresh stores. */
import type * as Graph from "@microsoft/microsoft-graph-types";
import { readCanonical, type CanonicalOutputs, type CanonicalPolicy } from "./canonicalPolicy";
import { carriedFrom, type CanonicalPositions } from "./carriedProperties";
import { CheckContext } from "./checkContext";
import { parseDateTime } from "./dateTimes";
import { canonicalQuestionPositions } from "./questions";
import { isPlainObject } from "./unknown";

/** Drops nulls (Graph's "absent") and OData annotations other than `@odata.type`, at every depth. */
function withoutNoise(value: unknown): unknown {
    if (Array.isArray(value)) {
        return value.map(withoutNoise);
    }
    if (!isPlainObject(value)) {
        return value;
    }
    const kept = Object.entries(value).filter(([key, v]) => v !== null && (key === "@odata.type" || !key.includes("@odata.")));
    return Object.fromEntries(kept.map(([key, v]) => [key, withoutNoise(v)]));
}

function idOf(value: unknown): string | undefined {
    return isPlainObject(value) && typeof value.id === "string" ? value.id : undefined;
}

function timestamp(value: unknown): string | undefined {
    if (typeof value !== "string") {
        return undefined;
    }
    const parsed = parseDateTime(value);
    return parsed.ok ? parsed.value : value;
}

/** Where Graph's questions stand once sorted, needed only when one of them holds a property to carry. */
function carriedPositions(findings: CheckContext, questions: unknown): CanonicalPositions {
    const inQuestions = findings.unknownProperties.some(({ path }) => path.startsWith("questions["));
    return inQuestions ? { questions: canonicalQuestionPositions(questions) } : {};
}

/**
 * Canonical outputs from a Graph GET response (expanded with accessPackage, catalog, questions and
 * customExtensionStageSettings($expand=customExtension)): annotations, nulls and read-only noise dropped, expanded
 * objects reduced to what the inputs hold, plus `id`, `createdDateTime`, `modifiedDateTime` and `catalogId` (from
 * `catalog.id` or `accessPackage.catalog.id`), and the properties this version does not know, to carry
 * (`carriedGraphProperties`).
 */
export function outputsFromGraph(policy: Graph.AccessPackageAssignmentPolicy): CanonicalOutputs {
    const clean = withoutNoise(policy) as Record<string, unknown>;
    const { id, createdDateTime, modifiedDateTime, accessPackage, catalog, ...properties } = clean;
    const findings = new CheckContext();
    const inputs = readCanonical({ ...properties, accessPackageId: idOf(accessPackage) }, findings);
    const catalogId = idOf(catalog) ?? (isPlainObject(accessPackage) ? idOf(accessPackage.catalog) : undefined);
    const readOnly = {
        id,
        createdDateTime: timestamp(createdDateTime),
        modifiedDateTime: timestamp(modifiedDateTime),
        catalogId,
        carriedGraphProperties: carriedFrom(findings.unknownProperties, carriedPositions(findings, properties.questions)),
    };
    const present = Object.entries(readOnly).filter(([, value]) => value !== undefined);
    // Graph's answer always carries the id, the one read-only property that outputs require.
    return { ...inputs, ...Object.fromEntries(present) } as CanonicalOutputs;
}

/**
 * The inputs a refresh should store: the canonical inputs `outputs` hold (what a user would have declared to get
 * this state). `adopt` is carried over from `previousInputs` if given.
 */
export function inputsFromOutputs(outputs: CanonicalOutputs, previousInputs?: Record<string, unknown>): CanonicalPolicy {
    const {
        id: _id,
        createdDateTime: _created,
        modifiedDateTime: _modified,
        catalogId: _catalog,
        carriedGraphProperties: _carried,
        adopt,
        ...inputs
    } = outputs;
    const carried = (previousInputs?.adopt ?? adopt) as CanonicalPolicy["adopt"];
    return carried === undefined ? inputs : { ...inputs, adopt: carried };
}
