/**
 * The benchmark program: `bench:count` policies, policy i in access package `i mod packages.length` of the
 * `bench:packages` JSON list. The provider serialises creates per access package, so spreading the policies over
 * many packages is what lets engine parallelism reach Graph.
 */
import * as pulumi from "@pulumi/pulumi";
import { AccessPackageAssignmentPolicy } from "pulumi-entra-assignment-policy";

const config = new pulumi.Config("bench");
const count = config.requireNumber("count");
const packages = config.requireObject<string[]>("packages");
// Changing the description makes every policy an in-place update.
const description = config.get("description") ?? "Benchmark policy.";

for (let i = 0; i < count; i++) {
    new AccessPackageAssignmentPolicy(`policy-${i}`, {
        accessPackageId: packages[i % packages.length],
        displayName: `bench policy ${i}`,
        description,
        allowedTargetScope: "allMemberUsers",
        expiration: { type: "afterDuration", duration: "P365D" },
        requestorSettings: { enableTargetsToSelfAddAccess: true, enableTargetsToSelfRemoveAccess: true },
        requestApprovalSettings: { isApprovalRequiredForAdd: false, isApprovalRequiredForUpdate: false, stages: [] },
    });
}
