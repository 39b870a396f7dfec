import { graphErrors } from "../errors/graphErrors";
import type { JsonValue } from "../json";
import { collectionResponse, entityResponse } from "../odata/responses";
import type { Route } from "../routing/Router";
import type { AssignmentPolicyRecord } from "../store/TenantState";
import { extensionTypeForStage, readAssignmentPolicyBody, type AssignmentPolicyInput } from "../validation/assignmentPolicyBody";
import { newObjectId } from "./seedId";
import { ENTITLEMENT_MANAGEMENT, entitySet, type TenantServices } from "./TenantServices";

const SET = entitySet("assignmentPolicies");
const BASE = `${ENTITLEMENT_MANAGEMENT}/assignmentPolicies`;

/** Checks what a body references: the access package, custom extensions, the one-auto-policy rule. */
function checkReferences(tenant: TenantServices, input: AssignmentPolicyInput, selfId?: string): void {
    const accessPackage = tenant.store.get("accessPackages", input.accessPackageId);
    if (accessPackage === undefined) {
        throw graphErrors.invalidProperty("accessPackage.id", `access package '${input.accessPackageId}' does not exist.`);
    }
    input.customExtensionStageSettings.forEach((setting, index) => {
        const path = `customExtensionStageSettings[${index}].customExtension.id`;
        const extension = tenant.store.get("customWorkflowExtensions", setting.customExtensionId);
        if (extension === undefined)
            throw graphErrors.invalidProperty(path, `custom extension '${setting.customExtensionId}' does not exist.`);
        if (extension.catalogId !== accessPackage.catalogId) {
            throw graphErrors.invalidProperty(
                path,
                `custom extension '${extension.id}' belongs to catalog '${extension.catalogId}', not to the access package's catalog '${accessPackage.catalogId}'.`,
            );
        }
        const expected = extensionTypeForStage(setting.stage);
        if (extension.properties["@odata.type"] !== expected) {
            throw graphErrors.invalidProperty(
                path,
                `stage '${setting.stage}' runs a '${expected}', but '${extension.id}' is a '${String(extension.properties["@odata.type"])}'.`,
            );
        }
    });
    if (input.properties.automaticRequestSettings !== null) {
        const other = tenant.store
            .list("assignmentPolicies")
            .find((p) => p.accessPackageId === input.accessPackageId && p.id !== selfId && p.properties.automaticRequestSettings !== null);
        if (other)
            throw graphErrors.badRequest(
                `The access package '${input.accessPackageId}' already has an auto-assignment policy ('${other.id}').`,
            );
    }
}

/** Builds the stored policy from a checked body, generating question and stage-setting ids. */
function toRecord(
    tenant: TenantServices,
    input: AssignmentPolicyInput,
    id: string,
    createdDateTime: string,
    modifiedDateTime: string,
): AssignmentPolicyRecord {
    return {
        id,
        accessPackageId: input.accessPackageId,
        properties: { ...input.properties, createdDateTime, modifiedDateTime },
        questions: input.questions.map(({ "@odata.type": type, id: questionId, ...rest }) => ({
            "@odata.type": type,
            id: questionId ?? tenant.newId(),
            ...rest,
        })),
        customExtensionStageSettings: input.customExtensionStageSettings.map((setting) => ({
            ...setting,
            id: setting.id ?? tenant.newId(),
        })),
    };
}

/** Validates and stores a new policy (POST semantics); `id` only from admin seeding. */
export function createAssignmentPolicy(tenant: TenantServices, body: JsonValue | undefined, id?: string): AssignmentPolicyRecord {
    const input = readAssignmentPolicyBody(body, "create", [...tenant.newerPolicyProperties]);
    checkReferences(tenant, input);
    const now = tenant.now();
    const record = toRecord(tenant, input, newObjectId(tenant, id), now, now);
    tenant.store.put("assignmentPolicies", record);
    return record;
}

function requirePolicy(tenant: TenantServices, id: string): AssignmentPolicyRecord {
    const record = tenant.store.get("assignmentPolicies", id.toLowerCase());
    if (record === undefined) throw graphErrors.notFound("accessPackageAssignmentPolicy", id);
    return record;
}

/**
 * Whole-object replace: every property not in the body returns to its default; `id`,
 * `createdDateTime` and the access package are kept (the package cannot change).
 */
function replaceAssignmentPolicy(tenant: TenantServices, id: string, body: JsonValue | undefined): AssignmentPolicyRecord {
    const existing = requirePolicy(tenant, id);
    const input = readAssignmentPolicyBody(body, "replace", [...tenant.newerPolicyProperties]);
    if (input.accessPackageId !== existing.accessPackageId) {
        throw graphErrors.invalidProperty(
            "accessPackage.id",
            `the access package of a policy cannot be changed (is '${existing.accessPackageId}').`,
        );
    }
    checkReferences(tenant, input, existing.id);
    const record = toRecord(tenant, input, existing.id, String(existing.properties.createdDateTime), tenant.now());
    tenant.store.put("assignmentPolicies", record);
    return record;
}

function deleteAssignmentPolicy(tenant: TenantServices, id: string): void {
    const policy = requirePolicy(tenant, id);
    const active = tenant.store.list("assignments").filter((a) => a.assignmentPolicyId === policy.id && a.properties.state === "delivered");
    if (active.length > 0) {
        // Emulated as graph-policy.md §1 prescribes: 400 naming the assignments to remove first.
        throw graphErrors.badRequest(
            `The policy '${policy.id}' cannot be deleted because it has ${active.length} active assignment(s): ${active.map((a) => a.id).join(", ")}. Remove them with an assignment request of requestType 'adminRemove' first.`,
        );
    }
    tenant.store.remove("assignmentPolicies", policy.id);
}

/** Routes of `/assignmentPolicies`. */
export function assignmentPolicyRoutes(tenant: TenantServices): Route[] {
    const view = tenant.views.assignmentPolicy;
    return [
        {
            method: "POST",
            template: BASE,
            handler: (request) => {
                const record = createAssignmentPolicy(tenant, request.body);
                return entityResponse(request, view, record, SET, 201, { Location: `${request.baseUrl}${BASE}/${record.id}` });
            },
        },
        {
            method: "GET",
            template: BASE,
            handler: (request) => collectionResponse(request, view, tenant.store.list("assignmentPolicies"), SET),
        },
        {
            method: "GET",
            template: `${BASE}/{id}`,
            handler: (request) => entityResponse(request, view, requirePolicy(tenant, request.params.id), SET),
        },
        {
            method: "PUT",
            template: `${BASE}/{id}`,
            handler: (request) => entityResponse(request, view, replaceAssignmentPolicy(tenant, request.params.id, request.body), SET),
        },
        {
            method: "DELETE",
            template: `${BASE}/{id}`,
            handler: (request) => {
                deleteAssignmentPolicy(tenant, request.params.id);
                return { status: 204 };
            },
        },
    ];
}
