import { GraphRequestError, type ErrorSubject } from "../graph/transport/graphRequestError";
import { policyPath } from "../graph/transport/odata";
import { graphAnswer, isGraphStatus } from "./graphAnswer";
import { answeredAt } from "./graphTime";
import type { LastKnown, OperationContext } from "./operationContext";
import type { OperationDeps } from "./operationDeps";
import { READS_WHILE_BEHIND, withinReplicationLag } from "./replicationLag";
import { requestFailure } from "./requestFailure";

/** The DELETE, repeated while its 404 may be lag; `confirm` when it was accepted and must be seen through. */
async function sendDelete(
    deps: OperationDeps,
    id: string,
    call: OperationContext & { lastKnown?: LastKnown },
    subject: ErrorSubject,
): Promise<"deleted" | "alreadyGone" | "confirm"> {
    const { transport, polling } = deps;
    const { lastKnown } = call;
    for (let round = 1; ; round++) {
        const result = await transport.send({ method: "DELETE", path: policyPath(id), deadline: call.deadline });
        // After an attempt with an unknown outcome, a 404 (or the 403 Graph gives right after a delete) means that
        // attempt did the deleting.
        if (result.sawUnknownOutcome && isGraphStatus(result, 404, 403)) {
            return "deleted";
        }
        if (isGraphStatus(result, 404)) {
            // Right after the policy was written, a 404 may come from a replica that has not seen it yet, as a
            // GET's may: believing it would drop from state a policy that still exists. Asked again a few times.
            const now = answeredAt(result) ?? deps.now();
            const doubt =
                round < READS_WHILE_BEHIND &&
                (withinReplicationLag(lastKnown?.createdDateTime, now) || withinReplicationLag(lastKnown?.modifiedDateTime, now));
            if (doubt && (await polling.pause(round, call.deadline))) {
                continue;
            }
            return "alreadyGone";
        }
        if (!isGraphStatus(result, 200, 204)) {
            throw requestFailure(transport, result, subject);
        }
        return "confirm";
    }
}

/** Reads the deleted policy until Graph answers 404 (or the 403 it gives right after a delete), within the deadline. */
async function confirmGone(deps: OperationDeps, id: string, deadline: number, subject: ErrorSubject): Promise<"deleted"> {
    const { transport, polling } = deps;
    for (let checks = 1; ; checks++) {
        const received = await transport.send({ method: "GET", path: policyPath(id), deadline });
        if (isGraphStatus(received, 404, 403)) {
            return "deleted";
        }
        const check = graphAnswer(received, 200);
        if (check === undefined) {
            throw requestFailure(transport, received, subject);
        }
        if (!(await polling.pause(checks, deadline))) {
            throw new GraphRequestError({
                ...subject,
                statusCode: 200,
                code: "DeleteNotVisible",
                graphMessage: "Graph accepted the delete but still returned the policy when read back",
                clientRequestId: check.clientRequestId,
                requestId: check.headers.get("request-id") ?? undefined,
                attempts: checks,
                timedOut: true,
                hint: "Run `pulumi up` again once Graph has caught up; a policy that is already gone counts as deleted.",
            });
        }
    }
}

/**
 * {@link PolicyApi.remove}: the DELETE, then reads until the policy is gone, so that a following access package delete
 * does not fail. A 404 is "alreadyGone", though shortly after `lastKnown`'s write it is asked again a few times first.
 */
export async function deleteAndConfirm(
    deps: OperationDeps,
    id: string,
    call: OperationContext & { lastKnown?: LastKnown },
): Promise<"deleted" | "alreadyGone"> {
    const subject: ErrorSubject = { operation: "deleting", policy: { displayName: call.displayName, id } };
    const deleted = await sendDelete(deps, id, call, subject);
    return deleted === "confirm" ? confirmGone(deps, id, call.deadline, subject) : deleted;
}
