import type { GraphCallResult, GraphResponse } from "../graph/transport/graphTransport";

/** `answer` marked as not usable, for an answer Graph's framing allowed but whose body is not what was asked for. */
export function markedUnusable(answer: GraphResponse, expected: string, stoppedBy?: "deadline"): GraphCallResult {
    const contentType = answer.headers.get("content-type") ?? "(none)";
    const body = JSON.stringify(JSON.stringify(answer.body) ?? "").slice(0, 120);
    return {
        ...answer,
        foreign: `an answer that is not ${expected}: status ${answer.status}, content-type ${contentType}, body ${body}`,
        ...(stoppedBy === undefined ? {} : { stoppedBy }),
    };
}
