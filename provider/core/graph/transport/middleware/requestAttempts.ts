import type { Context, MiddlewareOptions } from "@microsoft/microsoft-graph-client";
import { isTransient, type AttemptOutcome } from "../retryPolicy";

/** Why the retry middleware stopped repeating a request that it would otherwise have repeated. */
export type RetryStop = "deadline" | "maxRetries";

/**
 * Per-request retry options (passed with `GraphRequest.middlewareOptions`, like the Graph client's
 * `RetryHandlerOptions`) that also record how the request went, because the Graph client turns any error thrown in
 * the chain into a `GraphError` that keeps only its message.
 */
export class RequestAttempts implements MiddlewareOptions {
    /** Attempts sent so far. */
    count = 0;
    /** Whether some attempt may have been applied without a response saying so (5xx, broken connection, timeout). */
    sawUnknownOutcome = false;
    /** What the last attempt ended with. */
    lastOutcome?: AttemptOutcome;
    /** The `client-request-id` sent with the last attempt, for error messages when no response echoes it. */
    lastClientRequestId?: string;
    /** Set when retrying stopped on the deadline or the retry limit rather than on a final answer. */
    stoppedBy?: RetryStop;

    /**
     * @param deadline Epoch milliseconds after which no attempt starts and no backoff ends.
     * @param shouldRepeat Whether an outcome may be repeated for this request; idempotent requests repeat every
     *   transient outcome, a POST only those proving it was not applied.
     */
    constructor(
        readonly deadline: number,
        readonly shouldRepeat: (outcome: AttemptOutcome) => boolean = isTransient,
    ) {}
}

/** The request's {@link RequestAttempts}, if it was sent with one. */
export function requestAttemptsOf(context: Context): RequestAttempts | undefined {
    const options = context.middlewareControl?.getMiddlewareOptions(RequestAttempts);
    return options instanceof RequestAttempts ? options : undefined;
}
