/** The policy operations on Graph: the reliable create/read/update/delete of policies, adoption, and directory lookups. */
export { createPolicyApi, type LastKnown, type PolicyApi, type PolicyApiOptions, type OperationContext, type Reflects } from "./policyApi";
export { createDirectoryApi, type DirectoryApi, type GroupState } from "./directoryApi";
export { adoptionTarget, nameTakenError } from "./adoption";
export { DisplayNameTakenError, describePolicies, type ExistingPolicy } from "./displayNameTakenError";
export { WriteAppliedError, type AppliedWrite } from "./writeAppliedError";
export { createPolicyOperations, PartialCreateError, type PolicyOperations, type ReadPolicy } from "./policyOperations";
