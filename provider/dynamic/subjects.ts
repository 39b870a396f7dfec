/**
 * Builders for subject sets, named as the Entra admin center names them: `approvers.group(group.objectId)` instead
 * of `{ "@odata.type": "#microsoft.graph.groupMembers", groupId: ... }`. They take Pulumi inputs (an `Output` from
 * `@pulumi/azuread` works), need no `as const`, and each list offers only the kinds Graph allows there, so a wrong
 * kind is a compiler error that names the list (`approvers` has no `connectedOrganization`).
 */
import type * as pulumi from "@pulumi/pulumi";
import type {
    AttributeRuleMembers,
    ConnectedOrganizationMembers,
    ExternalSponsors,
    GroupMembers,
    InternalSponsors,
    RequestorManager,
    SingleServicePrincipal,
    SingleUser,
    TargetAgentIdentitySponsorsOrOwners,
    TargetApplicationOwners,
    TargetManager,
    TargetUserSponsors,
} from "../core/types";
import type { DeepInput } from "./args";

function user(userId: pulumi.Input<string>, description?: pulumi.Input<string>): DeepInput<SingleUser> {
    return { "@odata.type": "#microsoft.graph.singleUser", userId, ...(description === undefined ? {} : { description }) };
}

function group(groupId: pulumi.Input<string>, description?: pulumi.Input<string>): DeepInput<GroupMembers> {
    return { "@odata.type": "#microsoft.graph.groupMembers", groupId, ...(description === undefined ? {} : { description }) };
}

/** The requestor's manager (1) or the manager's manager (2). */
function requestorManager(managerLevel: pulumi.Input<1 | 2> = 1): DeepInput<RequestorManager> {
    return { "@odata.type": "#microsoft.graph.requestorManager", managerLevel };
}

function targetAgentIdentitySponsorsOrOwners(): DeepInput<TargetAgentIdentitySponsorsOrOwners> {
    return { "@odata.type": "#microsoft.graph.targetAgentIdentitySponsorsOrOwners" };
}

/** Who may approve: a stage's `primaryApprovers`, `fallbackPrimaryApprovers` and the escalation lists. */
export interface Approvers {
    user: typeof user;
    group: typeof group;
    requestorManager: typeof requestorManager;
    internalSponsors(): DeepInput<InternalSponsors>;
    externalSponsors(): DeepInput<ExternalSponsors>;
    targetUserSponsors(): DeepInput<TargetUserSponsors>;
    targetAgentIdentitySponsorsOrOwners: typeof targetAgentIdentitySponsorsOrOwners;
}

/** Who may be assigned through the policy: `specificAllowedTargets`. */
export interface Targets {
    user: typeof user;
    group: typeof group;
    attributeRule(membershipRule: pulumi.Input<string>, description?: pulumi.Input<string>): DeepInput<AttributeRuleMembers>;
    connectedOrganization(
        connectedOrganizationId: pulumi.Input<string>,
        description?: pulumi.Input<string>,
    ): DeepInput<ConnectedOrganizationMembers>;
    servicePrincipal(servicePrincipalId: pulumi.Input<string>, description?: pulumi.Input<string>): DeepInput<SingleServicePrincipal>;
}

/** Who may request on behalf of others: `requestorSettings.onBehalfRequestors`. */
export interface Requestors {
    user: typeof user;
    group: typeof group;
    targetManager(managerLevel?: pulumi.Input<1 | 2 | 3 | 4>): DeepInput<TargetManager>;
    targetApplicationOwners(): DeepInput<TargetApplicationOwners>;
    targetAgentIdentitySponsorsOrOwners: typeof targetAgentIdentitySponsorsOrOwners;
}

/** Who may review assignments: `reviewSettings.primaryReviewers` and `fallbackReviewers`. */
export interface Reviewers {
    user: typeof user;
    group: typeof group;
    manager: typeof requestorManager;
}

/** Builders for {@link Approvers}. */
export const approvers: Approvers = {
    /** A specific user, by object id. */
    user,
    /** The members of a group, by object id. */
    group,
    /** The requestor's manager; the admin center asks for a fallback approver beside it. */
    requestorManager,
    /** The internal sponsors of the requestor's connected organization. */
    internalSponsors: (): DeepInput<InternalSponsors> => ({ "@odata.type": "#microsoft.graph.internalSponsors" }),
    /** The external sponsors of the requestor's connected organization. */
    externalSponsors: (): DeepInput<ExternalSponsors> => ({ "@odata.type": "#microsoft.graph.externalSponsors" }),
    /** The sponsors of the user being assigned. */
    targetUserSponsors: (): DeepInput<TargetUserSponsors> => ({ "@odata.type": "#microsoft.graph.targetUserSponsors" }),
    /** The sponsors or owners of the agent identity being assigned. */
    targetAgentIdentitySponsorsOrOwners,
};

/** Builders for {@link Targets}. */
export const targets: Targets = {
    /** A specific user, by object id (scope `specificDirectoryUsers`). */
    user,
    /** The members of a group, by object id (scope `specificDirectoryUsers`). */
    group,
    /** The users matching a dynamic-group rule, e.g. `(user.department -eq "Sales")`: auto-assignment policies only. */
    attributeRule: (membershipRule: pulumi.Input<string>, description?: pulumi.Input<string>): DeepInput<AttributeRuleMembers> => ({
        "@odata.type": "#microsoft.graph.attributeRuleMembers",
        membershipRule,
        ...(description === undefined ? {} : { description }),
    }),
    /** The users of one connected organization (scope `specificConnectedOrganizationUsers`). */
    connectedOrganization: (
        connectedOrganizationId: pulumi.Input<string>,
        description?: pulumi.Input<string>,
    ): DeepInput<ConnectedOrganizationMembers> => ({
        "@odata.type": "#microsoft.graph.connectedOrganizationMembers",
        connectedOrganizationId,
        ...(description === undefined ? {} : { description }),
    }),
    /** A specific service principal (scope `specificDirectoryServicePrincipals`). */
    servicePrincipal: (
        servicePrincipalId: pulumi.Input<string>,
        description?: pulumi.Input<string>,
    ): DeepInput<SingleServicePrincipal> => ({
        "@odata.type": "#microsoft.graph.singleServicePrincipal",
        servicePrincipalId,
        ...(description === undefined ? {} : { description }),
    }),
};

/** Builders for {@link Requestors}. */
export const requestors: Requestors = {
    /** A specific user, by object id. */
    user,
    /** The members of a group, by object id. */
    group,
    /** A manager (level 1..4) of the user being assigned. */
    targetManager: (managerLevel: pulumi.Input<1 | 2 | 3 | 4> = 1): DeepInput<TargetManager> => ({
        "@odata.type": "#microsoft.graph.targetManager",
        managerLevel,
    }),
    /** The owners of the application being assigned. */
    targetApplicationOwners: (): DeepInput<TargetApplicationOwners> => ({ "@odata.type": "#microsoft.graph.targetApplicationOwners" }),
    /** The sponsors or owners of the agent identity being assigned. */
    targetAgentIdentitySponsorsOrOwners,
};

/** Builders for {@link Reviewers}. */
export const reviewers: Reviewers = {
    /** A specific user, by object id. */
    user,
    /** The members of a group, by object id. */
    group,
    /** The assigned user's manager (1) or the manager's manager (2). */
    manager: requestorManager,
};
