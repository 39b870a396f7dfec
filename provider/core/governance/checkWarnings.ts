/**
 * What `check` warns about: policies Graph accepts that the Entra admin center would not save. They are warnings,
 * not failures, because Graph's API takes them (and a policy made elsewhere may already be so); the policy pack and
 * `lint` can make them fail.
 */
import { containsUnknown } from "../model/unknown";
import type { PolicyInputs } from "../types";
import { approvalStageFallback } from "./rules/approvalRules";
import { DEFAULT_SETTINGS } from "./settings";

/** A warning at one property path of a checked policy. */
export interface CheckWarning {
    property: string;
    message: string;
}

const ADMIN_CENTER_REASON =
    "Graph accepts this, but the Entra admin center requires a fallback approver when the requestor's manager or a sponsor " +
    "approves, because a requestor may have none and the request would wait until it is denied";

/** The warnings for a canonical policy; none while a stage still holds values unknown until apply. */
export function checkWarnings(policy: PolicyInputs): CheckWarning[] {
    if (containsUnknown(policy.requestApprovalSettings)) return [];
    return approvalStageFallback.check(policy, { settings: DEFAULT_SETTINGS, now: new Date() }).map(({ property, message }) => ({
        property,
        message: `${message}. ${ADMIN_CENTER_REASON}. ${approvalStageFallback.remediation}`,
    }));
}

/**
 * One warning as a line of the provider's standard error, which the Pulumi engine shows with the preview: the engine
 * has no warning field in a check's answer, so the line names the policy it is about.
 */
export function checkWarningLine(displayName: unknown, warning: CheckWarning): string {
    const policy = typeof displayName === "string" ? JSON.stringify(displayName) : "(unnamed)";
    return `warning: assignment policy ${policy}: ${warning.property}: ${warning.message}\n`;
}
