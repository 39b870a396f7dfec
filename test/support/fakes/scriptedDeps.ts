/**
 * The policy operations' dependencies without HTTP: a transport that answers from a script in memory and records
 * every call, and a clock that only moves when the code under test sleeps.
 */
import type { GraphCall, GraphCallResult, GraphResponse } from "../../../provider/core/graph/transport/graphTransport";
import type { CreateDeps } from "../../../provider/core/operations/createStateMachine";
import { createPolling } from "../../../provider/core/operations/polling";

/** Answers one call: a result, or a function of the call for answers that depend on it. */
export type ScriptedAnswer = GraphCallResult | ((call: GraphCall) => GraphCallResult);

export const TIMING = { baseDelayMs: 100, maxDelayMs: 1_000, attemptTimeoutMs: 5_000 };
// A real instant, so that Graph timestamps in the tests compare with the clock as they do in Graph.
export const START = Date.parse("2026-12-01T00:00:00Z");
export const MARK_ID = "5ca1ab1e-0000-4000-8000-000000000001";

/** Deps on `answers`, taken one per call in order; a call past the script fails the test. */
export function scriptedDeps(answers: ScriptedAnswer[]) {
    const clock = {
        time: START,
        sleeps: [] as number[],
        now: () => clock.time,
        sleep: async (ms: number) => void (clock.sleeps.push(ms), (clock.time += ms)),
        random: () => 0.5,
    };
    const calls: GraphCall[] = [];
    const queue = [...answers];
    const deps: CreateDeps = {
        transport: {
            async send(call) {
                calls.push(call);
                const next = queue.shift();
                if (next === undefined) {
                    throw new Error(`unscripted ${call.method} ${call.path}`);
                }
                return typeof next === "function" ? next(call) : next;
            },
            redact: (text) => text.replaceAll("SECRET", "[redacted]"),
            nextLinkPath: (link) => link.replace("https://graph.test/v1.0", ""),
        },
        polling: createPolling(clock, TIMING),
        now: clock.now,
        random: clock.random,
        timing: TIMING,
        newId: () => MARK_ID,
    };
    /** `METHOD path` of each call, for asserting the order of requests. */
    const sent = (): string[] => calls.map((call) => `${call.method} ${call.path}`);
    return { deps, calls, clock, sent, remaining: () => queue.length };
}

/** Graph's own answer with `status`. */
export function answer(status: number, body?: unknown, headers: Record<string, string> = {}): GraphResponse {
    return { kind: "response", status, headers: new Headers(headers), body, attempts: 1, sawUnknownOutcome: false };
}

/** Graph's error answer in its `{ error: { code, message } }` shape. */
export function graphError(status: number, code: string, message = "said Graph"): GraphCallResult {
    return answer(status, { error: { code, message } }, { "request-id": "rid-1" });
}

/** A connection that broke after the request may have been sent: the outcome is unknown. */
export function dropped(): GraphCallResult {
    return {
        kind: "transport",
        failure: { kind: "connectionLost", code: "ECONNRESET", detail: "socket hang up" },
        attempts: 1,
        sawUnknownOutcome: true,
    };
}
