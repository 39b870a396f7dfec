/** What the rules share: the guidance they cite and small helpers to report violations. */
import type { ApprovalStage } from "../../types";
import { subjectSetNames } from "../policyFacts";
import type { Violation } from "../types";

const LEARN = "https://learn.microsoft.com/entra";
export const EXTERNAL_GUIDANCE = `Microsoft Entra architecture guidance, "Manage external access with entitlement management" (${LEARN}/architecture/6-secure-access-entitlement-managment)`;
export const APPROVAL_GUIDANCE = `Microsoft Entra ID Governance, "Change request and approval settings for an access package" (${LEARN}/id-governance/entitlement-management-access-package-approval-policy)`;
export const REVIEW_GUIDANCE = `Microsoft Entra ID Governance, "Create an access review of an access package" (${LEARN}/id-governance/entitlement-management-access-reviews-create)`;
export const AUTO_GUIDANCE = `Microsoft Entra ID Governance, "Configure an automatic assignment policy" (${LEARN}/id-governance/entitlement-management-access-package-auto-assignment-policy)`;
export const EXTENSION_GUIDANCE = `Microsoft Entra ID Governance, "Trigger Logic Apps with custom extensions in entitlement management" (${LEARN}/id-governance/entitlement-management-logic-apps-integration)`;
export const MAESTER_DELETED_GROUPS =
    "Maester tenant check MT.1107, access packages should not reference deleted groups (https://maester.dev/docs/tests/MT.1107)";

/** Approvers resolved from the requestor at request time; any of them can be missing (no manager, no sponsor). */
const CONDITIONAL_APPROVERS = new Set(["requestorManager", "internalSponsors", "externalSponsors", "targetUserSponsors"]);

/** One violation at `property` when `failed`, none otherwise. */
export function violationIf(failed: boolean, property: string, message: string): Violation[] {
    return failed ? [{ property, message }] : [];
}

/** Approver lists that need a fallback: the conditional approvers of `stage`'s primary and escalation lists. */
export function missingFallbacks(stage: ApprovalStage, path: string): Violation[] {
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

export function days(count: number): string {
    return `${count} day${count === 1 ? "" : "s"}`;
}
