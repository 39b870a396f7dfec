/** The policy operations on Graph: the reliable create/read/update/delete of policies, adoption, and directory lookups. */
export { createPolicyApi, type LastKnown, type PolicyApi, type PolicyApiOptions, type OperationContext, type Reflects } from "./policyApi";
export { createDirectoryApi, type DirectoryApi, type GroupState } from "./directoryApi";
export { adoptionTarget, nameTakenError } from "./adoption";
export { createPolicyOperations, PartialCreateError, type PolicyOperations, type ReadPolicy } from "./policyOperations";
