/** The Graph client: connection settings, credentials, and the transport with its middleware chain. */
export { resolveGraphSettings, GraphSettingsError, type ConfigSource, type GraphSettings, type GraphAuth } from "./config/settings";
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
export type { GraphCloud } from "./config/clouds";
export type { RetryTiming } from "./transport/retryPolicy";
export { Secret } from "./config/secret";
