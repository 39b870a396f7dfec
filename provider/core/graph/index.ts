/** The Graph client: connection settings, credentials, and the transport with its middleware chain. */
export { resolveGraphSettings, type GraphSettings } from "./config/graphSettings";
export { GraphSettingsError } from "./config/graphSettingsError";
export type { ConfigSource } from "./config/settingLookup";
export type { GraphAuth } from "./credentials/graphAuth";
export { GraphRequestError, type PolicyOperation, type PolicyRef } from "./transport/graphRequestError";
export type { GraphCloud } from "./config/clouds";
export type { RetryTiming } from "./transport/retryPolicy";
export { Secret } from "./config/secret";
