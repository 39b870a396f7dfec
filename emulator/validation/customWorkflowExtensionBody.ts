import { graphErrors } from "../errors/graphErrors";
import type { JsonObject, JsonValue } from "../json";
import { parseDurationTicks } from "./duration";
import { ObjectReader, peekOdataType } from "./ObjectReader";

/** The two custom workflow extension types entitlement management accepts. */
export const CUSTOM_WORKFLOW_EXTENSION_TYPES = [
    "microsoft.graph.accessPackageAssignmentRequestWorkflowExtension",
    "microsoft.graph.accessPackageAssignmentWorkflowExtension",
] as const;

/** Properties of a custom callout extension besides its id, read-only ones included, as Graph returns them. */
export const CUSTOM_EXTENSION_PROPERTIES = [
    "displayName",
    "description",
    "endpointConfiguration",
    "authenticationConfiguration",
    "clientConfiguration",
    "callbackConfiguration",
    "createdDateTime",
    "lastModifiedDateTime",
    "createdBy",
    "lastModifiedBy",
] as const;

const FIVE_MINUTES = 5 * 60 * 10_000_000;
const FOURTEEN_DAYS = 14 * 24 * 60 * 60 * 10_000_000;

function readEndpoint(value: JsonValue | undefined, path: string): JsonObject {
    if (value === undefined || value === null) throw graphErrors.missingProperty(path);
    const type = peekOdataType(value, path);
    if (type !== "microsoft.graph.logicAppTriggerEndpointConfiguration") {
        throw graphErrors.invalidProperty(
            `${path}.@odata.type`,
            `'${type ?? "(missing)"}' is not supported; use '#microsoft.graph.logicAppTriggerEndpointConfiguration'.`,
        );
    }
    const r = new ObjectReader(value, path, type, ["subscriptionId", "resourceGroupName", "logicAppWorkflowName", "url"]);
    return {
        "@odata.type": `#${type}`,
        subscriptionId: r.requiredGuid("subscriptionId"),
        resourceGroupName: r.requiredString("resourceGroupName"),
        logicAppWorkflowName: r.requiredString("logicAppWorkflowName"),
        url: r.optionalString("url"),
    };
}

function readAuthentication(value: JsonValue | undefined, path: string): JsonObject | null {
    if (value === undefined || value === null) return null;
    const type = peekOdataType(value, path);
    if (type === "microsoft.graph.azureAdPopTokenAuthentication") {
        new ObjectReader(value, path, type, []);
        return { "@odata.type": `#${type}` };
    }
    if (type === "microsoft.graph.azureAdTokenAuthentication") {
        return { "@odata.type": `#${type}`, resourceId: new ObjectReader(value, path, type, ["resourceId"]).requiredString("resourceId") };
    }
    throw graphErrors.invalidProperty(`${path}.@odata.type`, `'${type ?? "(missing)"}' is not a supported authentication configuration.`);
}

function readClient(value: JsonValue | undefined, path: string): JsonObject | null {
    if (value === undefined || value === null) return null;
    const r = new ObjectReader(value, path, "microsoft.graph.customExtensionClientConfiguration", [
        "maximumRetries",
        "timeoutInMilliseconds",
    ]);
    return {
        maximumRetries: r.integer("maximumRetries", null, 0, 3),
        timeoutInMilliseconds: r.integer("timeoutInMilliseconds", null, 1000, 30_000),
    };
}

/**
 * The docs' examples send `durationBeforeTimeout`, the v1.0 schema (and typings) name it
 * `timeoutDuration`; both are accepted and rendered as `timeoutDuration`, the schema name.
 */
function readCallback(value: JsonValue | undefined, path: string): JsonObject | null {
    if (value === undefined || value === null) return null;
    const r = new ObjectReader(value, path, "microsoft.graph.customExtensionCallbackConfiguration", [
        "timeoutDuration",
        "durationBeforeTimeout",
    ]);
    const key = r.has("timeoutDuration") ? "timeoutDuration" : "durationBeforeTimeout";
    const timeoutDuration = r.duration(key, null);
    const ticks = timeoutDuration === null ? undefined : parseDurationTicks(timeoutDuration);
    if (ticks !== undefined && (ticks < FIVE_MINUTES || ticks > FOURTEEN_DAYS)) {
        throw graphErrors.invalidProperty(r.at(key), "must be between 5 minutes and 14 days for entitlement management.");
    }
    return { "@odata.type": "#microsoft.graph.customExtensionCallbackConfiguration", timeoutDuration };
}

/** Reads a custom workflow extension create body into its structural properties (without timestamps). */
export function readCustomWorkflowExtensionBody(body: JsonValue | undefined): JsonObject {
    const type = peekOdataType(body ?? null, "(body)");
    if (!(CUSTOM_WORKFLOW_EXTENSION_TYPES as readonly (string | undefined)[]).includes(type)) {
        throw graphErrors.invalidProperty(
            "@odata.type",
            `'${type ?? "(missing)"}' must be one of: ${CUSTOM_WORKFLOW_EXTENSION_TYPES.map((t) => `#${t}`).join(", ")}.`,
        );
    }
    const r = new ObjectReader(body, "", type as string, ["id", ...CUSTOM_EXTENSION_PROPERTIES]);
    return {
        "@odata.type": `#${type}`,
        displayName: r.requiredString("displayName"),
        description: r.optionalString("description"),
        endpointConfiguration: readEndpoint(r.raw("endpointConfiguration"), "endpointConfiguration"),
        authenticationConfiguration: readAuthentication(r.raw("authenticationConfiguration"), "authenticationConfiguration"),
        clientConfiguration: readClient(r.raw("clientConfiguration"), "clientConfiguration"),
        callbackConfiguration: readCallback(r.raw("callbackConfiguration"), "callbackConfiguration"),
    };
}
