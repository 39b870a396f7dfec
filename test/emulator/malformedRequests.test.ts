import assert from "node:assert/strict";
import { request, type IncomingHttpHeaders } from "node:http";
import { GraphEmulatorServer } from "../../emulator/GraphEmulatorServer";
import { EM, useEmulator, type WireJson } from "./support";

interface RawAnswer {
    status: number;
    headers: IncomingHttpHeaders;
    body: WireJson;
}

/** Sends a request with a path and headers exactly as given (fetch would normalise both). */
function raw(url: string, path: string, headers: Record<string, string> = {}): Promise<RawAnswer> {
    const { hostname, port } = new URL(url);
    return new Promise((resolve, reject) => {
        const req = request({ hostname, port, path, method: "GET", headers, setHost: !("Host" in headers) }, (res) => {
            let text = "";
            res.setEncoding("utf8");
            res.on("data", (chunk: string) => (text += chunk));
            res.on("end", () =>
                resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text === "" ? undefined : JSON.parse(text) }),
            );
        });
        req.on("error", reject);
        req.end();
    });
}

describe("emulator: malformed requests never take the process down", () => {
    const h = useEmulator();

    const auth = (): Record<string, string> => ({ Authorization: `Bearer ${h.emulator.token}`, "client-request-id": "malformed-1" });

    for (const path of [`${EM}/catalogs/%E0%A4%A`, `${EM}/catalogs/%zz`, `${EM}/%E0%A4`, "/_emulator/state/%zz"]) {
        it(`a bad percent-encoding (${path}) answers 400 BadRequest with Graph's error body and request ids`, async () => {
            const answer = await raw(h.emulator.url, path, auth());
            assert.equal(answer.status, 400);
            assert.equal(answer.body.error.code, "BadRequest");
            assert.match(answer.body.error.message, /percent-encoding/);
            assert.equal(answer.headers["client-request-id"], "malformed-1");
            assert.match(String(answer.headers["request-id"]), /^[0-9a-f-]{36}$/);
            assert.equal(answer.body.error.innerError["request-id"], answer.headers["request-id"]);
            assert.equal((await h.call("GET", "catalogs")).status, 200, "the emulator still serves");
        });
    }

    for (const path of [`${EM}/catalogs`, "/_emulator/health"]) {
        it(`a Host header that is no host (${path}) answers 400 with request ids`, async () => {
            const answer = await raw(h.emulator.url, path, { ...auth(), Host: "a b" });
            assert.equal(answer.status, 400);
            assert.equal(answer.body.error.code, "BadRequest");
            assert.match(answer.body.error.message, /Host/);
            assert.equal(answer.headers["client-request-id"], "malformed-1");
            assert.equal((await h.call("GET", "catalogs")).status, 200, "the emulator still serves");
        });
    }

    it("the request log records a malformed request under its raw path", async () => {
        await h.emulator.admin.resetLog();
        await raw(h.emulator.url, `${EM}/catalogs/%zz`, auth());
        const [entry] = await h.emulator.admin.requests();
        assert.equal(entry.path, `${EM}/catalogs/%zz`);
        assert.equal(entry.route, null);
        assert.equal(entry.status, 400);
    });
});

describe("emulator: a listener that fails still answers", () => {
    it("answers 500 with Graph's error body and request ids when a listener rejects before writing", async () => {
        const failing = { handle: () => Promise.reject(new Error("listener broke")) };
        const server = new GraphEmulatorServer(failing, failing);
        const address = await server.start("127.0.0.1", 0);
        try {
            const answer = await raw(`http://127.0.0.1:${address.port}`, `${EM}/catalogs`, { "client-request-id": "last-resort" });
            assert.equal(answer.status, 500);
            assert.equal(answer.body.error.code, "InternalServerError");
            assert.equal(answer.headers["client-request-id"], "last-resort");
            assert.match(String(answer.headers["request-id"]), /^[0-9a-f-]{36}$/);
        } finally {
            await server.close();
        }
    });
});
