/** Facts about a policy that several rules share: who it admits, when its assignments end, whom it names. */
import { parseDuration } from "../model/durations";
import { subjectSetName, type SubjectSetName } from "../model/subjectSets";
import type { ExpirationPattern, PolicyInputs, SubjectSet } from "../types";
import { EXTERNAL_SCOPES } from "./settings";

const SECONDS_PER_DAY = 86_400;

/** Whether the policy admits users from outside the directory. */
export function admitsExternalUsers(policy: PolicyInputs): boolean {
    return EXTERNAL_SCOPES.includes(policy.allowedTargetScope);
}

/** Whether the policy is request-based (auto-assignment policies have no requestors or approvers). */
export function isRequestBased(policy: PolicyInputs): boolean {
    return policy.automaticRequestSettings === undefined || policy.automaticRequestSettings === null;
}

/** Whether approval is required to add or update access. */
export function requiresApproval(policy: PolicyInputs): boolean {
    const approval = policy.requestApprovalSettings;
    return approval?.isApprovalRequiredForAdd === true || approval?.isApprovalRequiredForUpdate === true;
}

/** A duration in days (fractions kept), or `undefined` when the text is not one Graph holds. */
export function durationInDays(text: string | undefined): number | undefined {
    const parsed = text === undefined ? undefined : parseDuration(text);
    return parsed?.ok ? parsed.value.seconds / SECONDS_PER_DAY : undefined;
}

/** The policy's expiration; Graph's default is `noExpiration`. */
export function expirationOf(policy: PolicyInputs): ExpirationPattern {
    return policy.expiration ?? { type: "noExpiration" };
}

/** Whether assignments never end: no expiration, or one Graph treats as none. */
export function neverExpires(expiration: ExpirationPattern): boolean {
    return expiration.type === "noExpiration" || expiration.type === "notSpecified";
}

/** The subject-set type names in a list, e.g. `["requestorManager", "singleUser"]`. */
export function subjectSetNames(list: readonly SubjectSet[] | undefined): SubjectSetName[] {
    return (list ?? []).map((entry) => subjectSetName(entry["@odata.type"])).filter((name) => name !== undefined);
}

/** A user or group the policy names, where, and whether it approves or reviews. */
export interface PrincipalReference {
    kind: "user" | "group";
    id: string;
    /** Path of the list entry, e.g. `requestApprovalSettings.stages[0].primaryApprovers[1]`. */
    property: string;
    /** True for approver and reviewer lists: an empty group there leaves requests or reviews with nobody to decide. */
    decides: boolean;
}

function referencesIn(list: readonly SubjectSet[] | undefined, path: string, decides: boolean): PrincipalReference[] {
    return (list ?? []).flatMap((entry, index): PrincipalReference[] => {
        const name = subjectSetName(entry["@odata.type"]);
        const property = `${path}[${index}]`;
        if (name === "singleUser" && "userId" in entry) {
            return [{ kind: "user", id: entry.userId, property, decides }];
        }
        if (name === "groupMembers" && "groupId" in entry) {
            return [{ kind: "group", id: entry.groupId, property, decides }];
        }
        return [];
    });
}

/** Every user and group the policy names: allowed targets, on-behalf requestors, approvers and reviewers. */
export function principalReferences(policy: PolicyInputs): PrincipalReference[] {
    const stages = policy.requestApprovalSettings?.stages ?? [];
    const approverLists = ["primaryApprovers", "fallbackPrimaryApprovers", "escalationApprovers", "fallbackEscalationApprovers"] as const;
    return [
        ...referencesIn(policy.specificAllowedTargets, "specificAllowedTargets", false),
        ...referencesIn(policy.requestorSettings?.onBehalfRequestors, "requestorSettings.onBehalfRequestors", false),
        ...stages.flatMap((stage, index) =>
            approverLists.flatMap((list) => referencesIn(stage[list], `requestApprovalSettings.stages[${index}].${list}`, true)),
        ),
        ...referencesIn(policy.reviewSettings?.primaryReviewers, "reviewSettings.primaryReviewers", true),
        ...referencesIn(policy.reviewSettings?.fallbackReviewers, "reviewSettings.fallbackReviewers", true),
    ];
}
