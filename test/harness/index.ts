/** The engine harness: drive Pulumi programs with dynamic resources through the real dynamic-provider host. */
export { Engine, EngineError, type HarnessOptions } from "./engine";
export { captureProgram, type CaptureOptions } from "./program-capture";
export { HostError, ProviderHost, type HostDiff, type HostRead, type InitFailure, type ProviderHostOptions } from "./provider-host";
export { describeWithCli, isPulumiCliAvailable, NO_CLI_REASON, PulumiCli, type PulumiCliOptions } from "./pulumi-cli";
export { StackState } from "./stack-state";
export { SECRET_SIG, SIG_KEY, UNKNOWN } from "./wire-values";
export type * from "./types";
