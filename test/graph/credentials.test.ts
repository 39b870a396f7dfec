import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import * as path from "node:path";
import * as identity from "@azure/identity";
import { TokenCredentialAuthenticationProvider } from "@microsoft/microsoft-graph-client/authProviders/azureTokenCredentials";
import { resolveGraphSettings, Secret, type ConfigSource } from "../../provider/graph";
import { createAuthenticationProvider, createTokenCredential } from "../../provider/graph/credentials";
import { requestGithubIdToken } from "../../provider/graph/githubOidc";
import { redact } from "../../provider/graph/secret";

const config = (values: Record<string, string>): ConfigSource => ({ get: (key) => values[key] });
const noFetch: typeof fetch = async () => {
    throw new Error("no network in this test");
};

function credentialFor(values: Record<string, string>, env: Record<string, string> = {}) {
    const settings = resolveGraphSettings(config(values), env);
    assert.notEqual(settings.auth.kind, "staticToken");
    return createTokenCredential(settings.auth as Exclude<typeof settings.auth, { kind: "staticToken" }>, settings.authorityHost, noFetch);
}

describe("credential selection", () => {
    const ids = { "entra:tenantId": "11111111-1111-1111-1111-111111111111", "entra:clientId": "22222222-2222-2222-2222-222222222222" };
    const cases: [string, Record<string, string>, Record<string, string>, Function][] = [
        ["a client secret", { ...ids, "entra:clientSecret": "s" }, {}, identity.ClientSecretCredential],
        ["a client certificate", { ...ids, "entra:clientCertificatePath": "/nonexistent/cert.pem" }, {}, identity.ClientCertificateCredential],
        ["an OIDC token", { ...ids, "entra:useOidc": "true", "entra:oidcToken": "jwt" }, {}, identity.ClientAssertionCredential],
        ["GitHub Actions OIDC", { ...ids, "entra:useOidc": "true" }, { ACTIONS_ID_TOKEN_REQUEST_URL: "https://gh.example/t", ACTIONS_ID_TOKEN_REQUEST_TOKEN: "rt" }, identity.ClientAssertionCredential],
        ["workload identity", { "entra:useOidc": "true" }, { AZURE_FEDERATED_TOKEN_FILE: "/var/run/token", AZURE_TENANT_ID: "t", AZURE_CLIENT_ID: "c" }, identity.WorkloadIdentityCredential],
        ["managed identity", { "azuread:useMsi": "true" }, {}, identity.ManagedIdentityCredential],
        ["Azure CLI", { "azuread:useCli": "true" }, {}, identity.AzureCliCredential],
        ["nothing explicit", {}, {}, identity.DefaultAzureCredential],
    ];
    for (const [title, values, env, type] of cases) {
        it(`builds ${type.name} for ${title} without calling Azure`, () => {
            assert.ok(credentialFor(values, env) instanceof type);
        });
    }

    it("wraps credentials in TokenCredentialAuthenticationProvider and a static token in a fixed provider", async () => {
        const secretSettings = resolveGraphSettings(config({ ...ids, "entra:clientSecret": "s" }), {});
        assert.ok(createAuthenticationProvider(secretSettings, noFetch) instanceof TokenCredentialAuthenticationProvider);
        const tokenSettings = resolveGraphSettings(config({ "entra:token": "static-token" }), {});
        assert.equal(await createAuthenticationProvider(tokenSettings, noFetch).getAccessToken(), "static-token");
    });

    it("asks GitHub Actions for an ID token with the Azure AD audience and never echoes the request token", async () => {
        const requestToken = "SENTINEL-gh-request-token";
        const seen: { url: string; authorization: string | null }[] = [];
        const fakeFetch = (status: number, body: unknown): typeof fetch =>
            (async (input: string | URL | Request, init?: RequestInit) => {
                seen.push({ url: String(input), authorization: new Headers(init?.headers).get("authorization") });
                return new Response(JSON.stringify(body), { status });
            }) as typeof fetch;
        const token = await requestGithubIdToken("https://gh.example/token?api-version=2.0", new Secret(requestToken), fakeFetch(200, { value: "id-token" }));
        assert.equal(token, "id-token");
        assert.equal(new URL(seen[0].url).searchParams.get("audience"), "api://AzureADTokenExchange");
        assert.equal(new URL(seen[0].url).searchParams.get("api-version"), "2.0");
        assert.equal(seen[0].authorization, `Bearer ${requestToken}`);
        await assert.rejects(requestGithubIdToken("https://gh.example/token", new Secret(requestToken), fakeFetch(403, { message: requestToken })), (error: Error) => {
            assert.match(error.message, /HTTP 403.*id-token: write/);
            assert.ok(!error.message.includes(requestToken));
            return true;
        });
    });

    it("redacts known secrets and token-shaped text", () => {
        const text = redact("secret s3cr3t-value, Bearer abc.def, jwt eyJhbGciOi.eyJzdWIiOi.sig", [new Secret("s3cr3t-value")]);
        assert.equal(text, "secret [redacted], Bearer [redacted], jwt [redacted]");
    });
});

describe("lazy loading", () => {
    it("loads neither @azure/identity nor the Graph client, and sends nothing, until the first operation", () => {
        const root = path.resolve(__dirname, "../..");
        const script = `
            const graph = require("./provider/graph");
            const settings = graph.resolveGraphSettings({ get: () => undefined }, { ARM_TENANT_ID: "t", ARM_CLIENT_ID: "c", ARM_CLIENT_SECRET: "s" });
            let sent = 0;
            graph.createPolicyApi(settings, { fetch: async () => { sent++; throw new Error("no"); } });
            const loaded = Object.keys(require.cache).filter((file) => /@azure[\\\\/]identity|microsoft-graph-client/.test(file));
            process.stdout.write(JSON.stringify({ loaded: loaded.length, sent }));
        `;
        const output = execFileSync(process.execPath, ["-r", "ts-node/register/transpile-only", "-e", script], { cwd: root, encoding: "utf8" });
        assert.deepEqual(JSON.parse(output), { loaded: 0, sent: 0 });
    });
});
