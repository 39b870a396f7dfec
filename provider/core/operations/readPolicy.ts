import { graphInstant } from "./graphTime";
import type { LastKnown, OperationContext, Policy } from "./operationContext";
import type { OperationDeps } from "./operationDeps";
import { BEHIND, readPolicyUntil } from "./readPolicyUntil";
import { READS_WHILE_BEHIND, withinReplicationLag } from "./replicationLag";

/** {@link PolicyApi.get}: a policy read, `undefined` when 404, read again while it looks behind `lastKnown`. */
export function readPolicy(
    deps: OperationDeps,
    id: string,
    call: OperationContext & { lastKnown?: LastKnown },
): Promise<Policy | undefined> {
    const { lastKnown } = call;
    return readPolicyUntil(deps, id, call, (policy, now, round) => {
        const doubt = round < READS_WHILE_BEHIND;
        if (policy === undefined) {
            return doubt && withinReplicationLag(lastKnown?.createdDateTime, now) ? BEHIND : undefined;
        }
        const stale = (graphInstant(policy.modifiedDateTime) ?? Infinity) < (graphInstant(lastKnown?.modifiedDateTime) ?? -Infinity);
        return doubt && stale && withinReplicationLag(lastKnown?.modifiedDateTime, now) ? BEHIND : policy;
    });
}
