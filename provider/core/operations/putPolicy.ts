import { policyPath } from "../graph/transport/odata";
import { answeredPolicy } from "./answeredPolicy";
import { graphAnswer, isGraphStatus } from "./graphAnswer";
import type { OperationContext, Policy, Reflects } from "./operationContext";
import type { OperationDeps } from "./operationDeps";
import { readAfterWrite } from "./readAfterWrite";
import { requestFailure } from "./requestFailure";
import { WriteAppliedError, type AppliedWrite } from "./writeAppliedError";

/** How {@link putPolicy} treats the PUT's answer. */
export interface PutOptions {
    /** The policy's catalog, when known, to complete a complete answer with. */
    catalogId?: string;
    /** Repeats a PUT answered 404 or 403, which Graph gives a policy it has not replicated yet, within the deadline. */
    retryUnreadable?: boolean;
    /** Reads the policy back even after a complete answer. */
    readBack?: boolean;
}

/**
 * The PUT of a whole policy body: Graph's answer when complete, else the policy read back until `reflects` accepts
 * it. A failed PUT throws its {@link GraphRequestError}; a failed read-back, a {@link WriteAppliedError} of `write`.
 */
export async function putPolicy(
    deps: OperationDeps,
    id: string,
    body: Policy,
    call: OperationContext & { reflects?: Reflects },
    write: AppliedWrite,
    options: PutOptions = {},
): Promise<Policy> {
    const policy = { displayName: body.displayName ?? call.displayName ?? undefined, id };
    for (let round = 1; ; round++) {
        const result = await deps.transport.send({ method: "PUT", path: policyPath(id), body, deadline: call.deadline });
        if (options.retryUnreadable && isGraphStatus(result, 404, 403) && (await deps.polling.pause(round, call.deadline))) {
            continue;
        }
        const answer = graphAnswer(result, 200, 204);
        if (answer === undefined) {
            throw requestFailure(deps.transport, result, { operation: "updating", policy });
        }
        // Graph documents a shortened PUT answer; only a complete one can stand in for reading the policy back.
        const answered = options.readBack ? undefined : answeredPolicy(body, answer.body, options.catalogId);
        if (answered !== undefined) {
            return answered;
        }
        try {
            return await readAfterWrite(deps, id, { ...call, id });
        } catch (error) {
            throw new WriteAppliedError(write, policy, "could not read it back", error as Error);
        }
    }
}
