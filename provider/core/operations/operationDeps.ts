import type { GraphTransport } from "../graph/transport/graphTransport";
import type { Polling } from "./polling";

/** What the policy operations are built on, passed in so that each runs as well on a scripted transport and a fake clock. */
export interface OperationDeps {
    /** Sends the requests; `redact` scrubs error text and `nextLinkPath` vets a next-page link. */
    readonly transport: Pick<GraphTransport, "send" | "redact" | "nextLinkPath">;
    /** The waits between reads, within a deadline. */
    readonly polling: Polling;
    /** The clock deadlines are measured on (epoch milliseconds). */
    readonly now: () => number;
}
