/**
 * The one normaliser that folds what a request ended with (a Graph error response, a network failure, a credential
 * that produced no token) into a {@link GraphRequestError}, like the Graph SDK's `GraphErrorHandler`, with advice for
 * the failures a user can act on.
 */
import { GraphRequestError, type ErrorSubject, type PolicyOperation } from "./graphRequestError";
import type { GraphCallResult } from "./graphTransport";

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
 * Folds a failed {@link GraphCallResult} into a {@link GraphRequestError}: Graph's `{ error: { code, message,
 * innerError } }` body and `request-id`/`client-request-id`/`Date` headers, a network failure, or a request that
 * was never sent. Text is passed through `redact` so no secret survives. `hint` replaces the built-in advice.
 */
export function toGraphRequestError(
    result: GraphCallResult,
    subject: ErrorSubject,
    redact: (text: string) => string,
    hint?: string,
): GraphRequestError {
    const timedOut = result.stoppedBy === "deadline";
    if (result.kind === "transport") {
        const { failure } = result;
        const what =
            failure.kind === "timeout"
                ? "the request timed out"
                : failure.kind === "notSent"
                  ? "could not connect to Graph"
                  : "the connection to Graph broke";
        return new GraphRequestError({
            ...subject,
            statusCode: 0,
            code: failure.code ?? failure.kind,
            graphMessage: redact(`${what}: ${failure.detail}`),
            clientRequestId: result.clientRequestId,
            attempts: result.attempts,
            timedOut,
            hint,
        });
    }
    if (result.kind === "notSent") {
        return new GraphRequestError({
            ...subject,
            statusCode: 0,
            code: timedOut ? "OperationTimeout" : "AuthenticationFailed",
            graphMessage: redact(timedOut ? result.detail : `could not get a token for Microsoft Graph: ${result.detail}`),
            attempts: result.attempts,
            timedOut,
            hint,
        });
    }
    if (result.foreign !== undefined) {
        return new GraphRequestError({
            ...subject,
            statusCode: result.status,
            code: "NotGraphAnswer",
            graphMessage: result.foreign,
            requestId: text(result.headers.get("request-id")),
            clientRequestId: result.clientRequestId,
            attempts: result.attempts,
            timedOut,
            hint:
                hint ??
                "Something between this machine and Graph (a proxy, a firewall, a wrong entra:graphEndpoint) answered instead of Graph; nothing was taken from it.",
        });
    }
    const body = result.body as GraphErrorBody | string | undefined;
    const error = typeof body === "object" && body !== null ? body.error : undefined;
    const inner = error?.innerError ?? {};
    const rawMessage =
        text(error?.message) ?? (typeof body === "string" ? body.slice(0, MAX_BODY_TEXT) : "no error details in the response");
    const message = redact(rawMessage);
    return new GraphRequestError({
        ...subject,
        statusCode: result.status,
        code: text(error?.code) ?? `HTTP${result.status}`,
        graphMessage: message,
        requestId: text(inner["request-id"]) ?? text(result.headers.get("request-id")),
        clientRequestId: text(inner["client-request-id"]) ?? text(result.headers.get("client-request-id")) ?? result.clientRequestId,
        date: text(inner.date) ?? text(result.headers.get("date")),
        attempts: result.attempts,
        timedOut,
        hint: hint ?? hintFor(subject.operation, result.status, message),
    });
}
