import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { createHash, createPrivateKey, verify, X509Certificate, constants as cryptoConstants } from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { inspect } from "node:util";
import * as identity from "@azure/identity";
import { TokenCredentialAuthenticationProvider } from "@microsoft/microsoft-graph-client/authProviders/azureTokenCredentials";
import { GraphSettingsError, resolveGraphSettings, Secret, type ConfigSource, type GraphAuth } from "../../../provider/core/graph";
import { requestAzurePipelinesIdToken } from "../../../provider/core/graph/credentials/azurePipelinesOidc";
import { createAuthenticationProvider, createTokenCredential, secretsOf } from "../../../provider/core/graph/credentials/credentials";
import { requestGithubIdToken } from "../../../provider/core/graph/credentials/githubOidc";
import { redact } from "../../../provider/core/graph/config/secret";

const noFetch: typeof fetch = async () => {
    throw new Error("no network in this test");
};

function credentialFor(values: Record<string, string>, env: Record<string, string> = {}) {
    const settings = resolveGraphSettings(config(values), env);
    assert.notEqual(settings.auth.kind, "staticToken");
    return createTokenCredential(settings.auth as Exclude<typeof settings.auth, { kind: "staticToken" }>, settings.authorityHost, noFetch);
}

/**
 * Key material made for this run only, in a directory removed afterwards: an RSA certificate and key from openssl,
 * and the bundles an azuread user makes from them with `openssl pkcs12 -export`.
 */
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "entra-credentials-"));
const openssl = (...args: string[]) => execFileSync("openssl", args, { cwd: scratch, stdio: ["ignore", "pipe", "pipe"] });
openssl(
    "req",
    "-x509",
    "-newkey",
    "rsa:2048",
    "-nodes",
    "-keyout",
    "key.pem",
    "-out",
    "cert.pem",
    "-days",
    "1",
    "-subj",
    "/CN=entra-assignment-policy-test",
);
const file = (name: string) => path.join(scratch, name);
const CERTIFICATE = new X509Certificate(fs.readFileSync(file("cert.pem")));
fs.writeFileSync(file("cert-and-key.pem"), fs.readFileSync(file("cert.pem"), "utf8") + fs.readFileSync(file("key.pem"), "utf8"));
// A root hook: the describe blocks below all use these files.
after(() => fs.rmSync(scratch, { recursive: true, force: true }));

/** A PKCS#12 bundle of the test certificate and key, as `openssl pkcs12 -export` makes it with `options`. */
function pkcs12(name: string, password: string, ...options: string[]): string {
    openssl("pkcs12", "-export", "-inkey", "key.pem", "-in", "cert.pem", "-out", name, "-passout", `pass:${password}`, ...options);
    return file(name);
}

const config = (values: Record<string, string>): ConfigSource => ({ get: (key) => values[key] });
const ids = { "azuread:tenantId": "11111111-1111-1111-1111-111111111111", "azuread:clientId": "22222222-2222-2222-2222-222222222222" };

/** The PEM a certificate setting resolves to; fails unless the settings chose certificate authentication. */
function certificatePem(values: Record<string, string>, env: Record<string, string> = {}): string {
    const { auth } = resolveGraphSettings(config({ ...ids, ...values }), env);
    assert.equal(auth.kind, "clientCertificate");
    return (auth as Extract<GraphAuth, { kind: "clientCertificate" }>).certificate.reveal();
}

/** Asserts that `pem` leads with the test certificate and holds the private key that belongs to it. */
function assertHoldsTestCertificate(pem: string): void {
    assert.equal(new X509Certificate(pem).fingerprint256, CERTIFICATE.fingerprint256, "the certificate comes first, unchanged");
    assert.ok(CERTIFICATE.checkPrivateKey(createPrivateKey(pem)), "the private key is the certificate's");
}

describe("client certificates", () => {
    const password = "SENTINEL-pfx-password-6c1d";

    it("opens an openssl 3 PKCS#12 bundle (AES-256, PBKDF2) from azuread:clientCertificatePath with azuread:clientCertificatePassword", () => {
        assertHoldsTestCertificate(
            certificatePem({
                "azuread:clientCertificatePath": pkcs12("modern.pfx", password),
                "azuread:clientCertificatePassword": password,
            }),
        );
    });

    it("opens a legacy PKCS#12 bundle (3DES, RC2) from ARM_CLIENT_CERTIFICATE_PATH with ARM_CLIENT_CERTIFICATE_PASSWORD", () => {
        const pem = certificatePem(
            {},
            { ARM_CLIENT_CERTIFICATE_PATH: pkcs12("legacy.pfx", password, "-legacy"), ARM_CLIENT_CERTIFICATE_PASSWORD: password },
        );
        assertHoldsTestCertificate(pem);
    });

    it("opens a base64 PKCS#12 value from azuread:clientCertificate, and a bundle without a password", () => {
        const base64 = fs.readFileSync(pkcs12("value.pfx", password)).toString("base64");
        assertHoldsTestCertificate(certificatePem({ "azuread:clientCertificate": base64, "azuread:clientCertificatePassword": password }));
        assertHoldsTestCertificate(
            certificatePem({}, { ARM_CLIENT_CERTIFICATE: fs.readFileSync(pkcs12("open.pfx", "")).toString("base64") }),
        );
    });

    it("still takes PEM for entra:clientCertificatePath, with an encrypted key opened by entra:clientCertificatePassword", () => {
        assertHoldsTestCertificate(certificatePem({ "entra:clientCertificatePath": file("cert-and-key.pem") }));
        openssl("pkcs8", "-topk8", "-in", "key.pem", "-out", "key-encrypted.pem", "-passout", `pass:${password}`);
        fs.writeFileSync(
            file("encrypted.pem"),
            fs.readFileSync(file("key-encrypted.pem"), "utf8") + fs.readFileSync(file("cert.pem"), "utf8"),
        );
        assertHoldsTestCertificate(
            certificatePem({ "entra:clientCertificatePath": file("encrypted.pem"), "entra:clientCertificatePassword": password }),
        );
    });

    /** The settings error for `values`; it must never hold the password. */
    function rejection(values: Record<string, string>, env: Record<string, string> = {}): string {
        let message = "";
        assert.throws(
            () => resolveGraphSettings(config({ ...ids, ...values }), env),
            (error: unknown) => {
                assert.ok(error instanceof GraphSettingsError);
                message = error.message;
                return true;
            },
        );
        assert.ok(!message.includes(password), "the password is not in the message");
        return message;
    }

    it("names the certificate and password keys for a wrong or missing password, never the password", () => {
        const bundle = pkcs12("locked.pfx", password);
        const wrong = rejection({
            "azuread:clientCertificatePath": bundle,
            "azuread:clientCertificatePassword": "SENTINEL-wrong-password",
        });
        assert.match(
            wrong,
            /azuread:clientCertificatePath \(.*locked\.pfx\) is a PKCS#12 bundle that the password does not open: check azuread:clientCertificatePassword/,
        );
        assert.ok(!wrong.includes("SENTINEL-wrong-password"));
        const missing = rejection({}, { ARM_CLIENT_CERTIFICATE_PATH: bundle });
        assert.match(
            missing,
            /ARM_CLIENT_CERTIFICATE_PATH .* no password is set: set its password in one of entra:clientCertificatePassword, azuread:clientCertificatePassword, ARM_CLIENT_CERTIFICATE_PASSWORD/,
        );
    });

    it("names the key for content that is not a certificate, without echoing it", () => {
        fs.writeFileSync(file("not-a-certificate.txt"), "SENTINEL-not-a-certificate");
        assert.match(
            rejection({ "azuread:clientCertificatePath": file("not-a-certificate.txt") }),
            /azuread:clientCertificatePath .* is neither a PKCS#12 bundle nor PEM text/,
        );
        assert.match(rejection({ "entra:clientCertificatePath": file("cert.pem") }), /entra:clientCertificatePath .* holds no private key/);
        const garbage = rejection({ "azuread:clientCertificate": "SENTINEL-not*base64" });
        assert.match(garbage, /azuread:clientCertificate must be a base64-encoded PKCS#12 bundle/);
        assert.ok(!garbage.includes("SENTINEL"));
        assert.match(
            rejection({ "azuread:clientCertificatePath": file("missing.pfx") }),
            /azuread:clientCertificatePath names a file that cannot be read: .*missing\.pfx \(ENOENT\)/,
        );
    });

    it("keeps the converted key out of JSON, inspection and error text", () => {
        const settings = resolveGraphSettings(
            config({
                ...ids,
                "azuread:clientCertificatePath": pkcs12("quiet.pfx", password),
                "azuread:clientCertificatePassword": password,
            }),
            {},
        );
        assert.ok(!JSON.stringify(settings).includes("PRIVATE KEY"));
        assert.ok(!inspect(settings, { depth: 10 }).includes("PRIVATE KEY"));
        const pem = (settings.auth as Extract<GraphAuth, { kind: "clientCertificate" }>).certificate.reveal();
        assert.equal(redact(`echoed: ${pem}`, secretsOf(settings.auth)), "echoed: [redacted]");
    });

    it("signs ClientCertificateCredential's client assertion with the converted key and the certificate's thumbprint", async () => {
        const pem = certificatePem({
            "azuread:clientCertificatePath": pkcs12("signing.pfx", password),
            "azuread:clientCertificatePassword": password,
        });
        const bodies: string[] = [];
        // Stands in for Entra's token endpoint; the credential sends nothing anywhere else for the public cloud.
        const httpClient: NonNullable<identity.ClientCertificateCredentialOptions["httpClient"]> = {
            async sendRequest(request) {
                bodies.push(String(request.body));
                const headers = new Map([["content-type", "application/json"]]);
                return {
                    request,
                    status: 200,
                    headers: Object.assign(headers, { toJSON: () => Object.fromEntries(headers) }) as never,
                    bodyAsText: JSON.stringify({ access_token: "graph-token", expires_in: 3600, token_type: "Bearer" }),
                };
            },
        };
        const credential = new identity.ClientCertificateCredential(
            ids["azuread:tenantId"],
            ids["azuread:clientId"],
            { certificate: pem },
            { httpClient },
        );
        assert.equal((await credential.getToken("https://graph.microsoft.com/.default")).token, "graph-token");
        const assertion = new URLSearchParams(bodies[0]).get("client_assertion") as string;
        const [header, payload, signature] = assertion.split(".");
        const { alg, "x5t#S256": thumbprint } = JSON.parse(Buffer.from(header, "base64url").toString()) as {
            alg: string;
            "x5t#S256": string;
        };
        assert.equal(thumbprint, createHash("sha256").update(CERTIFICATE.raw).digest("base64url"));
        assert.equal(alg, "PS256");
        const signed = verify(
            "sha256",
            Buffer.from(`${header}.${payload}`),
            { key: CERTIFICATE.publicKey, padding: cryptoConstants.RSA_PKCS1_PSS_PADDING, saltLength: 32 },
            Buffer.from(signature, "base64url"),
        );
        assert.ok(signed, "the assertion verifies with the certificate's public key");
    });
});

describe("credential selection", () => {
    const ids = { "entra:tenantId": "11111111-1111-1111-1111-111111111111", "entra:clientId": "22222222-2222-2222-2222-222222222222" };
    const tokenFile = file("federated-token");
    fs.writeFileSync(tokenFile, "header.payload.signature");
    const cases: [string, Record<string, string>, Record<string, string>, abstract new (...args: never[]) => identity.TokenCredential][] = [
        ["a client secret", { ...ids, "entra:clientSecret": "s" }, {}, identity.ClientSecretCredential],
        [
            "a client certificate",
            { ...ids, "entra:clientCertificatePath": file("cert-and-key.pem") },
            {},
            identity.ClientCertificateCredential,
        ],
        ["an OIDC token", { ...ids, "entra:useOidc": "true", "entra:oidcToken": "jwt" }, {}, identity.ClientAssertionCredential],
        [
            "GitHub Actions OIDC",
            { ...ids, "entra:useOidc": "true" },
            { ACTIONS_ID_TOKEN_REQUEST_URL: "https://gh.example/t", ACTIONS_ID_TOKEN_REQUEST_TOKEN: "rt" },
            identity.ClientAssertionCredential,
        ],
        [
            "Azure Pipelines OIDC",
            { ...ids, "entra:useOidc": "true" },
            {
                SYSTEM_OIDCREQUESTURI: "https://ado.example/oidctoken",
                SYSTEM_ACCESSTOKEN: "rt",
                ARM_ADO_PIPELINE_SERVICE_CONNECTION_ID: "sc",
            },
            identity.ClientAssertionCredential,
        ],
        [
            "workload identity",
            { "entra:useOidc": "true" },
            { AZURE_FEDERATED_TOKEN_FILE: tokenFile, AZURE_TENANT_ID: "t", AZURE_CLIENT_ID: "c" },
            identity.WorkloadIdentityCredential,
        ],
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
        const token = await requestGithubIdToken(
            "https://gh.example/token?api-version=2.0",
            new Secret(requestToken),
            fakeFetch(200, { value: "id-token" }),
        );
        assert.equal(token, "id-token");
        assert.equal(new URL(seen[0].url).searchParams.get("audience"), "api://AzureADTokenExchange");
        assert.equal(new URL(seen[0].url).searchParams.get("api-version"), "2.0");
        assert.equal(seen[0].authorization, `Bearer ${requestToken}`);
        await assert.rejects(
            requestGithubIdToken("https://gh.example/token", new Secret(requestToken), fakeFetch(403, { message: requestToken })),
            (error: Error) => {
                assert.match(error.message, /HTTP 403.*id-token: write/);
                assert.ok(!error.message.includes(requestToken));
                return true;
            },
        );
    });

    it("asks Azure Pipelines for a service connection's ID token with a POST and never echoes the access token", async () => {
        const requestToken = "SENTINEL-system-access-token";
        const seen: { url: string; method?: string; headers: Headers }[] = [];
        const fakeFetch = (status: number, body: unknown): typeof fetch =>
            (async (input: string | URL | Request, init?: RequestInit) => {
                seen.push({ url: String(input), method: init?.method, headers: new Headers(init?.headers) });
                return new Response(JSON.stringify(body), { status });
            }) as typeof fetch;
        const requestUrl = "https://dev.azure.example/org/_apis/distributedtask/hubs/build/plans/p/jobs/j/oidctoken";
        assert.equal(
            await requestAzurePipelinesIdToken(requestUrl, new Secret(requestToken), "sc-1", fakeFetch(200, { oidcToken: "id-token" })),
            "id-token",
        );
        const url = new URL(seen[0].url);
        assert.equal(`${url.origin}${url.pathname}`, requestUrl);
        assert.equal(url.searchParams.get("serviceConnectionId"), "sc-1");
        assert.equal(url.searchParams.get("api-version"), "7.1");
        assert.equal(seen[0].method, "POST");
        assert.equal(seen[0].headers.get("authorization"), `Bearer ${requestToken}`);
        assert.equal(seen[0].headers.get("x-tfs-fedauthredirect"), "Suppress");
        await assert.rejects(
            requestAzurePipelinesIdToken(requestUrl, new Secret(requestToken), "sc-1", fakeFetch(401, { message: requestToken })),
            (error: Error) => {
                assert.match(error.message, /service connection sc-1 \(HTTP 401\).*SYSTEM_ACCESSTOKEN/);
                assert.ok(!error.message.includes(requestToken));
                return true;
            },
        );
    });

    it("redacts known secrets and token-shaped text", () => {
        const text = redact("secret s3cr3t-value, Bearer abc.def, jwt eyJhbGciOi.eyJzdWIiOi.sig", [new Secret("s3cr3t-value")]);
        assert.equal(text, "secret [redacted], Bearer [redacted], jwt [redacted]");
    });
});

describe("lazy loading", () => {
    it("loads neither @azure/identity nor the Graph client, and sends nothing, until the first operation", () => {
        const root = path.resolve(__dirname, "../../..");
        const script = `
            const graph = require("./provider/core/graph");
            const operations = require("./provider/core/operations");
            const settings = graph.resolveGraphSettings({ get: () => undefined }, { ARM_TENANT_ID: "t", ARM_CLIENT_ID: "c", ARM_CLIENT_SECRET: "s" });
            let sent = 0;
            operations.createPolicyApi(settings, { fetch: async () => { sent++; throw new Error("no"); } });
            const loaded = Object.keys(require.cache).filter((file) => /@azure[\\\\/]identity|microsoft-graph-client/.test(file));
            process.stdout.write(JSON.stringify({ loaded: loaded.length, sent }));
        `;
        const output = execFileSync(process.execPath, ["-r", "ts-node/register/transpile-only", "-e", script], {
            cwd: root,
            encoding: "utf8",
        });
        assert.deepEqual(JSON.parse(output), { loaded: 0, sent: 0 });
    });

    it("loads node-forge only to open a PKCS#12 bundle: not with the implementation, nor for a PEM certificate", () => {
        const root = path.resolve(__dirname, "../../..");
        const bundle = pkcs12("lazy.pfx", "lazy-password");
        const script = `
            const forgeLoaded = () => Object.keys(require.cache).some((file) => /[\\\\/]node-forge[\\\\/]/.test(file));
            require("./provider/dynamic/implementation");
            const graph = require("./provider/core/graph");
            const settings = (values) => graph.resolveGraphSettings({ get: (key) => values[key] }, { ARM_TENANT_ID: "t", ARM_CLIENT_ID: "c" });
            const atLoad = forgeLoaded();
            settings({ "entra:clientCertificatePath": ${JSON.stringify(file("cert-and-key.pem"))} });
            const afterPem = forgeLoaded();
            settings({ "entra:clientCertificatePath": ${JSON.stringify(bundle)}, "entra:clientCertificatePassword": "lazy-password" });
            process.stdout.write(JSON.stringify({ atLoad, afterPem, afterPkcs12: forgeLoaded() }));
        `;
        const output = execFileSync(process.execPath, ["-r", "ts-node/register/transpile-only", "-e", script], {
            cwd: root,
            encoding: "utf8",
        });
        assert.deepEqual(JSON.parse(output), { atLoad: false, afterPem: false, afterPkcs12: true });
    });
});
