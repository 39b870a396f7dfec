import type { GraphCallResult, GraphResponse } from "../graph/transport/graphTransport";

/**
 * `result` when it is Graph's own answer with one of `statuses`: a proxy's 404 page is no proof that a policy is gone,
 * nor an empty 200 a policy.
 */
export function graphAnswer(result: GraphCallResult, ...statuses: number[]): GraphResponse | undefined {
    return result.kind === "response" && result.foreign === undefined && statuses.includes(result.status) ? result : undefined;
}

/** Whether `result` is Graph's own answer with one of `statuses`. */
export function isGraphStatus(result: GraphCallResult, ...statuses: number[]): boolean {
    return graphAnswer(result, ...statuses) !== undefined;
}
