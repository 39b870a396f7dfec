import type { GraphCallResult } from "../graph/transport/graphTransport";
import type { AttemptOutcome } from "../graph/transport/retryPolicy";

/** The outcome retry decisions are made on, from what a request ended with. */
export function outcomeOf(result: GraphCallResult): AttemptOutcome {
    if (result.kind === "response") {
        return { type: "response", status: result.status, retryAfter: result.headers.get("retry-after") };
    }
    return { type: "transport", failure: result.kind === "transport" ? result.failure : { kind: "notSent", detail: result.detail } };
}
