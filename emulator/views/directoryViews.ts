import type { EntityView } from "../odata/EntityView";
import type { GroupRecord, UserRecord } from "../store/TenantState";
import type { DirectoryMember } from "./entityViews";
import { structural } from "./structural";

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

/** user. */
export const userView: EntityView<UserRecord> = {
    typeName: "microsoft.graph.user",
    propertyNames: USER_PROPERTIES,
    properties: structural,
    navigations: {},
    filterable: { id: (r) => r.id },
};

/** group. */
export const groupView: EntityView<GroupRecord> = {
    typeName: "microsoft.graph.group",
    propertyNames: GROUP_PROPERTIES,
    properties: structural,
    navigations: {},
    filterable: { id: (r) => r.id },
};

/** directoryObject: a group's member, a user or a group, with the `@odata.type` that tells which. */
export const directoryObjectView: EntityView<DirectoryMember> = {
    typeName: "microsoft.graph.directoryObject",
    propertyNames: [...new Set([...USER_PROPERTIES, ...GROUP_PROPERTIES])],
    properties: (member) => ({ "@odata.type": `#microsoft.graph.${member.type}`, ...structural(member.record) }),
    navigations: {},
    filterable: { id: (member) => member.record.id },
};
