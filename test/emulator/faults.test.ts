import assert from "node:assert/strict";
import { EmulatorAdminError, type FaultRule } from "../../emulator";
import { EM, Harness, minimalPolicy, useEmulator } from "./support";

const POLICIES = `${EM}/assignmentPolicies`;

describe("emulator: fault injection and request log", () => {
    const h = useEmulator();
    let accessPackageId: string;

    beforeEach(async () => {
        ({ accessPackageId } = await h.freshTenant());
    });

    it("throttles N requests with 429 TooManyRequests and Retry-After, then lets them through", async () => {
        await h.emulator.admin.addFault({ kind: "throttle", method: "GET", path: `${POLICIES}`, times: 2, retryAfterSeconds: 7 });
        const first = await h.call("GET", "assignmentPolicies");
        assert.equal(first.status, 429);
        assert.equal(first.headers.get("retry-after"), "7");
        assert.equal(first.body.error.code, "TooManyRequests");
        assert.equal((await h.call("GET", "assignmentPolicies")).status, 429);
        assert.equal((await h.call("GET", "assignmentPolicies")).status, 200);
        assert.equal((await h.call("GET", "accessPackages")).status, 200, "other routes are unaffected");
        assert.equal((await h.emulator.admin.faults())[0].fired, 2);
    });

    it("rate-limits with a token bucket", async () => {
        // One token per 1000 s: the burst of one passes, the next request finds the bucket empty.
        await h.emulator.admin.addFault({ kind: "throttle", ratePerSecond: 0.001, burst: 1 });
        assert.equal((await h.call("GET", "assignmentPolicies")).status, 200);
        const throttled = await h.call("GET", "assignmentPolicies");
        assert.equal(throttled.status, 429);
        assert.ok(Number(throttled.headers.get("retry-after")) >= 1);
    });

    for (const status of [500, 503, 504] as const) {
        it(`answers ${status} with Graph's error body and optional Retry-After`, async () => {
            await h.emulator.admin.addFault({ kind: "serverError", status, retryAfterSeconds: 2, times: 1, path: `${EM}/**` });
            const answer = await h.call("GET", "assignmentPolicies");
            assert.equal(answer.status, status);
            assert.equal(answer.headers.get("retry-after"), "2");
            assert.ok(answer.body.error.innerError["request-id"]);
        });
    }

    it("drops the connection before applying: nothing is created", async () => {
        await h.emulator.admin.addFault({
            kind: "drop",
            phase: "beforeApply",
            method: "POST",
            pathRegex: "/assignmentPolicies$",
            times: 1,
        });
        await assert.rejects(h.call("POST", "assignmentPolicies", minimalPolicy(accessPackageId)));
        assert.equal((await h.emulator.admin.policies()).length, 0);
        const [entry] = (await h.emulator.admin.requests()).filter((e) => e.method === "POST");
        assert.equal(entry.status, null);
        assert.deepEqual(entry.faults, ["drop"]);
    });

    it("drops the connection after applying: the policy exists though the client saw no answer", async () => {
        await h.emulator.admin.addFault({ kind: "drop", phase: "afterApply", method: "POST", path: POLICIES, times: 1 });
        await assert.rejects(h.call("POST", "assignmentPolicies", minimalPolicy(accessPackageId)));
        assert.equal((await h.emulator.admin.policies()).length, 1);
    });

    /** Polls the tenant until `count` policies exist; Graph's late apply has no answer to wait for. */
    async function policiesOnceThere(count: number): Promise<Array<{ properties: Record<string, unknown> }>> {
        for (;;) {
            const policies = await h.emulator.admin.policies();
            if (policies.length >= count) return policies;
            await new Promise((resolve) => setTimeout(resolve, 20));
        }
    }

    it("lateApply: the POST is answered 504 at once and applied later", async () => {
        await h.emulator.admin.addFault({ kind: "lateApply", path: POLICIES, ms: 200, times: 1 });
        const answer = await h.call("POST", "assignmentPolicies", minimalPolicy(accessPackageId, "late"));
        assert.equal(answer.status, 504);
        assert.equal(answer.body.error.code, "GatewayTimeout");
        assert.equal((await h.emulator.admin.policies()).length, 0, "not applied when answered");
        const [late] = await policiesOnceThere(1);
        assert.equal(late.properties.displayName, "late");
        assert.deepEqual(
            (await h.emulator.admin.requests()).map((entry) => entry.faults),
            [["lateApply"]],
        );
    });

    it("lateApply with answer drop: no answer at all, applied later", async () => {
        await h.emulator.admin.addFault({ kind: "lateApply", path: POLICIES, ms: 100, answer: "drop", times: 1 });
        await assert.rejects(h.call("POST", "assignmentPolicies", minimalPolicy(accessPackageId, "late")));
        assert.equal((await policiesOnceThere(1)).length, 1);
    });

    async function raw(
        method: string,
        path: string,
        body?: unknown,
    ): Promise<{ status: number; type: string | null; text: string; location: string | null }> {
        const response = await fetch(`${h.emulator.url}${EM}/${path}`, {
            method,
            headers: { Authorization: `Bearer ${h.emulator.token}`, "Content-Type": "application/json" },
            body: body === undefined ? undefined : JSON.stringify(body),
        });
        return {
            status: response.status,
            type: response.headers.get("content-type"),
            text: await response.text(),
            location: response.headers.get("location"),
        };
    }

    it("gatewayAnswer html404, empty200, null200: an answer that is not Graph's, and nothing applied", async () => {
        const created = await h.call("POST", "assignmentPolicies", minimalPolicy(accessPackageId));
        for (const [answer, status, text] of [
            ["html404", 404, /^<!DOCTYPE html>/],
            ["empty200", 200, /^$/],
            ["null200", 200, /^null$/],
        ] as const) {
            await h.emulator.admin.addFault({ kind: "gatewayAnswer", answer, path: `${POLICIES}/*`, times: 1 });
            const got = await raw("GET", `assignmentPolicies/${created.body.id}`);
            assert.equal(got.status, status, answer);
            assert.match(got.text, text, answer);
            assert.ok(!(got.type ?? "").includes("odata"), `${answer} carries none of Graph's headers`);
            await h.emulator.admin.addFault({ kind: "gatewayAnswer", answer, method: "DELETE", path: `${POLICIES}/*`, times: 1 });
            assert.equal((await raw("DELETE", `assignmentPolicies/${created.body.id}`)).status, status);
            assert.equal((await h.emulator.admin.policies()).length, 1, `${answer}: the DELETE never reached Graph`);
        }
    });

    it("gatewayAnswer truncated: Graph's answer, applied, with its status and Location, cut short", async () => {
        await h.emulator.admin.addFault({ kind: "gatewayAnswer", answer: "truncated", method: "POST", path: POLICIES, times: 1 });
        const got = await raw("POST", "assignmentPolicies", minimalPolicy(accessPackageId));
        assert.equal(got.status, 201);
        assert.throws(() => JSON.parse(got.text));
        const [stored] = await h.emulator.admin.policies();
        assert.ok(got.location?.endsWith(`/assignmentPolicies/${(stored as unknown as { id: string }).id}`), `${got.location}`);
    });

    for (const phase of ["beforeApply", "afterApply"] as const) {
        it(`secondWriter ${phase}: another writer creates the same display name in the same access package`, async () => {
            await h.emulator.admin.addFault({ kind: "secondWriter", phase, path: POLICIES, times: 1 });
            const answer = await h.call("POST", "assignmentPolicies", minimalPolicy(accessPackageId, "contested"));
            assert.equal(answer.status, 201);
            const policies = await h.emulator.admin.policies();
            assert.deepEqual(
                policies.map((policy) => policy.properties.displayName),
                ["contested", "contested"],
            );
            const other = policies.find((policy) => policy.id !== answer.body.id)!;
            assert.equal(other.properties.description, "created by another writer");
            const order = (policy: { properties: Record<string, unknown> }) => Date.parse(String(policy.properties.createdDateTime));
            const mine = policies.find((policy) => policy.id === answer.body.id)!;
            assert.ok(phase === "beforeApply" ? order(other) <= order(mine) : order(other) >= order(mine));
        });
    }

    it("read-after-write lag: a new policy 404s on GET for N requests", async () => {
        await h.emulator.admin.addFault({ kind: "readAfterWriteLag", path: POLICIES, requests: 2 });
        const created = await h.call("POST", "assignmentPolicies", minimalPolicy(accessPackageId));
        assert.equal(created.status, 201);
        assert.equal((await h.call("GET", `assignmentPolicies/${created.body.id}`)).status, 404);
        assert.equal((await h.call("GET", `assignmentPolicies/${created.body.id}`)).status, 404);
        assert.equal((await h.call("GET", `assignmentPolicies/${created.body.id}`)).status, 200);
    });

    it("read-after-write lag by time: hidden until the window has passed", async () => {
        await h.emulator.admin.addFault({ kind: "readAfterWriteLag", path: POLICIES, ms: 150 });
        const created = await h.call("POST", "assignmentPolicies", minimalPolicy(accessPackageId));
        assert.equal((await h.call("GET", `assignmentPolicies/${created.body.id}`)).status, 404);
        await new Promise((resolve) => setTimeout(resolve, 200));
        assert.equal((await h.call("GET", `assignmentPolicies/${created.body.id}`)).status, 200);
    });

    it("403 after delete: a deleted policy answers 403 for a while, then 404", async () => {
        await h.emulator.admin.addFault({ kind: "forbiddenAfterDelete", path: `${POLICIES}/*`, requests: 1 });
        const created = await h.call("POST", "assignmentPolicies", minimalPolicy(accessPackageId));
        assert.equal((await h.call("DELETE", `assignmentPolicies/${created.body.id}`)).status, 204);
        const forbidden = await h.call("GET", `assignmentPolicies/${created.body.id}`);
        assert.equal(forbidden.status, 403);
        assert.equal(forbidden.body.error.code, "Authorization_RequestDenied");
        assert.equal((await h.call("GET", `assignmentPolicies/${created.body.id}`)).status, 404);
    });

    it("409 Conflict on parallel creates within one access package", async () => {
        await h.emulator.admin.addFault({ kind: "conflictOnParallelCreate", path: POLICIES, holdMs: 300 });
        const answers = await Promise.all([
            h.call("POST", "assignmentPolicies", minimalPolicy(accessPackageId, "one")),
            h.call("POST", "assignmentPolicies", minimalPolicy(accessPackageId, "two")),
        ]);
        assert.deepEqual(answers.map((a) => a.status).sort(), [201, 409]);
        assert.equal(answers.find((a) => a.status === 409)!.body.error.code, "Conflict");
        assert.equal((await h.emulator.admin.policies()).length, 1);
        const sequential = await h.call("POST", "assignmentPolicies", minimalPolicy(accessPackageId, "three"));
        assert.equal(sequential.status, 201, "a create after the first finished does not conflict");
    });

    it("adds latency to matching requests only and records it in the log", async () => {
        await h.emulator.admin.addFault({ kind: "latency", ms: 20, method: "GET" });
        await h.call("GET", "assignmentPolicies");
        await h.call("POST", "assignmentPolicies", minimalPolicy(accessPackageId));
        const [get, post] = await h.emulator.admin.requests();
        assert.deepEqual(get.faults, ["latency"]);
        assert.deepEqual(post.faults, []);
        assert.equal((await h.emulator.admin.faults())[0].fired, 1);
    });

    it("probability 0 never fires; rules can be listed, removed and cleared", async () => {
        const never = await h.emulator.admin.addFault({ kind: "serverError", status: 500, probability: 0 });
        assert.equal((await h.call("GET", "assignmentPolicies")).status, 200);
        const always = await h.emulator.admin.addFault({ kind: "serverError", status: 503 });
        assert.deepEqual(
            (await h.emulator.admin.faults()).map((f) => f.id),
            [never.id, always.id],
        );
        await h.emulator.admin.removeFault(always.id);
        assert.equal((await h.call("GET", "assignmentPolicies")).status, 200);
        await h.emulator.admin.clearFaults();
        assert.deepEqual(await h.emulator.admin.faults(), []);
    });

    /** mulberry32: a small seeded generator, so the run is the same every time. */
    function seeded(seed: number): () => number {
        let state = seed >>> 0;
        return () => {
            state = (state + 0x6d2b79f5) >>> 0;
            let t = state;
            t = Math.imul(t ^ (t >>> 15), t | 1);
            t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
            return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
        };
    }

    it("probability between 0 and 1 fires exactly when the injected random draw is below it", async () => {
        const seed = 20261201;
        const faulty = await Harness.start({
            random: seeded(seed),
            faults: [{ kind: "serverError", status: 503, probability: 0.3, method: "GET" }],
        });
        try {
            const twin = seeded(seed);
            const expected = Array.from({ length: 20 }, () => (twin() < 0.3 ? 503 : 200));
            const actual: number[] = [];
            for (let i = 0; i < expected.length; i++) actual.push((await faulty.call("GET", "catalogs")).status);
            assert.deepEqual(actual, expected);
            assert.ok(actual.includes(503) && actual.includes(200), "the seed exercises both outcomes");
            assert.equal((await faulty.emulator.admin.faults())[0].fired, expected.filter((status) => status === 503).length);
        } finally {
            await faulty.close();
        }
    });

    it("a draw equal to the probability does not fire; only matching requests draw", async () => {
        const draws = [0.5, 0.49];
        const faulty = await Harness.start({
            random: () => draws.shift() ?? 1,
            faults: [{ kind: "throttle", probability: 0.5, method: "GET" }],
        });
        try {
            assert.equal(
                (await faulty.call("POST", "catalogs", { displayName: "c" })).status,
                201,
                "a POST does not match, so it draws nothing",
            );
            assert.equal((await faulty.call("GET", "catalogs")).status, 200);
            assert.equal((await faulty.call("GET", "catalogs")).status, 429);
        } finally {
            await faulty.close();
        }
    });

    it("faults on an unknown route answer with request-id and client-request-id", async () => {
        await h.emulator.admin.addFault({ kind: "serverError", status: 503, path: `${EM}/**`, times: 1 });
        await h.emulator.admin.addFault({ kind: "throttle", path: `${EM}/**`, times: 1 });
        for (const status of [503, 429]) {
            const answer = await h.call("GET", "accessPackageWidgets", undefined, { "client-request-id": `unknown-${status}` });
            assert.equal(answer.status, status);
            assert.equal(answer.headers.get("client-request-id"), `unknown-${status}`);
            assert.match(answer.headers.get("request-id") ?? "", /^[0-9a-f-]{36}$/);
            assert.equal(answer.body.error.innerError["request-id"], answer.headers.get("request-id"));
            assert.equal(answer.body.error.innerError["client-request-id"], `unknown-${status}`);
        }
        assert.equal((await h.call("GET", "accessPackageWidgets")).status, 400, "then the route is unknown as usual");
    });

    it("refuses an invalid fault rule", async () => {
        await assert.rejects(h.emulator.admin.addFault({ kind: "serverError", status: 502 as 500 }), /status/);
    });

    for (const retryAfterSeconds of [1.5, -1, "2"]) {
        it(`refuses retryAfterSeconds ${JSON.stringify(retryAfterSeconds)}: Retry-After is whole seconds`, async () => {
            const rule = { kind: "throttle", retryAfterSeconds } as unknown as FaultRule;
            await assert.rejects(h.emulator.admin.addFault(rule), (error: unknown) => {
                assert.ok(error instanceof EmulatorAdminError);
                assert.equal(error.status, 400);
                assert.match(error.body, /'retryAfterSeconds': must be a non-negative integer/);
                return true;
            });
            await assert.rejects(Harness.start({ faults: [rule] }), /retryAfterSeconds/);
        });
    }

    it("refuses an unknown retryAfterFormat, naming the allowed ones", async () => {
        await assert.rejects(
            h.emulator.admin.addFault({ kind: "serverError", status: 503, retryAfterFormat: "minutes" as "seconds" }),
            /'retryAfterFormat': must be 'seconds' or 'httpDate'/,
        );
    });

    /** Asserts an IMF-fixdate `Retry-After` at least `seconds` after `before` and at most a second past `seconds` after `after`. */
    function assertHttpDate(value: string | null, seconds: number, before: number, after: number): void {
        assert.match(
            value ?? "",
            /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/,
        );
        const at = Date.parse(value!);
        assert.ok(at >= before + seconds * 1000, `${value} is not ${seconds}s after the request`);
        assert.ok(at <= after + seconds * 1000 + 1000, `${value} is too late`);
    }

    it("sends Retry-After as an HTTP-date with retryAfterFormat 'httpDate', for throttling and server errors", async () => {
        await h.emulator.admin.addFault({ kind: "throttle", times: 1, retryAfterSeconds: 30, retryAfterFormat: "httpDate", method: "GET" });
        await h.emulator.admin.addFault({
            kind: "serverError",
            status: 503,
            times: 1,
            retryAfterSeconds: 5,
            retryAfterFormat: "httpDate",
            method: "GET",
        });
        let before = Date.now();
        const throttled = await h.call("GET", "assignmentPolicies");
        assert.equal(throttled.status, 429);
        assertHttpDate(throttled.headers.get("retry-after"), 30, before, Date.now());
        before = Date.now();
        const unavailable = await h.call("GET", "assignmentPolicies");
        assert.equal(unavailable.status, 503);
        assertHttpDate(unavailable.headers.get("retry-after"), 5, before, Date.now());
    });

    it("a token bucket's Retry-After follows retryAfterFormat too", async () => {
        await h.emulator.admin.addFault({ kind: "throttle", ratePerSecond: 0.001, burst: 1, retryAfterFormat: "httpDate" });
        assert.equal((await h.call("GET", "assignmentPolicies")).status, 200);
        const before = Date.now();
        const throttled = await h.call("GET", "assignmentPolicies");
        assert.equal(throttled.status, 429);
        // One token per 1000 s, and the bucket emptied less than a second ago.
        assertHttpDate(throttled.headers.get("retry-after"), 1000, before, Date.now());
    });

    it("faults given at start apply from the first request", async () => {
        const faulty = await Harness.start({ faults: [{ kind: "serverError", status: 503, times: 1 }] });
        try {
            assert.equal((await faulty.call("GET", "assignmentPolicies")).status, 503);
            assert.equal((await faulty.call("GET", "assignmentPolicies")).status, 200);
        } finally {
            await faulty.close();
        }
    });

    it("logs method, path+query, status, ids and per-route counts; the log can be reset", async () => {
        const created = await h.call("POST", "assignmentPolicies", minimalPolicy(accessPackageId));
        await h.call("GET", `assignmentPolicies/${created.body.id}?$expand=accessPackage`, undefined, { "client-request-id": "my-id" });
        const entries = await h.emulator.admin.requests();
        assert.equal(entries.length, 2);
        assert.equal(entries[1].path, `${POLICIES}/${created.body.id}?$expand=accessPackage`);
        assert.equal(entries[1].route, `${POLICIES}/{id}`);
        assert.equal(entries[1].status, 200);
        assert.equal(entries[1].clientRequestId, "my-id");
        assert.match(entries[1].requestId, /^[0-9a-f-]{36}$/);
        assert.deepEqual(await h.emulator.admin.routeCounts(), { [`POST ${POLICIES}`]: 1, [`GET ${POLICIES}/{id}`]: 1 });
        await h.emulator.admin.resetLog();
        assert.deepEqual(await h.emulator.admin.requests(), []);
        assert.deepEqual(await h.emulator.admin.routeCounts(), {});
    });
});
