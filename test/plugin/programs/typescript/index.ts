// The policy program of test/plugin/typescriptLifecycle.test.ts, on the Node.js SDK generated from the plugin's schema.
import * as pulumi from "@pulumi/pulumi";
import * as entra from "@pulumi-entra/entra";

const config = new pulumi.Config();
const duration = config.get("duration");
const policy = new entra.AccessPackageAssignmentPolicy(config.get("resourceName") || "policy", {
    accessPackageId: config.require("accessPackageId"),
    displayName: "TypeScript policy",
    description: config.get("description") || "Created by the TypeScript program",
    allowedTargetScope: entra.AllowedTargetScope.AllMemberUsers,
    expiration: duration ? { type: entra.ExpirationPatternType.AfterDuration, duration } : undefined,
    requestorSettings: { enableTargetsToSelfAddAccess: config.getBoolean("selfAdd") !== false },
    requestApprovalSettings: { isApprovalRequiredForAdd: false },
});
export const policyId = policy.id;
