/**
 * Graph settings: where Graph is, how to authenticate, and how long to try. Resolved from the stack config the
 * dynamic-provider host passes to `configure` and from the host's environment, inside the host process only;
 * secrets are held in {@link Secret}s, so a settings object that reaches a log or `JSON.stringify` shows no value.
 */
import { AZUREAD_ENVIRONMENT_NAMES, CLOUDS, ENTRA_CLOUD_NAMES, type GraphCloud } from "./clouds";
import { parseDurationMs } from "./duration";
import { DEFAULT_RETRY_TIMING, type RetryTiming } from "./retryPolicy";
import { Secret } from "./secret";

/** Read access to stack configuration by namespaced key (`entra:cloud`); Pulumi's `ConfigureRequest.config` fits. */
export interface ConfigSource {
    get(key: string): string | undefined;
}

/** How requests are authenticated, chosen from the settings; each variant names the `@azure/identity` class used. */
export type GraphAuth =
    /** A bearer token given as is (`entra:token`, `ENTRA_GRAPH_TOKEN`); used for the emulator and for tests. */
    | { readonly kind: "staticToken"; readonly token: Secret }
    /** `ClientSecretCredential`. */
    | { readonly kind: "clientSecret"; readonly tenantId: string; readonly clientId: string; readonly clientSecret: Secret }
    /** `ClientCertificateCredential` with a PEM file (certificate and private key). */
    | { readonly kind: "clientCertificate"; readonly tenantId: string; readonly clientId: string; readonly certificatePath: string }
    /** `ClientAssertionCredential` with an OIDC token given in config or environment. */
    | { readonly kind: "oidcToken"; readonly tenantId: string; readonly clientId: string; readonly oidcToken: Secret }
    /** `ClientAssertionCredential` that asks the GitHub Actions runtime for an OIDC token. */
    | {
          readonly kind: "githubOidc";
          readonly tenantId: string;
          readonly clientId: string;
          readonly requestUrl: string;
          readonly requestToken: Secret;
      }
    /** `WorkloadIdentityCredential` with a federated token file (`AZURE_FEDERATED_TOKEN_FILE`). */
    | { readonly kind: "workloadIdentity"; readonly tenantId: string; readonly clientId: string; readonly tokenFilePath: string }
    /** `ManagedIdentityCredential`, user-assigned when a client id is given. */
    | { readonly kind: "managedIdentity"; readonly clientId?: string }
    /** `AzureCliCredential` (`az login`). */
    | { readonly kind: "azureCli"; readonly tenantId?: string }
    /** `DefaultAzureCredential`: environment, workload identity, managed identity, Azure CLI and the rest of its chain. */
    | { readonly kind: "defaultChain"; readonly tenantId?: string; readonly clientId?: string };

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

/** Invalid or contradictory settings; the message names the key and what it accepts, never a secret value. */
export class GraphSettingsError extends Error {
    override readonly name = "GraphSettingsError";
}

/** Default budget of one operation, like the azuread provider's five-minute create/update/delete timeouts. */
export const DEFAULT_OPERATION_TIMEOUT_MS = 5 * 60_000;
/** Default most retries of one request; the operation deadline usually ends retrying first. */
export const DEFAULT_MAX_RETRIES = 10;

type Field =
    | "endpoint"
    | "cloud"
    | "token"
    | "tenantId"
    | "clientId"
    | "clientSecret"
    | "clientCertificatePath"
    | "useOidc"
    | "oidcToken"
    | "useMsi"
    | "useCli"
    | "msiEndpoint"
    | "operationTimeout"
    | "maxRetries"
    | "retryBaseDelay"
    | "retryMaxDelay"
    | "requestTimeout";

/** Where each setting is read, per source, highest precedence first: our config, azuread's config, environment. */
const SOURCES: Readonly<Record<Field, readonly [entra?: string, azuread?: string, env?: string]>> = {
    endpoint: ["entra:graphEndpoint", undefined, "ENTRA_GRAPH_ENDPOINT"],
    cloud: ["entra:cloud", "azuread:environment", "ARM_ENVIRONMENT"],
    token: ["entra:token", undefined, "ENTRA_GRAPH_TOKEN"],
    tenantId: ["entra:tenantId", "azuread:tenantId", "ARM_TENANT_ID"],
    clientId: ["entra:clientId", "azuread:clientId", "ARM_CLIENT_ID"],
    clientSecret: ["entra:clientSecret", "azuread:clientSecret", "ARM_CLIENT_SECRET"],
    clientCertificatePath: ["entra:clientCertificatePath", "azuread:clientCertificatePath", "ARM_CLIENT_CERTIFICATE_PATH"],
    useOidc: ["entra:useOidc", "azuread:useOidc", "ARM_USE_OIDC"],
    oidcToken: ["entra:oidcToken", "azuread:oidcToken", "ARM_OIDC_TOKEN"],
    useMsi: [undefined, "azuread:useMsi", "ARM_USE_MSI"],
    useCli: [undefined, "azuread:useCli", "ARM_USE_CLI"],
    msiEndpoint: [undefined, "azuread:msiEndpoint", undefined],
    operationTimeout: ["entra:operationTimeout", undefined, undefined],
    maxRetries: ["entra:maxRetries", undefined, undefined],
    retryBaseDelay: ["entra:retryBaseDelay", undefined, undefined],
    retryMaxDelay: ["entra:retryMaxDelay", undefined, undefined],
    requestTimeout: ["entra:requestTimeout", undefined, undefined],
};

/** A setting as found: its text, the key it came from (for messages) and its source's rank (0 = highest). */
interface Found {
    readonly value: string;
    readonly key: string;
    readonly rank: number;
}

function lookup(config: ConfigSource | undefined, env: NodeJS.ProcessEnv): (field: Field) => Found | undefined {
    return (field) => {
        const keys = SOURCES[field];
        for (let rank = 0; rank < keys.length; rank++) {
            const key = keys[rank];
            if (key === undefined) {
                continue;
            }
            const raw = rank === 2 ? env[key] : config?.get(key);
            // An empty value is how shells and CI templates say "not set".
            if (raw !== undefined && raw.trim() !== "") {
                return { value: raw.trim(), key, rank };
            }
        }
        return undefined;
    };
}

function parseBoolean(found: Found | undefined): boolean {
    if (found === undefined) {
        return false;
    }
    const value = found.value.toLowerCase();
    if (value === "true" || value === "1") {
        return true;
    }
    if (value === "false" || value === "0") {
        return false;
    }
    throw new GraphSettingsError(`${found.key} must be true or false, got "${found.value}".`);
}

function parseCloud(found: Found): GraphCloud {
    const names = found.rank === 0 ? ENTRA_CLOUD_NAMES : AZUREAD_ENVIRONMENT_NAMES;
    const cloud = names[found.value.toLowerCase()];
    if (cloud === undefined) {
        throw new GraphSettingsError(`${found.key} must be one of ${Object.keys(names).join(", ")}; got "${found.value}".`);
    }
    return cloud;
}

const LOOPBACK_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]"]);

/** Validates a Graph root URL; plain http is allowed only on loopback, so a token never crosses a network in clear. */
function parseEndpoint(found: Found): string {
    const allowed = `an absolute https URL of a Graph root without /v1.0 (http only on 127.0.0.1, localhost or [::1])`;
    let url: URL;
    try {
        url = new URL(found.value);
    } catch {
        throw new GraphSettingsError(`${found.key} must be ${allowed}; got "${found.value}".`);
    }
    const secure = url.protocol === "https:" || (url.protocol === "http:" && LOOPBACK_HOSTS.has(url.hostname));
    const path = url.pathname.replace(/\/+$/, "");
    if (!secure || url.username !== "" || url.password !== "" || url.search !== "" || url.hash !== "" || path !== "") {
        const hint = /\/v1\.0$/i.test(path) ? " (leave out /v1.0: it is appended to every request)" : "";
        throw new GraphSettingsError(`${found.key} must be ${allowed}; got "${found.value}"${hint}.`);
    }
    return url.origin;
}

function parseDuration(found: Found | undefined, fallback: number, min: number): number {
    if (found === undefined) {
        return fallback;
    }
    const ms = parseDurationMs(found.value);
    if (ms === undefined || ms < min) {
        throw new GraphSettingsError(
            `${found.key} must be an ISO 8601 duration such as PT10M or a number of seconds, at least ${min / 1000} s; got "${found.value}".`,
        );
    }
    return ms;
}

function parseMaxRetries(found: Found | undefined): number {
    if (found === undefined) {
        return DEFAULT_MAX_RETRIES;
    }
    if (!/^\d+$/.test(found.value) || Number(found.value) > 100) {
        throw new GraphSettingsError(`${found.key} must be a whole number from 0 to 100; got "${found.value}".`);
    }
    return Number(found.value);
}

type Method = "clientCertificate" | "clientSecret" | "oidc" | "managedIdentity" | "azureCli";

/**
 * The explicitly configured authentication method with the highest-precedence source; among equal sources the
 * azuread provider's order applies (certificate, secret, OIDC, managed identity, CLI).
 */
function explicitMethod(find: (field: Field) => Found | undefined): { method: Method; rank: number } | undefined {
    const flag = (field: Field): Found | undefined => {
        const found = find(field);
        return found !== undefined && parseBoolean(found) ? found : undefined;
    };
    const candidates: [Method, Found | undefined][] = [
        ["clientCertificate", find("clientCertificatePath")],
        ["clientSecret", find("clientSecret")],
        ["oidc", flag("useOidc") ?? find("oidcToken")],
        ["managedIdentity", flag("useMsi")],
        ["azureCli", flag("useCli")],
    ];
    let best: { method: Method; rank: number } | undefined;
    for (const [method, found] of candidates) {
        if (found !== undefined && (best === undefined || found.rank < best.rank)) {
            best = { method, rank: found.rank };
        }
    }
    return best;
}

function requireId(find: (field: Field) => Found | undefined, field: "tenantId" | "clientId", why: string): string {
    const found = find(field);
    if (found === undefined) {
        const keys = SOURCES[field].filter((key) => key !== undefined).join(", ");
        throw new GraphSettingsError(`${why} needs a ${field}: set one of ${keys}.`);
    }
    return found.value;
}

function resolveOidc(find: (field: Field) => Found | undefined, env: NodeJS.ProcessEnv): GraphAuth {
    const why = "OIDC authentication (useOidc / oidcToken)";
    const oidcToken = find("oidcToken");
    if (oidcToken !== undefined) {
        return {
            kind: "oidcToken",
            tenantId: requireId(find, "tenantId", why),
            clientId: requireId(find, "clientId", why),
            oidcToken: new Secret(oidcToken.value),
        };
    }
    const requestUrl = env.ACTIONS_ID_TOKEN_REQUEST_URL?.trim();
    const requestToken = env.ACTIONS_ID_TOKEN_REQUEST_TOKEN?.trim();
    if (requestUrl && requestToken) {
        return {
            kind: "githubOidc",
            tenantId: requireId(find, "tenantId", why),
            clientId: requireId(find, "clientId", why),
            requestUrl,
            requestToken: new Secret(requestToken),
        };
    }
    const tokenFilePath = env.AZURE_FEDERATED_TOKEN_FILE?.trim();
    if (tokenFilePath) {
        // Workload identity webhooks inject AZURE_TENANT_ID/AZURE_CLIENT_ID next to the token file.
        const tenantId = find("tenantId")?.value ?? env.AZURE_TENANT_ID?.trim();
        const clientId = find("clientId")?.value ?? env.AZURE_CLIENT_ID?.trim();
        return {
            kind: "workloadIdentity",
            tenantId: tenantId || requireId(find, "tenantId", `${why} with AZURE_FEDERATED_TOKEN_FILE (or AZURE_TENANT_ID)`),
            clientId: clientId || requireId(find, "clientId", `${why} with AZURE_FEDERATED_TOKEN_FILE (or AZURE_CLIENT_ID)`),
            tokenFilePath,
        };
    }
    throw new GraphSettingsError(
        `${why} is enabled but no OIDC token is available: set entra:oidcToken (or azuread:oidcToken, ARM_OIDC_TOKEN), ` +
            `run in GitHub Actions with "permissions: id-token: write" (ACTIONS_ID_TOKEN_REQUEST_URL/TOKEN), ` +
            `or provide AZURE_FEDERATED_TOKEN_FILE for workload identity.`,
    );
}

function resolveAuth(find: (field: Field) => Found | undefined, env: NodeJS.ProcessEnv): GraphAuth {
    const token = find("token");
    const explicit = explicitMethod(find);
    if (token !== undefined && (explicit === undefined || token.rank <= explicit.rank)) {
        return { kind: "staticToken", token: new Secret(token.value) };
    }
    const tenantId = find("tenantId")?.value;
    const clientId = find("clientId")?.value;
    switch (explicit?.method) {
        case "clientCertificate": {
            const why = "Client certificate authentication (clientCertificatePath)";
            return {
                kind: "clientCertificate",
                tenantId: requireId(find, "tenantId", why),
                clientId: requireId(find, "clientId", why),
                certificatePath: (find("clientCertificatePath") as Found).value,
            };
        }
        case "clientSecret": {
            const why = "Client secret authentication (clientSecret)";
            return {
                kind: "clientSecret",
                tenantId: requireId(find, "tenantId", why),
                clientId: requireId(find, "clientId", why),
                clientSecret: new Secret((find("clientSecret") as Found).value),
            };
        }
        case "oidc":
            return resolveOidc(find, env);
        case "managedIdentity": {
            const msiEndpoint = find("msiEndpoint");
            // ManagedIdentityCredential takes its endpoint only from the environment, never from options.
            if (msiEndpoint !== undefined && ![env.IDENTITY_ENDPOINT, env.MSI_ENDPOINT].includes(msiEndpoint.value)) {
                throw new GraphSettingsError(
                    `${msiEndpoint.key} cannot be passed to @azure/identity's ManagedIdentityCredential; ` +
                        `set the IDENTITY_ENDPOINT (or MSI_ENDPOINT) environment variable to it instead, or remove it.`,
                );
            }
            return { kind: "managedIdentity", clientId };
        }
        case "azureCli":
            return { kind: "azureCli", tenantId };
        case undefined:
            return { kind: "defaultChain", tenantId, clientId };
    }
}

/**
 * Resolves Graph settings. Precedence, highest first: stack config `entra:*`, the azuread provider's stack config
 * `azuread:*`, then the environment (`ENTRA_GRAPH_*`, `ARM_*`, GitHub Actions OIDC; `DefaultAzureCredential` reads
 * `AZURE_*` itself). A static token wins over credential settings from a lower-precedence source only.
 *
 * @throws GraphSettingsError naming the offending key and the values it accepts.
 */
export function resolveGraphSettings(config: ConfigSource | undefined, env: NodeJS.ProcessEnv): GraphSettings {
    const find = lookup(config, env);
    const cloudFound = find("cloud");
    const endpointFound = find("endpoint");
    const cloud = cloudFound === undefined ? "public" : parseCloud(cloudFound);
    const endpointWins = endpointFound !== undefined && (cloudFound === undefined || endpointFound.rank <= cloudFound.rank);
    const baseDelayMs = parseDuration(find("retryBaseDelay"), DEFAULT_RETRY_TIMING.baseDelayMs, 0);
    const maxDelayMs = parseDuration(find("retryMaxDelay"), Math.max(DEFAULT_RETRY_TIMING.maxDelayMs, baseDelayMs), 0);
    if (maxDelayMs < baseDelayMs) {
        throw new GraphSettingsError(`entra:retryMaxDelay must not be shorter than entra:retryBaseDelay.`);
    }
    return {
        cloud,
        endpoint: endpointWins ? parseEndpoint(endpointFound) : CLOUDS[cloud].graph,
        authorityHost: CLOUDS[cloud].authorityHost,
        tokenScope: `${CLOUDS[cloud].graph}/.default`,
        auth: resolveAuth(find, env),
        operationTimeoutMs: parseDuration(find("operationTimeout"), DEFAULT_OPERATION_TIMEOUT_MS, 1_000),
        maxRetries: parseMaxRetries(find("maxRetries")),
        retryTiming: {
            baseDelayMs,
            maxDelayMs,
            attemptTimeoutMs: parseDuration(find("requestTimeout"), DEFAULT_RETRY_TIMING.attemptTimeoutMs, 1_000),
        },
    };
}
