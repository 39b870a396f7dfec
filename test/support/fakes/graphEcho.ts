/**
 * What a Graph GET returns after a POST/PUT of `body`, as far as the docs and users' reports describe it: the
 * generated ids and timestamps, `@odata.context`, expanded navigation properties, descriptions the service fills
 * in on subject sets, nulls for absent optional properties, and subject-set lists in another order.
 */
import type * as Graph from "@microsoft/microsoft-graph-types";
import type { GraphPolicy } from "../../../provider/core/types";

const SUBJECT_SET_LISTS = new Set([
    "specificAllowedTargets",
    "onBehalfRequestors",
    "primaryApprovers",
    "fallbackPrimaryApprovers",
    "escalationApprovers",
    "fallbackEscalationApprovers",
    "primaryReviewers",
    "fallbackReviewers",
]);

let counter = 0;
function generatedId(): string {
    counter += 1;
    return `00000000-0000-4000-8000-${String(counter).padStart(12, "0")}`;
}

function echo(value: unknown, key: string): unknown {
    if (Array.isArray(value)) {
        const echoed = value.map((element) => echo(element, key));
        return SUBJECT_SET_LISTS.has(key) ? echoed.reverse() : echoed;
    }
    if (typeof value !== "object" || value === null) {
        return value;
    }
    const object = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, echo(v, k)])) as Record<string, unknown>;
    const type = object["@odata.type"];
    if (typeof type === "string" && /singleUser|groupMembers|connectedOrganizationMembers/.test(type) && object.description === undefined) {
        object.description = "filled in by the service";
    }
    if (key === "expiration") {
        return { endDateTime: null, duration: null, ...object };
    }
    return object;
}

/** The GET response Graph gives for a policy written with `body`. */
export function graphEcho(body: GraphPolicy): Graph.AccessPackageAssignmentPolicy {
    const echoed = echo(body, "") as Record<string, unknown>;
    const questions = (echoed.questions as Record<string, unknown>[]).map((question) => ({
        id: question.id ?? generatedId(),
        regexPattern: null,
        ...question,
        ...(Array.isArray(question.choices) ? { choices: question.choices.map((choice) => ({ localizations: [], ...choice })) } : {}),
    }));
    const stageSettings = (echoed.customExtensionStageSettings as Record<string, Record<string, unknown>>[]).map((setting) => ({
        id: setting.id ?? generatedId(),
        ...setting,
        customExtension: {
            "@odata.type": "#microsoft.graph.accessPackageAssignmentRequestWorkflowExtension",
            ...setting.customExtension,
            displayName: "extension",
            description: "expanded by the service",
            createdDateTime: "2024-01-01T00:00:00Z",
            endpointConfiguration: { "@odata.type": "#microsoft.graph.logicAppTriggerEndpointConfiguration", logicAppWorkflowName: "app" },
        },
    }));
    const accessPackage = echoed.accessPackage as { id: string };
    return {
        "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#identityGovernance/entitlementManagement/assignmentPolicies/$entity",
        id: "87e1c7f7-c7f7-87e1-f7c7-e187f7c7e187",
        createdDateTime: "2024-05-01T10:00:00.1949218Z",
        modifiedDateTime: "2024-05-02T10:00:00Z",
        reviewSettings: null,
        automaticRequestSettings: null,
        ...echoed,
        questions,
        customExtensionStageSettings: stageSettings,
        accessPackage: { ...accessPackage, displayName: "package", catalog: { id: "c0c0c0c0-0000-4000-8000-000000000001" } },
    } as unknown as Graph.AccessPackageAssignmentPolicy;
}
