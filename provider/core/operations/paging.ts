import { GraphRequestError, type ErrorSubject } from "../graph/transport/graphRequestError";
import { graphAnswer } from "./graphAnswer";
import { markedUnusable } from "./markedUnusable";
import type { Policy } from "./operationContext";
import type { OperationDeps } from "./operationDeps";
import { requestFailure } from "./requestFailure";

// Pages of one listing before it is stopped: far beyond any access package's or tenant's policies at Graph's page size.
const MAX_PAGES = 1_000;

interface Collection {
    value?: Policy[];
    "@odata.nextLink"?: string;
}

/** Every policy of the listing at `path`, following `@odata.nextLink` page by page until the last one. */
export async function listPages(
    deps: Pick<OperationDeps, "transport">,
    path: string,
    deadline: number,
    subject: ErrorSubject,
): Promise<Policy[]> {
    const { transport } = deps;
    const policies: Policy[] = [];
    const followed = new Set<string>();
    let next: string | undefined = path;
    while (next !== undefined) {
        // A next link that comes round again, or paging without end, would grow memory until the deadline.
        if (followed.has(next) || followed.size >= MAX_PAGES) {
            const why = followed.has(next)
                ? `Graph's @odata.nextLink repeats a page already read (${next})`
                : `Graph returned more than ${MAX_PAGES} pages`;
            throw new GraphRequestError({
                ...subject,
                statusCode: 200,
                code: "PagingStopped",
                graphMessage: why,
                attempts: followed.size,
                timedOut: false,
            });
        }
        followed.add(next);
        const result = await transport.send({ method: "GET", path: next, deadline });
        const answer = graphAnswer(result, 200);
        if (answer === undefined) {
            throw requestFailure(transport, result, subject);
        }
        const page = answer.body as Collection;
        if (!Array.isArray(page.value)) {
            throw requestFailure(transport, markedUnusable(answer, "a page of policies"), subject);
        }
        policies.push(...page.value);
        const link = page["@odata.nextLink"];
        next = link === undefined ? undefined : transport.nextLinkPath(link);
    }
    return policies;
}
