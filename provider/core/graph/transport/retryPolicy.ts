/**
 * The pure half of retrying: which outcomes are transient, which prove that a request was not applied, and how long
 * to wait. The middleware and the policy operations share these rules; nothing here sleeps or reads a clock.
 */

/** Timing knobs of retries; the defaults suit a real tenant, tests shrink them. */
export interface RetryTiming {
    /** First exponential backoff step in milliseconds (doubled per retry, then jittered). */
    readonly baseDelayMs: number;
    /** Upper bound of one exponential backoff step in milliseconds (Retry-After is not capped by it). */
    readonly maxDelayMs: number;
    /** Time one HTTP attempt (request and whole response body) may take before it is abandoned. */
    readonly attemptTimeoutMs: number;
}

/** Defaults for a real tenant: Graph asks for seconds of patience under throttling, and answers within a minute. */
export const DEFAULT_RETRY_TIMING: RetryTiming = { baseDelayMs: 2_000, maxDelayMs: 60_000, attemptTimeoutMs: 60_000 };

/** How a request failed before any HTTP response arrived. */
export type TransportFailureKind =
    /** The connection was never established (refused, host not found): the request was certainly not sent. */
    | "notSent"
    /** The attempt exceeded its time limit; the service may or may not have applied it. */
    | "timeout"
    /** The connection broke after the request may have been sent (reset, closed early). */
    | "connectionLost";

/** A failure below HTTP, reduced to what retry decisions and error messages need (no request or header objects). */
export interface TransportFailure {
    readonly kind: TransportFailureKind;
    /** Node/undici error code when there is one, e.g. `ECONNRESET`, `ECONNREFUSED`, `UND_ERR_SOCKET`. */
    readonly code?: string;
    /** The underlying error's message, for the user. */
    readonly detail: string;
}

/** What one HTTP attempt ended with. */
export type AttemptOutcome =
    | {
          readonly type: "response";
          readonly status: number;
          readonly retryAfter: string | null;
          /** Set when the answer cannot be Graph's own (see {@link foreignAnswer}): what was received instead. */
          readonly foreign?: string;
      }
    | { readonly type: "transport"; readonly failure: TransportFailure };

const NOT_SENT_CODES = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "UND_ERR_CONNECT_TIMEOUT", "EHOSTUNREACH", "ENETUNREACH"]);
const RETRY_AFTER_STATUSES = new Set([429, 503, 504]);
const TRANSIENT_STATUSES = new Set([429, 500, 502, 503, 504]);

function codeOf(error: unknown): string | undefined {
    const code = (error as { code?: unknown } | null)?.code;
    return typeof code === "string" ? code : undefined;
}

/** Folds what `fetch` throws (a TypeError with a `cause`, or an AbortSignal timeout) into a {@link TransportFailure}. */
export function classifyTransportError(error: unknown): TransportFailure {
    const name = (error as { name?: unknown } | null)?.name;
    if (name === "TimeoutError" || name === "AbortError") {
        return { kind: "timeout", detail: "the attempt timed out" };
    }
    const cause = (error as { cause?: unknown } | null)?.cause;
    const code = codeOf(cause) ?? codeOf(error);
    const detail = cause instanceof Error ? cause.message : error instanceof Error ? error.message : String(error);
    return { kind: code !== undefined && NOT_SENT_CODES.has(code) ? "notSent" : "connectionLost", code, detail };
}

// Graph's codes for an entity that does not exist. A 404 without one is a proxy's, a WAF's or a wrong port's.
const NOT_FOUND_CODES = new Set(["ResourceNotFound", "NotFound", "Request_ResourceNotFound"]);
// Statuses that carry no body.
const BODILESS_STATUSES = new Set([204, 205, 304]);
const FIRST_BYTES = 120;

/**
 * Why an answer cannot be Graph's own, `undefined` when it can: Graph answers JSON objects (an error as `{ error: {
 * code } }`, a 404 with a not-found code and a `request-id`), and nothing at all only where HTTP allows no body.
 * HTML from a proxy, an empty or truncated body, `null` or an array are told apart here, so that a caller never
 * takes them for "gone" or for a policy. The reason names the status, the content type and the first bytes.
 */
export function foreignAnswer(status: number, headers: Headers, text: string): string | undefined {
    if (BODILESS_STATUSES.has(status) && text === "") {
        return undefined;
    }
    let parsed: unknown;
    try {
        parsed = JSON.parse(text);
    } catch {
        parsed = undefined;
    }
    const object =
        typeof parsed === "object" && parsed !== null && !Array.isArray(parsed)
            ? (parsed as { error?: { code?: unknown; innerError?: Record<string, unknown> } })
            : undefined;
    const code = object?.error?.code;
    const graphs =
        object !== undefined &&
        (status < 400 ||
            (typeof code === "string" &&
                (status !== 404 ||
                    (NOT_FOUND_CODES.has(code) &&
                        (headers.get("request-id") !== null || typeof object.error?.innerError?.["request-id"] === "string")))));
    if (graphs) {
        return undefined;
    }
    const shown = text.length > FIRST_BYTES ? `${text.slice(0, FIRST_BYTES)}…` : text;
    return `an answer that is not Graph's: status ${status}, content-type ${headers.get("content-type") ?? "(none)"}, ${text === "" ? "empty body" : `body ${JSON.stringify(shown)}`}`;
}

/** True for outcomes worth repeating for an idempotent request (GET, PUT, DELETE). */
export function isTransient(outcome: AttemptOutcome): boolean {
    return outcome.type === "transport" || outcome.foreign !== undefined || TRANSIENT_STATUSES.has(outcome.status);
}

/**
 * True when the outcome proves the service did not apply the request, so even a POST may be sent again:
 * throttled (429), refused as a conflicting concurrent write (409), or never sent at all.
 */
export function provesNotApplied(outcome: AttemptOutcome): boolean {
    return outcome.type === "transport"
        ? outcome.failure.kind === "notSent"
        : outcome.foreign === undefined && (outcome.status === 429 || outcome.status === 409);
}

/**
 * True when a write may or may not have been applied: the connection broke or timed out after sending, the
 * service failed with a 5xx after receiving it, or something that is not Graph answered (it may have passed the
 * request on, or cut Graph's answer short).
 */
export function isOutcomeUnknown(outcome: AttemptOutcome): boolean {
    return outcome.type === "transport" ? outcome.failure.kind !== "notSent" : outcome.foreign !== undefined || outcome.status >= 500;
}

/**
 * Milliseconds a `Retry-After` header asks for: delta-seconds or an HTTP date (relative to `now`, never negative).
 * `undefined` when the header is absent or unreadable.
 */
export function parseRetryAfterMs(value: string | null, now: number): number | undefined {
    if (value === null || value.trim() === "") {
        return undefined;
    }
    const trimmed = value.trim();
    if (/^\d+(?:\.\d+)?$/.test(trimmed)) {
        return Math.round(Number(trimmed) * 1000);
    }
    const at = Date.parse(trimmed);
    return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/**
 * Exponential backoff with "equal jitter" for the `retry`-th retry (1-based): half of the capped step is fixed, the
 * other half random, so parallel clients spread out without any of them retrying immediately.
 */
export function backoffMs(retry: number, timing: RetryTiming, random: () => number): number {
    const step = Math.min(timing.maxDelayMs, timing.baseDelayMs * 2 ** Math.max(0, retry - 1));
    return Math.round(step / 2 + random() * (step / 2));
}

/**
 * How long to wait before repeating after `outcome`: what `Retry-After` asks for on 429/503/504, exponential backoff
 * otherwise.
 */
export function retryDelayMs(outcome: AttemptOutcome, retry: number, timing: RetryTiming, random: () => number, now: number): number {
    if (outcome.type === "response" && RETRY_AFTER_STATUSES.has(outcome.status)) {
        const asked = parseRetryAfterMs(outcome.retryAfter, now);
        if (asked !== undefined) {
            return asked;
        }
    }
    return backoffMs(retry, timing, random);
}
