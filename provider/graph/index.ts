/** The provider's Graph access layer: settings, credentials, the Graph client chain and reliable policy operations. */
export { resolveGraphSettings, GraphSettingsError, type ConfigSource, type GraphSettings, type GraphAuth } from "./settings";
export { createDirectoryApi, type DirectoryApi, type GroupState } from "./directoryApi";
export { createPolicyApi, type LastKnown, type PolicyApi, type PolicyApiOptions, type OperationContext, type Reflects } from "./policyApi";
export {
    describePolicies,
    DisplayNameTakenError,
    GraphRequestError,
    WriteAppliedError,
    type AppliedWrite,
    type ExistingPolicy,
    type PolicyOperation,
    type PolicyRef,
} from "./errors";
export type { GraphCloud } from "./clouds";
export type { RetryTiming } from "./retryPolicy";
export { Secret } from "./secret";
