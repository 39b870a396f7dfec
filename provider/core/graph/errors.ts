/**
 * One error type for every Graph failure, and the one normaliser that folds what a request ended with (a Graph error
 * response, a network failure, a credential that produced no token) into it, like the Graph SDK's
 * `GraphErrorHandler`. Messages say what was being done to which policy, what Graph said, and the ids Microsoft
 * support asks for; they never contain a token or secret (see `secret.ts`).
 */
import type { GraphExchange } from "./transport/graphTransport";

/** What the provider was doing when the request failed; the first word of every message. */
export type PolicyOperation = "creating" | "reading" | "updating" | "deleting" | "listing";

/** The policy an operation was about, as far as known. */
export interface PolicyRef {
    /** Display name, when known. */
    readonly displayName?: string;
    /** Graph id, when known. */
    readonly id?: string;
}

/** What the normaliser needs to know besides the failure itself. */
export interface ErrorContext {
    readonly operation: PolicyOperation;
    readonly policy?: PolicyRef;
    /** For operations on many policies: what they were restricted to, e.g. `in access package <id>`. */
    readonly scope?: string;
}

/** Everything a {@link GraphRequestError} carries. */
export interface GraphRequestErrorDetails extends ErrorContext {
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
export interface GraphRequestError extends GraphRequestErrorDetails {}
export class GraphRequestError extends Error {
    override readonly name = "GraphRequestError";

    constructor(details: GraphRequestErrorDetails) {
        super(formatMessage(details));
        Object.assign(this, details);
    }
}

/** A policy that already exists, as Graph holds it. */
export interface ExistingPolicy {
    readonly id: string;
    /** The display name as Graph spells it, which may differ in case from the one asked for. */
    readonly displayName: string;
}

/** `"name" (id)` for each policy, for messages. */
export function describePolicies(policies: readonly ExistingPolicy[]): string {
    return policies.map((policy) => `"${policy.displayName}" (${policy.id})`).join(", ");
}

/**
 * A create refused before anything was sent: the access package already has policies with this display name (Graph
 * compares display names ignoring case), and another one would be indistinguishable from them (and from a duplicate
 * left by a retried POST).
 */
export class DisplayNameTakenError extends Error {
    override readonly name = "DisplayNameTakenError";

    constructor(
        readonly accessPackageId: string,
        /** The display name the create asked for. */
        readonly displayName: string,
        /** The policies that already carry the name, spelled as Graph holds it. */
        readonly existing: readonly ExistingPolicy[],
    ) {
        super(`access package ${accessPackageId} already has an assignment policy named ${describePolicies(existing)}`);
    }
}

/** What a write did to a policy before a step that had to follow it failed. */
export type AppliedWrite = "created" | "updated";

/**
 * Graph applied a write to a policy whose id is known, but a step that had to follow failed: reading the policy back,
 * or removing the duplicates that POSTs with an unknown outcome left. The policy exists, so a caller must keep its id
 * (for a create, in state) rather than forget it and leave an orphan.
 */
export class WriteAppliedError extends Error {
    override readonly name = "WriteAppliedError";

    constructor(
        readonly write: AppliedWrite,
        /** The policy the write made or changed. */
        readonly policy: PolicyRef & { readonly id: string },
        /** What could not be done after the write, e.g. `could not read it back`. */
        unfinished: string,
        /** Why. */
        override readonly cause: Error,
    ) {
        const name = policy.displayName !== undefined ? ` "${policy.displayName}"` : "";
        super(`${write} access package assignment policy${name} (${policy.id}) but ${unfinished}: ${cause.message}`);
    }
}

/**
 * `error` with `hint` put before the advice it already gives. A {@link GraphRequestError} is rebuilt, so that its
 * message and its `hint` field both carry the hint; any other error keeps its type but has the hint appended.
 */
export function withHint(error: unknown, hint: string): Error {
    if (error instanceof GraphRequestError) {
        const { name: _name, ...details } = error;
        return new GraphRequestError({ ...details, hint: error.hint === undefined ? hint : `${hint} ${error.hint}` });
    }
    const failure = error instanceof Error ? error : new Error(String(error));
    failure.message = `${failure.message}. ${hint}`;
    return failure;
}

function subjectOf(context: ErrorContext): string {
    const { operation, policy, scope } = context;
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

const PERMISSION_HINT =
    "Check that the identity has the Microsoft Graph permission EntitlementManagement.ReadWrite.All (admin-consented), " +
    "or the Access package manager role (or the broader Catalog owner) in the policy's catalog, assigned to the user " +
    "of a delegated token or to the application's service principal.";

const ASSIGNMENTS_HINT =
    "The policy still has access package assignments. Remove them first (an assignment request with requestType " +
    "adminRemove for each assignment made under this policy), or keep the policy: drop it from the program and run " +
    "`pulumi state delete <urn>` so Pulumi stops managing it.";

// A 401 is about the token itself (Graph did not accept who is calling), never about what the caller may do.
const TOKEN_HINT =
    "Graph did not accept the token: check that it is an access token for Microsoft Graph (its audience, aud, must be " +
    "https://graph.microsoft.com or your cloud's Graph endpoint), issued by the policy's tenant, and not expired (exp); " +
    "a static token (entra:token or ENTRA_GRAPH_TOKEN) is never renewed, so get a new one or use a credential that is.";

function hintFor(operation: PolicyOperation, status: number, message: string): string | undefined {
    if (status === 401) {
        return TOKEN_HINT;
    }
    if (status === 403) {
        return PERMISSION_HINT;
    }
    if (operation === "deleting" && status === 400 && /assignment/i.test(message)) {
        return ASSIGNMENTS_HINT;
    }
    return undefined;
}

interface GraphErrorBody {
    error?: { code?: unknown; message?: unknown; innerError?: Record<string, unknown> };
}

function text(value: unknown): string | undefined {
    return typeof value === "string" && value !== "" ? value : undefined;
}

const MAX_BODY_TEXT = 500;

/**
 * Folds a failed {@link GraphExchange} into a {@link GraphRequestError}: Graph's `{ error: { code, message,
 * innerError } }` body and `request-id`/`client-request-id`/`Date` headers, a network failure, or a request that
 * was never sent. Text is passed through `redact` so no secret survives. `hint` replaces the built-in advice.
 */
export function toGraphRequestError(
    exchange: GraphExchange,
    context: ErrorContext,
    redact: (text: string) => string,
    hint?: string,
): GraphRequestError {
    const timedOut = exchange.stoppedBy === "deadline";
    if (exchange.kind === "transport") {
        const { failure } = exchange;
        const what =
            failure.kind === "timeout"
                ? "the request timed out"
                : failure.kind === "notSent"
                  ? "could not connect to Graph"
                  : "the connection to Graph broke";
        return new GraphRequestError({
            ...context,
            statusCode: 0,
            code: failure.code ?? failure.kind,
            graphMessage: redact(`${what}: ${failure.detail}`),
            clientRequestId: exchange.clientRequestId,
            attempts: exchange.attempts,
            timedOut,
            hint,
        });
    }
    if (exchange.kind === "notSent") {
        return new GraphRequestError({
            ...context,
            statusCode: 0,
            code: timedOut ? "OperationTimeout" : "AuthenticationFailed",
            graphMessage: redact(timedOut ? exchange.detail : `could not get a token for Microsoft Graph: ${exchange.detail}`),
            attempts: exchange.attempts,
            timedOut,
            hint,
        });
    }
    if (exchange.foreign !== undefined) {
        return new GraphRequestError({
            ...context,
            statusCode: exchange.status,
            code: "NotGraphAnswer",
            graphMessage: exchange.foreign,
            requestId: text(exchange.headers.get("request-id")),
            clientRequestId: exchange.clientRequestId,
            attempts: exchange.attempts,
            timedOut,
            hint:
                hint ??
                "Something between this machine and Graph (a proxy, a firewall, a wrong entra:graphEndpoint) answered instead of Graph; nothing was taken from it.",
        });
    }
    const body = exchange.body as GraphErrorBody | string | undefined;
    const error = typeof body === "object" && body !== null ? body.error : undefined;
    const inner = error?.innerError ?? {};
    const rawMessage =
        text(error?.message) ?? (typeof body === "string" ? body.slice(0, MAX_BODY_TEXT) : "no error details in the response");
    const message = redact(rawMessage);
    return new GraphRequestError({
        ...context,
        statusCode: exchange.status,
        code: text(error?.code) ?? `HTTP${exchange.status}`,
        graphMessage: message,
        requestId: text(inner["request-id"]) ?? text(exchange.headers.get("request-id")),
        clientRequestId: text(inner["client-request-id"]) ?? text(exchange.headers.get("client-request-id")) ?? exchange.clientRequestId,
        date: text(inner.date) ?? text(exchange.headers.get("date")),
        attempts: exchange.attempts,
        timedOut,
        hint: hint ?? hintFor(context.operation, exchange.status, message),
    });
}
