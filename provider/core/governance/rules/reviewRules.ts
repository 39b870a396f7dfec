/** Rules on access reviews: decisions that come in time, and reviewers who always exist. */
import { durationInDays, subjectSetNames } from "../policyFacts";
import { REVIEW_GUIDANCE, violationIf, days } from "./ruleSupport";
import type { GovernanceRule } from "../types";

export const reviewDecisionDeadline: GovernanceRule = {
    id: "review-decision-deadline",
    title: "Access reviews end within the allowed number of days",
    rationale:
        "The default decision applies only when a review ends; a review without a deadline, or a very long one, leaves access undecided.",
    source: REVIEW_GUIDANCE,
    property: "reviewSettings.schedule.expiration",
    remediation: 'Set reviewSettings.schedule.expiration to { type: "afterDuration", duration: "P<N>D" } within the allowed days.',
    severity: "medium",
    settings: ["maxReviewDurationDays"],
    needsDirectory: false,
    check: (policy, { settings }) => {
        const reviews = policy.reviewSettings;
        if (reviews?.isEnabled !== true) {
            return [];
        }
        const expiration = reviews.schedule?.expiration;
        const length = expiration?.type === "afterDuration" ? durationInDays(expiration.duration) : undefined;
        return violationIf(
            length === undefined || length > settings.maxReviewDurationDays,
            "reviewSettings.schedule.expiration",
            expiration?.type === "afterDuration"
                ? `each review lasts ${expiration.duration}; the limit is ${days(settings.maxReviewDurationDays)}`
                : `each review has no duration (${expiration?.type ?? "none set"}); the limit is ${days(settings.maxReviewDurationDays)}`,
        );
    },
};

export const reviewFallbackReviewers: GovernanceRule = {
    id: "review-fallback-reviewers",
    title: "Reviews by the requestor's manager have fallback reviewers",
    rationale: "Users without a manager would otherwise never be reviewed, so the review's default decision applies to them unseen.",
    source: REVIEW_GUIDANCE,
    property: "reviewSettings.fallbackReviewers",
    remediation: "Add a singleUser or groupMembers reviewer to reviewSettings.fallbackReviewers.",
    severity: "medium",
    settings: [],
    needsDirectory: false,
    check: (policy) => {
        const reviews = policy.reviewSettings;
        return violationIf(
            reviews?.isEnabled === true &&
                subjectSetNames(reviews.primaryReviewers).includes("requestorManager") &&
                (reviews.fallbackReviewers ?? []).length === 0,
            "reviewSettings.fallbackReviewers",
            "primaryReviewers has requestorManager and fallbackReviewers is empty",
        );
    },
};
