import type { OperationContext, Policy, Reflects } from "./operationContext";
import type { OperationDeps } from "./operationDeps";
import { BEHIND, readPolicyUntil } from "./readPolicyUntil";

/** {@link PolicyApi.getAfterWrite}: reads until the policy is there and `reflects` (when given) accepts it. */
export function readAfterWrite(deps: OperationDeps, id: string, call: OperationContext & { reflects?: Reflects }): Promise<Policy> {
    // Right after a write this identity just made, Graph may answer 403 as well as 404 until it has replicated the
    // policy (the Terraform msgraph provider retries both); a 403 that lasts to the deadline is reported as such.
    return readPolicyUntil(
        deps,
        id,
        call,
        (policy) => (policy !== undefined && (call.reflects?.(policy) ?? true) ? policy : BEHIND),
        [404, 403],
    );
}
