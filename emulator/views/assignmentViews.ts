import { toOne, type EntityView } from "../odata/EntityView";
import type { AssignmentRecord, AssignmentRequestRecord, TenantStore } from "../store/TenantState";
import type { ViewsOf } from "./entityViews";
import { structural } from "./structural";

/** accessPackageSubject: the emulator knows a target by its object id only. */
const subject: EntityView<{ objectId: string }> = {
    typeName: "microsoft.graph.accessPackageSubject",
    propertyNames: ["id", "displayName", "email", "objectId", "onPremisesSecurityIdentifier", "principalName", "subjectType"],
    properties: (record) => ({ objectId: record.objectId }),
    navigations: {},
    filterable: {},
};

/** accessPackageAssignment, with its access package, policy and target. */
export function assignmentView(store: TenantStore, views: ViewsOf): EntityView<AssignmentRecord> {
    return {
        typeName: "microsoft.graph.accessPackageAssignment",
        propertyNames: ["id", "state", "status", "expiredDateTime", "schedule"],
        properties: structural,
        navigations: {
            accessPackage: toOne(
                () => views().accessPackage,
                (record) => store.get("accessPackages", record.accessPackageId),
            ),
            assignmentPolicy: toOne(
                () => views().assignmentPolicy,
                (record) => store.get("assignmentPolicies", record.assignmentPolicyId),
            ),
            target: toOne(
                () => subject,
                (record) => ({ objectId: record.targetId }),
            ),
        },
        filterable: {
            id: (r) => r.id,
            state: (r) => r.properties.state as string,
            "accessPackage/id": (r) => r.accessPackageId,
            "assignmentPolicy/id": (r) => r.assignmentPolicyId,
            "target/objectId": (r) => r.targetId,
        },
    };
}

/** accessPackageAssignmentRequest, with its access package and the assignment it made. */
export function assignmentRequestView(store: TenantStore, views: ViewsOf): EntityView<AssignmentRequestRecord> {
    return {
        typeName: "microsoft.graph.accessPackageAssignmentRequest",
        propertyNames: ["id", "requestType", "state", "status", "justification", "createdDateTime", "completedDateTime"],
        properties: structural,
        navigations: {
            accessPackage: toOne(
                () => views().accessPackage,
                (record) => store.get("accessPackages", record.accessPackageId),
            ),
            assignment: toOne(
                () => views().assignment,
                (record) => store.get("assignments", record.assignmentId),
            ),
        },
        filterable: { id: (r) => r.id, requestType: (r) => r.properties.requestType as string, state: (r) => r.properties.state as string },
    };
}
