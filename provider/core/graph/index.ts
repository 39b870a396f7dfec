/** The Graph client: connection settings, credentials, and the transport with its middleware chain. */
export { resolveGraphSettings, type GraphSettings } from "./config/graphSettings";
export { GraphSettingsError } from "./config/graphSettingsError";
export type { ConfigSource } from "./config/settingLookup";
export type { GraphAuth } from "./credentials/graphAuth";
export { GraphRequestError, type PolicyOperation, type PolicyRef } from "./transport/graphRequestError";
// The domain errors live beside the operations that raise them; the front doors have always imported them from here.
export { describePolicies, DisplayNameTakenError, type ExistingPolicy } from "../operations/displayNameTakenError";
export { WriteAppliedError, type AppliedWrite } from "../operations/writeAppliedError";
export type { GraphCloud } from "./config/clouds";
export type { RetryTiming } from "./transport/retryPolicy";
export { Secret } from "./config/secret";
