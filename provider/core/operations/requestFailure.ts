import type { ErrorSubject, GraphRequestError } from "../graph/transport/graphRequestError";
import type { GraphCallResult, GraphTransport } from "../graph/transport/graphTransport";
import { toGraphRequestError } from "../graph/transport/toGraphRequestError";

/** The error for a request that failed, its text scrubbed by the transport that sent it; `hint` replaces the advice. */
export function requestFailure(
    transport: Pick<GraphTransport, "redact">,
    result: GraphCallResult,
    subject: ErrorSubject,
    hint?: string,
): GraphRequestError {
    return toGraphRequestError(result, subject, transport.redact, hint);
}
