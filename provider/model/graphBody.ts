import type { GraphPolicy, PolicyInputs } from "../types";
import { CheckContext } from "./checkContext";
import { canonicalPolicy } from "./policyShape";

/**
 * The full Graph body for POST/PUT: `accessPackage: { id }`, every default explicit (Graph's PUT resets what it is
 * not sent), `null` for absent optional objects, never `unknownFutureValue`, no `adopt`. Expects checked inputs.
 */
export function toGraphBody(inputs: PolicyInputs): GraphPolicy {
    // Re-reading checked inputs is a no-op that also fills defaults if a caller skipped check.
    const policy = canonicalPolicy(inputs, new CheckContext()) as unknown as PolicyInputs;
    const body: GraphPolicy = {
        accessPackage: { id: policy.accessPackageId },
        displayName: policy.displayName,
        description: policy.description,
        allowedTargetScope: policy.allowedTargetScope,
        specificAllowedTargets: policy.specificAllowedTargets ?? [],
        automaticRequestSettings: policy.automaticRequestSettings ?? null,
        expiration: policy.expiration ?? { type: "noExpiration" },
        reviewSettings: policy.reviewSettings ?? null,
        notificationSettings: policy.notificationSettings ?? { isAssignmentNotificationDisabled: false },
        questions: policy.questions ?? [],
        customExtensionStageSettings: policy.customExtensionStageSettings ?? [],
    };
    if (policy.requestorSettings !== undefined) {
        body.requestorSettings = policy.requestorSettings;
    }
    if (policy.requestApprovalSettings !== undefined) {
        body.requestApprovalSettings = policy.requestApprovalSettings;
    }
    return body;
}
