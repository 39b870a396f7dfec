import assert from "node:assert/strict";
import type { Context, Middleware } from "@microsoft/microsoft-graph-client";
import { MiddlewareControl } from "@microsoft/microsoft-graph-client/lib/src/middleware/MiddlewareControl";
import { AttemptTimeoutHandler } from "../../../provider/core/graph/transport/middleware/attemptTimeoutHandler";
import { DeadlineRetryHandler } from "../../../provider/core/graph/transport/middleware/deadlineRetryHandler";
import { RequestAttempts } from "../../../provider/core/graph/transport/middleware/requestAttempts";
import { RequestIdentityHandler } from "../../../provider/core/graph/transport/middleware/requestIdentityHandler";
import { provesNotApplied } from "../../../provider/core/graph/transport/retryPolicy";

type Step = Response | Error;

/** Fake terminal handler: replays canned responses or throws canned errors, recording each request's headers. */
class DummyHTTPMessageHandler implements Middleware {
    readonly headers: Record<string, string>[] = [];
    constructor(private readonly steps: Step[]) {}
    async execute(context: Context): Promise<void> {
        this.headers.push({ ...(context.options?.headers as Record<string, string>) });
        const step = this.steps.shift();
        assert.ok(step, "more requests than scripted");
        if (step instanceof Error) {
            throw step;
        }
        context.response = step;
    }
}

/** A clock that only moves when the code under test sleeps. */
function fakeClock(start = 1_000_000) {
    const clock = {
        time: start,
        sleeps: [] as number[],
        now: () => clock.time,
        sleep: async (ms: number) => {
            clock.sleeps.push(ms);
            clock.time += ms;
        },
        random: () => 0.5,
    };
    return clock;
}

const timing = { baseDelayMs: 1_000, maxDelayMs: 8_000, attemptTimeoutMs: 30_000 };
/** Graph's answer: an error body for an error status (a body that is not Graph's is retried as a proxy's), `{}` else. */
const reply = (status: number, headers: Record<string, string> = {}): Response =>
    new Response(
        status === 204
            ? null
            : status >= 400
              ? JSON.stringify({ error: { code: status === 404 ? "ResourceNotFound" : `HTTP${status}`, message: "m" } })
              : "{}",
        {
            status,
            headers: { "request-id": "r", ...headers },
        },
    );
const reset = (): Error =>
    Object.assign(new TypeError("fetch failed"), { cause: Object.assign(new Error("read ECONNRESET"), { code: "ECONNRESET" }) });
const refused = (): Error =>
    Object.assign(new TypeError("fetch failed"), { cause: Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" }) });

async function run(steps: Step[], attempts: RequestAttempts, clock = fakeClock(), maxRetries = 10) {
    const terminal = new DummyHTTPMessageHandler(steps);
    const retry = new DeadlineRetryHandler(timing, maxRetries, clock);
    retry.setNext(terminal);
    const context: Context = {
        request: "https://graph.microsoft.com/v1.0/x",
        options: { method: "GET", headers: {} },
        middlewareControl: new MiddlewareControl([attempts]),
    };
    let error: unknown;
    try {
        await retry.execute(context);
    } catch (thrown) {
        error = thrown;
    }
    return { context, terminal, clock, error };
}

describe("DeadlineRetryHandler", () => {
    it("waits what Retry-After asks, in seconds or as an HTTP date", async () => {
        const clock = fakeClock(Date.parse("2026-01-01T00:00:00Z"));
        const attempts = new RequestAttempts(clock.time + 600_000);
        const { context } = await run(
            [reply(429, { "Retry-After": "7" }), reply(503, { "Retry-After": "Thu, 01 Jan 2026 00:01:00 GMT" }), reply(200)],
            attempts,
            clock,
        );
        assert.equal(context.response?.status, 200);
        assert.deepEqual(clock.sleeps, [7_000, 53_000]);
        assert.equal(attempts.count, 3);
    });

    it("backs off exponentially with jitter when there is no Retry-After, and marks retries", async () => {
        const clock = fakeClock();
        const attempts = new RequestAttempts(clock.time + 600_000);
        const { terminal } = await run([reply(500), reply(502), reset(), reply(504), reply(200)], attempts, clock);
        assert.deepEqual(clock.sleeps, [750, 1_500, 3_000, 6_000]);
        assert.deepEqual(
            terminal.headers.map((headers) => headers["Retry-Attempt"]),
            [undefined, "1", "2", "3", "4"],
        );
        assert.ok(attempts.sawUnknownOutcome);
    });

    it("never sleeps past the deadline and reports that the deadline stopped it", async () => {
        const clock = fakeClock();
        const attempts = new RequestAttempts(clock.time + 5_000);
        const { context } = await run([reply(503), reply(503), reply(503), reply(503)], attempts, clock);
        assert.equal(context.response?.status, 503);
        assert.equal(attempts.stoppedBy, "deadline");
        assert.ok(clock.sleeps.reduce((sum, ms) => sum + ms, 0) < 5_000);
        assert.deepEqual(clock.sleeps, [750, 1_500]);
        assert.equal(attempts.count, 3);
    });

    it("gives up at once when Retry-After reaches beyond the deadline", async () => {
        const clock = fakeClock();
        const attempts = new RequestAttempts(clock.time + 10_000);
        await run([reply(429, { "Retry-After": "30" })], attempts, clock);
        assert.deepEqual(clock.sleeps, []);
        assert.equal(attempts.stoppedBy, "deadline");
    });

    it("stops after maxRetries", async () => {
        const attempts = new RequestAttempts(fakeClock().time + 600_000);
        await run([reply(503), reply(503), reply(503)], attempts, fakeClock(), 2);
        assert.equal(attempts.count, 3);
        assert.equal(attempts.stoppedBy, "maxRetries");
    });

    it("returns final answers without retrying", async () => {
        const attempts = new RequestAttempts(fakeClock().time + 600_000);
        const { context, clock } = await run([reply(400)], attempts);
        assert.equal(context.response?.status, 400);
        assert.equal(attempts.count, 1);
        assert.deepEqual(clock.sleeps, []);
    });

    it("repeats a POST on 429, 409 and refused connections but hands back a reset connection", async () => {
        const attempts = new RequestAttempts(fakeClock().time + 600_000, provesNotApplied);
        const { error } = await run([reply(429, { "Retry-After": "1" }), reply(409), refused(), reset(), reply(201)], attempts);
        assert.ok(error instanceof TypeError);
        assert.equal(attempts.count, 4);
        assert.equal(attempts.lastOutcome?.type, "transport");
        assert.ok(attempts.sawUnknownOutcome);
    });

    it("sends nothing once the deadline has passed", async () => {
        const clock = fakeClock();
        const attempts = new RequestAttempts(clock.time);
        const { error, terminal } = await run([reply(200)], attempts, clock);
        assert.match(String(error), /deadline passed before the request could be sent/);
        assert.equal(terminal.headers.length, 0);
        assert.equal(attempts.count, 0);
    });
});

describe("RequestIdentityHandler", () => {
    it("sends a fresh client-request-id GUID per attempt and names this package", async () => {
        const terminal = new DummyHTTPMessageHandler([reply(503), reply(200)]);
        const identity = new RequestIdentityHandler("pulumi-entra-assignment-policy/9.9.9");
        const clock = fakeClock();
        const retry = new DeadlineRetryHandler(timing, 3, clock);
        const attempts = new RequestAttempts(clock.time + 60_000);
        retry.setNext(identity);
        identity.setNext(terminal);
        await retry.execute({
            request: "https://graph.microsoft.com/v1.0/x",
            options: { headers: {} },
            middlewareControl: new MiddlewareControl([attempts]),
        });
        const [first, second] = terminal.headers.map((headers) => headers["client-request-id"]);
        assert.match(first, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
        assert.notEqual(first, second);
        assert.equal(attempts.lastClientRequestId, second);
        assert.match(terminal.headers[0]["User-Agent"], /^pulumi-entra-assignment-policy\/9\.9\.9 node\//);
        assert.equal(terminal.headers[0]["SdkVersion"], "pulumi-entra-assignment-policy/9.9.9");
    });
});

describe("AttemptTimeoutHandler", () => {
    it("aborts an attempt that outlives its time limit", async () => {
        const stalled: Middleware = {
            execute: (context) =>
                new Promise((_resolve, reject) => {
                    const signal = context.options?.signal as AbortSignal;
                    signal.addEventListener("abort", () => reject(signal.reason));
                }),
        };
        const handler = new AttemptTimeoutHandler(20, Date.now);
        handler.setNext(stalled);
        await assert.rejects(handler.execute({ request: "https://graph.microsoft.com/v1.0/x", options: {} }), { name: "TimeoutError" });
    });

    it("buffers the body so the response can be read after the attempt", async () => {
        const handler = new AttemptTimeoutHandler(1_000, Date.now);
        handler.setNext(
            new DummyHTTPMessageHandler([new Response('{"id":"1"}', { status: 201, headers: { "request-id": "r" } }), reply(204)]),
        );
        const context: Context = { request: "https://graph.microsoft.com/v1.0/x", options: {} };
        await handler.execute(context);
        assert.equal(context.response?.status, 201);
        assert.equal(context.response?.headers.get("request-id"), "r");
        assert.deepEqual(await context.response?.json(), { id: "1" });
        await handler.execute(context);
        assert.equal(context.response?.status, 204);
    });
});
