import assert from "node:assert/strict";
import { inspect } from "node:util";
import { resolveGraphSettings, GraphSettingsError, type ConfigSource } from "../../provider/graph";

function config(values: Record<string, string>): ConfigSource {
    return { get: (key) => values[key] };
}

describe("resolveGraphSettings", () => {
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
        ["azuread:environment usgovernment", { "azuread:environment": "usgovernment" }, {}, "https://graph.microsoft.us", "https://login.microsoftonline.us"],
        ["azuread:environment dod", { "azuread:environment": "dod" }, {}, "https://dod-graph.microsoft.us", "https://login.microsoftonline.us"],
        ["ARM_ENVIRONMENT china", {}, { ARM_ENVIRONMENT: "china" }, "https://microsoftgraph.chinacloudapi.cn", "https://login.chinacloudapi.cn"],
        ["entra:cloud beats azuread:environment", { "entra:cloud": "public", "azuread:environment": "china" }, {}, "https://graph.microsoft.com", "https://login.microsoftonline.com"],
        ["azuread:environment beats ARM_ENVIRONMENT", { "azuread:environment": "global" }, { ARM_ENVIRONMENT: "usgovernment" }, "https://graph.microsoft.com", "https://login.microsoftonline.com"],
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
        const override = resolveGraphSettings(config({ "entra:graphEndpoint": "https://graph.example.test" }), { ENTRA_GRAPH_ENDPOINT: "http://127.0.0.1:1" });
        assert.equal(override.endpoint, "https://graph.example.test");
    });

    const invalid: [string, Record<string, string>, Record<string, string>, RegExp][] = [
        ["an unknown cloud", { "entra:cloud": "mars" }, {}, /entra:cloud must be one of public, usgov, usgovdod, china; got "mars"/],
        ["an unknown azuread environment", { "azuread:environment": "usgov" }, {}, /azuread:environment must be one of global, public, usgovernment, dod, china/],
        ["an endpoint with /v1.0", { "entra:graphEndpoint": "https://graph.microsoft.com/v1.0" }, {}, /entra:graphEndpoint .*leave out \/v1\.0/],
        ["plain http off loopback", {}, { ENTRA_GRAPH_ENDPOINT: "http://graph.example.test" }, /ENTRA_GRAPH_ENDPOINT must be an absolute https URL/],
        ["a relative endpoint", { "entra:graphEndpoint": "graph" }, {}, /entra:graphEndpoint must be/],
        ["a bad boolean", { "entra:useOidc": "maybe" }, {}, /entra:useOidc must be true or false, got "maybe"/],
        ["a bad timeout", { "entra:operationTimeout": "ten minutes" }, {}, /entra:operationTimeout must be an ISO 8601 duration/],
        ["a months timeout", { "entra:operationTimeout": "P1M" }, {}, /entra:operationTimeout/],
        ["a negative retry count", { "entra:maxRetries": "-1" }, {}, /entra:maxRetries must be a whole number from 0 to 100/],
        ["a secret without tenant", { "azuread:clientSecret": "s", "azuread:clientId": "c" }, {}, /needs a tenantId: set one of entra:tenantId, azuread:tenantId, ARM_TENANT_ID/],
        ["OIDC without a token", { "entra:useOidc": "true", "entra:tenantId": "t", "entra:clientId": "c" }, {}, /no OIDC token is available/],
        ["an msiEndpoint the credential cannot use", { "azuread:useMsi": "true", "azuread:msiEndpoint": "http://169.254.169.254/x" }, {}, /azuread:msiEndpoint cannot be passed/],
    ];
    for (const [title, values, env, message] of invalid) {
        it(`rejects ${title}, naming the key`, () => {
            assert.throws(() => resolveGraphSettings(config(values), env), (error: unknown) => {
                assert.ok(error instanceof GraphSettingsError);
                assert.match(error.message, message);
                return true;
            });
        });
    }

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
        const timing = resolveGraphSettings(config({ "entra:retryBaseDelay": "PT0.01S", "entra:retryMaxDelay": "0.05", "entra:requestTimeout": "PT5S" }), {}).retryTiming;
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
            const sameSource = resolveGraphSettings(undefined, { ENTRA_GRAPH_TOKEN: "x", ARM_TENANT_ID: "t", ARM_CLIENT_ID: "c", ARM_CLIENT_SECRET: "s" });
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
            ["client certificate", { "azuread:clientCertificatePath": "/c.pem", "azuread:tenantId": "t", "azuread:clientId": "c" }, {}, "clientCertificate"],
            ["OIDC token from config", { "entra:useOidc": "true", "entra:oidcToken": "jwt", "entra:tenantId": "t", "entra:clientId": "c" }, {}, "oidcToken"],
            ["ARM_OIDC_TOKEN", {}, { ARM_USE_OIDC: "true", ARM_OIDC_TOKEN: "jwt", ARM_TENANT_ID: "t", ARM_CLIENT_ID: "c" }, "oidcToken"],
            [
                "GitHub Actions OIDC",
                { "azuread:useOidc": "true" },
                { ACTIONS_ID_TOKEN_REQUEST_URL: "https://gh.example/token?api-version=2.0", ACTIONS_ID_TOKEN_REQUEST_TOKEN: "rt", ARM_TENANT_ID: "t", ARM_CLIENT_ID: "c" },
                "githubOidc",
            ],
            ["workload identity", { "entra:useOidc": "true" }, { AZURE_FEDERATED_TOKEN_FILE: "/var/run/token", AZURE_TENANT_ID: "t", AZURE_CLIENT_ID: "c" }, "workloadIdentity"],
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
            const settings = resolveGraphSettings(config({ "entra:tenantId": "t", "entra:clientId": "c", "entra:clientSecret": sentinel }), {});
            assert.ok(!JSON.stringify(settings).includes(sentinel));
            assert.ok(!inspect(settings, { depth: 10 }).includes(sentinel));
            assert.ok(!`${settings.auth.kind === "clientSecret" ? settings.auth.clientSecret : ""}`.includes(sentinel));
            assert.ok(settings.auth.kind === "clientSecret" && settings.auth.clientSecret.reveal() === sentinel);
        });
    });
});
