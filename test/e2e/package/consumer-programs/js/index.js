"use strict";
// A user's plain JavaScript program: no TypeScript toolchain is involved in loading it.
const pulumi = require("@pulumi/pulumi");
const { AccessPackageAssignmentPolicy } = require("pulumi-entra-assignment-policy");

const policy = new AccessPackageAssignmentPolicy("consumer-policy", {
    accessPackageId: process.env.CONSUMER_ACCESS_PACKAGE_ID,
    displayName: `${pulumi.getProject()} ${pulumi.getStack()}`,
    description: "Managed by a stack that installed the package from its tarball.",
    allowedTargetScope: "allMemberUsers",
    requestorSettings: { enableTargetsToSelfAddAccess: true },
    requestApprovalSettings: { isApprovalRequiredForAdd: false },
});

exports.policyUrn = policy.urn;
