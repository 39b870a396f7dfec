import type { JsonObject } from "../json";
import { toMany, toOne, type EntityView } from "../odata/EntityView";
import { POLICY_PROPERTIES } from "../validation/assignmentPolicyShape";
import { CUSTOM_EXTENSION_PROPERTIES } from "../validation/customWorkflowExtensionBody";
import type {
    AccessPackageRecord,
    AssignmentPolicyRecord,
    AssignmentRecord,
    AssignmentRequestRecord,
    CatalogRecord,
    CustomWorkflowExtensionRecord,
    EntityRecord,
    GroupRecord,
    StageSettingRecord,
    TenantStore,
    UserRecord,
} from "../store/TenantState";

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

const USER_PROPERTIES = [
    "id",
    "businessPhones",
    "displayName",
    "givenName",
    "jobTitle",
    "mail",
    "mobilePhone",
    "officeLocation",
    "preferredLanguage",
    "surname",
    "userPrincipalName",
];
const GROUP_PROPERTIES = [
    "id",
    "createdDateTime",
    "description",
    "displayName",
    "groupTypes",
    "mailEnabled",
    "mailNickname",
    "securityEnabled",
];

const structural = (record: EntityRecord): JsonObject => ({ id: record.id, ...structuredClone(record.properties) });

/** accessPackageQuestion: only the base type's properties, since OData needs a type cast for a derived one's. */
const question: EntityView<JsonObject> = {
    typeName: "microsoft.graph.accessPackageQuestion",
    propertyNames: ["id", "sequence", "isRequired", "isAnswerEditable", "text", "localizations"],
    properties: (record) => structuredClone(record),
    navigations: {},
    filterable: {},
};

/** accessPackageSubject: the emulator knows a target by its object id only. */
const subject: EntityView<{ objectId: string }> = {
    typeName: "microsoft.graph.accessPackageSubject",
    propertyNames: ["id", "displayName", "email", "objectId", "onPremisesSecurityIdentifier", "principalName", "subjectType"],
    properties: (record) => ({ objectId: record.objectId }),
    navigations: {},
    filterable: {},
};

/**
 * Builds the views over a store. Navigation properties are rendered only when `$expand`ed,
 * as graph-policy.md states for the policy and as Graph does for every relationship; a
 * dangling reference renders as `null`.
 */
export function createEntityViews(store: TenantStore): EntityViews {
    const catalog: EntityView<CatalogRecord> = {
        typeName: "microsoft.graph.accessPackageCatalog",
        propertyNames: [
            "id",
            "displayName",
            "description",
            "catalogType",
            "state",
            "isExternallyVisible",
            "createdDateTime",
            "modifiedDateTime",
        ],
        properties: structural,
        navigations: {
            accessPackages: toMany(
                () => accessPackage,
                (record) => store.list("accessPackages").filter((p) => p.catalogId === record.id),
            ),
            customWorkflowExtensions: toMany(
                () => customWorkflowExtension,
                (record) => store.list("customWorkflowExtensions").filter((e) => e.catalogId === record.id),
            ),
        },
        filterable: {
            id: (r) => r.id,
            displayName: (r) => r.properties.displayName as string,
            state: (r) => r.properties.state as string,
        },
    };

    const accessPackage: EntityView<AccessPackageRecord> = {
        typeName: "microsoft.graph.accessPackage",
        propertyNames: ["id", "displayName", "description", "isHidden", "createdDateTime", "modifiedDateTime"],
        properties: structural,
        navigations: {
            catalog: toOne(
                () => catalog,
                (record) => store.get("catalogs", record.catalogId),
            ),
            assignmentPolicies: toMany(
                () => assignmentPolicy,
                (record) => store.list("assignmentPolicies").filter((p) => p.accessPackageId === record.id),
            ),
        },
        filterable: {
            id: (r) => r.id,
            displayName: (r) => r.properties.displayName as string,
            "catalog/id": (r) => r.catalogId,
        },
    };

    const customWorkflowExtension: EntityView<CustomWorkflowExtensionRecord> = {
        typeName: "microsoft.graph.customCalloutExtension",
        // The base type's properties and those both derived extension types add: the ones a body may carry.
        propertyNames: ["id", ...CUSTOM_EXTENSION_PROPERTIES],
        properties: (record) => {
            const { "@odata.type": type, ...rest } = structuredClone(record.properties);
            return { "@odata.type": type, id: record.id, ...rest };
        },
        navigations: {},
        filterable: { id: (r) => r.id, displayName: (r) => r.properties.displayName as string },
    };

    const stageSetting: EntityView<StageSettingRecord> = {
        typeName: "microsoft.graph.customExtensionStageSetting",
        propertyNames: ["id", "stage"],
        properties: (setting) => ({ id: setting.id, stage: setting.stage }),
        navigations: {
            customExtension: toOne(
                () => customWorkflowExtension,
                (setting) => store.get("customWorkflowExtensions", setting.customExtensionId),
            ),
        },
        filterable: {},
    };

    const assignmentPolicy: EntityView<AssignmentPolicyRecord> = {
        typeName: "microsoft.graph.accessPackageAssignmentPolicy",
        propertyNames: ["id", ...POLICY_PROPERTIES],
        properties: structural,
        navigations: {
            accessPackage: toOne(
                () => accessPackage,
                (record) => store.get("accessPackages", record.accessPackageId),
            ),
            catalog: toOne(
                () => catalog,
                (record) => {
                    const owner = store.get("accessPackages", record.accessPackageId);
                    return owner && store.get("catalogs", owner.catalogId);
                },
            ),
            questions: toMany(
                () => question,
                (record) => record.questions,
            ),
            customExtensionStageSettings: toMany(
                () => stageSetting,
                (record) => record.customExtensionStageSettings,
            ),
        },
        filterable: {
            id: (r) => r.id,
            displayName: (r) => r.properties.displayName as string,
            allowedTargetScope: (r) => r.properties.allowedTargetScope as string,
            "accessPackage/id": (r) => r.accessPackageId,
        },
    };

    const assignment: EntityView<AssignmentRecord> = {
        typeName: "microsoft.graph.accessPackageAssignment",
        propertyNames: ["id", "state", "status", "expiredDateTime", "schedule"],
        properties: structural,
        navigations: {
            accessPackage: toOne(
                () => accessPackage,
                (record) => store.get("accessPackages", record.accessPackageId),
            ),
            assignmentPolicy: toOne(
                () => assignmentPolicy,
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

    const assignmentRequest: EntityView<AssignmentRequestRecord> = {
        typeName: "microsoft.graph.accessPackageAssignmentRequest",
        propertyNames: ["id", "requestType", "state", "status", "justification", "createdDateTime", "completedDateTime"],
        properties: structural,
        navigations: {
            accessPackage: toOne(
                () => accessPackage,
                (record) => store.get("accessPackages", record.accessPackageId),
            ),
            assignment: toOne(
                () => assignment,
                (record) => store.get("assignments", record.assignmentId),
            ),
        },
        filterable: { id: (r) => r.id, requestType: (r) => r.properties.requestType as string, state: (r) => r.properties.state as string },
    };

    const user: EntityView<UserRecord> = {
        typeName: "microsoft.graph.user",
        propertyNames: USER_PROPERTIES,
        properties: structural,
        navigations: {},
        filterable: { id: (r) => r.id },
    };
    const group: EntityView<GroupRecord> = {
        typeName: "microsoft.graph.group",
        propertyNames: GROUP_PROPERTIES,
        properties: structural,
        navigations: {},
        filterable: { id: (r) => r.id },
    };
    const directoryObject: EntityView<DirectoryMember> = {
        typeName: "microsoft.graph.directoryObject",
        propertyNames: [...new Set([...USER_PROPERTIES, ...GROUP_PROPERTIES])],
        properties: (member) => ({ "@odata.type": `#microsoft.graph.${member.type}`, ...structural(member.record) }),
        navigations: {},
        filterable: { id: (member) => member.record.id },
    };

    return {
        catalog,
        accessPackage,
        customWorkflowExtension,
        assignmentPolicy,
        assignment,
        assignmentRequest,
        user,
        group,
        directoryObject,
    };
}
