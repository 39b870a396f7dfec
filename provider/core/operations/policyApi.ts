/**
 * The assignment policy operations the provider needs, made reliable against what Graph really does: throttling,
 * transient failures, read-after-write lag, POSTs whose outcome is unknown, racing creates, and deletes that are
 * visible a little later. Every operation runs within the caller's absolute deadline. Each operation is a module of
 * its own on explicit dependencies; this one composes them on the Graph transport and the real clock.
 */
import { randomUUID } from "node:crypto";
import type { GraphSettings } from "../graph/config/graphSettings";
import { createGraphTransport } from "../graph/transport/graphTransport";
import type { RetryTiming } from "../graph/transport/retryPolicy";
import { createPolicy } from "./createPolicy";
import type { CreateDeps } from "./createStateMachine";
import { deleteAndConfirm } from "./deleteAndConfirm";
import { listPolicies } from "./listPolicies";
import { lookUpName } from "./nameLookup";
import type { LastKnown, OperationContext, Policy, Reflects } from "./operationContext";
import { createPolling } from "./polling";
import { readAfterWrite } from "./readAfterWrite";
import { readPolicy } from "./readPolicy";
import { replacePolicy } from "./replacePolicy";

export type { LastKnown, OperationContext, Reflects } from "./operationContext";

/** Reliable operations on `/identityGovernance/entitlementManagement/assignmentPolicies` (Graph v1.0). */
export interface PolicyApi {
    /**
     * POST; refused with {@link DisplayNameTakenError} when the access package already has a policy with this display
     * name (ignoring case, as Graph compares names). Every POST carries a mark of this create in its description,
     * which a PUT of `body` then takes off. Safe to retry: if an attempt's outcome is unknown (timeout, connection
     * reset, 5xx after send, an answer that is not Graph's), looks the name up before posting again and keeps the
     * policy with the mark; after a repeated POST, looks again until each lost POST is accounted for or has settled,
     * and deletes every other policy with the mark. A policy without it is never taken or deleted. Creates in one
     * access package are serialised within the process, each with the whole deadline's budget from its turn on, and
     * 409 Conflict is retried.
     *
     * Resolves to the policy as Graph holds it: the PUT's answer, completed with the navigation properties that
     * were sent, or (when the answer is incomplete) read back. Fails with
     * {@link WriteAppliedError} when the policy exists and its id is known but a later step failed; any other failure
     * after an unknown outcome says that a policy with this name may exist.
     */
    create(body: Policy, call: OperationContext): Promise<Policy>;
    /**
     * GET with `$expand=accessPackage,catalog,questions,customExtensionStageSettings($expand=customExtension)`;
     * `undefined` when 404. With `lastKnown`, an answer that is behind what state recorded shortly before (a 404 just
     * after the create, a body older than the last write) is taken for replication lag and read again a few times
     * before it is believed.
     */
    get(id: string, call: OperationContext & { lastKnown?: LastKnown }): Promise<Policy | undefined>;
    /** GET that waits out read-after-write lag: repeats on 404, and on a body that `reflects` declines, until the deadline. */
    getAfterWrite(id: string, call: OperationContext & { reflects?: Reflects }): Promise<Policy>;
    /**
     * PUT of the whole body; resolves to the policy as Graph holds it: the PUT's answer when complete (completed with
     * the navigation properties that were sent), else read back until `reflects` accepts it or the body was modified
     * after `lastKnown.modifiedDateTime` (the version before the PUT): a newer body is no stale read, even where Graph
     * holds what was sent in a form `reflects` does not expect. Fails with {@link WriteAppliedError} when the PUT was
     * applied but the read-back failed.
     */
    replace(id: string, body: Policy, call: OperationContext & { reflects?: Reflects; lastKnown?: LastKnown }): Promise<Policy>;
    /**
     * DELETE; Graph's 404 means already gone, though with `lastKnown` a 404 shortly after the last write is asked
     * again a few times first, as {@link PolicyApi.get} does. After a delete, waits until GET answers 404 (or the 403
     * Graph gives right after a delete), so a following access package delete in the same `pulumi up` does not fail.
     */
    remove(id: string, call: OperationContext & { lastKnown?: LastKnown }): Promise<"deleted" | "alreadyGone">;
    /**
     * Policies of an access package with this display name (ignoring case), read through the access package; each
     * has `accessPackage` set, with its `catalog` when Graph expanded it.
     */
    findByDisplayName(accessPackageId: string, displayName: string, call: OperationContext): Promise<Policy[]>;
    /**
     * Resolves when Graph has the access package; rejects with an error that says it does not exist (404), so that
     * an empty policy list can be told apart from a mistyped id.
     */
    assertAccessPackageExists(accessPackageId: string, call: OperationContext): Promise<void>;
    /** All policies of an access package, of a catalog, or of the tenant, all pages, expanded like {@link PolicyApi.get}. */
    list(filter: { accessPackageId?: string; catalogId?: string }, call: OperationContext): Promise<Policy[]>;
}

/** Effects and timing of {@link createPolicyApi}, replaceable so tests neither wait nor touch the network. */
export interface PolicyApiOptions {
    /** Replaces the global `fetch`. */
    fetch?: typeof fetch;
    /** Replaces the timer used for every backoff. */
    sleep?: (ms: number) => Promise<void>;
    /** Replaces `Math.random` for jitter. */
    random?: () => number;
    /** Replaces `Date.now` for deadline checks. */
    now?: () => number;
    /** Overrides the settings' retry timing. */
    retryTiming?: Partial<RetryTiming>;
}

const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Creates the operations; nothing is loaded and no request is made until the first operation runs. */
export function createPolicyApi(settings: GraphSettings, options: PolicyApiOptions = {}): PolicyApi {
    const clock = { now: options.now ?? Date.now, sleep: options.sleep ?? realSleep, random: options.random ?? Math.random };
    const timing: RetryTiming = { ...settings.retryTiming, ...options.retryTiming };
    const transport = createGraphTransport({ ...settings, retryTiming: timing }, { ...clock, fetch: options.fetch });
    const deps: CreateDeps = {
        transport,
        polling: createPolling(clock, timing),
        now: clock.now,
        random: clock.random,
        timing,
        newId: randomUUID,
    };
    return {
        create: (body, call) => createPolicy(deps, body, call),
        get: (id, call) => readPolicy(deps, id, call),
        getAfterWrite: (id, call) => readAfterWrite(deps, id, call),
        replace: (id, body, call) => replacePolicy(deps, id, body, call),
        remove: (id, call) => deleteAndConfirm(deps, id, call),
        list: (filter, call) => listPolicies(deps, filter, call),
        async findByDisplayName(accessPackageId, displayName, call) {
            return (await lookUpName(deps, accessPackageId, displayName, call.deadline)).named;
        },
        async assertAccessPackageExists(accessPackageId, call) {
            // The name lookup reads the package and turns its 404 into "does not exist"; no policy is named "".
            await lookUpName(deps, accessPackageId, "", call.deadline);
        },
    };
}
