import type { RetryAfterFormat } from "../faults/FaultRule";
import { GraphError } from "./GraphError";

/** The `Retry-After` value for a delay of `seconds`, as delay-seconds or as an HTTP-date. */
function retryAfter(seconds: number, format: RetryAfterFormat): string {
    if (format === "seconds") return String(seconds);
    // Rounded up, so the date is never earlier than the delay asks.
    return new Date(Math.ceil((Date.now() + seconds * 1000) / 1000) * 1000).toUTCString();
}

/** What Graph's gateway answers a request without a valid token with: where to get one, and for which resource. */
const WWW_AUTHENTICATE =
    'Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", client_id="00000003-0000-0000-c000-000000000000"';

/**
 * The single source of every error the emulated Graph answers with, so that status codes,
 * codes and wording stay consistent with what the real service (and its OData stack) sends.
 */
export const graphErrors = {
    /** 400 for a body property whose value the service refuses; the message names the property. */
    invalidProperty(path: string, reason: string): GraphError {
        return new GraphError(400, "BadRequest", `Invalid value for property '${path}': ${reason}`);
    },

    /** 400 for a required property that is missing. */
    missingProperty(path: string): GraphError {
        return new GraphError(400, "BadRequest", `The property '${path}' is required.`);
    },

    /** 400 the OData reader raises for a property the (non-open) type does not declare. */
    unknownProperty(name: string, typeName: string): GraphError {
        return new GraphError(
            400,
            "BadRequest",
            `The property '${name}' does not exist on type '${typeName}'. Make sure to only use property names that are defined by the type or mark the type as open type.`,
        );
    },

    /** 400 the OData reader raises for `null` in a non-nullable collection. */
    nullCollection(name: string, elementType: string): GraphError {
        return new GraphError(
            400,
            "BadRequest",
            `A null value was found for the property named '${name}', which has the expected type 'Collection(${elementType})[Nullable=False]'. The expected type 'Collection(${elementType})[Nullable=False]' does not allow null values.`,
        );
    },

    /** 400 for a business rule the service enforces beyond the schema. */
    badRequest(message: string): GraphError {
        return new GraphError(400, "BadRequest", message);
    },

    /** 400 for an unparseable body. */
    invalidJson(detail: string): GraphError {
        return new GraphError(400, "BadRequest", `Invalid request body: ${detail}`);
    },

    /** 400 for a query option the emulator cannot honour, phrased like the OData parser. */
    invalidQuery(message: string): GraphError {
        return new GraphError(400, "BadRequest", message);
    },

    /** 400 for a request URL (or `Host`) that cannot be parsed, e.g. a bad percent-encoding. */
    invalidUrl(reason: string): GraphError {
        return new GraphError(400, "BadRequest", `Invalid request URL: ${reason}`);
    },

    /** 400 that Graph's gateway answers for a URL segment no workload serves. */
    segmentNotFound(segment: string): GraphError {
        return new GraphError(400, "BadRequest", `Resource not found for the segment '${segment}'.`);
    },

    /** 401 for a missing or wrong bearer token, with Graph's `WWW-Authenticate` challenge. */
    invalidToken(reason: string): GraphError {
        return new GraphError(401, "InvalidAuthenticationToken", reason, { "WWW-Authenticate": WWW_AUTHENTICATE });
    },

    /** 403, e.g. the eventual-consistency window after a delete. */
    forbidden(): GraphError {
        return new GraphError(403, "Authorization_RequestDenied", "Insufficient privileges to complete the operation.");
    },

    /** 403 for an admin API call from off loopback: the admin API takes no token, so nothing else may reach it. */
    adminLoopbackOnly(remoteAddress: string): GraphError {
        return new GraphError(
            403,
            "Forbidden",
            `The emulator's admin API answers loopback clients only; this request came from '${remoteAddress}'. Call it on 127.0.0.1 or ::1 (Graph routes are served on every interface the emulator listens on).`,
        );
    },

    /**
     * 404 for a user or group that does not exist: the directory's own code and message, not entitlement
     * management's `ResourceNotFound`.
     */
    directoryObjectNotFound(id: string): GraphError {
        return new GraphError(
            404,
            "Request_ResourceNotFound",
            `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`,
        );
    },

    /** 404 for an entity id that does not exist (or is not visible yet). */
    notFound(typeName: string, id: string): GraphError {
        return new GraphError(404, "ResourceNotFound", `${typeName} with id '${id}' was not found.`);
    },

    /**
     * 405 for a verb the resource does not serve, notably PATCH on an assignment policy: v1.0
     * supports PUT but not PATCH (microsoft-graph-docs PR #21255), and users sending PATCH got
     * "No HTTP resource was found that matches the request URI" (msgraph-sdk-powershell#783).
     * We keep that message, answer 405 with `Allow`, and name the code after the reason phrase
     * as Graph's gateway does for its own errors.
     */
    methodNotAllowed(method: string, url: string, allowed: readonly string[]): GraphError {
        return new GraphError(
            405,
            "MethodNotAllowed",
            `No HTTP resource was found that matches the request URI '${url}'. The requested resource does not support http method '${method}'.`,
            { Allow: allowed.join(", ") },
        );
    },

    /** 409 for a write that collides with another one. */
    conflict(message: string): GraphError {
        return new GraphError(409, "Conflict", message);
    },

    /** 429 with `Retry-After` (whole seconds, written as `format` says). */
    tooManyRequests(retryAfterSeconds: number, format: RetryAfterFormat = "seconds"): GraphError {
        return new GraphError(429, "TooManyRequests", "Too many requests. Please retry after the time given in the Retry-After header.", {
            "Retry-After": retryAfter(retryAfterSeconds, format),
        });
    },

    /** 500/503/504, optionally with `Retry-After` (whole seconds, written as `format` says). */
    serverError(status: 500 | 503 | 504, retryAfterSeconds?: number, format: RetryAfterFormat = "seconds"): GraphError {
        const code = { 500: "InternalServerError", 503: "ServiceUnavailable", 504: "GatewayTimeout" }[status];
        const headers: Record<string, string> =
            retryAfterSeconds === undefined ? {} : { "Retry-After": retryAfter(retryAfterSeconds, format) };
        return new GraphError(status, code, "The service is temporarily unable to process the request.", headers);
    },
};
