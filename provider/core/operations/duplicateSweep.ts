import { GraphRequestError } from "../graph/transport/graphRequestError";
import { deleteAndConfirm } from "./deleteAndConfirm";
import { equalsIgnoringCase } from "./equalsIgnoringCase";
import { markedBy, type MarkedCreate } from "./markedCreate";
import { lookUpName } from "./nameLookup";
import type { Policy } from "./operationContext";
import type { OperationDeps } from "./operationDeps";
import { WriteAppliedError } from "./writeAppliedError";

/** Deletes the marked policies in `found` other than `kept` and not yet `deleted`; a failure keeps `kept`'s id. */
async function deleteExtras(deps: OperationDeps, create: MarkedCreate, kept: string, found: Policy[], deleted: Set<string>): Promise<void> {
    const extras = markedBy(create, found).filter(
        (policy) => !equalsIgnoringCase(policy.id, kept) && !deleted.has((policy.id as string).toLowerCase()),
    );
    for (const extra of extras) {
        const id = extra.id as string;
        try {
            await deleteAndConfirm(deps, id, { ...create.call, id, lastKnown: { createdDateTime: extra.createdDateTime ?? undefined } });
        } catch (error) {
            const unfinished = `could not delete ${id}, a duplicate that an attempt with an unknown outcome created (delete it yourself)`;
            throw new WriteAppliedError("created", { displayName: create.displayName, id: kept }, unfinished, error as Error);
        }
        deleted.add(id.toLowerCase());
    }
}

/**
 * Once `kept` exists: looks until each lost POST is accounted for (its policy found and deleted) or, `kept` being
 * listed, until the lost ones have settled, deleting every other policy with the mark. `seen` is a lookup already
 * made.
 */
export async function sweepDuplicates(
    deps: OperationDeps,
    create: MarkedCreate,
    kept: string,
    keptWasLost: boolean,
    seen?: Policy[],
): Promise<void> {
    const { accessPackageId, displayName, mark, call } = create;
    const unchecked = `could not make sure that no other policy named "${displayName}" with ${mark} in its description is left in access package ${accessPackageId} (check it and delete any extra one)`;
    const deleted = new Set<string>();
    for (let lookup = 1; ; lookup++) {
        let found: Policy[];
        try {
            found = seen ?? (await lookUpName(deps, accessPackageId, displayName, call.deadline)).named;
        } catch (error) {
            throw new WriteAppliedError("created", { displayName, id: kept }, unchecked, error as Error);
        }
        seen = undefined;
        // A list that shows `kept` shows what Graph applied before it; until then it may lag (see docs/reliability.md).
        const listed = found.some((policy) => equalsIgnoringCase(policy.id, kept));
        if (listed) {
            await deleteExtras(deps, create, kept, found, deleted);
        }
        if (listed && (deleted.size >= create.lost - (keptWasLost ? 1 : 0) || deps.now() >= create.settledAt)) {
            return;
        }
        if (!(await deps.polling.pause(lookup, call.deadline))) {
            if (listed) {
                // The deadline ends the wait for a lost POST that may still apply; docs/reliability.md states this limit.
                return;
            }
            const notListed = new GraphRequestError({
                operation: "listing",
                scope: `named "${displayName}" in access package ${accessPackageId}`,
                statusCode: 200,
                code: "CreateNotListed",
                graphMessage: `the access package's policies still do not include ${kept}`,
                attempts: lookup,
                timedOut: true,
            });
            throw new WriteAppliedError("created", { displayName, id: kept }, unchecked, notListed);
        }
    }
}
