import assert from "node:assert/strict";
import { outcomeOf } from "../../../provider/core/operations/outcomeOf";
import { answer, dropped } from "../../support/fakes/scriptedDeps";

describe("outcomeOf", () => {
    it("keeps a response's status and Retry-After, a failure below HTTP, and a request never sent as not sent", () => {
        assert.deepEqual(outcomeOf(answer(503, undefined, { "retry-after": "7" })), { type: "response", status: 503, retryAfter: "7" });
        assert.deepEqual(outcomeOf(dropped()), {
            type: "transport",
            failure: { kind: "connectionLost", code: "ECONNRESET", detail: "socket hang up" },
        });
        assert.deepEqual(outcomeOf({ kind: "notSent", detail: "no token", attempts: 0, sawUnknownOutcome: false }), {
            type: "transport",
            failure: { kind: "notSent", detail: "no token" },
        });
    });
});
