import type { GraphCallResult } from "../graph/transport/graphTransport";
import type { Policy } from "./operationContext";

/**
 * The id a POST's answer gives: Graph's 200 or 201 with the policy, or the `Location` of a 201 whose body did not
 * arrive whole (Graph names the new entity there).
 */
export function createdId(result: GraphCallResult): string | undefined {
    if (result.kind !== "response" || (result.status !== 200 && result.status !== 201)) {
        return undefined;
    }
    const id = result.foreign === undefined ? (result.body as Policy | null)?.id : undefined;
    if (typeof id === "string" && id !== "") {
        return id;
    }
    const location = result.status === 201 ? result.headers.get("location") : null;
    const named = location === null ? null : /\/assignmentPolicies(?:\/|\(')([^/?#')]+)/.exec(location);
    return named === null ? undefined : decodeURIComponent(named[1]);
}
