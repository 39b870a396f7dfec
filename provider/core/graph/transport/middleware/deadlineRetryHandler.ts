import type { Context, Middleware } from "@microsoft/microsoft-graph-client";
import {
    classifyTransportError,
    foreignAnswer,
    isOutcomeUnknown,
    retryDelayMs,
    type AttemptOutcome,
    type RetryTiming,
} from "../retryPolicy";
import { setRequestHeader } from "./headers";
import { RequestAttempts, requestAttemptsOf } from "./requestAttempts";

/** Clock, timer and randomness, injectable so tests never wait. */
export interface RetryClock {
    readonly now: () => number;
    readonly sleep: (ms: number) => Promise<void>;
    readonly random: () => number;
}

/**
 * Retries a request until it gets a final answer, the per-request deadline, or the retry limit. It takes the place
 * of the Graph client's `RetryHandler`, which cannot do three things this provider needs: see thrown network
 * errors (they bypass its `shouldRetry`), keep its waits inside an absolute deadline, and run on an injected clock.
 * Like that handler it honours `Retry-After` (seconds or HTTP date) on 429/503/504, backs off exponentially with
 * jitter otherwise, sets `Retry-Attempt`, and takes per-request options ({@link RequestAttempts}).
 */
export class DeadlineRetryHandler implements Middleware {
    private next?: Middleware;

    constructor(
        private readonly timing: RetryTiming,
        private readonly maxRetries: number,
        private readonly clock: RetryClock,
    ) {}

    async execute(context: Context): Promise<void> {
        const attempts =
            requestAttemptsOf(context) ?? new RequestAttempts(this.clock.now() + this.timing.attemptTimeoutMs * (this.maxRetries + 1));
        let thrown: unknown;
        for (;;) {
            if (this.clock.now() >= attempts.deadline) {
                attempts.stoppedBy = "deadline";
                break;
            }
            attempts.count++;
            if (attempts.count > 1) {
                setRequestHeader(context, "Retry-Attempt", String(attempts.count - 1));
            }
            const outcome = await this.attempt(context);
            thrown = outcome.thrown;
            attempts.lastOutcome = outcome.outcome;
            attempts.sawUnknownOutcome ||= isOutcomeUnknown(outcome.outcome);
            if (!attempts.shouldRepeat(outcome.outcome)) {
                break;
            }
            if (attempts.count > this.maxRetries) {
                attempts.stoppedBy = "maxRetries";
                break;
            }
            const delay = retryDelayMs(outcome.outcome, attempts.count, this.timing, this.clock.random, this.clock.now());
            if (this.clock.now() + delay >= attempts.deadline) {
                attempts.stoppedBy = "deadline";
                break;
            }
            await this.clock.sleep(delay);
        }
        if (attempts.lastOutcome === undefined) {
            throw new Error("the operation deadline passed before the request could be sent");
        }
        if (attempts.lastOutcome.type === "transport") {
            throw thrown;
        }
    }

    setNext(next: Middleware): void {
        this.next = next;
    }

    private async attempt(context: Context): Promise<{ outcome: AttemptOutcome; thrown?: unknown }> {
        try {
            await (this.next as Middleware).execute(context);
        } catch (error) {
            return { outcome: { type: "transport", failure: classifyTransportError(error) }, thrown: error };
        }
        const response = context.response as Response;
        // The body is already buffered (AttemptTimeoutHandler), so reading a clone costs no network time.
        const foreign = foreignAnswer(response.status, response.headers, await response.clone().text());
        return {
            outcome: {
                type: "response",
                status: response.status,
                retryAfter: response.headers.get("Retry-After"),
                ...(foreign === undefined ? {} : { foreign }),
            },
        };
    }
}
