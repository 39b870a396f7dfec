/** Rules on who outside the organization a policy admits, and for how long. */
import { admitsExternalUsers, durationInDays, expirationOf, isRequestBased, neverExpires } from "../policyFacts";
import { EXTERNAL_GUIDANCE, REVIEW_GUIDANCE, violationIf, days } from "./ruleSupport";
import type { GovernanceRule } from "../types";

export const allowedTargetScope: GovernanceRule = {
    id: "allowed-target-scope",
    title: "The policy admits only the target scopes the organization allows",
    rationale:
        "allExternalUsers lets any user of any organization request access, including organizations never vetted as connected organizations.",
    source: EXTERNAL_GUIDANCE,
    property: "allowedTargetScope",
    remediation:
        "Use a scope from the allowed list, e.g. specificConnectedOrganizationUsers with the connected organizations that need access.",
    severity: "high",
    settings: ["allowedTargetScopes"],
    needsDirectory: false,
    check: (policy, { settings }) =>
        violationIf(
            !settings.allowedTargetScopes.includes(policy.allowedTargetScope),
            "allowedTargetScope",
            `${policy.allowedTargetScope} is not an allowed scope (allowed: ${settings.allowedTargetScopes.join(", ")})`,
        ),
};

export const externalRequiresApproval: GovernanceRule = {
    id: "external-requires-approval",
    title: "Policies that admit external users require approval",
    rationale: "Without approval, anyone in the external scope gets the access package's resources the moment they ask.",
    source: EXTERNAL_GUIDANCE,
    property: "requestApprovalSettings.isApprovalRequiredForAdd",
    remediation:
        "Set requestApprovalSettings.isApprovalRequiredForAdd to true with at least one approval stage (sponsors or a named approver).",
    severity: "high",
    settings: [],
    needsDirectory: false,
    check: (policy) =>
        violationIf(
            admitsExternalUsers(policy) && isRequestBased(policy) && policy.requestApprovalSettings?.isApprovalRequiredForAdd !== true,
            "requestApprovalSettings.isApprovalRequiredForAdd",
            `allowedTargetScope ${policy.allowedTargetScope} admits external users but requests to add access are not approved`,
        ),
};

export const externalExpiration: GovernanceRule = {
    id: "external-expiration",
    title: "External users' assignments expire within the allowed number of days",
    rationale:
        "Time-limited access is what removes external users who no longer collaborate; an assignment that never ends outlives the project.",
    source: EXTERNAL_GUIDANCE,
    property: "expiration",
    remediation:
        'Set expiration to { type: "afterDuration", duration: "P<N>D" } with N at most the allowed days, or an endDateTime within them.',
    severity: "high",
    settings: ["maxExternalAssignmentDays"],
    needsDirectory: false,
    check: (policy, { settings, now }) => {
        if (!admitsExternalUsers(policy)) {
            return [];
        }
        const limit = settings.maxExternalAssignmentDays;
        const expiration = expirationOf(policy);
        if (neverExpires(expiration)) {
            return [
                {
                    property: "expiration.type",
                    message: `assignments of external users never expire (${expiration.type}); the limit is ${days(limit)}`,
                },
            ];
        }
        if (expiration.type === "afterDuration") {
            const length = durationInDays(expiration.duration);
            return violationIf(
                length === undefined || length > limit,
                "expiration.duration",
                `assignments last ${expiration.duration}; the limit is ${days(limit)}`,
            );
        }
        const end = Date.parse(expiration.endDateTime ?? "");
        return violationIf(
            Number.isNaN(end) || end - now.getTime() > limit * 86_400_000,
            "expiration.endDateTime",
            `assignments end at ${expiration.endDateTime}, more than ${days(limit)} after ${now.toISOString()}`,
        );
    },
};

export const externalAccessReviews: GovernanceRule = {
    id: "external-access-reviews",
    title: "Policies that admit external users have access reviews",
    rationale: "Recurring reviews are how a sponsor confirms that each external user still needs access before it is renewed or kept.",
    source: EXTERNAL_GUIDANCE,
    property: "reviewSettings.isEnabled",
    remediation: "Set reviewSettings with isEnabled: true, a schedule, and reviewers (sponsors, a named reviewer, or self-review).",
    severity: "high",
    settings: [],
    needsDirectory: false,
    check: (policy) =>
        violationIf(
            admitsExternalUsers(policy) && policy.reviewSettings?.isEnabled !== true,
            "reviewSettings.isEnabled",
            `allowedTargetScope ${policy.allowedTargetScope} admits external users but their assignments are never reviewed`,
        ),
};

export const externalReviewRemovesAccess: GovernanceRule = {
    id: "external-review-removes-access",
    title: "Reviews of external users remove access when reviewers do not decide",
    rationale:
        "A review whose default is keepAccess renews every external user nobody looked at, so unanswered reviews grant access indefinitely.",
    source: REVIEW_GUIDANCE,
    property: "reviewSettings.expirationBehavior",
    remediation: 'Set reviewSettings.expirationBehavior to "removeAccess".',
    severity: "medium",
    settings: [],
    needsDirectory: false,
    check: (policy) => {
        const reviews = policy.reviewSettings;
        const behavior = reviews?.expirationBehavior ?? "keepAccess";
        return violationIf(
            admitsExternalUsers(policy) && reviews?.isEnabled === true && behavior !== "removeAccess",
            "reviewSettings.expirationBehavior",
            `external users are in scope and an unanswered review applies ${behavior}`,
        );
    },
};
