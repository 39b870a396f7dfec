/**
 * Subject sets: the polymorphic principals Graph uses for allowed targets, on-behalf requestors, approvers and
 * reviewers. Each is discriminated by `@odata.type`, which Graph requires on every element.
 */

/**
 * A specific user. Allowed in `specificAllowedTargets` (scope `specificDirectoryUsers`), `onBehalfRequestors`, every
 * approver list and every reviewer list.
 */
export interface SingleUser {
    /** Discriminator. The provider also accepts the type without `#` and in any letter case. */
    "@odata.type": "#microsoft.graph.singleUser";
    /** Object id (GUID) of the user. Required. */
    userId: string;
    /** Display text. Graph fills it in on read; when omitted it is never compared. */
    description?: string;
}

/** The members of a group. Allowed wherever {@link SingleUser} is. */
export interface GroupMembers {
    /** Discriminator. */
    "@odata.type": "#microsoft.graph.groupMembers";
    /** Object id (GUID) of the group. Required. */
    groupId: string;
    /** Display text. Graph fills it in on read; when omitted it is never compared. */
    description?: string;
}

/**
 * The requestor's manager (approvers) or the assigned user's manager (reviewers). Allowed in approver and reviewer
 * lists.
 */
export interface RequestorManager {
    /** Discriminator. */
    "@odata.type": "#microsoft.graph.requestorManager";
    /** 1 = direct manager, 2 = the manager's manager. Range 1..2; default 1. */
    managerLevel?: number;
}

/** The internal sponsors of the requestor's connected organization. Allowed in approver lists. */
export interface InternalSponsors {
    /** Discriminator. */
    "@odata.type": "#microsoft.graph.internalSponsors";
}

/** The external sponsors of the requestor's connected organization. Allowed in approver lists. */
export interface ExternalSponsors {
    /** Discriminator. */
    "@odata.type": "#microsoft.graph.externalSponsors";
}

/**
 * The users of one connected organization. Allowed in `specificAllowedTargets` (scope
 * `specificConnectedOrganizationUsers`).
 */
export interface ConnectedOrganizationMembers {
    /** Discriminator. */
    "@odata.type": "#microsoft.graph.connectedOrganizationMembers";
    /** Id (GUID) of the connected organization. Required. */
    connectedOrganizationId: string;
    /** Display text. Graph fills it in on read; when omitted it is never compared. */
    description?: string;
}

/**
 * The users matching a dynamic-group membership rule, e.g. `(user.department -eq "Sales")`. Allowed in
 * `specificAllowedTargets` (scope `specificDirectoryUsers`); an auto-assignment policy has exactly one.
 */
export interface AttributeRuleMembers {
    /** Discriminator. */
    "@odata.type": "#microsoft.graph.attributeRuleMembers";
    /** The rule, in dynamic-group rule syntax. Required, non-empty. */
    membershipRule: string;
    /** Display text for the rule. */
    description?: string;
}

/** A specific service principal. Allowed in `specificAllowedTargets` (scope `specificDirectoryServicePrincipals`). */
export interface SingleServicePrincipal {
    /** Discriminator. */
    "@odata.type": "#microsoft.graph.singleServicePrincipal";
    /** Object id (GUID) of the service principal. Required. */
    servicePrincipalId: string;
    /** Display text. Graph fills it in on read; when omitted it is never compared. */
    description?: string;
}

/** The sponsors of the user being assigned. Allowed in approver lists. */
export interface TargetUserSponsors {
    /** Discriminator. */
    "@odata.type": "#microsoft.graph.targetUserSponsors";
}

/** The owners of the application being assigned, requesting on its behalf. Allowed in `onBehalfRequestors`. */
export interface TargetApplicationOwners {
    /** Discriminator. */
    "@odata.type": "#microsoft.graph.targetApplicationOwners";
}

/**
 * The sponsors or owners of the agent identity being assigned. Allowed in `onBehalfRequestors` and approver lists,
 * as {@link TargetUserSponsors} and {@link TargetApplicationOwners} are for users and applications.
 */
export interface TargetAgentIdentitySponsorsOrOwners {
    /** Discriminator. */
    "@odata.type": "#microsoft.graph.targetAgentIdentitySponsorsOrOwners";
}

/** A manager of the user being assigned, requesting on that user's behalf. Allowed in `onBehalfRequestors`. */
export interface TargetManager {
    /** Discriminator. */
    "@odata.type": "#microsoft.graph.targetManager";
    /** 1 = direct manager … 4. Range 1..4; required (Graph documents no default). */
    managerLevel: number;
}

/** Any subject set, discriminated by `@odata.type`. */
export type SubjectSet =
    | SingleUser
    | GroupMembers
    | RequestorManager
    | InternalSponsors
    | ExternalSponsors
    | ConnectedOrganizationMembers
    | AttributeRuleMembers
    | SingleServicePrincipal
    | TargetUserSponsors
    | TargetApplicationOwners
    | TargetManager
    | TargetAgentIdentitySponsorsOrOwners;

/** A subject-set `@odata.type` in canonical form. */
export type SubjectSetODataType = SubjectSet["@odata.type"];

/** Who may be listed in `specificAllowedTargets`; which ones depends on `allowedTargetScope`. */
export type AllowedTarget = SingleUser | GroupMembers | AttributeRuleMembers | ConnectedOrganizationMembers | SingleServicePrincipal;

/** Who may request on behalf of others (`requestorSettings.onBehalfRequestors`). */
export type OnBehalfRequestor = SingleUser | GroupMembers | TargetManager | TargetApplicationOwners | TargetAgentIdentitySponsorsOrOwners;

/**
 * Who may approve, in any of a stage's four approver lists: the types Graph's accessPackageApprovalStage page lists
 * for `primaryApprovers`, and the agent-identity counterpart of `targetUserSponsors`.
 */
export type Approver =
    | SingleUser
    | GroupMembers
    | RequestorManager
    | InternalSponsors
    | ExternalSponsors
    | TargetUserSponsors
    | TargetAgentIdentitySponsorsOrOwners;

/** Who may review assignments (`reviewSettings.primaryReviewers` and `fallbackReviewers`). */
export type Reviewer = SingleUser | GroupMembers | RequestorManager;
