/** Graph requests made while some work ran, read from the emulator's request log. */
import { performance } from "node:perf_hooks";
import type { EmulatorAdminClient, RequestLogEntry } from "../../emulator";

const ENTITLEMENT_MANAGEMENT = "/v1.0/identityGovernance/entitlementManagement";

/** What Graph saw during one piece of work. */
export interface GraphTraffic {
    /** Every Graph request, throttled and failed ones included. */
    total: number;
    /** Requests per route, keyed `METHOD /path-template` relative to entitlement management. */
    byRoute: Record<string, number>;
    /** The logged requests, oldest first (the emulator keeps the newest 10,000; see `complete`). */
    entries: RequestLogEntry[];
    /** False when the log overflowed, so `entries` misses the oldest requests while `total` and `byRoute` do not. */
    complete: boolean;
    /** Wall time of the work, in milliseconds. */
    wallMs: number;
    /** From the first logged request's arrival to the last response, in milliseconds (0 without requests). */
    graphWindowMs: number;
    /** From the start of the work to the first logged request's arrival, in milliseconds (0 without requests). */
    beforeFirstRequestMs: number;
}

/** The span of the logged requests, and when the first arrived, in epoch milliseconds. */
function spanOf(entries: RequestLogEntry[]): { firstArrival: number; windowMs: number } | undefined {
    if (entries.length === 0) return undefined;
    const firstArrival = Math.min(...entries.map((entry) => Date.parse(entry.time)));
    const lastResponse = Math.max(...entries.map((entry) => Date.parse(entry.time) + entry.durationMs));
    return { firstArrival, windowMs: lastResponse - firstArrival };
}

/** Clears the emulator's log, runs `work`, and returns its result with the Graph traffic it caused. */
export async function withGraphTraffic<T>(
    admin: EmulatorAdminClient,
    work: () => Promise<T>,
): Promise<{ result: T; traffic: GraphTraffic }> {
    await admin.resetLog();
    // The log stamps arrivals with the wall clock; the monotonic clock times the work.
    const startedAt = Date.now();
    const started = performance.now();
    const result = await work();
    const wallMs = performance.now() - started;
    const [counts, entries] = await Promise.all([admin.routeCounts(), admin.requests()]);
    const byRoute = Object.fromEntries(Object.entries(counts).map(([key, count]) => [key.replace(ENTITLEMENT_MANAGEMENT, ""), count]));
    const total = Object.values(counts).reduce((sum, count) => sum + count, 0);
    const span = spanOf(entries);
    return {
        result,
        traffic: {
            total,
            byRoute,
            entries,
            complete: entries.length === total,
            wallMs,
            graphWindowMs: span?.windowMs ?? 0,
            beforeFirstRequestMs: span === undefined ? 0 : span.firstArrival - startedAt,
        },
    };
}
