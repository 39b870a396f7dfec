import type { Context, Middleware } from "@microsoft/microsoft-graph-client";
import { requestAttemptsOf } from "./requestAttempts";

// Statuses whose responses have no body; `new Response` refuses one for them.
const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);

/**
 * Bounds one attempt, request and whole response body, by the attempt timeout and by the request's deadline. The
 * body is read here, under the same signal, so a connection that stalls mid-body is an attempt failure the retry
 * middleware sees, not a hang after it.
 */
export class AttemptTimeoutHandler implements Middleware {
    private next?: Middleware;

    constructor(
        private readonly attemptTimeoutMs: number,
        private readonly now: () => number,
    ) {}

    async execute(context: Context): Promise<void> {
        const deadline = requestAttemptsOf(context)?.deadline ?? Number.POSITIVE_INFINITY;
        const limit = Math.max(1, Math.min(this.attemptTimeoutMs, deadline - this.now()));
        context.options = { ...context.options, signal: AbortSignal.timeout(limit) };
        await (this.next as Middleware).execute(context);
        const response = context.response as Response;
        const body = NULL_BODY_STATUSES.has(response.status) ? null : await response.arrayBuffer();
        context.response = new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
    }

    setNext(next: Middleware): void {
        this.next = next;
    }
}
