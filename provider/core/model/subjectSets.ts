/** Subject sets: `@odata.type` recognition, per-type fields, and which types each list accepts. */
import type { AllowedTarget, AllowedTargetScope, Approver, OnBehalfRequestor, Reviewer, SubjectSet } from "../types";
import { childPath, describe, oneOf } from "./checkContext";
import { everyMember, type NoneMissing } from "./exhaustiveList";
import { guidValue, integerValue, listOf, readFields, textValue, type FieldsOf, type Reader } from "./readers";
import { bareODataType, type TypeNameOf, type Untagged } from "./typeTags";
import { isPlainObject, isUnknown, ownValue } from "./unknown";

/** A subject-set type name, e.g. `singleUser`. */
export type SubjectSetName = TypeNameOf<SubjectSet>;

/** The subject set whose type is `Name`. */
type SubjectSetNamed<Name extends SubjectSetName> = Extract<SubjectSet, { "@odata.type": `#microsoft.graph.${Name}` }>;

const description = textValue();

/** The properties of each subject-set type besides `@odata.type`. */
const FIELDS: { readonly [Name in SubjectSetName]: FieldsOf<Untagged<SubjectSetNamed<Name>>> } = {
    singleUser: { userId: guidValue("user's object id", { required: true }), description },
    groupMembers: { groupId: guidValue("group's object id", { required: true }), description },
    requestorManager: { managerLevel: integerValue({ min: 1, max: 2 }, { default: 1 }) },
    internalSponsors: {},
    externalSponsors: {},
    connectedOrganizationMembers: { connectedOrganizationId: guidValue("connected organization's id", { required: true }), description },
    attributeRuleMembers: { membershipRule: textValue({ nonEmpty: true }, { required: true }), description },
    singleServicePrincipal: { servicePrincipalId: guidValue("service principal's object id", { required: true }), description },
    targetUserSponsors: {},
    targetApplicationOwners: {},
    targetManager: { managerLevel: integerValue({ min: 1, max: 4 }, { required: true }) },
    targetAgentIdentitySponsorsOrOwners: {},
};

const NAMES = Object.keys(FIELDS) as SubjectSetName[];

/** Allowed in `specificAllowedTargets`, per the scopes that take a list. */
const ALLOWED_TARGET_TYPES = {
    specificDirectoryUsers: ["singleUser", "groupMembers", "attributeRuleMembers"],
    specificConnectedOrganizationUsers: ["connectedOrganizationMembers"],
    specificDirectoryServicePrincipals: ["singleServicePrincipal"],
} as const satisfies Partial<Record<AllowedTargetScope, readonly TypeNameOf<AllowedTarget>[]>>;
type ListedTarget = (typeof ALLOWED_TARGET_TYPES)[keyof typeof ALLOWED_TARGET_TYPES][number];
type _EveryTargetListed = NoneMissing<Exclude<TypeNameOf<AllowedTarget>, ListedTarget>>;
const ANY_ALLOWED_TARGET: readonly SubjectSetName[] = [...new Set(Object.values(ALLOWED_TARGET_TYPES).flat())];

/** The scopes that take a list of targets, `specificAllowedTargets`. */
export const SPECIFIC_SCOPES: readonly string[] = Object.keys(ALLOWED_TARGET_TYPES);

const ON_BEHALF_REQUESTOR_TYPES = everyMember<TypeNameOf<OnBehalfRequestor>>()([
    "singleUser",
    "groupMembers",
    "targetManager",
    "targetApplicationOwners",
    "targetAgentIdentitySponsorsOrOwners",
]);
// Graph's accessPackageApprovalStage page lists the approver types; service principals are not among them.
const APPROVER_TYPES = everyMember<TypeNameOf<Approver>>()([
    "singleUser",
    "groupMembers",
    "requestorManager",
    "internalSponsors",
    "externalSponsors",
    "targetUserSponsors",
    "targetAgentIdentitySponsorsOrOwners",
]);
const REVIEWER_TYPES = everyMember<TypeNameOf<Reviewer>>()(["singleUser", "groupMembers", "requestorManager"]);

/** The canonical `@odata.type` of a subject-set type. */
export function subjectSetODataType(name: SubjectSetName): string {
    return `#microsoft.graph.${name}`;
}

/** The subject-set type `@odata.type` names, accepting it with or without `#` and `microsoft.graph.`, in any case. */
export function subjectSetName(odataType: unknown): SubjectSetName | undefined {
    const bare = bareODataType(odataType);
    return bare === undefined ? undefined : NAMES.find((name) => name.toLowerCase() === bare);
}

/**
 * One subject set whose type must be one of `allowed`; `role` names the list's purpose in messages and `source`
 * where the list of allowed types comes from.
 */
function subjectSet(role: string, allowed: readonly SubjectSetName[], source = ""): Reader {
    const allowedTypes = oneOf(allowed.map(subjectSetODataType));
    return (value, path, check) => {
        if (isUnknown(value)) {
            return value;
        }
        if (!isPlainObject(value)) {
            check.fail(path, `must be a subject set: an object with "@odata.type" (${allowedTypes}); got ${describe(value)}`);
            return value;
        }
        const typePath = childPath(path, "@odata.type");
        const odataType = value["@odata.type"];
        if (isUnknown(odataType)) {
            return value;
        }
        const name = subjectSetName(odataType);
        if (name === undefined) {
            const reason = odataType === undefined || odataType === null ? "required" : `unknown subject set type ${describe(odataType)}`;
            check.fail(typePath, `${reason}; ${role} is one of ${allowedTypes}`);
            return value;
        }
        if (!allowed.includes(name)) {
            check.fail(typePath, `${name} cannot be ${role}; allowed here: ${allowedTypes}${source}`);
        }
        const { "@odata.type": _type, ...rest } = value;
        return { "@odata.type": subjectSetODataType(name), ...readFields(rest, path, check, FIELDS[name]) };
    };
}

/** `specificAllowedTargets`; which types fit which scope is checked with the scope. */
export const allowedTargets = listOf(subjectSet("an allowed target", ANY_ALLOWED_TARGET));
/** `onBehalfRequestors`. */
export const onBehalfRequestors = listOf(subjectSet("an on-behalf requestor", ON_BEHALF_REQUESTOR_TYPES));
/** Any of a stage's approver lists. */
export const approvers = listOf(
    subjectSet("an approver", APPROVER_TYPES, " (the approver types of Graph's accessPackageApprovalStage page)"),
);
/** Either reviewer list. */
export const reviewers = listOf(subjectSet("a reviewer", REVIEWER_TYPES));

/** Names the canonical type of a subject set already read, if it is known. */
export function nameOfSubjectSet(value: unknown): SubjectSetName | undefined {
    return isPlainObject(value) ? subjectSetName(value["@odata.type"]) : undefined;
}

/** The allowed-target types `allowedTargetScope` accepts, or `undefined` for scopes that take no list. */
export function allowedTargetTypesFor(scope: unknown): readonly SubjectSetName[] | undefined {
    return typeof scope === "string" ? ownValue(ALLOWED_TARGET_TYPES, scope) : undefined;
}

/** Whether `name` may be an allowed target under some scope. */
export function isAllowedTargetType(name: SubjectSetName): boolean {
    return (ANY_ALLOWED_TARGET as readonly string[]).includes(name);
}
