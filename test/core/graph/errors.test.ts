import assert from "node:assert/strict";
import { inspect } from "node:util";
import { resolveGraphSettings, GraphRequestError } from "../../../provider/core/graph";
import { createPolicyApi } from "../../../provider/core/operations";
import { toGraphRequestError } from "../../../provider/core/graph/transport/toGraphRequestError";
import { withHint } from "../../../provider/core/graph/transport/withHint";
import { startTinyGraph, type TinyGraph } from "../../support/fakes/tinyGraph";

const TOKEN = "SENTINEL-token-eyJhbGciOi-5c1d";

function assertNoToken(error: unknown, token: string): void {
    assert.ok(error instanceof GraphRequestError);
    for (const text of [error.message, error.stack ?? "", JSON.stringify(error), inspect(error, { depth: 10 }), error.graphMessage]) {
        assert.ok(!text.includes(token), `token leaked into: ${text}`);
    }
}

const headers = (values: Record<string, string> = {}) => new Headers(values);
const base = { attempts: 1, sawUnknownOutcome: false } as const;

describe("GraphRequestError", () => {
    it("names the operation, the policy, Graph's status, code and message, and both request ids", () => {
        const error = toGraphRequestError(
            {
                ...base,
                kind: "response",
                status: 400,
                headers: headers({ "request-id": "header-rid" }),
                body: {
                    error: {
                        code: "BadRequest",
                        message: "Invalid stage",
                        innerError: { "request-id": "1234-rid", "client-request-id": "5678-crid", date: "2026-01-01T00:00:00" },
                    },
                },
            },
            { operation: "updating", policy: { displayName: "All Users", id: "87e1c7f7-c7f7-87e1-f7c7-e187f7c7e187" } },
            (text) => text,
        );
        assert.equal(
            error.message,
            'updating access package assignment policy "All Users" (87e1c7f7-c7f7-87e1-f7c7-e187f7c7e187): Graph returned 400 BadRequest: Invalid stage (request-id 1234-rid, client-request-id 5678-crid)',
        );
        assert.deepEqual(
            [error.statusCode, error.code, error.graphMessage, error.requestId, error.clientRequestId, error.date, error.operation],
            [400, "BadRequest", "Invalid stage", "1234-rid", "5678-crid", "2026-01-01T00:00:00", "updating"],
        );
        assert.deepEqual(error.policy, { displayName: "All Users", id: "87e1c7f7-c7f7-87e1-f7c7-e187f7c7e187" });
    });

    it("falls back to response headers and to the client-request-id it sent", () => {
        const error = toGraphRequestError(
            {
                ...base,
                kind: "response",
                status: 502,
                headers: headers({ "request-id": "hdr", date: "Thu, 01 Jan 2026 00:00:00 GMT" }),
                body: "<html>Bad gateway</html>",
                clientRequestId: "sent-crid",
            },
            { operation: "reading", policy: { id: "p" } },
            (text) => text,
        );
        assert.match(
            error.message,
            /^reading access package assignment policy \(p\): Graph returned 502 HTTP502: <html>Bad gateway<\/html> \(request-id hdr, client-request-id sent-crid\)$/,
        );
        assert.equal(error.date, "Thu, 01 Jan 2026 00:00:00 GMT");
    });

    it("hints at the permission on 403", () => {
        const error = toGraphRequestError(
            {
                ...base,
                kind: "response",
                status: 403,
                headers: headers(),
                body: { error: { code: "Authorization_RequestDenied", message: "Insufficient privileges" } },
            },
            { operation: "creating", policy: { displayName: "P" } },
            (text) => text,
        );
        assert.match(error.message, /EntitlementManagement\.ReadWrite\.All/);
        assert.match(error.message, /Access package manager role \(or the broader Catalog owner\) in the policy's catalog/);
    });

    it("hints at the token, not at permissions, on 401", () => {
        const error = toGraphRequestError(
            {
                ...base,
                kind: "response",
                status: 401,
                headers: headers(),
                body: { error: { code: "InvalidAuthenticationToken", message: "Access token has expired or is not yet valid." } },
            },
            { operation: "listing", scope: "in access package X" },
            (text) => text,
        );
        assert.match(
            error.message,
            /Graph did not accept the token: .*audience, aud, must be https:\/\/graph\.microsoft\.com.*not expired \(exp\)/,
        );
        assert.doesNotMatch(error.message, /EntitlementManagement\.ReadWrite\.All|role/);
    });

    it("describes network failures and credential failures", () => {
        const network = toGraphRequestError(
            {
                ...base,
                attempts: 3,
                kind: "transport",
                failure: { kind: "connectionLost", code: "ECONNRESET", detail: "read ECONNRESET" },
                stoppedBy: "deadline",
                clientRequestId: "c",
            },
            { operation: "listing", scope: "in access package X" },
            (text) => text,
        );
        assert.equal(
            network.message,
            "listing access package assignment policies in access package X: timed out after 3 attempts within the operation timeout; last error: the connection to Graph broke: read ECONNRESET (ECONNRESET) (client-request-id c)",
        );
        const exhausted = toGraphRequestError(
            {
                ...base,
                attempts: 4,
                kind: "transport",
                failure: { kind: "connectionLost", code: "ECONNRESET", detail: "read ECONNRESET" },
                stoppedBy: "maxRetries",
                clientRequestId: "c",
            },
            { operation: "listing", scope: "in access package X" },
            (text) => text,
        );
        assert.match(exhausted.message, /: gave up after 4 attempts; last error: the connection to Graph broke/);
        const credential = toGraphRequestError(
            { attempts: 0, sawUnknownOutcome: false, kind: "notSent", detail: "Azure CLI not logged in" },
            { operation: "reading" },
            (t) => t,
        );
        assert.match(credential.message, /could not get a token for Microsoft Graph: Azure CLI not logged in \(AuthenticationFailed\)/);
    });

    describe("with a sentinel token", () => {
        let server: TinyGraph | undefined;
        afterEach(async () => {
            await server?.close();
            server = undefined;
        });

        it("never carries the token, even when Graph echoes it", async () => {
            server = await startTinyGraph((request) => ({
                status: 401,
                body: {
                    error: {
                        code: "InvalidAuthenticationToken",
                        message: `Token ${TOKEN} rejected; header was ${request.headers.authorization}`,
                    },
                },
            }));
            const api = createPolicyApi(
                resolveGraphSettings(undefined, { ENTRA_GRAPH_ENDPOINT: server.endpoint, ENTRA_GRAPH_TOKEN: TOKEN }),
            );
            const error = await api
                .get("p", { deadline: Date.now() + 30_000, displayName: "All Users" })
                .catch((thrown: unknown) => thrown);
            assert.equal(server.seen[0].headers.authorization, `Bearer ${TOKEN}`);
            assertNoToken(error, TOKEN);
            assert.match(
                (error as Error).message,
                /^reading access package assignment policy "All Users" \(p\): Graph returned 401 InvalidAuthenticationToken: Token \[redacted\] rejected/,
            );
        });

        it("scrubs token-shaped text that is not a known secret", () => {
            const jwt = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl";
            const error = toGraphRequestError(
                {
                    ...base,
                    kind: "response",
                    status: 400,
                    headers: headers(),
                    body: { error: { code: "BadRequest", message: `bad ${jwt} and Bearer abc.def` } },
                },
                { operation: "creating" },
                (text) => text.replace(/eyJ[\w-]+\.[\w-]+\.[\w-]*/g, "[redacted]"),
            );
            assert.ok(!error.message.includes(jwt));
        });
    });
});

describe("withHint", () => {
    const details = {
        operation: "creating",
        statusCode: 403,
        code: "Forbidden",
        graphMessage: "no.",
        attempts: 1,
        timedOut: false,
    } as const;

    it("rebuilds a GraphRequestError with the hint before the advice it gave, in its message and its field", () => {
        const hinted = withHint(new GraphRequestError({ ...details, hint: "Check the role." }), "It may exist.");
        assert.ok(hinted instanceof GraphRequestError);
        assert.equal(hinted.hint, "It may exist. Check the role.");
        assert.equal(
            hinted.message,
            "creating access package assignment policy: Graph returned 403 Forbidden: no. It may exist. Check the role.",
        );
        assert.deepEqual(Object.keys(hinted).sort(), [...Object.keys(details), "hint", "name"].sort());
    });

    it("appends the hint to any other error, keeping its type, and makes an error of what is not one", () => {
        const error = new TypeError("bad");
        assert.equal(withHint(error, "It may exist."), error);
        assert.equal(error.message, "bad. It may exist.");
        assert.equal(withHint("text", "It may exist.").message, "text. It may exist.");
    });
});
