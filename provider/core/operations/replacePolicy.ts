import { graphInstant } from "./graphTime";
import type { LastKnown, OperationContext, Policy, Reflects } from "./operationContext";
import type { OperationDeps } from "./operationDeps";
import { putPolicy } from "./putPolicy";

/**
 * {@link PolicyApi.replace}: the PUT, read back (when its answer is short) until `reflects` accepts the policy or it
 * was modified after `lastKnown`: a newer body is no stale read, whatever form Graph holds the write in.
 */
export async function replacePolicy(
    deps: OperationDeps,
    id: string,
    body: Policy,
    call: OperationContext & { reflects?: Reflects; lastKnown?: LastKnown },
): Promise<Policy> {
    const { reflects } = call;
    const before = graphInstant(call.lastKnown?.modifiedDateTime) ?? Infinity;
    const caughtUp = reflects && ((read: Policy) => reflects(read) || (graphInstant(read.modifiedDateTime) ?? -Infinity) > before);
    return putPolicy(deps, id, body, { ...call, reflects: caughtUp }, "updated");
}
