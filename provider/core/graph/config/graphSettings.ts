/**
 * Graph connection settings: where Graph is, how to authenticate, and how long to try. Resolved from the stack
 * config the dynamic-provider host passes to `configure` and from the host's environment, inside the host process
 * only; secrets are held in `Secret`s, so a settings object that reaches a log or `JSON.stringify` shows no value.
 */
import type { GraphAuth } from "../credentials/graphAuth";
import { DEFAULT_RETRY_TIMING, type RetryTiming } from "../transport/retryPolicy";
import { resolveGraphAuth } from "./auth/resolveGraphAuth";
import { CLOUDS, ENTRA_CLOUD_NAMES, type GraphCloud } from "./clouds";
import { GraphSettingsError } from "./graphSettingsError";
import { settingLookup, type ConfigSource } from "./settingLookup";
import { parseCloud, parseEndpoint, parseMaxRetries, parseTimeSpan } from "./settingParsers";

/** Everything the Graph access layer needs to know, resolved once per host process. */
export interface GraphSettings {
    /** The national cloud, which fixes the token authority and scope. */
    readonly cloud: GraphCloud;
    /** Graph root URL without `/v1.0` and without a trailing slash; requests go to `${endpoint}/v1.0/...`. */
    readonly endpoint: string;
    /** Entra authority host of the cloud, e.g. `https://login.microsoftonline.com`. */
    readonly authorityHost: string;
    /** OAuth scope requested for Graph: `${cloud Graph root}/.default`. */
    readonly tokenScope: string;
    /** Chosen authentication. */
    readonly auth: GraphAuth;
    /** Time budget of one provider operation including retries (`entra:operationTimeout`), in milliseconds. */
    readonly operationTimeoutMs: number;
    /** Most retries of one HTTP request after its first attempt (`entra:maxRetries`). */
    readonly maxRetries: number;
    /** Backoff and per-attempt timeout (`entra:retryBaseDelay`, `entra:retryMaxDelay`, `entra:requestTimeout`). */
    readonly retryTiming: RetryTiming;
}

/** Default budget of one operation, like the azuread provider's five-minute create/update/delete timeouts. */
export const DEFAULT_OPERATION_TIMEOUT_MS = 5 * 60_000;
/** Default most retries of one request; the operation deadline usually ends retrying first. */
export const DEFAULT_MAX_RETRIES = 10;

/**
 * Resolves Graph settings. Precedence, highest first: stack config `entra:*`, the azuread provider's stack config
 * `azuread:*`, then the environment (`SETTING_SOURCES`; `DefaultAzureCredential` reads `AZURE_*` itself). A
 * static token wins over credential settings from a lower-precedence source only. Files of the chosen method are
 * read here (client id, client secret, certificate), so their errors show at preview; token files, which are
 * renewed while the host runs, are only checked to be readable. Makes no network call.
 *
 * @throws GraphSettingsError naming the offending key and the values it accepts.
 */
export function resolveGraphSettings(config: ConfigSource | undefined, env: NodeJS.ProcessEnv): GraphSettings {
    const find = settingLookup(config, env);
    const cloudFound = find("cloud");
    const endpointFound = find("endpoint");
    const cloud = cloudFound === undefined ? "public" : parseCloud(cloudFound);
    const metadataHost = find("metadataHost");
    // Silently using a named cloud instead of a custom one would send credentials to the wrong authority.
    if (metadataHost !== undefined && cloudFound?.rank !== 0) {
        throw new GraphSettingsError(
            `${metadataHost.key} (a custom cloud's metadata host) is not supported: set entra:cloud to the cloud to use ` +
                `(${Object.keys(ENTRA_CLOUD_NAMES).join(", ")}), and entra:graphEndpoint if its Graph root is elsewhere.`,
        );
    }
    const endpointWins = endpointFound !== undefined && (cloudFound === undefined || endpointFound.rank <= cloudFound.rank);
    const baseDelayMs = parseTimeSpan(find("retryBaseDelay"), DEFAULT_RETRY_TIMING.baseDelayMs, 0);
    const maxDelayMs = parseTimeSpan(find("retryMaxDelay"), Math.max(DEFAULT_RETRY_TIMING.maxDelayMs, baseDelayMs), 0);
    if (maxDelayMs < baseDelayMs) {
        throw new GraphSettingsError(`entra:retryMaxDelay must not be shorter than entra:retryBaseDelay.`);
    }
    return {
        cloud,
        endpoint: endpointWins ? parseEndpoint(endpointFound) : CLOUDS[cloud].graph,
        authorityHost: CLOUDS[cloud].authorityHost,
        tokenScope: `${CLOUDS[cloud].graph}/.default`,
        auth: resolveGraphAuth(find),
        operationTimeoutMs: parseTimeSpan(find("operationTimeout"), DEFAULT_OPERATION_TIMEOUT_MS, 1_000),
        maxRetries: parseMaxRetries(find("maxRetries"), DEFAULT_MAX_RETRIES),
        retryTiming: {
            baseDelayMs,
            maxDelayMs,
            attemptTimeoutMs: parseTimeSpan(find("requestTimeout"), DEFAULT_RETRY_TIMING.attemptTimeoutMs, 1_000),
        },
    };
}
