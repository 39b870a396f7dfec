/** The policy as the provider stores it (inputs, outputs) and as it sends it to Graph. */
import type { AllowedTargetScope } from "./enums";
import type { Question } from "./questions";
import type {
    ApprovalSettings,
    AutomaticRequestSettings,
    CustomExtensionStageSetting,
    ExpirationPattern,
    NotificationSettings,
    RequestorSettings,
    ReviewSettings,
} from "./policySettings";
import type { AllowedTarget } from "./subjectSets";

/**
 * The policy's inputs with Graph's own names and shapes, plus `accessPackageId` (in place of Graph's
 * `accessPackage: { id }`) and `adopt`. This is what `check` returns in canonical form and what state stores.
 */
export type PolicyInputs = {
    /** Id (GUID) of the access package that holds the policy. Required. Changing it replaces the policy. */
    accessPackageId: string;
    /** Display name, unique among the access package's policies by convention. Required, non-empty. */
    displayName: string;
    /** Description shown to requestors. Required; may be empty. */
    description: string;
    /** Who may be assigned through the policy; see {@link AllowedTargetScope}. Required. */
    allowedTargetScope: AllowedTargetScope;
    /**
     * The principals allowed when `allowedTargetScope` is one of the `specific*` scopes (then non-empty), else `[]`:
     * singleUser, groupMembers or (auto-assignment policies only) attributeRuleMembers for `specificDirectoryUsers`; connectedOrganizationMembers for
     * `specificConnectedOrganizationUsers`; singleServicePrincipal for `specificDirectoryServicePrincipals`.
     * Compared as a set. Default `[]`.
     */
    specificAllowedTargets?: AllowedTarget[];
    /**
     * Makes the policy an auto-assignment policy. Requires `allowedTargetScope: "specificDirectoryUsers"` with exactly
     * one attributeRuleMembers target, and no requestor or approval settings. Absent = request-based policy.
     */
    automaticRequestSettings?: AutomaticRequestSettings;
    /** When assignments made through the policy expire. Default `{ type: "noExpiration" }`. */
    expiration?: ExpirationPattern;
    /** Who may request and what. Required for request-based policies; omit for auto-assignment policies. */
    requestorSettings?: RequestorSettings;
    /** Whether requests need approval. Required for request-based policies; omit for auto-assignment policies. */
    requestApprovalSettings?: ApprovalSettings;
    /** Access reviews of assignments. Absent = no reviews. */
    reviewSettings?: ReviewSettings;
    /** Assignment notification emails. Default `{ isAssignmentNotificationDisabled: false }`. */
    notificationSettings?: NotificationSettings;
    /** Questions posed to requestors; ordered by `sequence`. Default `[]`. */
    questions?: Question[];
    /** Custom workflow extensions run at stages of the assignment lifecycle. Compared as a set. Default `[]`. */
    customExtensionStageSettings?: CustomExtensionStageSetting[];
    /**
     * Brownfield adoption (not a Graph property; never sent to Graph, never causes a diff). `true` takes over the
     * existing policy with the same `displayName` in the access package, if there is one; a policy id (GUID) takes
     * over that policy. Either way the next update makes it match these inputs.
     */
    adopt?: boolean | string;
};

/** The policy's outputs: its canonical inputs as Graph holds them, plus Graph's read-only properties. */
export type PolicyOutputs = PolicyInputs & {
    /** The policy id (GUID) Graph generated. */
    id: string;
    /** When the policy was created (ISO 8601, UTC). */
    createdDateTime?: string;
    /** When the policy was last modified (ISO 8601, UTC). */
    modifiedDateTime?: string;
    /** Id of the catalog that holds the access package. */
    catalogId?: string;
    /**
     * Properties Graph returned that this version of the provider does not know (a newer Graph's), by path, e.g.
     * `{ "requestApprovalSettings.stages[0].newSetting": "on" }`. Every update sends them back unchanged where
     * Graph held them (a PUT resets what it is not sent; inside a list, into the same element: a stage by position,
     * a question by id or position, an approver or other subject set by what it holds, wherever the inputs list it),
     * so setting them in the portal is never undone. Absent when there are none.
     */
    carriedGraphProperties?: Record<string, unknown>;
};

/**
 * The body of a POST or PUT: every writable property explicit (Graph's PUT resets what it is not sent), the access
 * package as Graph names it, `null` for absent optional objects, and no `adopt`.
 */
export type GraphPolicy = Omit<
    PolicyInputs,
    "accessPackageId" | "adopt" | "automaticRequestSettings" | "reviewSettings" | OptionalWithDefault
> &
    Required<Pick<PolicyInputs, OptionalWithDefault>> & {
        /** The access package that holds the policy. */
        accessPackage: { id: string };
        /** `null` for a request-based policy. */
        automaticRequestSettings: AutomaticRequestSettings | null;
        /** `null` when the policy has no access reviews. */
        reviewSettings: ReviewSettings | null;
    };

/** Inputs that are optional to write but always sent, with their defaults made explicit. */
type OptionalWithDefault =
    | "specificAllowedTargets"
    | "expiration"
    | "requestorSettings"
    | "requestApprovalSettings"
    | "notificationSettings"
    | "questions"
    | "customExtensionStageSettings";

/** One validation failure, as Pulumi's `check` reports it. */
export interface CheckFailure {
    /** Path of the offending property, e.g. `requestApprovalSettings.stages[1].durationBeforeEscalation`. */
    property: string;
    /** What is wrong and what is allowed. */
    reason: string;
}
