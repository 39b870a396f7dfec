import { graphErrors } from "../errors/graphErrors";
import type { JsonValue } from "../json";
import { collectionResponse, entityResponse } from "../odata/responses";
import type { Route } from "../routing/Router";
import type { AssignmentRecord, AssignmentRequestRecord } from "../store/TenantState";
import { ObjectReader } from "../validation/ObjectReader";
import { NO_EXPIRATION } from "../validation/policySettings";
import { newObjectId } from "./seedId";
import { ENTITLEMENT_MANAGEMENT, entitySet, type TenantServices } from "./TenantServices";

const REQUEST_TYPES = [
    "adminAdd",
    "adminRemove",
    "userAdd",
    "userUpdate",
    "userRemove",
    "adminUpdate",
    "systemAdd",
    "systemUpdate",
    "systemRemove",
    "onBehalfAdd",
] as const;

/** Fields of a new assignment. */
export interface AssignmentSeed {
    /** Object id of the assigned user or service principal. */
    targetId: string;
    /** The policy the assignment is made under. */
    assignmentPolicyId: string;
    /** The package; defaults to the policy's and must match it when given. */
    accessPackageId?: string;
    /** Seeded id; generated when absent. */
    id?: string;
}

/**
 * Creates a delivered assignment right away. The service delivers asynchronously; the emulator
 * skips the intermediate states because nothing here observes them.
 */
export function createAssignment(tenant: TenantServices, seed: AssignmentSeed): AssignmentRecord {
    const policy = tenant.store.get("assignmentPolicies", seed.assignmentPolicyId.toLowerCase());
    if (policy === undefined)
        throw graphErrors.invalidProperty("assignment.assignmentPolicyId", `policy '${seed.assignmentPolicyId}' does not exist.`);
    if (seed.accessPackageId !== undefined && seed.accessPackageId.toLowerCase() !== policy.accessPackageId) {
        throw graphErrors.invalidProperty(
            "assignment.accessPackageId",
            `policy '${policy.id}' belongs to access package '${policy.accessPackageId}'.`,
        );
    }
    const now = tenant.now();
    const record: AssignmentRecord = {
        id: newObjectId(tenant, seed.id),
        accessPackageId: policy.accessPackageId,
        assignmentPolicyId: policy.id,
        targetId: seed.targetId.toLowerCase(),
        properties: {
            state: "delivered",
            status: "Delivered",
            expiredDateTime: null,
            schedule: { startDateTime: now, expiration: { ...NO_EXPIRATION }, recurrence: null },
        },
    };
    tenant.store.put("assignments", record);
    return record;
}

function removeAssignment(tenant: TenantServices, id: string): AssignmentRecord {
    const assignment = tenant.store.get("assignments", id.toLowerCase());
    if (assignment === undefined || assignment.properties.state !== "delivered") {
        throw graphErrors.invalidProperty("assignment.id", `no active assignment '${id}' exists.`);
    }
    const removed: AssignmentRecord = {
        ...assignment,
        properties: { ...assignment.properties, state: "expired", status: "Expired", expiredDateTime: tenant.now() },
    };
    tenant.store.put("assignments", removed);
    return removed;
}

function submitRequest(tenant: TenantServices, body: JsonValue | undefined): AssignmentRequestRecord {
    const r = new ObjectReader(body, "", "microsoft.graph.accessPackageAssignmentRequest", [
        "requestType",
        "assignment",
        "justification",
        "schedule",
        "answers",
    ]);
    const requestType = r.enumValue("requestType", REQUEST_TYPES) as string;
    const a = new ObjectReader(r.raw("assignment"), "assignment", "microsoft.graph.accessPackageAssignment", [
        "id",
        "targetId",
        "assignmentPolicyId",
        "accessPackageId",
    ]);
    let assignment: AssignmentRecord;
    if (requestType === "adminAdd") {
        assignment = createAssignment(tenant, {
            targetId: a.requiredGuid("targetId"),
            assignmentPolicyId: a.requiredGuid("assignmentPolicyId"),
            accessPackageId: a.requiredGuid("accessPackageId"),
        });
    } else if (requestType === "adminRemove") {
        assignment = removeAssignment(tenant, a.requiredGuid("id"));
    } else {
        throw graphErrors.invalidProperty("requestType", `the emulator only processes 'adminAdd' and 'adminRemove', not '${requestType}'.`);
    }
    const now = tenant.now();
    const record: AssignmentRequestRecord = {
        id: tenant.newId(),
        accessPackageId: assignment.accessPackageId,
        assignmentId: assignment.id,
        properties: {
            requestType,
            state: "delivered",
            status: "Delivered",
            justification: r.optionalString("justification"),
            createdDateTime: now,
            completedDateTime: now,
        },
    };
    tenant.store.put("assignmentRequests", record);
    return record;
}

/** Routes of `/assignments` and `/assignmentRequests`. */
export function assignmentRoutes(tenant: TenantServices): Route[] {
    const assignments = `${ENTITLEMENT_MANAGEMENT}/assignments`;
    const requests = `${ENTITLEMENT_MANAGEMENT}/assignmentRequests`;
    const requireOne = <C extends "assignments" | "assignmentRequests">(collection: C, typeName: string, id: string) => {
        const record = tenant.store.get(collection, id.toLowerCase());
        if (record === undefined) throw graphErrors.notFound(typeName, id);
        return record;
    };
    return [
        {
            method: "GET",
            template: assignments,
            handler: (request) =>
                collectionResponse(request, tenant.views.assignment, tenant.store.list("assignments"), entitySet("assignments")),
        },
        {
            method: "GET",
            template: `${assignments}/{id}`,
            handler: (request) =>
                entityResponse(
                    request,
                    tenant.views.assignment,
                    requireOne("assignments", "accessPackageAssignment", request.params.id),
                    entitySet("assignments"),
                ),
        },
        {
            method: "POST",
            template: requests,
            handler: (request) => {
                const record = submitRequest(tenant, request.body);
                return entityResponse(request, tenant.views.assignmentRequest, record, entitySet("assignmentRequests"), 201, {
                    Location: `${request.baseUrl}${requests}/${record.id}`,
                });
            },
        },
        {
            method: "GET",
            template: requests,
            handler: (request) =>
                collectionResponse(
                    request,
                    tenant.views.assignmentRequest,
                    tenant.store.list("assignmentRequests"),
                    entitySet("assignmentRequests"),
                ),
        },
        {
            method: "GET",
            template: `${requests}/{id}`,
            handler: (request) =>
                entityResponse(
                    request,
                    tenant.views.assignmentRequest,
                    requireOne("assignmentRequests", "accessPackageAssignmentRequest", request.params.id),
                    entitySet("assignmentRequests"),
                ),
        },
    ];
}
