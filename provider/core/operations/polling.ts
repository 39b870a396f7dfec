import { backoffMs, type RetryTiming } from "../graph/transport/retryPolicy";

/** The effects polling waits with, replaceable so tests neither wait nor depend on chance. */
export interface PollingClock {
    now(): number;
    sleep(ms: number): Promise<void>;
    /** In [0, 1), for jitter. */
    random(): number;
}

/** Waits between the reads and lookups of an operation, never past its deadline. */
export interface Polling {
    /** Waits the `round`-th backoff step unless that would reach the deadline; false means: give up now. */
    pause(round: number, deadline: number): Promise<boolean>;
    /** Waits until `at` unless that would reach the deadline; false means: give up now. */
    waitUntil(at: number, deadline: number): Promise<boolean>;
}

/** Creates the waits on `clock`, with the backoff steps of `timing`. */
export function createPolling(clock: PollingClock, timing: RetryTiming): Polling {
    async function waitUntil(at: number, deadline: number): Promise<boolean> {
        if (at >= deadline) {
            return false;
        }
        const delay = at - clock.now();
        if (delay > 0) {
            await clock.sleep(delay);
        }
        return true;
    }
    return {
        waitUntil,
        pause: (round, deadline) => waitUntil(clock.now() + backoffMs(round, timing, clock.random), deadline),
    };
}
