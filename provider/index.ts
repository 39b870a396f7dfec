/**
 * Pulumi dynamic provider for Microsoft Entra entitlement-management access package assignment policies
 * (Microsoft Graph v1.0 `/identityGovernance/entitlementManagement/assignmentPolicies`).
 *
 * @packageDocumentation
 */
export { AccessPackageAssignmentPolicy, type AccessPackageAssignmentPolicyOutputs } from "./resource";
export { policyProvider } from "./policyProvider";
export { approvers, requestors, reviewers, targets, type Approvers, type Requestors, type Reviewers, type Targets } from "./subjects";
export * from "./types";
