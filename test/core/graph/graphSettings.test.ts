import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { inspect } from "node:util";
import { resolveGraphSettings, GraphSettingsError, type ConfigSource, type GraphAuth } from "../../../provider/core/graph";

function config(values: Record<string, string>): ConfigSource {
    return { get: (key) => values[key] };
}

/** Asserts that resolving fails with a {@link GraphSettingsError} whose message matches every pattern. */
function assertRejected(values: Record<string, string>, env: Record<string, string>, ...patterns: RegExp[]): GraphSettingsError {
    let caught: unknown;
    assert.throws(
        () => resolveGraphSettings(config(values), env),
        (error: unknown) => {
            caught = error;
            return error instanceof GraphSettingsError;
        },
    );
    const error = caught as GraphSettingsError;
    for (const pattern of patterns) {
        assert.match(error.message, pattern);
    }
    return error;
}

function authOf(values: Record<string, string>, env: Record<string, string> = {}): GraphAuth {
    return resolveGraphSettings(config(values), env).auth;
}

// Files that settings point at; created here, removed after the suite.
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "entra-settings-"));
function scratchFile(name: string, content: string): string {
    const file = path.join(scratch, name);
    fs.writeFileSync(file, content, { mode: 0o600 });
    return file;
}
const tokenFile = scratchFile("federated-token", "header.payload.signature");

describe("resolveGraphSettings", () => {
    after(() => fs.rmSync(scratch, { recursive: true, force: true }));

    it("defaults to the public cloud with DefaultAzureCredential-style auth", () => {
        const settings = resolveGraphSettings(undefined, {});
        assert.equal(settings.cloud, "public");
        assert.equal(settings.endpoint, "https://graph.microsoft.com");
        assert.equal(settings.authorityHost, "https://login.microsoftonline.com");
        assert.equal(settings.tokenScope, "https://graph.microsoft.com/.default");
        assert.equal(settings.auth.kind, "defaultChain");
    });

    const clouds: [string, Record<string, string>, Record<string, string>, string, string][] = [
        ["entra:cloud usgov", { "entra:cloud": "usgov" }, {}, "https://graph.microsoft.us", "https://login.microsoftonline.us"],
        ["entra:cloud usgovdod", { "entra:cloud": "usgovdod" }, {}, "https://dod-graph.microsoft.us", "https://login.microsoftonline.us"],
        ["entra:cloud china", { "entra:cloud": "china" }, {}, "https://microsoftgraph.chinacloudapi.cn", "https://login.chinacloudapi.cn"],
        [
            "azuread:environment usgovernment",
            { "azuread:environment": "usgovernment" },
            {},
            "https://graph.microsoft.us",
            "https://login.microsoftonline.us",
        ],
        [
            "azuread:environment dod",
            { "azuread:environment": "dod" },
            {},
            "https://dod-graph.microsoft.us",
            "https://login.microsoftonline.us",
        ],
        [
            "azuread:environment usgovernmentl4",
            { "azuread:environment": "usgovernmentl4" },
            {},
            "https://graph.microsoft.us",
            "https://login.microsoftonline.us",
        ],
        [
            "ARM_ENVIRONMENT usgovernmentl5",
            {},
            { ARM_ENVIRONMENT: "USGovernmentL5" },
            "https://dod-graph.microsoft.us",
            "https://login.microsoftonline.us",
        ],
        [
            "ARM_ENVIRONMENT china",
            {},
            { ARM_ENVIRONMENT: "china" },
            "https://microsoftgraph.chinacloudapi.cn",
            "https://login.chinacloudapi.cn",
        ],
        [
            "entra:cloud beats azuread:environment",
            { "entra:cloud": "public", "azuread:environment": "china" },
            {},
            "https://graph.microsoft.com",
            "https://login.microsoftonline.com",
        ],
        [
            "azuread:environment beats ARM_ENVIRONMENT",
            { "azuread:environment": "global" },
            { ARM_ENVIRONMENT: "usgovernment" },
            "https://graph.microsoft.com",
            "https://login.microsoftonline.com",
        ],
    ];
    for (const [title, values, env, endpoint, authority] of clouds) {
        it(`resolves ${title}`, () => {
            const settings = resolveGraphSettings(config(values), env);
            assert.equal(settings.endpoint, endpoint);
            assert.equal(settings.authorityHost, authority);
            assert.equal(settings.tokenScope, `${endpoint}/.default`);
        });
    }

    it("lets an explicit endpoint override its own source's cloud but not a higher source's", () => {
        const local = resolveGraphSettings(undefined, { ENTRA_GRAPH_ENDPOINT: "http://127.0.0.1:8080/", ARM_ENVIRONMENT: "china" });
        assert.equal(local.endpoint, "http://127.0.0.1:8080");
        assert.equal(local.tokenScope, "https://microsoftgraph.chinacloudapi.cn/.default");
        const configured = resolveGraphSettings(config({ "entra:cloud": "usgov" }), { ENTRA_GRAPH_ENDPOINT: "http://127.0.0.1:8080" });
        assert.equal(configured.endpoint, "https://graph.microsoft.us");
        const override = resolveGraphSettings(config({ "entra:graphEndpoint": "https://graph.example.test" }), {
            ENTRA_GRAPH_ENDPOINT: "http://127.0.0.1:1",
        });
        assert.equal(override.endpoint, "https://graph.example.test");
    });

    const invalid: [string, Record<string, string>, Record<string, string>, RegExp][] = [
        ["an unknown cloud", { "entra:cloud": "mars" }, {}, /entra:cloud must be one of public, usgov, usgovdod, china; got "mars"/],
        [
            "an unknown azuread environment",
            { "azuread:environment": "usgov" },
            {},
            /azuread:environment must be one of global, public, usgovernmentl4, usgovernment, usgovernmentl5, dod, china/,
        ],
        [
            "a cloud named after an Object.prototype member",
            { "entra:cloud": "constructor" },
            {},
            /entra:cloud must be one of public, usgov, usgovdod, china; got "constructor"/,
        ],
        [
            "an endpoint with /v1.0",
            { "entra:graphEndpoint": "https://graph.microsoft.com/v1.0" },
            {},
            /entra:graphEndpoint .*leave out \/v1\.0/,
        ],
        [
            "plain http off loopback",
            {},
            { ENTRA_GRAPH_ENDPOINT: "http://graph.example.test" },
            /ENTRA_GRAPH_ENDPOINT must be an absolute https URL/,
        ],
        ["a relative endpoint", { "entra:graphEndpoint": "graph" }, {}, /entra:graphEndpoint must be/],
        ["a bad boolean", { "entra:useOidc": "maybe" }, {}, /entra:useOidc must be true or false, got "maybe"/],
        ["a bad timeout", { "entra:operationTimeout": "ten minutes" }, {}, /entra:operationTimeout must be an ISO 8601 duration/],
        ["a months timeout", { "entra:operationTimeout": "P1M" }, {}, /entra:operationTimeout/],
        ["a negative retry count", { "entra:maxRetries": "-1" }, {}, /entra:maxRetries must be a whole number from 0 to 100/],
        [
            "a secret without tenant",
            { "azuread:clientSecret": "s", "azuread:clientId": "c" },
            {},
            /needs a tenantId: set one of entra:tenantId, azuread:tenantId, ARM_TENANT_ID/,
        ],
        [
            "OIDC without a token",
            { "entra:useOidc": "true", "entra:tenantId": "t", "entra:clientId": "c" },
            {},
            /no OIDC token is available/,
        ],
        [
            "an msiEndpoint the credential cannot use",
            { "azuread:useMsi": "true", "azuread:msiEndpoint": "http://169.254.169.254/x" },
            {},
            /azuread:msiEndpoint cannot be passed/,
        ],
    ];
    for (const [title, values, env, message] of invalid) {
        it(`rejects ${title}, naming the key`, () => {
            assert.throws(
                () => resolveGraphSettings(config(values), env),
                (error: unknown) => {
                    assert.ok(error instanceof GraphSettingsError);
                    assert.match(error.message, message);
                    return true;
                },
            );
        });
    }

    it("rejects an endpoint that carries a user name or password, echoing neither", () => {
        const error = assertRejected(
            {},
            { ENTRA_GRAPH_ENDPOINT: "https://graph-user:SENTINEL-endpoint-password@graph.example.test" },
            /ENTRA_GRAPH_ENDPOINT must be .* without a user name or password/,
        );
        assert.ok(!error.message.includes("SENTINEL-endpoint-password") && !error.message.includes("graph-user"), error.message);
    });

    for (const [where, settings, env, key] of [
        ["stack config", { "entra:token": "SENTINEL-token-a1\nSENTINEL-token-a2" }, {}, "entra:token"],
        ["the environment", {}, { ENTRA_GRAPH_TOKEN: "SENTINEL-token\r\nX-Injected: 1" }, "ENTRA_GRAPH_TOKEN"],
    ] as const) {
        it(`refuses at once a token from ${where} with a character no HTTP header may carry, naming the setting, not the token`, () => {
            const error = assertRejected(
                settings,
                env,
                new RegExp(`^${key} cannot be sent in an HTTP header: it contains a (newline|carriage return) at position \\d+`),
            );
            assert.ok(!error.message.includes("SENTINEL-token"), error.message);
        });
    }

    it("refuses a token with a character outside ASCII, naming it by code point", () => {
        assertRejected(
            { "entra:token": "tok\u00e9n" },
            {},
            /entra:token cannot be sent in an HTTP header: it contains the character U\+00E9 at position 4/,
        );
    });

    it("never echoes a secret value in a settings error", () => {
        const sentinel = "SENTINEL-secret-value-7f3a";
        assert.throws(
            () => resolveGraphSettings(config({ "entra:clientSecret": sentinel }), {}),
            (error: Error) => !error.message.includes(sentinel),
        );
    });

    it("parses timeouts as ISO 8601 durations or seconds", () => {
        assert.equal(resolveGraphSettings(config({ "entra:operationTimeout": "PT10M" }), {}).operationTimeoutMs, 600_000);
        assert.equal(resolveGraphSettings(config({ "entra:operationTimeout": "90" }), {}).operationTimeoutMs, 90_000);
        assert.equal(resolveGraphSettings(config({ "entra:operationTimeout": "P1DT1H" }), {}).operationTimeoutMs, 25 * 3_600_000);
        assert.equal(resolveGraphSettings(config({ "entra:maxRetries": "0" }), {}).maxRetries, 0);
        const timing = resolveGraphSettings(
            config({ "entra:retryBaseDelay": "PT0.01S", "entra:retryMaxDelay": "0.05", "entra:requestTimeout": "PT5S" }),
            {},
        ).retryTiming;
        assert.deepEqual(timing, { baseDelayMs: 10, maxDelayMs: 50, attemptTimeoutMs: 5_000 });
    });

    describe("authentication", () => {
        it("uses a static token from entra:token or ENTRA_GRAPH_TOKEN", () => {
            assert.equal(resolveGraphSettings(config({ "entra:token": "t" }), {}).auth.kind, "staticToken");
            assert.equal(resolveGraphSettings(undefined, { ENTRA_GRAPH_TOKEN: "t" }).auth.kind, "staticToken");
        });

        it("prefers credentials from stack config over a static token from the environment", () => {
            const settings = resolveGraphSettings(
                config({ "azuread:tenantId": "t", "azuread:clientId": "c", "azuread:clientSecret": "s" }),
                { ENTRA_GRAPH_TOKEN: "env-token" },
            );
            assert.equal(settings.auth.kind, "clientSecret");
            const sameSource = resolveGraphSettings(undefined, {
                ENTRA_GRAPH_TOKEN: "x",
                ARM_TENANT_ID: "t",
                ARM_CLIENT_ID: "c",
                ARM_CLIENT_SECRET: "s",
            });
            assert.equal(sameSource.auth.kind, "staticToken");
        });

        it("merges ids field by field across sources", () => {
            const settings = resolveGraphSettings(config({ "entra:clientId": "from-entra", "azuread:clientId": "from-azuread" }), {
                ARM_TENANT_ID: "tenant-env",
                ARM_CLIENT_SECRET: "s",
            });
            assert.equal(settings.auth.kind, "clientSecret");
            assert.ok(settings.auth.kind === "clientSecret");
            assert.equal(settings.auth.clientId, "from-entra");
            assert.equal(settings.auth.tenantId, "tenant-env");
        });

        const methods: [string, Record<string, string>, Record<string, string>, string][] = [
            [
                "OIDC token from config",
                { "entra:useOidc": "true", "entra:oidcToken": "jwt", "entra:tenantId": "t", "entra:clientId": "c" },
                {},
                "oidcToken",
            ],
            ["ARM_OIDC_TOKEN", {}, { ARM_USE_OIDC: "true", ARM_OIDC_TOKEN: "jwt", ARM_TENANT_ID: "t", ARM_CLIENT_ID: "c" }, "oidcToken"],
            [
                "GitHub Actions OIDC",
                { "azuread:useOidc": "true" },
                {
                    ACTIONS_ID_TOKEN_REQUEST_URL: "https://gh.example/token?api-version=2.0",
                    ACTIONS_ID_TOKEN_REQUEST_TOKEN: "rt",
                    ARM_TENANT_ID: "t",
                    ARM_CLIENT_ID: "c",
                },
                "githubOidc",
            ],
            [
                "workload identity",
                { "entra:useOidc": "true" },
                { AZURE_FEDERATED_TOKEN_FILE: tokenFile, AZURE_TENANT_ID: "t", AZURE_CLIENT_ID: "c" },
                "workloadIdentity",
            ],
            ["managed identity", { "azuread:useMsi": "true", "azuread:clientId": "c" }, {}, "managedIdentity"],
            ["Azure CLI", { "azuread:useCli": "true" }, {}, "azureCli"],
            ["the default chain when useCli is false", { "azuread:useCli": "false" }, {}, "defaultChain"],
        ];
        for (const [title, values, env, kind] of methods) {
            it(`chooses ${kind} for ${title}`, () => {
                assert.equal(resolveGraphSettings(config(values), env).auth.kind, kind);
            });
        }

        it("keeps secrets out of JSON and inspection", () => {
            const sentinel = "SENTINEL-client-secret-91c2";
            const settings = resolveGraphSettings(
                config({ "entra:tenantId": "t", "entra:clientId": "c", "entra:clientSecret": sentinel }),
                {},
            );
            assert.ok(!JSON.stringify(settings).includes(sentinel));
            assert.ok(!inspect(settings, { depth: 10 }).includes(sentinel));
            assert.ok(!`${settings.auth.kind === "clientSecret" ? settings.auth.clientSecret : ""}`.includes(sentinel));
            assert.ok(settings.auth.kind === "clientSecret" && settings.auth.clientSecret.reveal() === sentinel);
        });
    });
    describe("azuread settings reused", () => {
        const ids = { "azuread:tenantId": "t", "azuread:clientId": "c" };

        it("reads the client secret from azuread:clientSecretFilePath or ARM_CLIENT_SECRET_FILE_PATH", () => {
            const secretFile = scratchFile("client-secret", "from-file-secret\n");
            const fromConfig = authOf({ ...ids, "azuread:clientSecretFilePath": secretFile });
            assert.ok(fromConfig.kind === "clientSecret" && fromConfig.clientSecret.reveal() === "from-file-secret");
            const fromEnv = authOf(ids, { ARM_CLIENT_SECRET_FILE_PATH: secretFile });
            assert.ok(fromEnv.kind === "clientSecret" && fromEnv.clientSecret.reveal() === "from-file-secret");
        });

        it("lets a client secret from a higher source win over a secret file, without reading the file", () => {
            const auth = authOf(
                { ...ids, "entra:clientSecret": "from-entra" },
                { ARM_CLIENT_SECRET_FILE_PATH: path.join(scratch, "missing") },
            );
            assert.ok(auth.kind === "clientSecret" && auth.clientSecret.reveal() === "from-entra");
        });

        it("rejects a secret file that disagrees with the secret from the same source, echoing neither", () => {
            const sentinel = "SENTINEL-file-secret-0b7e";
            const error = assertRejected(
                {
                    ...ids,
                    "azuread:clientSecret": "SENTINEL-config-secret-2d41",
                    "azuread:clientSecretFilePath": scratchFile("other-secret", sentinel),
                },
                {},
                /azuread:clientSecret and azuread:clientSecretFilePath disagree/,
            );
            assert.ok(!error.message.includes(sentinel) && !error.message.includes("SENTINEL-config-secret-2d41"));
        });

        it("names the key and the path of a file that cannot be read", () => {
            const missing = path.join(scratch, "no-such-secret");
            assertRejected(
                { ...ids, "azuread:clientSecretFilePath": missing },
                {},
                /azuread:clientSecretFilePath names a file that cannot be read/,
                /ENOENT/,
                new RegExp(missing),
            );
            assertRejected(
                { ...ids, "azuread:clientSecretFilePath": scratchFile("empty-secret", "\n") },
                {},
                /azuread:clientSecretFilePath names an empty file/,
            );
        });

        it("reads the client id from azuread:clientIdFilePath or ARM_CLIENT_ID_FILE_PATH", () => {
            const idFile = scratchFile("client-id", "22222222-2222-2222-2222-222222222222\n");
            const auth = authOf({ "azuread:tenantId": "t", "azuread:clientSecret": "s", "azuread:clientIdFilePath": idFile });
            assert.ok(auth.kind === "clientSecret" && auth.clientId === "22222222-2222-2222-2222-222222222222");
            const msi = authOf({ "azuread:useMsi": "true" }, { ARM_CLIENT_ID_FILE_PATH: idFile });
            assert.deepEqual(msi, { kind: "managedIdentity", clientId: "22222222-2222-2222-2222-222222222222" });
            assertRejected(
                { "azuread:clientId": "c", "azuread:clientIdFilePath": idFile },
                {},
                /azuread:clientId and azuread:clientIdFilePath disagree/,
            );
        });

        it("names the client id file keys when a client id is missing", () => {
            assertRejected(
                { "azuread:tenantId": "t", "azuread:clientSecret": "s" },
                {},
                /needs a clientId: set one of entra:clientId, azuread:clientId, ARM_CLIENT_ID, azuread:clientIdFilePath, ARM_CLIENT_ID_FILE_PATH/,
            );
        });

        it("passes azuread:oidcTokenFilePath / ARM_OIDC_TOKEN_FILE_PATH to workload identity, unread", () => {
            const auth = authOf({ ...ids, "azuread:useOidc": "true", "azuread:oidcTokenFilePath": tokenFile });
            assert.deepEqual(auth, { kind: "workloadIdentity", tenantId: "t", clientId: "c", tokenFilePath: tokenFile });
            // The token file alone asks for OIDC, like an OIDC token does.
            assert.equal(authOf(ids, { ARM_OIDC_TOKEN_FILE_PATH: tokenFile }).kind, "workloadIdentity");
            assertRejected(
                { ...ids, "azuread:oidcTokenFilePath": path.join(scratch, "gone") },
                {},
                /azuread:oidcTokenFilePath names a file that cannot be read/,
            );
        });

        it("asks the token service named by azuread:oidcRequestUrl / ARM_OIDC_REQUEST_URL with its request token", () => {
            const fromConfig = authOf({
                ...ids,
                "azuread:useOidc": "true",
                "azuread:oidcRequestUrl": "https://tokens.example.test/id?x=1",
                "azuread:oidcRequestToken": "rt",
            });
            assert.ok(fromConfig.kind === "githubOidc");
            assert.equal(fromConfig.requestUrl, "https://tokens.example.test/id?x=1");
            assert.equal(fromConfig.requestToken.reveal(), "rt");
            // ARM_OIDC_REQUEST_* come before the GitHub runtime's own variables.
            const fromEnv = authOf(
                { ...ids, "azuread:useOidc": "true" },
                {
                    ARM_OIDC_REQUEST_URL: "https://arm.example.test/",
                    ARM_OIDC_REQUEST_TOKEN: "arm",
                    ACTIONS_ID_TOKEN_REQUEST_URL: "https://gh.example.test/",
                    ACTIONS_ID_TOKEN_REQUEST_TOKEN: "gh",
                },
            );
            assert.ok(
                fromEnv.kind === "githubOidc" &&
                    fromEnv.requestUrl === "https://arm.example.test/" &&
                    fromEnv.requestToken.reveal() === "arm",
            );
        });

        it("rejects a request URL without a request token, and one that would send the token in clear", () => {
            assertRejected(
                { ...ids, "azuread:useOidc": "true", "azuread:oidcRequestUrl": "https://tokens.example.test/" },
                {},
                /azuread:oidcRequestUrl needs an oidcRequestToken: set one of azuread:oidcRequestToken, ARM_OIDC_REQUEST_TOKEN/,
            );
            const error = assertRejected(
                {
                    ...ids,
                    "azuread:useOidc": "true",
                    "azuread:oidcRequestUrl": "http://tokens.example.test/?sig=SENTINEL-url-9f",
                    "azuread:oidcRequestToken": "rt",
                },
                {},
                /azuread:oidcRequestUrl must be an absolute https URL/,
            );
            assert.ok(!error.message.includes("SENTINEL-url-9f"));
        });

        it("uses Azure Pipelines OIDC when a service connection is named", () => {
            const auth = authOf(
                {},
                {
                    ARM_USE_OIDC: "true",
                    ARM_TENANT_ID: "t",
                    ARM_CLIENT_ID: "c",
                    SYSTEM_ACCESSTOKEN: "ado-token",
                    SYSTEM_OIDCREQUESTURI: "https://dev.azure.example.test/org/_apis/distributedtask/hubs/build/plans/p/jobs/j/oidctoken",
                    ARM_ADO_PIPELINE_SERVICE_CONNECTION_ID: "service-connection-1",
                },
            );
            assert.ok(auth.kind === "azurePipelinesOidc");
            assert.equal(auth.serviceConnectionId, "service-connection-1");
            assert.equal(auth.requestToken.reveal(), "ado-token");
            assert.match(auth.requestUrl, /oidctoken$/);
        });

        it("uses the AKS workload identity webhook's variables for azuread:useAksWorkloadIdentity", () => {
            const webhook = { AZURE_FEDERATED_TOKEN_FILE: tokenFile, AZURE_TENANT_ID: "aks-tenant", AZURE_CLIENT_ID: "aks-client" };
            assert.deepEqual(authOf({ "azuread:useAksWorkloadIdentity": "true" }, webhook), {
                kind: "workloadIdentity",
                tenantId: "aks-tenant",
                clientId: "aks-client",
                tokenFilePath: tokenFile,
            });
            assert.equal(authOf({}, { ...webhook, ARM_USE_AKS_WORKLOAD_IDENTITY: "true" }).kind, "workloadIdentity");
            assertRejected({ "azuread:useAksWorkloadIdentity": "true" }, {}, /no OIDC token is available/, /AZURE_FEDERATED_TOKEN_FILE/);
            // An Azure Pipelines agent on AKS: the job's request URL without its access token is no token service.
            assert.equal(
                authOf(
                    { "azuread:useAksWorkloadIdentity": "true" },
                    { ...webhook, SYSTEM_OIDCREQUESTURI: "https://dev.azure.example.test/oidc" },
                ).kind,
                "workloadIdentity",
            );
            assertRejected(
                { "azuread:useAksWorkloadIdentity": "true" },
                { ...webhook, AZURE_FEDERATED_TOKEN_FILE: path.join(scratch, "gone") },
                /AZURE_FEDERATED_TOKEN_FILE names a file that cannot be read/,
            );
        });

        it("accepts ARM_MSI_ENDPOINT only where ManagedIdentityCredential finds the same endpoint", () => {
            assertRejected(
                { "azuread:useMsi": "true" },
                { ARM_MSI_ENDPOINT: "http://169.254.169.254/x" },
                /ARM_MSI_ENDPOINT cannot be passed/,
            );
            const auth = authOf(
                { "azuread:useMsi": "true" },
                { ARM_MSI_ENDPOINT: "http://127.0.0.1:40342/msi", IDENTITY_ENDPOINT: "http://127.0.0.1:40342/msi" },
            );
            assert.equal(auth.kind, "managedIdentity");
        });

        it("refuses a custom cloud's metadata host unless entra:cloud says which cloud to use", () => {
            assertRejected(
                { "azuread:metadataHost": "management.azure.example" },
                {},
                /azuread:metadataHost .* is not supported: set entra:cloud/,
            );
            assertRejected(
                { "azuread:environment": "china" },
                { ARM_METADATA_HOSTNAME: "management.azure.example" },
                /ARM_METADATA_HOSTNAME/,
            );
            assert.equal(
                resolveGraphSettings(config({ "entra:cloud": "usgov", "azuread:metadataHost": "management.usgovcloudapi.net" }), {}).cloud,
                "usgov",
            );
        });
    });
});
