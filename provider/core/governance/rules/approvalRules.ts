/** Rules on the approval of requests: a stage someone can always approve, justification, on-behalf requests. */
import { requiresApproval } from "../policyFacts";
import { APPROVAL_GUIDANCE, violationIf, missingFallbacks } from "./ruleSupport";
import type { GovernanceRule } from "../types";

export const approvalStageFallback: GovernanceRule = {
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
};

export const approvalRequiresJustification: GovernanceRule = {
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
};

export const onBehalfRequestorsLimited: GovernanceRule = {
    id: "on-behalf-requestors-limited",
    title: "Requests on behalf of others come from a short list and are approved",
    rationale: "An on-behalf requestor assigns access to other people; unapproved or widely held, it bypasses the targets' own request.",
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
};
