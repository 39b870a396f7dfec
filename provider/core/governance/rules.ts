/** The governance rules. Ids are stable: they name policies in the Pulumi pack and rules in SARIF. */
import { EXPIRATION_STAGES } from "../model/enumValues";
import type { ApprovalStage } from "../types";
import { matchesEveryUser } from "./membershipRule";
import {
    admitsExternalUsers,
    durationInDays,
    expirationOf,
    isRequestBased,
    neverExpires,
    principalReferences,
    requiresApproval,
    subjectSetNames,
} from "./policyFacts";
import type { GovernanceRule, Violation } from "./types";

const LEARN = "https://learn.microsoft.com/entra";
const EXTERNAL_GUIDANCE = `Microsoft Entra architecture guidance, "Manage external access with entitlement management" (${LEARN}/architecture/6-secure-access-entitlement-managment)`;
const APPROVAL_GUIDANCE = `Microsoft Entra ID Governance, "Change request and approval settings for an access package" (${LEARN}/id-governance/entitlement-management-access-package-approval-policy)`;
const REVIEW_GUIDANCE = `Microsoft Entra ID Governance, "Create an access review of an access package" (${LEARN}/id-governance/entitlement-management-access-reviews-create)`;
const AUTO_GUIDANCE = `Microsoft Entra ID Governance, "Configure an automatic assignment policy" (${LEARN}/id-governance/entitlement-management-access-package-auto-assignment-policy)`;
const EXTENSION_GUIDANCE = `Microsoft Entra ID Governance, "Trigger Logic Apps with custom extensions in entitlement management" (${LEARN}/id-governance/entitlement-management-logic-apps-integration)`;
const MAESTER_DELETED_GROUPS =
    "Maester tenant check MT.1107, access packages should not reference deleted groups (https://maester.dev/docs/tests/MT.1107)";

/** Approvers resolved from the requestor at request time; any of them can be missing (no manager, no sponsor). */
const CONDITIONAL_APPROVERS = new Set(["requestorManager", "internalSponsors", "externalSponsors", "targetUserSponsors"]);

/** One violation at `property` when `failed`, none otherwise. */
function violationIf(failed: boolean, property: string, message: string): Violation[] {
    return failed ? [{ property, message }] : [];
}

/** Approver lists that need a fallback: the conditional approvers of `stage`'s primary and escalation lists. */
function missingFallbacks(stage: ApprovalStage, path: string): Violation[] {
    const pairs = [
        ["primaryApprovers", "fallbackPrimaryApprovers"],
        ["escalationApprovers", "fallbackEscalationApprovers"],
    ] as const;
    return pairs.flatMap(([list, fallback]) => {
        const conditional = subjectSetNames(stage[list]).filter((name) => CONDITIONAL_APPROVERS.has(name));
        return violationIf(
            conditional.length > 0 &&
                (stage[fallback] ?? []).length === 0 &&
                (list === "primaryApprovers" || stage.isEscalationEnabled === true),
            `${path}.${fallback}`,
            `${list} has ${conditional.join(", ")}, who may not exist for a requestor, and ${fallback} is empty`,
        );
    });
}

function days(count: number): string {
    return `${count} day${count === 1 ? "" : "s"}`;
}

/** The rules, in the order reports list them. */
export const GOVERNANCE_RULES: readonly GovernanceRule[] = [
    {
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
    },
    {
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
    },
    {
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
    },
    {
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
    },
    {
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
    },
    {
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
    },
    {
        id: "approval-stage-fallback",
        title: "Approval stages whose approvers may be missing have fallback approvers",
        rationale:
            "A requestor may have no manager and an external user no sponsor; without a fallback, such requests wait until they are denied.",
        source: APPROVAL_GUIDANCE,
        property: "requestApprovalSettings.stages[].fallbackPrimaryApprovers",
        remediation: "Add a singleUser or groupMembers approver to the stage's fallbackPrimaryApprovers (and fallbackEscalationApprovers).",
        severity: "high",
        settings: [],
        needsDirectory: false,
        check: (policy) =>
            (policy.requestApprovalSettings?.stages ?? []).flatMap((stage, index) =>
                missingFallbacks(stage, `requestApprovalSettings.stages[${index}]`),
            ),
    },
    {
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
    },
    {
        id: "approval-requires-justification",
        title: "Requestors justify requests that need approval",
        rationale: "Approvers decide on the business reason; without one, approval becomes a rubber stamp and the audit trail has no why.",
        source: APPROVAL_GUIDANCE,
        property: "requestApprovalSettings.isRequestorJustificationRequired",
        remediation: "Set requestApprovalSettings.isRequestorJustificationRequired to true.",
        severity: "medium",
        settings: [],
        needsDirectory: false,
        check: (policy) =>
            violationIf(
                requiresApproval(policy) && policy.requestApprovalSettings?.isRequestorJustificationRequired !== true,
                "requestApprovalSettings.isRequestorJustificationRequired",
                "requests need approval but requestors are not asked for a justification",
            ),
    },
    {
        id: "on-behalf-requestors-limited",
        title: "Requests on behalf of others come from a short list and are approved",
        rationale:
            "An on-behalf requestor assigns access to other people; unapproved or widely held, it bypasses the targets' own request.",
        source: "Stated practice: least privilege for delegated requesting, as with approval of self-requests",
        property: "requestorSettings.onBehalfRequestors",
        remediation:
            "Keep onBehalfRequestors within the allowed count and require approval for add when enableOnBehalfRequestorsToAddAccess is true.",
        severity: "medium",
        settings: ["maxOnBehalfRequestors"],
        needsDirectory: false,
        check: (policy, { settings }) => {
            const requestors = policy.requestorSettings;
            const count = requestors?.onBehalfRequestors?.length ?? 0;
            return [
                ...violationIf(
                    count > settings.maxOnBehalfRequestors,
                    "requestorSettings.onBehalfRequestors",
                    `${count} on-behalf requestors; at most ${settings.maxOnBehalfRequestors} are allowed`,
                ),
                ...violationIf(
                    requestors?.enableOnBehalfRequestorsToAddAccess === true &&
                        policy.requestApprovalSettings?.isApprovalRequiredForAdd !== true,
                    "requestorSettings.enableOnBehalfRequestorsToAddAccess",
                    "on-behalf requestors may add access for others without approval",
                ),
            ];
        },
    },
    {
        id: "never-expiring-members-only",
        title: "Only member users get assignments that never expire",
        rationale: "Guests and external users leave without the directory knowing; only an expiration removes their access reliably.",
        source: EXTERNAL_GUIDANCE,
        property: "expiration.type",
        remediation:
            'Set expiration to { type: "afterDuration", duration: "P365D" } (or shorter), or narrow allowedTargetScope to member users.',
        severity: "high",
        settings: ["neverExpiringScopes"],
        needsDirectory: false,
        check: (policy, { settings }) => {
            const expiration = expirationOf(policy);
            return violationIf(
                neverExpires(expiration) && !settings.neverExpiringScopes.includes(policy.allowedTargetScope),
                "expiration.type",
                `assignments never expire (${expiration.type}) but allowedTargetScope ${policy.allowedTargetScope} is not member-only (allowed: ${settings.neverExpiringScopes.join(", ")})`,
            );
        },
    },
    {
        id: "auto-assignment-not-everyone",
        title: "Auto-assignment rules do not match every user",
        rationale:
            "An automatic policy assigns everyone its rule matches, without a request or approval; a rule that matches everyone hands the package to the whole directory.",
        source: AUTO_GUIDANCE,
        property: "specificAllowedTargets[].membershipRule",
        remediation: 'Narrow the membershipRule to the attribute that defines who needs access, e.g. (user.department -eq "Sales").',
        severity: "high",
        settings: [],
        needsDirectory: false,
        check: (policy) =>
            isRequestBased(policy)
                ? []
                : (policy.specificAllowedTargets ?? []).flatMap((target, index) =>
                      violationIf(
                          "membershipRule" in target && matchesEveryUser(target.membershipRule),
                          `specificAllowedTargets[${index}].membershipRule`,
                          `the rule ${JSON.stringify((target as { membershipRule: string }).membershipRule)} matches every user`,
                      ),
                  ),
    },
    {
        id: "custom-extension-stage-reachable",
        title: "Custom extensions run only at stages the policy goes through",
        rationale:
            "An extension at a stage the policy never reaches (approval without approval, expiry without expiration) silently never runs.",
        source: EXTENSION_GUIDANCE,
        property: "customExtensionStageSettings[].stage",
        remediation: "Remove the stage setting, or configure what makes the stage happen (approval, or an expiration long enough).",
        severity: "medium",
        settings: [],
        needsDirectory: false,
        check: (policy) => {
            const expiration = expirationOf(policy);
            const lengthInDays = expiration.type === "afterDuration" ? durationInDays(expiration.duration) : undefined;
            const unreachable = (stage: string): string | undefined => {
                if (stage === "assignmentRequestApproved" && !requiresApproval(policy)) {
                    return "requests are never approved: the policy requires no approval";
                }
                if ((EXPIRATION_STAGES as readonly string[]).includes(stage) && neverExpires(expiration)) {
                    return `assignments never expire (${expiration.type})`;
                }
                if (stage === "assignmentFourteenDaysBeforeExpiration" && lengthInDays !== undefined && lengthInDays <= 14) {
                    return `assignments last ${expiration.duration}, so fourteen days before expiration is before they start`;
                }
                return undefined;
            };
            return (policy.customExtensionStageSettings ?? []).flatMap((setting, index) => {
                const reason = unreachable(setting.stage);
                return violationIf(
                    reason !== undefined,
                    `customExtensionStageSettings[${index}].stage`,
                    `${setting.stage} never happens: ${reason}`,
                );
            });
        },
    },
    {
        id: "directory-principals-exist",
        title: "Users and groups the policy names still exist",
        rationale: "A deleted approver, reviewer or target group breaks approvals and assignments without any error at the policy.",
        source: MAESTER_DELETED_GROUPS,
        property:
            "userId and groupId of specificAllowedTargets[], requestorSettings.onBehalfRequestors[], every approver and reviewer list",
        remediation: "Replace or remove the deleted user or group.",
        severity: "high",
        settings: [],
        needsDirectory: true,
        check: (policy, { directory }) =>
            principalReferences(policy).flatMap((reference) => {
                const exists = reference.kind === "user" ? directory?.userExists(reference.id) : directory?.group(reference.id)?.exists;
                const field = reference.kind === "user" ? "userId" : "groupId";
                return violationIf(
                    exists === false,
                    `${reference.property}.${field}`,
                    `${reference.kind} ${reference.id} does not exist in the directory`,
                );
            }),
    },
    {
        id: "approver-groups-not-empty",
        title: "Approver and reviewer groups have members",
        rationale:
            "An empty approver group leaves requests with nobody to approve them, and an empty reviewer group leaves reviews to their default.",
        source: "Stated practice, as Maester's entitlement-management tenant checks test that policies have valid approvers",
        property: "groupId of requestApprovalSettings.stages[] approver lists and reviewSettings reviewer lists",
        remediation: "Add members to the group, or name another approver or reviewer.",
        severity: "high",
        settings: [],
        needsDirectory: true,
        check: (policy, { directory }) =>
            principalReferences(policy)
                .filter((reference) => reference.kind === "group" && reference.decides)
                .flatMap((reference) => {
                    const group = directory?.group(reference.id);
                    return violationIf(
                        group?.exists === true && !group.hasMembers,
                        `${reference.property}.groupId`,
                        `group ${reference.id} has no members`,
                    );
                }),
    },
];

/** The rule with `id`, if there is one. */
export function governanceRule(id: string): GovernanceRule | undefined {
    return GOVERNANCE_RULES.find((rule) => rule.id === id);
}

/** The ids in `ids` that name no rule. */
export function unknownRuleIds(ids: Iterable<string>): string[] {
    return [...ids].filter((id) => governanceRule(id) === undefined);
}
