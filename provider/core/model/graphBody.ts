import type * as Graph from "@microsoft/microsoft-graph-types";
import type { ApprovalSettings, GraphPolicy, RequestorSettings } from "../types";
import { approvalSettings } from "./approvalSettings";
import { readCanonical, type CanonicalPolicy } from "./canonicalPolicy";
import { withCarried, type CarriedProperties } from "./carriedProperties";
import { CheckContext } from "./checkContext";
import { requestorSettings } from "./requestorSettings";

// What an auto-assignment policy holds: nobody requests, nothing to approve. Graph's update page marks both settings
// Required, so a PUT of such a policy states them instead of leaving them out.
const NOBODY_REQUESTS = requestorSettings(false)({}, "requestorSettings", new CheckContext()) as RequestorSettings;
const NO_APPROVAL = approvalSettings(false)({}, "requestApprovalSettings", new CheckContext()) as ApprovalSettings;

/**
 * The full Graph body for POST/PUT: `accessPackage: { id }`, every default explicit (Graph's PUT resets what it is
 * not sent, and its update page marks requestor and approval settings Required even for an auto-assignment policy),
 * `null` for absent optional objects, never `unknownFutureValue`, no `adopt`. `carried` (the
 * `carriedGraphProperties` of the policy as Graph last returned it) go back where Graph held them: `held`, the
 * outputs they came with (as state stores them), tells which element of a list held each one, so that it goes to
 * the same element of `policy` (see `withCarried`).
 */
export function toGraphBody(policy: CanonicalPolicy, carried?: CarriedProperties, held?: object): GraphPolicy {
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
    // Outputs an earlier version stored may be in an earlier canonical form; diff reads them the same way.
    return withCarried(body, carried, carried && held && readCanonical(held, new CheckContext()));
}

/**
 * `body` as `@microsoft/microsoft-graph-types` 2.43.1 types a policy, which the Graph client takes. Those typings
 * predate members the provider sends (an agent-identity scope, for one); the oracle test holds the body to Graph's
 * current v1.0 models instead.
 */
export function asSdkPolicy(body: GraphPolicy): Graph.AccessPackageAssignmentPolicy {
    return body as Graph.AccessPackageAssignmentPolicy;
}
