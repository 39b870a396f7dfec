/** Stack config that points the provider at a Graph emulator, for programs run through the engine harness or the CLI. */
import type { StackConfig } from "../harness";

/**
 * Retry timings short enough that a step which keeps failing gives up within seconds instead of the provider's
 * five-minute default, and long enough that a single transient fault is still retried.
 */
export const SHORT_GRAPH_TIMINGS: StackConfig = {
    "entra:operationTimeout": "PT15S",
    "entra:requestTimeout": "PT5S",
    "entra:retryBaseDelay": "PT0.05S",
    "entra:retryMaxDelay": "PT0.5S",
};

/**
 * `entra:graphEndpoint` and `entra:token` (as a secret, the way a user keeps a token in stack config) for the
 * emulator at `url`, plus {@link SHORT_GRAPH_TIMINGS}.
 */
export function emulatorStackConfig(emulator: { url: string; token: string }): StackConfig {
    return {
        "entra:graphEndpoint": emulator.url,
        "entra:token": { secret: emulator.token },
        ...SHORT_GRAPH_TIMINGS,
    };
}
