import assert from "node:assert/strict";
import * as http from "node:http";
import { EM, useEmulator } from "./support";

describe("emulator: request log records the client's User-Agent", () => {
    const h = useEmulator();

    beforeEach(() => h.emulator.admin.resetLog());

    it("keeps the User-Agent header of each request, so tests can tell which client version sent it", async () => {
        await h.call("GET", "catalogs", undefined, { "User-Agent": "pulumi-entra-assignment-policy/9.9.9 node/20" });
        await h.call("GET", "catalogs", undefined, { "User-Agent": "other-client/1.0" });
        const entries = await h.emulator.admin.requests();
        assert.deepEqual(
            entries.map((e) => [e.route, e.userAgent]),
            [
                [`${EM}/catalogs`, "pulumi-entra-assignment-policy/9.9.9 node/20"],
                [`${EM}/catalogs`, "other-client/1.0"],
            ],
        );
    });

    it("logs null when the request has no User-Agent, also for rejected requests", async () => {
        // fetch always sends a User-Agent; a raw HTTP request can leave it out.
        const status = await new Promise<number>((resolve, reject) => {
            const req = http.request(`${h.emulator.url}${EM}/catalogs`, { method: "GET" }, (res) => {
                res.resume();
                resolve(res.statusCode ?? 0);
            });
            req.on("error", reject);
            req.end();
        });
        assert.equal(status, 401);
        const [entry] = await h.emulator.admin.requests();
        assert.equal(entry.userAgent, null);
    });
});
