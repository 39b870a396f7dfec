/**
 * The policies both benchmark programs declare, from the stack's `bench:*` config: `bench:count` policies, policy i
 * in access package `i mod packages.length` of the `bench:packages` JSON list. The provider serialises creates per
 * access package, so spreading the policies over many packages is what lets engine parallelism reach Graph. One
 * source for both programs, so that the dynamic provider and the plugin are given the very same inputs.
 */
import * as pulumi from "@pulumi/pulumi";
import type { AccessPackageAssignmentPolicyArgs } from "pulumi-entra-assignment-policy";

/** Each policy's resource name and inputs. */
export function benchPolicies(): { name: string; args: AccessPackageAssignmentPolicyArgs }[] {
    const config = new pulumi.Config("bench");
    const count = config.requireNumber("count");
    const packages = config.requireObject<string[]>("packages");
    // Changing the description makes every policy an in-place update.
    const description = config.get("description") ?? "Benchmark policy.";
    return Array.from({ length: count }, (_, i) => ({
        name: `policy-${i}`,
        args: {
            accessPackageId: packages[i % packages.length],
            displayName: `bench policy ${i}`,
            description,
            allowedTargetScope: "allMemberUsers",
            expiration: { type: "afterDuration", duration: "P365D" },
            requestorSettings: { enableTargetsToSelfAddAccess: true, enableTargetsToSelfRemoveAccess: true },
            requestApprovalSettings: { isApprovalRequiredForAdd: false, isApprovalRequiredForUpdate: false, stages: [] },
        },
    }));
}
