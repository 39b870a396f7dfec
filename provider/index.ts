/**
 * Pulumi dynamic provider for Microsoft Entra entitlement-management access package assignment policies
 * (Microsoft Graph v1.0 `/identityGovernance/entitlementManagement/assignmentPolicies`).
 *
 * @packageDocumentation
 */
export { AccessPackageAssignmentPolicy, type AccessPackageAssignmentPolicyOutputs } from "./dynamic/resource";
export { policyProvider } from "./dynamic/policyProvider";
export {
    approvers,
    requestors,
    reviewers,
    targets,
    type Approvers,
    type Requestors,
    type Reviewers,
    type Targets,
} from "./dynamic/subjects";
export type { AccessPackageAssignmentPolicyArgs, DeepInput } from "./dynamic/args";
export * from "./core/types";
