import { GraphRequestError, type ErrorSubject } from "../graph/transport/graphRequestError";
import type { GraphResponse } from "../graph/transport/graphTransport";
import { policyPath, POLICY_EXPAND, queryString } from "../graph/transport/odata";
import { equalsIgnoringCase } from "./equalsIgnoringCase";
import { graphAnswer } from "./graphAnswer";
import { answeredAt } from "./graphTime";
import { markedUnusable } from "./markedUnusable";
import type { OperationContext, Policy } from "./operationContext";
import type { OperationDeps } from "./operationDeps";
import { requestFailure } from "./requestFailure";

/** What an {@link AcceptAnswer} returns for an answer that is behind the write the read waits for. */
export const BEHIND = Symbol("behind");

/**
 * Takes a read's answer (a 200's body, or `undefined` for a 404 or another unreadable status; `now` is Graph's clock
 * when it sent a `Date`; `round` counts the reads) for the result, or declines it as {@link BEHIND}.
 */
export type AcceptAnswer<T> = (policy: Policy | undefined, now: number, round: number) => T | typeof BEHIND;

/** Whether a body is a policy with this id: an answer Graph's framing allows may still be something else. */
function isPolicy(body: unknown, id: string): body is Policy {
    return typeof body === "object" && body !== null && !Array.isArray(body) && equalsIgnoringCase((body as Policy).id, id);
}

/** The error for a read that was still behind a write when the deadline came: a 404 or 403, or a stale body. */
function behindError(
    deps: Pick<OperationDeps, "transport">,
    answer: GraphResponse,
    attempts: number,
    subject: ErrorSubject,
): GraphRequestError {
    if (answer.status === 404) {
        return requestFailure(
            deps.transport,
            { ...answer, attempts, stoppedBy: "deadline" },
            subject,
            "Graph has not made the policy readable yet; run `pulumi refresh` later.",
        );
    }
    if (answer.status === 403) {
        return requestFailure(deps.transport, { ...answer, attempts, stoppedBy: "deadline" }, subject);
    }
    return new GraphRequestError({
        ...subject,
        statusCode: answer.status,
        code: "StaleRead",
        graphMessage: "Graph still returns the policy as it was before the last write",
        requestId: answer.headers.get("request-id") ?? undefined,
        clientRequestId: answer.clientRequestId,
        date: answer.headers.get("date") ?? undefined,
        attempts,
        timedOut: true,
        hint: "The write was applied; run `pulumi refresh` once Graph has caught up.",
    });
}

/**
 * Reads a policy until `acceptAnswer` takes an answer, with 200 or one of the `unreadable` statuses, waiting out
 * the answers it finds {@link BEHIND} a write, within the deadline. Any other status fails at once.
 */
export async function readPolicyUntil<T>(
    deps: OperationDeps,
    id: string,
    call: OperationContext,
    acceptAnswer: AcceptAnswer<T>,
    unreadable: readonly number[] = [404],
): Promise<T> {
    const { transport, polling } = deps;
    const subject: ErrorSubject = { operation: "reading", policy: { displayName: call.displayName, id } };
    const path = policyPath(id, queryString({ $expand: POLICY_EXPAND }));
    let behind: GraphResponse | undefined;
    for (let round = 1; ; round++) {
        const received = await transport.send({ method: "GET", path, deadline: call.deadline });
        const answer = graphAnswer(received, 200, ...unreadable);
        if (answer === undefined) {
            // An attempt cut short by the deadline says less than the answers before it that were behind.
            throw behind !== undefined && received.stoppedBy === "deadline"
                ? behindError(deps, behind, round, subject)
                : requestFailure(transport, received, subject);
        }
        if (answer.status === 200 && !isPolicy(answer.body, id)) {
            // JSON that is not this policy (an empty object, another id) is no state to keep; read it again.
            if (!(await polling.pause(round, call.deadline))) {
                throw requestFailure(transport, markedUnusable(answer, `policy ${id}`, "deadline"), subject);
            }
            continue;
        }
        const accepted = acceptAnswer(answer.status === 200 ? (answer.body as Policy) : undefined, answeredAt(answer) ?? deps.now(), round);
        if (accepted !== BEHIND) {
            return accepted;
        }
        behind = answer;
        if (!(await polling.pause(round, call.deadline))) {
            throw behindError(deps, answer, round, subject);
        }
    }
}
