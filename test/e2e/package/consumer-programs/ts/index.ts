// A user's program: it knows the package only by name, as installed from the registry.
import * as pulumi from "@pulumi/pulumi";
import { AccessPackageAssignmentPolicy, type AccessPackageAssignmentPolicyArgs } from "pulumi-entra-assignment-policy";

const args: AccessPackageAssignmentPolicyArgs = {
    accessPackageId: process.env.CONSUMER_ACCESS_PACKAGE_ID!,
    displayName: `${pulumi.getProject()} ${pulumi.getStack()}`,
    description: "Managed by a stack that installed the package from its tarball.",
    allowedTargetScope: "allMemberUsers",
    requestorSettings: { enableTargetsToSelfAddAccess: true },
    requestApprovalSettings: { isApprovalRequiredForAdd: false },
};

const policy = new AccessPackageAssignmentPolicy("consumer-policy", args);

export const policyUrn: pulumi.Output<string> = policy.urn;
