import type { EntityView } from "../odata/EntityView";
import type {
    AccessPackageRecord,
    AssignmentPolicyRecord,
    AssignmentRecord,
    AssignmentRequestRecord,
    CatalogRecord,
    CustomWorkflowExtensionRecord,
    GroupRecord,
    TenantStore,
    UserRecord,
} from "../store/TenantState";
import { assignmentPolicyView } from "./assignmentPolicyView";
import { assignmentRequestView, assignmentView } from "./assignmentViews";
import { accessPackageView, catalogView, customWorkflowExtensionView } from "./catalogViews";
import { directoryObjectView, groupView, userView } from "./directoryViews";

/** The wire representation of every entity type the emulator serves. */
export interface EntityViews {
    /** accessPackageCatalog. */
    catalog: EntityView<CatalogRecord>;
    /** accessPackage. */
    accessPackage: EntityView<AccessPackageRecord>;
    /** accessPackageAssignmentRequestWorkflowExtension / accessPackageAssignmentWorkflowExtension. */
    customWorkflowExtension: EntityView<CustomWorkflowExtensionRecord>;
    /** accessPackageAssignmentPolicy. */
    assignmentPolicy: EntityView<AssignmentPolicyRecord>;
    /** accessPackageAssignment. */
    assignment: EntityView<AssignmentRecord>;
    /** accessPackageAssignmentRequest. */
    assignmentRequest: EntityView<AssignmentRequestRecord>;
    /** user. */
    user: EntityView<UserRecord>;
    /** group. */
    group: EntityView<GroupRecord>;
    /** directoryObject, as `/groups/{id}/members` lists users and groups. */
    directoryObject: EntityView<DirectoryMember>;
}

/** A member of a group: a user or a group, told apart by `@odata.type` on the wire. */
export interface DirectoryMember {
    record: UserRecord | GroupRecord;
    type: "user" | "group";
}

/** The views over one store, for a view to reach the types its navigations lead to once they all exist. */
export type ViewsOf = () => EntityViews;

/**
 * Builds the views over a store. Navigation properties are rendered only when `$expand`ed,
 * as graph-policy.md states for the policy and as Graph does for every relationship; a
 * dangling reference renders as `null`.
 */
export function createEntityViews(store: TenantStore): EntityViews {
    const views: EntityViews = {
        catalog: catalogView(store, () => views),
        accessPackage: accessPackageView(store, () => views),
        customWorkflowExtension: customWorkflowExtensionView,
        assignmentPolicy: assignmentPolicyView(store, () => views),
        assignment: assignmentView(store, () => views),
        assignmentRequest: assignmentRequestView(store, () => views),
        user: userView,
        group: groupView,
        directoryObject: directoryObjectView,
    };
    return views;
}
