/**
 * One error type for every failed Graph request, its message built from what was being done to which policy, what
 * Graph said, and the ids Microsoft support asks for; it never contains a token or secret (see `secret.ts`).
 */

/** What the provider was doing when the request failed; the first word of every message. */
export type PolicyOperation = "creating" | "reading" | "updating" | "deleting" | "listing";

/** The policy an operation was about, as far as known. */
export interface PolicyRef {
    /** Display name, when known. */
    readonly displayName?: string;
    /** Graph id, when known. */
    readonly id?: string;
}

/** What a failed request was about: the subject its message starts with. */
export interface ErrorSubject {
    readonly operation: PolicyOperation;
    readonly policy?: PolicyRef;
    /** For operations on many policies: what they were restricted to, e.g. `in access package <id>`. */
    readonly scope?: string;
}

/** Everything a {@link GraphRequestError} carries. */
export interface GraphRequestErrorDetails extends ErrorSubject {
    /** HTTP status, 0 when no response arrived. */
    readonly statusCode: number;
    /** Graph's error code (`BadRequest`, `ResourceNotFound`), or the network error code when no response arrived. */
    readonly code: string;
    /** Graph's error message, or the network failure's. */
    readonly graphMessage: string;
    /** Graph's `request-id` of the failed attempt. */
    readonly requestId?: string;
    /** The `client-request-id` sent with the failed attempt. */
    readonly clientRequestId?: string;
    /** When Graph handled the failed attempt (`innerError.date` or the `Date` header). */
    readonly date?: string;
    /** Attempts made before giving up. */
    readonly attempts: number;
    /** Whether the operation deadline ended the attempts. */
    readonly timedOut: boolean;
    /** A sentence telling the user what to do about this failure. */
    readonly hint?: string;
}

/** A failed Graph request, normalised; it carries every {@link GraphRequestErrorDetails} field. */
export class GraphRequestError extends Error {
    override readonly name = "GraphRequestError";
    // `declare`: the constructor's Object.assign sets these, and only those the details hold, as before.
    declare readonly operation: PolicyOperation;
    declare readonly policy?: PolicyRef;
    declare readonly scope?: string;
    declare readonly statusCode: number;
    declare readonly code: string;
    declare readonly graphMessage: string;
    declare readonly requestId?: string;
    declare readonly clientRequestId?: string;
    declare readonly date?: string;
    declare readonly attempts: number;
    declare readonly timedOut: boolean;
    declare readonly hint?: string;

    constructor(details: GraphRequestErrorDetails) {
        super(formatMessage(details));
        Object.assign(this, details);
    }
}

function subjectOf(subject: ErrorSubject): string {
    const { operation, policy, scope } = subject;
    const noun = operation === "listing" ? "access package assignment policies" : "access package assignment policy";
    const name = policy?.displayName !== undefined ? ` "${policy.displayName}"` : "";
    const id = policy?.id !== undefined ? ` (${policy.id})` : "";
    return `${operation} ${noun}${name}${id}${scope !== undefined ? ` ${scope}` : ""}`;
}

function formatMessage(details: GraphRequestErrorDetails): string {
    const ids = [
        details.requestId !== undefined ? `request-id ${details.requestId}` : undefined,
        details.clientRequestId !== undefined ? `client-request-id ${details.clientRequestId}` : undefined,
    ].filter((part) => part !== undefined);
    const what =
        details.statusCode > 0
            ? `Graph returned ${details.statusCode} ${details.code}: ${details.graphMessage}`
            : `${details.graphMessage} (${details.code})`;
    const last = `${what}${ids.length > 0 ? ` (${ids.join(", ")})` : ""}`;
    const attempts = `${details.attempts} attempt${details.attempts === 1 ? "" : "s"}`;
    const body = details.timedOut
        ? `timed out after ${attempts} within the operation timeout; last error: ${last}`
        : details.attempts > 1
          ? `gave up after ${attempts}; last error: ${last}`
          : last;
    // Graph's messages do not always end a sentence; the hint must not read as part of them.
    const hint = details.hint === undefined ? "" : `${/[.!?)]$/.test(body) ? "" : "."} ${details.hint}`;
    return `${subjectOf(details)}: ${body}${hint}`;
}
