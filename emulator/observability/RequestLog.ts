/** One Graph request as the emulator saw it. */
export interface RequestLogEntry {
    /** Position in the log since start (not reset by {@link RequestLog.reset}). */
    seq: number;
    /** HTTP method. */
    method: string;
    /** Path and query as requested. */
    path: string;
    /** Matched route template, e.g. `/v1.0/identityGovernance/entitlementManagement/assignmentPolicies/{id}`; `null` when none matched. */
    route: string | null;
    /** Status answered; `null` when the connection was dropped. */
    status: number | null;
    /** The `request-id` header sent back. */
    requestId: string;
    /** The `client-request-id` header sent back. */
    clientRequestId: string;
    /** The client's `User-Agent` header, `null` when absent: tells which client (and version) made the request. */
    userAgent: string | null;
    /** When the request arrived (ISO 8601). */
    time: string;
    /** Milliseconds from arrival to response (or drop). */
    durationMs: number;
    /** Fault kinds that fired for this request. */
    faults: string[];
}

/** Per-route counts keyed `METHOD template`, e.g. `POST /v1.0/identityGovernance/entitlementManagement/assignmentPolicies`. */
export type RouteCounts = Record<string, number>;

/** Bounded in-memory log of Graph requests with per-route counts. */
export class RequestLog {
    private entries: RequestLogEntry[] = [];
    private counts: RouteCounts = {};
    private seq = 0;

    /** @param capacity Oldest entries are dropped beyond this (counts are kept). */
    constructor(private readonly capacity = 10_000) {}

    /** Appends an entry (its `seq` is assigned here). */
    record(entry: Omit<RequestLogEntry, "seq">): void {
        this.entries.push({ ...entry, seq: ++this.seq });
        if (this.entries.length > this.capacity) this.entries.shift();
        const key = `${entry.method} ${entry.route ?? entry.path.split("?")[0]}`;
        this.counts[key] = (this.counts[key] ?? 0) + 1;
    }

    /** The logged requests, oldest first. */
    list(): RequestLogEntry[] {
        return this.entries.map((entry) => ({ ...entry, faults: [...entry.faults] }));
    }

    /** Requests per route. */
    routeCounts(): RouteCounts {
        return { ...this.counts };
    }

    /** Forgets entries and counts. */
    reset(): void {
        this.entries = [];
        this.counts = {};
    }
}
