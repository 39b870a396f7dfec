/**
 * Graph settings: where Graph is, how to authenticate, and how long to try. Resolved from the stack config the
 * dynamic-provider host passes to `configure` and from the host's environment, inside the host process only;
 * secrets are held in {@link Secret}s, so a settings object that reaches a log or `JSON.stringify` shows no value.
 */
import * as fs from "node:fs";
import { AZUREAD_ENVIRONMENT_NAMES, CLOUDS, ENTRA_CLOUD_NAMES, type GraphCloud } from "./clouds";
import { ClientCertificateError, clientCertificatePem } from "../credentials/clientCertificate";
import { parseDurationMs } from "./duration";
import { DEFAULT_RETRY_TIMING, type RetryTiming } from "../transport/retryPolicy";
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
    /**
     * `ClientCertificateCredential` with PEM text: the certificate, then its private key unencrypted. Converted from
     * the configured PKCS#12 bundle or PEM, and checked, when the settings are resolved.
     */
    | { readonly kind: "clientCertificate"; readonly tenantId: string; readonly clientId: string; readonly certificate: Secret }
    /** `ClientAssertionCredential` with an OIDC token given in config or environment. */
    | { readonly kind: "oidcToken"; readonly tenantId: string; readonly clientId: string; readonly oidcToken: Secret }
    /** `ClientAssertionCredential` that asks the GitHub Actions runtime (or another such token service) for an OIDC token. */
    | {
          readonly kind: "githubOidc";
          readonly tenantId: string;
          readonly clientId: string;
          readonly requestUrl: string;
          readonly requestToken: Secret;
      }
    /** `ClientAssertionCredential` that asks Azure Pipelines for the OIDC token of a service connection. */
    | {
          readonly kind: "azurePipelinesOidc";
          readonly tenantId: string;
          readonly clientId: string;
          readonly requestUrl: string;
          readonly requestToken: Secret;
          readonly serviceConnectionId: string;
      }
    /** `WorkloadIdentityCredential` with a federated token file, read again whenever a token is needed. */
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

/** Where one setting is read, per source; of the environment variables, the first one set wins. */
export interface SettingKeys {
    /** This provider's stack config key. */
    readonly entra?: string;
    /** The azuread provider's stack config key, reused as is. */
    readonly azuread?: string;
    /** Environment variables, the azuread provider's and the CI systems' own. */
    readonly env?: readonly string[];
}

/**
 * Every key the settings are read from, per setting. Precedence, highest first: `entra:*`, `azuread:*`, then the
 * environment; a setting is taken from the highest source that has it, field by field.
 */
export const SETTING_SOURCES = {
    endpoint: { entra: "entra:graphEndpoint", env: ["ENTRA_GRAPH_ENDPOINT"] },
    cloud: { entra: "entra:cloud", azuread: "azuread:environment", env: ["ARM_ENVIRONMENT"] },
    metadataHost: { azuread: "azuread:metadataHost", env: ["ARM_METADATA_HOSTNAME"] },
    token: { entra: "entra:token", env: ["ENTRA_GRAPH_TOKEN"] },
    tenantId: { entra: "entra:tenantId", azuread: "azuread:tenantId", env: ["ARM_TENANT_ID"] },
    clientId: { entra: "entra:clientId", azuread: "azuread:clientId", env: ["ARM_CLIENT_ID"] },
    clientIdFilePath: { azuread: "azuread:clientIdFilePath", env: ["ARM_CLIENT_ID_FILE_PATH"] },
    clientSecret: { entra: "entra:clientSecret", azuread: "azuread:clientSecret", env: ["ARM_CLIENT_SECRET"] },
    clientSecretFilePath: { azuread: "azuread:clientSecretFilePath", env: ["ARM_CLIENT_SECRET_FILE_PATH"] },
    clientCertificate: { entra: "entra:clientCertificate", azuread: "azuread:clientCertificate", env: ["ARM_CLIENT_CERTIFICATE"] },
    clientCertificatePath: {
        entra: "entra:clientCertificatePath",
        azuread: "azuread:clientCertificatePath",
        env: ["ARM_CLIENT_CERTIFICATE_PATH"],
    },
    clientCertificatePassword: {
        entra: "entra:clientCertificatePassword",
        azuread: "azuread:clientCertificatePassword",
        env: ["ARM_CLIENT_CERTIFICATE_PASSWORD"],
    },
    useOidc: { entra: "entra:useOidc", azuread: "azuread:useOidc", env: ["ARM_USE_OIDC"] },
    oidcToken: { entra: "entra:oidcToken", azuread: "azuread:oidcToken", env: ["ARM_OIDC_TOKEN"] },
    oidcTokenFilePath: { azuread: "azuread:oidcTokenFilePath", env: ["ARM_OIDC_TOKEN_FILE_PATH"] },
    oidcRequestUrl: {
        azuread: "azuread:oidcRequestUrl",
        env: ["ARM_OIDC_REQUEST_URL", "ACTIONS_ID_TOKEN_REQUEST_URL", "SYSTEM_OIDCREQUESTURI"],
    },
    oidcRequestToken: {
        azuread: "azuread:oidcRequestToken",
        env: ["ARM_OIDC_REQUEST_TOKEN", "ACTIONS_ID_TOKEN_REQUEST_TOKEN", "SYSTEM_ACCESSTOKEN"],
    },
    adoPipelineServiceConnectionId: {
        azuread: "azuread:adoPipelineServiceConnectionId",
        env: ["ARM_ADO_PIPELINE_SERVICE_CONNECTION_ID", "ARM_OIDC_AZURE_SERVICE_CONNECTION_ID"],
    },
    useAksWorkloadIdentity: { azuread: "azuread:useAksWorkloadIdentity", env: ["ARM_USE_AKS_WORKLOAD_IDENTITY"] },
    // What the AKS workload identity webhook injects into a pod.
    federatedTokenFile: { env: ["AZURE_FEDERATED_TOKEN_FILE"] },
    federatedTenantId: { env: ["AZURE_TENANT_ID"] },
    federatedClientId: { env: ["AZURE_CLIENT_ID"] },
    useMsi: { azuread: "azuread:useMsi", env: ["ARM_USE_MSI"] },
    msiEndpoint: { azuread: "azuread:msiEndpoint", env: ["ARM_MSI_ENDPOINT"] },
    // Where ManagedIdentityCredential itself finds the endpoint; it has no option for one.
    identityEndpoint: { env: ["IDENTITY_ENDPOINT", "MSI_ENDPOINT"] },
    useCli: { azuread: "azuread:useCli", env: ["ARM_USE_CLI"] },
    operationTimeout: { entra: "entra:operationTimeout" },
    maxRetries: { entra: "entra:maxRetries" },
    retryBaseDelay: { entra: "entra:retryBaseDelay" },
    retryMaxDelay: { entra: "entra:retryMaxDelay" },
    requestTimeout: { entra: "entra:requestTimeout" },
} as const satisfies Record<string, SettingKeys>;

type Field = keyof typeof SETTING_SOURCES;

/** A setting as found: its text, the key it came from (for messages) and its source's rank (0 = highest). */
interface Found {
    readonly value: string;
    readonly key: string;
    readonly rank: number;
}

type Find = (field: Field) => Found | undefined;

function lookup(config: ConfigSource | undefined, env: NodeJS.ProcessEnv): Find {
    const usable = (raw: string | undefined): raw is string => raw !== undefined && raw.trim() !== "";
    return (field) => {
        const keys: SettingKeys = SETTING_SOURCES[field];
        // An empty value is how shells and CI templates say "not set".
        for (const [rank, key] of [keys.entra, keys.azuread].entries()) {
            const raw = key === undefined ? undefined : config?.get(key);
            if (usable(raw)) {
                return { value: raw.trim(), key: key as string, rank };
            }
        }
        const key = keys.env?.find((name) => usable(env[name]));
        return key === undefined ? undefined : { value: (env[key] as string).trim(), key, rank: 2 };
    };
}

/** All keys of `fields`, for messages that say where a missing setting can be given. */
function keysOf(...fields: Field[]): string {
    const keys = fields.flatMap((field): string[] => {
        const { entra, azuread, env }: SettingKeys = SETTING_SOURCES[field];
        return [entra, azuread, ...(env ?? [])].filter((key): key is string => key !== undefined);
    });
    return keys.join(", ");
}

/** The candidate from the highest-precedence source; among equal sources, the earliest. */
function best<T>(candidates: readonly (readonly [T, Found | undefined])[]): { choice: T; found: Found } | undefined {
    let winner: { choice: T; found: Found } | undefined;
    for (const [choice, found] of candidates) {
        if (found !== undefined && (winner === undefined || found.rank < winner.found.rank)) {
            winner = { choice, found };
        }
    }
    return winner;
}

/** The setting from the highest-precedence source; among equal sources, the earliest. */
function highest(...founds: (Found | undefined)[]): Found | undefined {
    return best(founds.map((found) => [found, found] as const))?.found;
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
    const name = found.value.toLowerCase();
    const cloud = Object.hasOwn(names, name) ? names[name] : undefined;
    if (cloud === undefined) {
        throw new GraphSettingsError(`${found.key} must be one of ${Object.keys(names).join(", ")}; got "${found.value}".`);
    }
    return cloud;
}

const LOOPBACK_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]"]);

/** Whether a URL may receive a credential: https, or plain http on loopback, so a token never crosses a network in clear. */
function isSecure(url: URL): boolean {
    return url.protocol === "https:" || (url.protocol === "http:" && LOOPBACK_HOSTS.has(url.hostname));
}

/** Validates a Graph root URL; plain http is allowed only on loopback, so a token never crosses a network in clear. */
function parseEndpoint(found: Found): string {
    const allowed = `an absolute https URL of a Graph root without /v1.0 (http only on 127.0.0.1, localhost or [::1])`;
    let url: URL;
    try {
        url = new URL(found.value);
    } catch {
        throw new GraphSettingsError(`${found.key} must be ${allowed}; got "${found.value}".`);
    }
    if (url.username !== "" || url.password !== "") {
        // The user info may hold a password, so the value is not echoed.
        throw new GraphSettingsError(
            `${found.key} must be ${allowed}, without a user name or password; credentials go in the credential settings.`,
        );
    }
    const path = url.pathname.replace(/\/+$/, "");
    if (!isSecure(url) || url.search !== "" || url.hash !== "" || path !== "") {
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

/** Validates the URL an OIDC request token is sent to; not echoed, since a token service may put secrets in it. */
function parseRequestUrl(found: Found): string {
    const url = URL.canParse(found.value) ? new URL(found.value) : undefined;
    if (url === undefined || !isSecure(url) || url.username !== "" || url.password !== "") {
        throw new GraphSettingsError(`${found.key} must be an absolute https URL (http only on 127.0.0.1, localhost or [::1]).`);
    }
    return url.href;
}

function unreadable(found: Found, error: unknown): GraphSettingsError {
    const reason = typeof error === "string" ? error : ((error as NodeJS.ErrnoException).code ?? "unreadable");
    return new GraphSettingsError(`${found.key} names a file that cannot be read: ${found.value} (${reason}).`);
}

/** Reads a file that a setting names; the message names the key and the path, never the content. */
function readSettingFile(found: Found): Buffer {
    try {
        return fs.readFileSync(found.value);
    } catch (error) {
        throw unreadable(found, error);
    }
}

/** Checks that a file a credential reads later (a token renewed while the host runs) is there, without reading it. */
function requireReadableFile(found: Found): string {
    let isFile: boolean;
    try {
        fs.accessSync(found.value, fs.constants.R_OK);
        isFile = fs.statSync(found.value).isFile();
    } catch (error) {
        throw unreadable(found, error);
    }
    if (!isFile) {
        throw unreadable(found, "not a file");
    }
    return found.value;
}

/**
 * A setting that can be given as a value or as a file holding it (azuread's `clientId` / `clientIdFilePath`): the
 * higher-precedence source wins; from one source, both must agree, as the azuread provider requires.
 */
function valueOrFile(find: Find, valueField: Field, fileField: Field): Found | undefined {
    const value = find(valueField);
    const file = find(fileField);
    if (file === undefined || (value !== undefined && value.rank < file.rank)) {
        return value;
    }
    const content = readSettingFile(file).toString("utf8").trim();
    if (content === "") {
        throw new GraphSettingsError(`${file.key} names an empty file: ${file.value}.`);
    }
    if (value !== undefined && value.rank === file.rank && value.value !== content) {
        throw new GraphSettingsError(`${value.key} and ${file.key} disagree; set only one of them.`);
    }
    return { value: content, key: file.key, rank: file.rank };
}

type Method = "clientCertificate" | "clientSecret" | "oidc" | "managedIdentity" | "azureCli";

/**
 * The explicitly configured authentication method with the highest-precedence source; among equal sources the
 * azuread provider's order applies (certificate, secret, OIDC, managed identity, CLI). Files are not read here.
 */
function explicitMethod(find: Find): { choice: Method; found: Found } | undefined {
    const flag = (field: Field): Found | undefined => {
        const found = find(field);
        return found !== undefined && parseBoolean(found) ? found : undefined;
    };
    return best<Method>([
        ["clientCertificate", highest(find("clientCertificate"), find("clientCertificatePath"))],
        ["clientSecret", highest(find("clientSecret"), find("clientSecretFilePath"))],
        ["oidc", highest(flag("useOidc"), flag("useAksWorkloadIdentity"), find("oidcToken"), find("oidcTokenFilePath"))],
        ["managedIdentity", flag("useMsi")],
        ["azureCli", flag("useCli")],
    ]);
}

/** The tenant and client ids, each from the highest-precedence source that has it. */
interface Ids {
    readonly tenantId?: Found;
    readonly clientId?: Found;
}

function requireId(ids: Ids, field: keyof Ids, why: string): string {
    const found = ids[field];
    if (found === undefined) {
        const keys = field === "clientId" ? keysOf("clientId", "clientIdFilePath") : keysOf("tenantId");
        throw new GraphSettingsError(`${why} needs a ${field}: set one of ${keys}.`);
    }
    return found.value;
}

/** The client certificate as PEM; a value (base64 PKCS#12, or PEM text) beats a file from the same source. */
function resolveCertificate(find: Find): Secret {
    const value = find("clientCertificate");
    const path = find("clientCertificatePath");
    // Only called when one of them is set.
    const source = best([
        ["value", value],
        ["path", path],
    ] as const) as { choice: "value" | "path"; found: Found };
    let contents: Buffer;
    if (source.choice === "path") {
        contents = readSettingFile(source.found);
    } else if (source.found.value.includes("-----BEGIN ")) {
        contents = Buffer.from(source.found.value, "utf8");
    } else {
        const base64 = source.found.value.replace(/\s+/g, "");
        if (!/^[A-Za-z0-9+/]+={0,2}$/.test(base64)) {
            throw new GraphSettingsError(
                `${source.found.key} must be a base64-encoded PKCS#12 bundle, or PEM text with the certificate and its private key.`,
            );
        }
        contents = Buffer.from(base64, "base64");
    }
    const password = find("clientCertificatePassword");
    try {
        return new Secret(clientCertificatePem(contents, password?.value));
    } catch (error) {
        if (!(error instanceof ClientCertificateError)) {
            throw error;
        }
        const what = source.choice === "path" ? `${source.found.key} (${source.found.value})` : source.found.key;
        const fix =
            error.problem === "content"
                ? "give a PKCS#12 bundle (.pfx, as made by openssl pkcs12 -export) or PEM with the certificate and its private key"
                : password === undefined
                  ? `set its password in one of ${keysOf("clientCertificatePassword")}`
                  : `check ${password.key}`;
        throw new GraphSettingsError(`${what} ${error.message}: ${fix}.`);
    }
}

function resolveOidc(find: Find, ids: Ids): GraphAuth {
    const why = "OIDC authentication (useOidc, useAksWorkloadIdentity, oidcToken or oidcTokenFilePath)";
    const assertion = () => ({ tenantId: requireId(ids, "tenantId", why), clientId: requireId(ids, "clientId", why) });
    const requestUrl = find("oidcRequestUrl");
    const requestToken = find("oidcRequestToken");
    // Half a request is no request: Azure Pipelines sets SYSTEM_OIDCREQUESTURI in every job, SYSTEM_ACCESSTOKEN only
    // where the pipeline maps it.
    const request = requestUrl !== undefined && requestToken !== undefined ? highest(requestUrl, requestToken) : undefined;
    const source = best([
        ["token", find("oidcToken")],
        ["tokenFile", find("oidcTokenFilePath")],
        ["request", request],
        ["federatedTokenFile", find("federatedTokenFile")],
    ] as const);
    switch (source?.choice) {
        case "token":
            return { kind: "oidcToken", ...assertion(), oidcToken: new Secret(source.found.value) };
        case "tokenFile":
            return { kind: "workloadIdentity", ...assertion(), tokenFilePath: requireReadableFile(source.found) };
        case "request": {
            const asker = {
                ...assertion(),
                requestUrl: parseRequestUrl(requestUrl as Found),
                requestToken: new Secret((requestToken as Found).value),
            };
            const serviceConnection = find("adoPipelineServiceConnectionId");
            return serviceConnection === undefined
                ? { kind: "githubOidc", ...asker }
                : { kind: "azurePipelinesOidc", ...asker, serviceConnectionId: serviceConnection.value };
        }
        case "federatedTokenFile": {
            // The workload identity webhook injects AZURE_TENANT_ID/AZURE_CLIENT_ID next to the token file.
            const webhookIds: Ids = {
                tenantId: ids.tenantId ?? find("federatedTenantId"),
                clientId: ids.clientId ?? find("federatedClientId"),
            };
            const withFile = `${why} with ${source.found.key}`;
            return {
                kind: "workloadIdentity",
                tenantId: requireId(webhookIds, "tenantId", withFile),
                clientId: requireId(webhookIds, "clientId", withFile),
                tokenFilePath: requireReadableFile(source.found),
            };
        }
        case undefined:
            if (requestUrl !== undefined || requestToken !== undefined) {
                const [present, missing]: [Found, Field] =
                    requestUrl === undefined ? [requestToken as Found, "oidcRequestUrl"] : [requestUrl, "oidcRequestToken"];
                throw new GraphSettingsError(`${present.key} needs an ${missing}: set one of ${keysOf(missing)}.`);
            }
            throw new GraphSettingsError(
                `${why} is enabled but no OIDC token is available: set one of ${keysOf("oidcToken", "oidcTokenFilePath")}; ` +
                    `run in GitHub Actions with "permissions: id-token: write" (ACTIONS_ID_TOKEN_REQUEST_URL/TOKEN) ` +
                    `or in Azure Pipelines with SYSTEM_ACCESSTOKEN, SYSTEM_OIDCREQUESTURI and ARM_ADO_PIPELINE_SERVICE_CONNECTION_ID; ` +
                    `or provide AZURE_FEDERATED_TOKEN_FILE for workload identity.`,
            );
    }
}

/**
 * A token that goes into the Authorization header as it is: a control character (a newline pasted with it) or a
 * character outside ASCII makes every request fail before it is sent, which retrying cannot cure. Named by its key
 * and position only: the token itself is a secret.
 */
function headerSafe(found: Found): string {
    const characters = [...found.value];
    const at = characters.findIndex((character) => !/^[\x20-\x7e\t]$/.test(character));
    if (at >= 0) {
        const code = characters[at].codePointAt(0) as number;
        const what =
            code === 0x0a
                ? "a newline"
                : code === 0x0d
                  ? "a carriage return"
                  : `the character U+${code.toString(16).toUpperCase().padStart(4, "0")}`;
        throw new GraphSettingsError(
            `${found.key} cannot be sent in an HTTP header: it contains ${what} at position ${at + 1}. Set the token alone, without line breaks.`,
        );
    }
    return found.value;
}

function resolveAuth(find: Find): GraphAuth {
    const token = find("token");
    const explicit = explicitMethod(find);
    if (token !== undefined && (explicit === undefined || token.rank <= explicit.found.rank)) {
        return { kind: "staticToken", token: new Secret(headerSafe(token)) };
    }
    const ids: Ids = { tenantId: find("tenantId"), clientId: valueOrFile(find, "clientId", "clientIdFilePath") };
    switch (explicit?.choice) {
        case "clientCertificate": {
            const why = "Client certificate authentication (clientCertificate or clientCertificatePath)";
            return {
                kind: "clientCertificate",
                tenantId: requireId(ids, "tenantId", why),
                clientId: requireId(ids, "clientId", why),
                certificate: resolveCertificate(find),
            };
        }
        case "clientSecret": {
            const why = "Client secret authentication (clientSecret or clientSecretFilePath)";
            return {
                kind: "clientSecret",
                tenantId: requireId(ids, "tenantId", why),
                clientId: requireId(ids, "clientId", why),
                clientSecret: new Secret((valueOrFile(find, "clientSecret", "clientSecretFilePath") as Found).value),
            };
        }
        case "oidc":
            return resolveOidc(find, ids);
        case "managedIdentity": {
            const msiEndpoint = find("msiEndpoint");
            if (msiEndpoint !== undefined && msiEndpoint.value !== find("identityEndpoint")?.value) {
                throw new GraphSettingsError(
                    `${msiEndpoint.key} cannot be passed to @azure/identity's ManagedIdentityCredential; ` +
                        `set the IDENTITY_ENDPOINT (or MSI_ENDPOINT) environment variable to it instead, or remove it.`,
                );
            }
            return { kind: "managedIdentity", clientId: ids.clientId?.value };
        }
        case "azureCli":
            return { kind: "azureCli", tenantId: ids.tenantId?.value };
        case undefined:
            return { kind: "defaultChain", tenantId: ids.tenantId?.value, clientId: ids.clientId?.value };
    }
}

/**
 * Resolves Graph settings. Precedence, highest first: stack config `entra:*`, the azuread provider's stack config
 * `azuread:*`, then the environment ({@link SETTING_SOURCES}; `DefaultAzureCredential` reads `AZURE_*` itself). A
 * static token wins over credential settings from a lower-precedence source only. Files of the chosen method are
 * read here (client id, client secret, certificate), so their errors show at preview; token files, which are
 * renewed while the host runs, are only checked to be readable. Makes no network call.
 *
 * @throws GraphSettingsError naming the offending key and the values it accepts.
 */
export function resolveGraphSettings(config: ConfigSource | undefined, env: NodeJS.ProcessEnv): GraphSettings {
    const find = lookup(config, env);
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
        auth: resolveAuth(find),
        operationTimeoutMs: parseDuration(find("operationTimeout"), DEFAULT_OPERATION_TIMEOUT_MS, 1_000),
        maxRetries: parseMaxRetries(find("maxRetries")),
        retryTiming: {
            baseDelayMs,
            maxDelayMs,
            attemptTimeoutMs: parseDuration(find("requestTimeout"), DEFAULT_RETRY_TIMING.attemptTimeoutMs, 1_000),
        },
    };
}
