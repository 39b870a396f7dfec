import assert from "node:assert/strict";
import {
    backoffMs,
    classifyTransportError,
    isTransient,
    parseRetryAfterMs,
    provesNotApplied,
    retryDelayMs,
    type AttemptOutcome,
} from "../../../provider/core/graph/transport/retryPolicy";

const timing = { baseDelayMs: 100, maxDelayMs: 1_000, attemptTimeoutMs: 5_000 };
const response = (status: number, retryAfter: string | null = null): AttemptOutcome => ({ type: "response", status, retryAfter });
const networkError = (code: string): Error =>
    Object.assign(new TypeError("fetch failed"), { cause: Object.assign(new Error(`connect ${code}`), { code }) });

describe("retry policy", () => {
    it("reads Retry-After as seconds or as an HTTP date", () => {
        const now = Date.parse("2026-01-01T00:00:00Z");
        assert.equal(parseRetryAfterMs("7", now), 7_000);
        assert.equal(parseRetryAfterMs("Thu, 01 Jan 2026 00:00:30 GMT", now), 30_000);
        assert.equal(parseRetryAfterMs("Wed, 31 Dec 2025 23:59:00 GMT", now), 0);
        assert.equal(parseRetryAfterMs("soon", now), undefined);
        assert.equal(parseRetryAfterMs(null, now), undefined);
    });

    it("honours Retry-After only on 429, 503 and 504", () => {
        for (const status of [429, 503, 504]) {
            assert.equal(
                retryDelayMs(response(status, "3"), 1, timing, () => 0, 0),
                3_000,
            );
        }
        assert.equal(
            retryDelayMs(response(500, "3"), 1, timing, () => 0, 0),
            50,
        );
    });

    it("backs off exponentially with jitter in [step/2, step], capped at the maximum", () => {
        assert.deepEqual(
            [1, 2, 3, 4].map((retry) => backoffMs(retry, timing, () => 0)),
            [50, 100, 200, 400],
        );
        assert.deepEqual(
            [1, 2, 3, 4].map((retry) => backoffMs(retry, timing, () => 1)),
            [100, 200, 400, 800],
        );
        assert.equal(
            backoffMs(10, timing, () => 1),
            1_000,
        );
        assert.equal(
            backoffMs(10, timing, () => 0.5),
            750,
        );
    });

    it("classifies network failures by whether the request can have been sent", () => {
        assert.equal(classifyTransportError(networkError("ECONNREFUSED")).kind, "notSent");
        assert.equal(classifyTransportError(networkError("ENOTFOUND")).kind, "notSent");
        assert.equal(classifyTransportError(networkError("ECONNRESET")).kind, "connectionLost");
        assert.equal(classifyTransportError(networkError("UND_ERR_SOCKET")).code, "UND_ERR_SOCKET");
        assert.equal(classifyTransportError(Object.assign(new Error("timeout"), { name: "TimeoutError" })).kind, "timeout");
    });

    it("repeats a POST only when the outcome proves it was not applied", () => {
        assert.ok(provesNotApplied(response(429)));
        assert.ok(provesNotApplied(response(409)));
        assert.ok(provesNotApplied({ type: "transport", failure: { kind: "notSent", detail: "" } }));
        assert.ok(!provesNotApplied(response(503)));
        assert.ok(!provesNotApplied(response(500)));
        assert.ok(!provesNotApplied({ type: "transport", failure: { kind: "connectionLost", detail: "" } }));
        assert.ok(!provesNotApplied({ type: "transport", failure: { kind: "timeout", detail: "" } }));
        assert.ok(isTransient(response(502)) && isTransient(response(504)) && !isTransient(response(400)) && !isTransient(response(409)));
    });
});
