/** The governance rules. Ids are stable: they name policies in the Pulumi pack and rules in SARIF. */
import {
    allowedTargetScope,
    externalRequiresApproval,
    externalExpiration,
    externalAccessReviews,
    externalReviewRemovesAccess,
} from "./externalAccessRules";
import { approvalStageFallback, approvalRequiresJustification, onBehalfRequestorsLimited } from "./approvalRules";
import { reviewDecisionDeadline, reviewFallbackReviewers } from "./reviewRules";
import { neverExpiringMembersOnly, autoAssignmentNotEveryone, customExtensionStageReachable } from "./assignmentRules";
import { directoryPrincipalsExist, approverGroupsNotEmpty } from "./directoryRules";
import type { GovernanceRule } from "../types";

/** The rules, in the order reports list them. */
export const GOVERNANCE_RULES: readonly GovernanceRule[] = [
    allowedTargetScope,
    externalRequiresApproval,
    externalExpiration,
    externalAccessReviews,
    externalReviewRemovesAccess,
    reviewDecisionDeadline,
    approvalStageFallback,
    reviewFallbackReviewers,
    approvalRequiresJustification,
    onBehalfRequestorsLimited,
    neverExpiringMembersOnly,
    autoAssignmentNotEveryone,
    customExtensionStageReachable,
    directoryPrincipalsExist,
    approverGroupsNotEmpty,
];

/** The rule with `id`, if there is one. */
export function governanceRule(id: string): GovernanceRule | undefined {
    return GOVERNANCE_RULES.find((rule) => rule.id === id);
}

/** The ids in `ids` that name no rule. */
export function unknownRuleIds(ids: Iterable<string>): string[] {
    return [...ids].filter((id) => governanceRule(id) === undefined);
}
