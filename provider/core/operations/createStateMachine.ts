import type { ErrorSubject } from "../graph/transport/graphRequestError";
import { POLICIES_PATH } from "../graph/transport/odata";
import { provesNotApplied, retryDelayMs, type RetryTiming } from "../graph/transport/retryPolicy";
import { withHint } from "../graph/transport/withHint";
import { createdId } from "./createdId";
import { DisplayNameTakenError } from "./displayNameTakenError";
import { sweepDuplicates } from "./duplicateSweep";
import { isGraphStatus } from "./graphAnswer";
import { markedBy, type MarkedCreate } from "./markedCreate";
import { lookUpName } from "./nameLookup";
import type { OperationContext, Policy } from "./operationContext";
import type { OperationDeps } from "./operationDeps";
import { outcomeOf } from "./outcomeOf";
import { putPolicy } from "./putPolicy";
import { requestFailure } from "./requestFailure";
import { WriteAppliedError } from "./writeAppliedError";

// Lookups after an unknown POST outcome before concluding it was not applied and posting again. The list lags
// creates a little; a repeated POST is reconciled with the list afterwards, so these only spare a needless POST.
const LOOKUPS_BEFORE_REPOST = 3;

/** What a create needs beyond the other operations: the retry timing and jitter of its POSTs, and a fresh id. */
export interface CreateDeps extends OperationDeps {
    readonly timing: RetryTiming;
    /** In [0, 1), for jitter. */
    readonly random: () => number;
    /** A new unique id for each create's mark. */
    readonly newId: () => string;
}

/** Lookups after an unknown outcome: the policies this create's POSTs made, oldest first. */
async function findCreated(deps: OperationDeps, create: MarkedCreate): Promise<Policy[]> {
    for (let lookup = 1; ; lookup++) {
        const created = markedBy(create, (await lookUpName(deps, create.accessPackageId, create.displayName, create.call.deadline)).named);
        if (created.length > 0 || lookup === LOOKUPS_BEFORE_REPOST || !(await deps.polling.pause(lookup, create.call.deadline))) {
            return created;
        }
    }
}

/** Takes the mark off `kept` with a PUT of the declared body; the PUT's answer is the policy as Graph holds it. */
async function restore(
    deps: OperationDeps,
    create: MarkedCreate,
    body: Policy,
    kept: string,
    catalogId: string | undefined,
): Promise<Policy> {
    try {
        return await putPolicy(
            deps,
            kept,
            body,
            { ...create.call, id: kept, reflects: (policy) => !(policy.description ?? "").endsWith(create.mark) },
            "created",
            // Only a read expands the catalog when the lookup did not.
            { catalogId, retryUnreadable: true, readBack: catalogId === undefined },
        );
    } catch (error) {
        throw error instanceof WriteAppliedError
            ? error
            : new WriteAppliedError(
                  "created",
                  { displayName: create.displayName, id: kept },
                  `could not take ${create.mark} off its description`,
                  error as Error,
              );
    }
}

/** The free-name check, made inside the per-package lock so that two creates in this process cannot both pass it. */
async function checkNameFree(deps: OperationDeps, create: MarkedCreate): Promise<string | undefined> {
    const { accessPackageId, displayName } = create;
    const guard = await lookUpName(deps, accessPackageId, displayName, create.call.deadline);
    if (guard.named.length > 0) {
        const existing = guard.named.map((policy) => ({ id: policy.id as string, displayName: policy.displayName ?? displayName }));
        throw new DisplayNameTakenError(accessPackageId, displayName, existing);
    }
    return guard.catalogId;
}

/** POSTs until one is answered with the id or found by its mark; then takes the mark off and sweeps duplicates. */
async function postUntilCreated(deps: CreateDeps, create: MarkedCreate, body: Policy, catalogId: string | undefined): Promise<Policy> {
    const { call } = create;
    const subject: ErrorSubject = { operation: "creating", policy: { displayName: create.displayName } };
    // Graph echoes the description in its answers and lists; a PUT of the declared body then takes the mark off.
    const posted: Policy = { ...body, description: body.description ? `${body.description} ${create.mark}` : create.mark };
    for (let round = 1; ; round++) {
        const result = await deps.transport.send({
            method: "POST",
            path: POLICIES_PATH,
            body: posted,
            deadline: call.deadline,
            shouldRepeat: provesNotApplied,
        });
        const id = createdId(result);
        if (id !== undefined) {
            const policy = await restore(deps, create, body, id, catalogId);
            if (create.lost > 0) {
                await sweepDuplicates(deps, create, id, false);
            }
            return policy;
        }
        // A 200 or 201 without a usable body and without a Location made a policy whose id is unknown.
        if (!result.sawUnknownOutcome && !isGraphStatus(result, 200, 201)) {
            throw requestFailure(deps.transport, result, subject);
        }
        create.lost++;
        create.settledAt = deps.now() + deps.timing.attemptTimeoutMs;
        // A Retry-After on the 503/504 holds for the repeated POST; the lookups run meanwhile.
        const repostAt = deps.now() + retryDelayMs(outcomeOf(result), round, deps.timing, deps.random, deps.now());
        const found = await findCreated(deps, create);
        if (found.length > 0) {
            const kept = found[0].id as string;
            const policy = await restore(deps, create, body, kept, catalogId);
            await sweepDuplicates(deps, create, kept, true, found);
            return policy;
        }
        if (!(await deps.polling.waitUntil(repostAt, call.deadline))) {
            throw requestFailure(deps.transport, { ...result, stoppedBy: "deadline" }, subject);
        }
    }
}

/**
 * {@link PolicyApi.create}, run while this process sends no other create in the access package: every POST carries
 * a mark of this create, POSTs with an unknown outcome are looked for by it before posting again, and every policy
 * with the mark but the one kept is deleted.
 */
export async function runMarkedCreate(
    deps: CreateDeps,
    body: Policy,
    accessPackageId: string,
    displayName: string,
    call: OperationContext,
): Promise<Policy> {
    const create: MarkedCreate = {
        accessPackageId,
        displayName,
        mark: `[pulumi-create ${deps.newId()}]`,
        call,
        lost: 0,
        settledAt: -Infinity,
    };
    const mayExist =
        `The outcome of an attempt is unknown: a policy named "${displayName}" may exist in access package ${accessPackageId} ` +
        `(its description ends in ${create.mark}). Check it before running \`pulumi up\` again; \`adopt: true\` takes it over.`;
    const catalogId = await checkNameFree(deps, create);
    try {
        return await postUntilCreated(deps, create, body, catalogId);
    } catch (error) {
        // Whatever failed after an unknown outcome, the policy may exist; when its id is known, the error says so.
        throw create.lost > 0 && !(error instanceof WriteAppliedError) ? withHint(error, mayExist) : error;
    }
}
