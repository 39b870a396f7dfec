import type { ApprovalSettings, GraphPolicy, PolicyInputs, RequestorSettings } from "../types";
import { approvalSettings } from "./approvalSettings";
import { withCarried, type CarriedProperties } from "./carriedProperties";
import { CheckContext } from "./checkContext";
import { canonicalPolicy } from "./policyShape";
import { requestorSettings } from "./requestorSettings";

// What an auto-assignment policy holds: nobody requests, nothing to approve. Graph's update page marks both settings
// Required, so a PUT of such a policy states them instead of leaving them out.
const NOBODY_REQUESTS = requestorSettings(false)({}, "requestorSettings", new CheckContext()) as RequestorSettings;
const NO_APPROVAL = approvalSettings(false)({}, "requestApprovalSettings", new CheckContext()) as ApprovalSettings;

/**
 * The full Graph body for POST/PUT: `accessPackage: { id }`, every default explicit (Graph's PUT resets what it is
 * not sent, and its update page marks requestor and approval settings Required even for an auto-assignment policy),
 * `null` for absent optional objects, never `unknownFutureValue`, no `adopt`. Expects checked inputs. `carried`
 * (the `carriedGraphProperties` of the policy as Graph last returned it) go back where Graph held them.
 */
export function toGraphBody(inputs: PolicyInputs, carried?: CarriedProperties): GraphPolicy {
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
        requestorSettings: policy.requestorSettings ?? NOBODY_REQUESTS,
        requestApprovalSettings: policy.requestApprovalSettings ?? NO_APPROVAL,
    };
    return withCarried(body, carried);
}
