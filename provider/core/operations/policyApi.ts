/**
 * The assignment policy operations the provider needs, made reliable against what Graph really does: throttling,
 * transient failures, read-after-write lag, POSTs whose outcome is unknown, racing creates, and deletes that are
 * visible a little later. Every operation runs within the caller's absolute deadline.
 */
import { randomUUID } from "node:crypto";
import type * as Graph from "@microsoft/microsoft-graph-types";
import {
    DisplayNameTakenError,
    GraphRequestError,
    toGraphRequestError,
    withHint,
    WriteAppliedError,
    type AppliedWrite,
    type ErrorContext,
} from "../graph/errors";
import { createGraphTransport, type GraphExchange, type GraphTransport } from "../graph/transport/graphTransport";
import { KeyedMutex } from "./keyedMutex";
import { accessPackagePath, odataString, policyPath, POLICIES_PATH, POLICY_EXPAND, queryString } from "../graph/transport/odata";
import { backoffMs, provesNotApplied, retryDelayMs, type AttemptOutcome, type RetryTiming } from "../graph/transport/retryPolicy";
import type { GraphSettings } from "../graph/config/graphSettings";

type Policy = Graph.AccessPackageAssignmentPolicy;
type Answer = Extract<GraphExchange, { kind: "response" }>;

/** Per-call context of a policy operation. */
export interface OperationContext {
    /** Epoch milliseconds: absolute deadline for the whole operation, retries and polling included. */
    deadline: number;
    /** Display name of the policy, for error messages. */
    displayName?: string;
    /** Graph id of the policy, for error messages. */
    id?: string;
}

/** What state last recorded about a policy, which lets a read tell Graph's replication lag from a real change. */
export interface LastKnown {
    /** `createdDateTime` from state: a 404 shortly after it is read-after-create lag rather than a deletion. */
    createdDateTime?: string;
    /** `modifiedDateTime` from state: a body modified before it, shortly after it, comes from a replica that lags. */
    modifiedDateTime?: string;
}

/** Whether a policy as Graph returns it already shows a write; a read-back after the write waits until it does. */
export type Reflects = (policy: Policy) => boolean;

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
    create(body: Policy, ctx: OperationContext): Promise<Policy>;
    /**
     * GET with `$expand=accessPackage,catalog,questions,customExtensionStageSettings($expand=customExtension)`;
     * `undefined` when 404. With `lastKnown`, an answer that is behind what state recorded shortly before (a 404 just
     * after the create, a body older than the last write) is taken for replication lag and read again a few times
     * before it is believed.
     */
    get(id: string, ctx: OperationContext & { lastKnown?: LastKnown }): Promise<Policy | undefined>;
    /** GET that waits out read-after-write lag: repeats on 404, and on a body that `reflects` declines, until the deadline. */
    getAfterWrite(id: string, ctx: OperationContext & { reflects?: Reflects }): Promise<Policy>;
    /**
     * PUT of the whole body; resolves to the policy as Graph holds it: the PUT's answer when complete (completed with
     * the navigation properties that were sent), else read back until `reflects` accepts it or the body was modified
     * after `lastKnown.modifiedDateTime` (the version before the PUT): a newer body is no stale read, even where Graph
     * holds what was sent in a form `reflects` does not expect. Fails with {@link WriteAppliedError} when the PUT was
     * applied but the read-back failed.
     */
    replace(id: string, body: Policy, ctx: OperationContext & { reflects?: Reflects; lastKnown?: LastKnown }): Promise<Policy>;
    /**
     * DELETE; Graph's 404 means already gone, though with `lastKnown` a 404 shortly after the last write is asked
     * again a few times first, as {@link PolicyApi.get} does. After a delete, waits until GET answers 404 (or the 403
     * Graph gives right after a delete), so a following access package delete in the same `pulumi up` does not fail.
     */
    remove(id: string, ctx: OperationContext & { lastKnown?: LastKnown }): Promise<"deleted" | "alreadyGone">;
    /**
     * Policies of an access package with this display name (ignoring case), read through the access package; each
     * has `accessPackage` set, with its `catalog` when Graph expanded it.
     */
    findByDisplayName(accessPackageId: string, displayName: string, ctx: OperationContext): Promise<Policy[]>;
    /**
     * Resolves when Graph has the access package; rejects with an error that says it does not exist (404), so that
     * an empty policy list can be told apart from a mistyped id.
     */
    assertAccessPackageExists(accessPackageId: string, ctx: OperationContext): Promise<void>;
    /** All policies of an access package, of a catalog, or of the tenant, all pages, expanded like {@link PolicyApi.get}. */
    list(filter: { accessPackageId?: string; catalogId?: string }, ctx: OperationContext): Promise<Policy[]>;
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

// Lookups after an unknown POST outcome before concluding it was not applied and posting again. The list lags
// creates a little; a repeated POST is reconciled with the list afterwards, so these only spare a needless POST.
const LOOKUPS_BEFORE_REPOST = 3;

// How long after a write Graph's replicas may still answer from before it (users report seconds, rarely a minute).
// A refresh this close to the last write state knows of does not believe a 404 or an older body at once...
const REPLICATION_LAG_MS = 2 * 60_000;

// ...but reads again, this many times in all, before it does: Graph usually catches up within the backoff they span
// (some 7-14 s with the default timing), and a policy really deleted or changed elsewhere costs no longer than that.
const READS_WHILE_BEHIND = 4;

// Pages of one listing before it is stopped: far beyond any access package's or tenant's policies at Graph's page size.
const MAX_PAGES = 1_000;

// Navigation properties: Graph returns them only when expanded, so a POST or PUT answer lacks them.
const NAVIGATION_PROPERTIES = new Set(["accessPackage", "catalog", "questions", "customExtensionStageSettings"]);

// Properties the service sets, which every complete answer carries.
const SERVICE_PROPERTIES = ["id", "createdDateTime", "modifiedDateTime"] as const;

// Creates in one access package race into 409 Conflict on the service side; one process never sends two at once.
const createsByAccessPackage = new KeyedMutex();

const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

interface Collection {
    value?: Policy[];
    "@odata.nextLink"?: string;
}

/** What a name lookup through the access package found. */
interface NameLookup {
    /** The package's policies with the display name (ignoring case), each with `accessPackage` (and its catalog) set. */
    named: Policy[];
    /** The access package's catalog, when Graph expanded it. */
    catalogId?: string;
}

/** Graph compares strings ignoring case: "All Users" and "all users" are the same display name to it, and ids alike. */
function same(held: string | null | undefined, wanted: string): boolean {
    return typeof held === "string" && held.toLowerCase() === wanted.toLowerCase();
}

/** Whether a body is a policy with this id: an answer Graph's framing allows may still be something else. */
function isPolicy(body: unknown, id: string): body is Policy {
    return typeof body === "object" && body !== null && !Array.isArray(body) && same((body as Policy).id, id);
}

/** Epoch milliseconds of a Graph timestamp, `undefined` when absent or unreadable. */
function instant(value: string | null | undefined): number | undefined {
    const at = typeof value === "string" ? Date.parse(value) : NaN;
    return Number.isNaN(at) ? undefined : at;
}

/** When Graph answered, by its `Date` header. */
function answeredAt(exchange: GraphExchange): number | undefined {
    return exchange.kind === "response" ? instant(exchange.headers.get("date")) : undefined;
}

/**
 * The id a POST's answer gives: Graph's 200 or 201 with the policy, or the `Location` of a 201 whose body did not
 * arrive whole (Graph names the new entity there).
 */
function createdId(exchange: GraphExchange): string | undefined {
    if (exchange.kind !== "response" || (exchange.status !== 200 && exchange.status !== 201)) {
        return undefined;
    }
    const id = exchange.foreign === undefined ? (exchange.body as Policy | null)?.id : undefined;
    if (typeof id === "string" && id !== "") {
        return id;
    }
    const location = exchange.status === 201 ? exchange.headers.get("location") : null;
    const named = location === null ? null : /\/assignmentPolicies(?:\/|\(')([^/?#')]+)/.exec(location);
    return named === null ? undefined : decodeURIComponent(named[1]);
}

/** The outcome retry decisions are made on, from what a request ended with. */
function outcomeOf(exchange: GraphExchange): AttemptOutcome {
    if (exchange.kind === "response") {
        return { type: "response", status: exchange.status, retryAfter: exchange.headers.get("retry-after") };
    }
    return { type: "transport", failure: exchange.kind === "transport" ? exchange.failure : { kind: "notSent", detail: exchange.detail } };
}

/**
 * The policy a POST or PUT answered, completed with the navigation properties that were sent (and the catalog, when
 * known), or `undefined` when the answer cannot stand in for a read-back: it lacks a property the service sets, or a
 * property that was sent with a value (Graph documents shortened PUT answers).
 */
function answeredPolicy(sent: Policy, answer: unknown, catalogId?: string): Policy | undefined {
    if (typeof answer !== "object" || answer === null || Array.isArray(answer)) {
        return undefined;
    }
    const answered = answer as Policy & Record<string, unknown>;
    const holds = (key: string): boolean => answered[key] !== undefined && answered[key] !== null;
    const sentValues = Object.entries(sent).filter(
        ([key, value]) => !NAVIGATION_PROPERTIES.has(key) && value !== undefined && value !== null,
    );
    if (!SERVICE_PROPERTIES.every(holds) || !sentValues.every(([key]) => holds(key))) {
        return undefined;
    }
    return {
        ...answered,
        accessPackage: answered.accessPackage ?? {
            ...sent.accessPackage,
            ...(catalogId === undefined ? {} : { catalog: { id: catalogId } }),
        },
        questions: answered.questions ?? sent.questions,
        customExtensionStageSettings: answered.customExtensionStageSettings ?? sent.customExtensionStageSettings,
    };
}

/** Whether `at` (a Graph timestamp) lies less than {@link REPLICATION_LAG_MS} before `now` (Graph's clock). */
function isRecent(at: string | undefined, now: number): boolean {
    const instantAt = instant(at);
    return instantAt !== undefined && now - instantAt < REPLICATION_LAG_MS;
}

// What `readUntil`'s judge answers for a response that is behind the write it waits for.
const BEHIND = Symbol("behind");

/** Creates the operations; nothing is loaded and no request is made until the first operation runs. */
export function createPolicyApi(settings: GraphSettings, options: PolicyApiOptions = {}): PolicyApi {
    const clock = { now: options.now ?? Date.now, sleep: options.sleep ?? realSleep, random: options.random ?? Math.random };
    const timing: RetryTiming = { ...settings.retryTiming, ...options.retryTiming };
    const transport: GraphTransport = createGraphTransport({ ...settings, retryTiming: timing }, { ...clock, fetch: options.fetch });

    const failure = (exchange: GraphExchange, context: ErrorContext, hint?: string): GraphRequestError =>
        toGraphRequestError(exchange, context, transport.redact, hint);
    // Only Graph's own answers count: a proxy's 404 page is no proof that a policy is gone, nor an empty 200 a policy.
    const graphAnswer = (exchange: GraphExchange, ...statuses: number[]): Answer | undefined =>
        exchange.kind === "response" && exchange.foreign === undefined && statuses.includes(exchange.status) ? exchange : undefined;
    const isStatus = (exchange: GraphExchange, ...statuses: number[]): boolean => graphAnswer(exchange, ...statuses) !== undefined;

    /** `exchange` marked as not usable, for an answer Graph's framing allowed but whose body is not what was asked for. */
    const unusable = (exchange: Answer, expected: string, stoppedBy?: "deadline"): GraphExchange => ({
        ...exchange,
        foreign: `an answer that is not ${expected}: status ${exchange.status}, content-type ${exchange.headers.get("content-type") ?? "(none)"}, body ${JSON.stringify(JSON.stringify(exchange.body) ?? "").slice(0, 120)}`,
        ...(stoppedBy === undefined ? {} : { stoppedBy }),
    });

    /** Waits the `round`-th backoff step unless that would reach the deadline; false means: give up now. */
    async function pause(round: number, deadline: number): Promise<boolean> {
        return waitUntil(clock.now() + backoffMs(round, timing, clock.random), deadline);
    }

    /** Waits until `at` unless that would reach the deadline; false means: give up now. */
    async function waitUntil(at: number, deadline: number): Promise<boolean> {
        if (at >= deadline) {
            return false;
        }
        const delay = at - clock.now();
        if (delay > 0) {
            await clock.sleep(delay);
        }
        return true;
    }

    async function listPages(path: string, ctx: OperationContext, context: ErrorContext): Promise<Policy[]> {
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
                    ...context,
                    statusCode: 200,
                    code: "PagingStopped",
                    graphMessage: why,
                    attempts: followed.size,
                    timedOut: false,
                });
            }
            followed.add(next);
            const exchange = await transport.send({ method: "GET", path: next, deadline: ctx.deadline });
            const answer = graphAnswer(exchange, 200);
            if (answer === undefined) {
                throw failure(exchange, context);
            }
            const page = answer.body as Collection;
            if (!Array.isArray(page.value)) {
                throw failure(unusable(answer, "a page of policies"), context);
            }
            policies.push(...page.value);
            const link = page["@odata.nextLink"];
            next = link === undefined ? undefined : transport.nextLinkPath(link);
        }
        return policies;
    }

    function readPolicy(id: string, ctx: OperationContext): Promise<GraphExchange> {
        return transport.send({ method: "GET", path: policyPath(id, queryString({ $expand: POLICY_EXPAND })), deadline: ctx.deadline });
    }

    /** The error for a read that was still behind a write when the deadline came: a 404 or 403, or a stale body. */
    function behindError(exchange: Answer, attempts: number, context: ErrorContext): GraphRequestError {
        if (exchange.status === 404) {
            return failure(
                { ...exchange, attempts, stoppedBy: "deadline" },
                context,
                "Graph has not made the policy readable yet; run `pulumi refresh` later.",
            );
        }
        if (exchange.status === 403) {
            return failure({ ...exchange, attempts, stoppedBy: "deadline" }, context);
        }
        return new GraphRequestError({
            ...context,
            statusCode: exchange.status,
            code: "StaleRead",
            graphMessage: "Graph still returns the policy as it was before the last write",
            requestId: exchange.headers.get("request-id") ?? undefined,
            clientRequestId: exchange.clientRequestId,
            date: exchange.headers.get("date") ?? undefined,
            attempts,
            timedOut: true,
            hint: "The write was applied; run `pulumi refresh` once Graph has caught up.",
        });
    }

    /**
     * Reads a policy until `judge` accepts an answer (a 200's body, or `undefined` for a 404 or for another of the
     * `unreadable` statuses; `now` is Graph's clock when it sent a `Date`; `round` counts the reads), waiting out the
     * answers it finds {@link BEHIND} a write, within the deadline. Any other status fails at once.
     */
    async function readUntil<T>(
        id: string,
        ctx: OperationContext,
        judge: (policy: Policy | undefined, now: number, round: number) => T | typeof BEHIND,
        unreadable: readonly number[] = [404],
    ): Promise<T> {
        const context: ErrorContext = { operation: "reading", policy: { displayName: ctx.displayName, id } };
        let behind: Answer | undefined;
        for (let round = 1; ; round++) {
            const received = await readPolicy(id, ctx);
            const exchange = graphAnswer(received, 200, ...unreadable);
            if (exchange === undefined) {
                // An attempt cut short by the deadline says less than the answers before it that were behind.
                throw behind !== undefined && received.stoppedBy === "deadline"
                    ? behindError(behind, round, context)
                    : failure(received, context);
            }
            if (exchange.status === 200 && !isPolicy(exchange.body, id)) {
                // JSON that is not this policy (an empty object, another id) is no state to keep; read it again.
                if (!(await pause(round, ctx.deadline))) {
                    throw failure(unusable(exchange, `policy ${id}`, "deadline"), context);
                }
                continue;
            }
            const verdict = judge(
                exchange.status === 200 ? (exchange.body as Policy) : undefined,
                answeredAt(exchange) ?? clock.now(),
                round,
            );
            if (verdict !== BEHIND) {
                return verdict;
            }
            behind = exchange;
            if (!(await pause(round, ctx.deadline))) {
                throw behindError(exchange, round, context);
            }
        }
    }

    function getAfterWrite(id: string, ctx: OperationContext & { reflects?: Reflects }): Promise<Policy> {
        // Right after a write this identity just made, Graph may answer 403 as well as 404 until it has replicated the
        // policy (the Terraform msgraph provider retries both); a 403 that lasts to the deadline is reported as such.
        return readUntil(id, ctx, (policy) => (policy !== undefined && (ctx.reflects?.(policy) ?? true) ? policy : BEHIND), [404, 403]);
    }

    async function lookUp(accessPackageId: string, displayName: string, ctx: OperationContext): Promise<NameLookup> {
        // Through the access package (`$expand=assignmentPolicies`), as Graph documents it for catalog owners and
        // access package managers with delegated tokens, for whom the policy collection is not scoped to what they
        // manage; it also needs no compound `$filter`. The catalog comes along so that a create need not read back.
        const context: ErrorContext = { operation: "listing", scope: `named "${displayName}" in access package ${accessPackageId}` };
        for (let round = 1; ; round++) {
            const exchange = await transport.send({
                method: "GET",
                path: accessPackagePath(accessPackageId, queryString({ $select: "id", $expand: "assignmentPolicies,catalog" })),
                deadline: ctx.deadline,
            });
            if (isStatus(exchange, 404)) {
                throw failure(
                    exchange,
                    context,
                    `Access package ${accessPackageId} does not exist (or this identity cannot read it): check accessPackageId.`,
                );
            }
            const answer = graphAnswer(exchange, 200);
            if (answer === undefined) {
                throw failure(exchange, context);
            }
            const accessPackage = answer.body as Graph.AccessPackage | null;
            // A lookup that lost its policies would pass for a free name: only the package itself, listed, counts.
            if (!same(accessPackage?.id, accessPackageId) || !Array.isArray(accessPackage?.assignmentPolicies)) {
                if (!(await pause(round, ctx.deadline))) {
                    throw failure(unusable(answer, `access package ${accessPackageId} with its policies`, "deadline"), context);
                }
                continue;
            }
            return namedIn(accessPackage, accessPackageId, displayName);
        }
    }

    /** What a lookup found in an access package as Graph listed it. */
    function namedIn(accessPackage: Graph.AccessPackage, accessPackageId: string, displayName: string): NameLookup {
        const catalogId = accessPackage.catalog?.id ?? undefined;
        const named = (accessPackage.assignmentPolicies ?? [])
            .filter((policy) => same(policy.displayName, displayName))
            .map((policy) => ({
                ...policy,
                accessPackage: { id: accessPackageId, ...(catalogId === undefined ? {} : { catalog: { id: catalogId } }) },
            }));
        return { named, catalogId };
    }

    async function remove(id: string, ctx: OperationContext & { lastKnown?: LastKnown }): Promise<"deleted" | "alreadyGone"> {
        const context: ErrorContext = { operation: "deleting", policy: { displayName: ctx.displayName, id } };
        const { lastKnown } = ctx;
        for (let round = 1; ; round++) {
            const exchange = await transport.send({ method: "DELETE", path: policyPath(id), deadline: ctx.deadline });
            // After an attempt with an unknown outcome, a 404 (or the 403 Graph gives right after a delete) means that
            // attempt did the deleting.
            if (exchange.sawUnknownOutcome && isStatus(exchange, 404, 403)) {
                return "deleted";
            }
            if (isStatus(exchange, 404)) {
                // Right after the policy was written, a 404 may come from a replica that has not seen it yet, as a
                // GET's may: believing it would drop from state a policy that still exists. Asked again a few times.
                const now = answeredAt(exchange) ?? clock.now();
                const doubt =
                    round < READS_WHILE_BEHIND && (isRecent(lastKnown?.createdDateTime, now) || isRecent(lastKnown?.modifiedDateTime, now));
                if (doubt && (await pause(round, ctx.deadline))) {
                    continue;
                }
                return "alreadyGone";
            }
            if (!isStatus(exchange, 200, 204)) {
                throw failure(exchange, context);
            }
            break;
        }
        let checks = 0;
        for (;;) {
            checks++;
            const received = await transport.send({ method: "GET", path: policyPath(id), deadline: ctx.deadline });
            // Right after a delete Graph may answer 403 instead of 404 for a while.
            if (isStatus(received, 404, 403)) {
                return "deleted";
            }
            const check = graphAnswer(received, 200);
            if (check === undefined) {
                throw failure(received, context);
            }
            if (!(await pause(checks, ctx.deadline))) {
                throw new GraphRequestError({
                    ...context,
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

    async function create(body: Policy, ctx: OperationContext): Promise<Policy> {
        const displayName = body.displayName ?? ctx.displayName;
        const accessPackageId = body.accessPackage?.id;
        if (!accessPackageId || !displayName) {
            throw new Error(`creating access package assignment policy: the body needs accessPackage.id and displayName.`);
        }
        // The operation timeout is this create's budget for its own requests: creates queued before it in the package
        // (engine parallelism) must not use it up. Their wait is bounded apart: each of them ends within its own
        // budget, so the wait ends within one budget per create ahead (and one more for slack).
        const budget = Math.max(0, ctx.deadline - clock.now());
        const queueFull = (ahead: number): Error =>
            new Error(
                `creating access package assignment policy "${displayName}": the ${ahead} create(s) queued before it in access package ` +
                    `${accessPackageId} did not finish within ${ahead + 1} times the operation timeout; nothing was sent. ` +
                    "Run `pulumi up` again, or lower the parallelism (`pulumi up --parallel 4`).",
            );
        return createsByAccessPackage.run(
            accessPackageId.toLowerCase(),
            () => createLocked(body, accessPackageId, displayName, { ...ctx, deadline: clock.now() + budget }),
            (ahead) => (ahead + 1) * budget,
            queueFull,
        );
    }

    /**
     * The PUT of a whole policy body: Graph's answer when complete (with `catalogId`, when known), else the policy
     * read back until `reflects` accepts it. A failed PUT throws its {@link GraphRequestError}; a failed read-back, a
     * {@link WriteAppliedError} of `write`. `retryUnreadable` repeats a PUT answered 404 or 403, which Graph gives a
     * policy it has not replicated yet, within the deadline. `readBack` reads the policy back even after a complete
     * answer.
     */
    async function putPolicy(
        id: string,
        body: Policy,
        ctx: OperationContext & { reflects?: Reflects },
        write: AppliedWrite,
        options: { catalogId?: string; retryUnreadable?: boolean; readBack?: boolean } = {},
    ): Promise<Policy> {
        const policy = { displayName: body.displayName ?? ctx.displayName ?? undefined, id };
        for (let round = 1; ; round++) {
            const exchange = await transport.send({ method: "PUT", path: policyPath(id), body, deadline: ctx.deadline });
            if (options.retryUnreadable && isStatus(exchange, 404, 403) && (await pause(round, ctx.deadline))) {
                continue;
            }
            const answer = graphAnswer(exchange, 200, 204);
            if (answer === undefined) {
                throw failure(exchange, { operation: "updating", policy });
            }
            // Graph documents a shortened PUT answer; only a complete one can stand in for reading the policy back.
            const answered = options.readBack ? undefined : answeredPolicy(body, answer.body, options.catalogId);
            if (answered !== undefined) {
                return answered;
            }
            try {
                return await getAfterWrite(id, { ...ctx, id });
            } catch (error) {
                throw new WriteAppliedError(write, policy, "could not read it back", error as Error);
            }
        }
    }

    /** {@link PolicyApi.create}, run while this process sends no other create in the access package. */
    async function createLocked(body: Policy, accessPackageId: string, displayName: string, ctx: OperationContext): Promise<Policy> {
        const context: ErrorContext = { operation: "creating", policy: { displayName } };
        // Every POST of this create carries this mark at the end of the description, and nothing else can: a policy
        // with it is one this create made, whatever else shares its name; one without it is never taken or deleted.
        // Graph echoes the description in its answers and lists; a PUT of the declared body then takes the mark off.
        const mark = `[pulumi-create ${randomUUID()}]`;
        const posted: Policy = { ...body, description: body.description ? `${body.description} ${mark}` : mark };
        const mayExist =
            `The outcome of an attempt is unknown: a policy named "${displayName}" may exist in access package ${accessPackageId} ` +
            `(its description ends in ${mark}). Check it before running \`pulumi up\` again; \`adopt: true\` takes it over.`;
        // Checked inside the per-package lock, so that two creates in this process cannot both find the name free.
        const guard = await lookUp(accessPackageId, displayName, ctx);
        if (guard.named.length > 0) {
            throw new DisplayNameTakenError(
                accessPackageId,
                displayName,
                guard.named.map((policy) => ({ id: policy.id as string, displayName: policy.displayName ?? displayName })),
            );
        }
        const marked = (policies: Policy[]): Policy[] =>
            policies
                .filter(
                    (policy) =>
                        typeof policy.id === "string" && typeof policy.description === "string" && policy.description.endsWith(mark),
                )
                // By instant: Graph's timestamps vary in precision, so their text does not sort by time.
                .sort(
                    (a, b) =>
                        (instant(a.createdDateTime) ?? Infinity) - (instant(b.createdDateTime) ?? Infinity) ||
                        (a.id as string).localeCompare(b.id as string),
                );

        /** Lookups after an unknown outcome: the policies this create's POSTs made, oldest first. */
        async function findCreated(): Promise<Policy[]> {
            for (let lookup = 1; ; lookup++) {
                const created = marked((await lookUp(accessPackageId, displayName, ctx)).named);
                if (created.length > 0 || lookup === LOOKUPS_BEFORE_REPOST || !(await pause(lookup, ctx.deadline))) {
                    return created;
                }
            }
        }

        // POSTs whose outcome stayed unknown, and when the last of them can no longer be expected to apply: Graph may
        // still be at work on one when its answer is lost (a gateway's 504, an attempt timeout), for about as long as
        // an attempt may take.
        let lost = 0;
        let settledAt = -Infinity;

        /**
         * Once `kept` exists: looks until each lost POST is accounted for (its policy found and deleted) or, `kept`
         * being listed, until the lost ones have settled, deleting every other policy with the mark. `seen` is a
         * lookup already made.
         */
        async function sweep(kept: string, keptWasLost: boolean, seen?: Policy[]): Promise<void> {
            const unchecked = `could not make sure that no other policy named "${displayName}" with ${mark} in its description is left in access package ${accessPackageId} (check it and delete any extra one)`;
            const deleted = new Set<string>();
            for (let lookup = 1; ; lookup++) {
                let found: Policy[];
                try {
                    found = seen ?? (await lookUp(accessPackageId, displayName, ctx)).named;
                } catch (error) {
                    throw new WriteAppliedError("created", { displayName, id: kept }, unchecked, error as Error);
                }
                seen = undefined;
                // A list that shows `kept` shows what Graph applied before it; until then it may lag (see docs/reliability.md).
                const listed = found.some((policy) => same(policy.id, kept));
                for (const extra of listed
                    ? marked(found).filter((policy) => !same(policy.id, kept) && !deleted.has((policy.id as string).toLowerCase()))
                    : []) {
                    const id = extra.id as string;
                    try {
                        await remove(id, { ...ctx, id, lastKnown: { createdDateTime: extra.createdDateTime ?? undefined } });
                    } catch (error) {
                        const unfinished = `could not delete ${id}, a duplicate that an attempt with an unknown outcome created (delete it yourself)`;
                        throw new WriteAppliedError("created", { displayName, id: kept }, unfinished, error as Error);
                    }
                    deleted.add(id.toLowerCase());
                }
                if (listed && (deleted.size >= lost - (keptWasLost ? 1 : 0) || clock.now() >= settledAt)) {
                    return;
                }
                if (!(await pause(lookup, ctx.deadline))) {
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

        /** Takes the mark off `kept` with a PUT of the declared body; the PUT's answer is the policy as Graph holds it. */
        async function restore(kept: string): Promise<Policy> {
            try {
                return await putPolicy(
                    kept,
                    body,
                    { ...ctx, id: kept, reflects: (policy) => !(policy.description ?? "").endsWith(mark) },
                    "created",
                    {
                        catalogId: guard.catalogId,
                        retryUnreadable: true,
                        // Only a read expands the catalog when the lookup did not.
                        readBack: guard.catalogId === undefined,
                    },
                );
            } catch (error) {
                throw error instanceof WriteAppliedError
                    ? error
                    : new WriteAppliedError(
                          "created",
                          { displayName, id: kept },
                          `could not take ${mark} off its description`,
                          error as Error,
                      );
            }
        }

        try {
            for (let round = 1; ; round++) {
                const exchange = await transport.send({
                    method: "POST",
                    path: POLICIES_PATH,
                    body: posted,
                    deadline: ctx.deadline,
                    shouldRepeat: provesNotApplied,
                });
                const id = createdId(exchange);
                if (id !== undefined) {
                    const policy = await restore(id);
                    if (lost > 0) {
                        await sweep(id, false);
                    }
                    return policy;
                }
                // A 200 or 201 without a usable body and without a Location made a policy whose id is unknown.
                if (!exchange.sawUnknownOutcome && !isStatus(exchange, 200, 201)) {
                    throw failure(exchange, context);
                }
                lost++;
                settledAt = clock.now() + timing.attemptTimeoutMs;
                // A Retry-After on the 503/504 holds for the repeated POST; the lookups run meanwhile.
                const repostAt = clock.now() + retryDelayMs(outcomeOf(exchange), round, timing, clock.random, clock.now());
                const found = await findCreated();
                if (found.length > 0) {
                    const kept = found[0].id as string;
                    const policy = await restore(kept);
                    await sweep(kept, true, found);
                    return policy;
                }
                if (!(await waitUntil(repostAt, ctx.deadline))) {
                    throw failure({ ...exchange, stoppedBy: "deadline" }, context);
                }
            }
        } catch (error) {
            // Whatever failed after an unknown outcome, the policy may exist; when its id is known, the error says so.
            throw lost > 0 && !(error instanceof WriteAppliedError) ? withHint(error, mayExist) : error;
        }
    }

    return {
        create,
        getAfterWrite,
        remove,

        async findByDisplayName(accessPackageId, displayName, ctx) {
            return (await lookUp(accessPackageId, displayName, ctx)).named;
        },

        async assertAccessPackageExists(accessPackageId, ctx) {
            // The name lookup reads the package and turns its 404 into "does not exist"; no policy is named "".
            await lookUp(accessPackageId, "", ctx);
        },

        get(id, ctx) {
            const { lastKnown } = ctx;
            return readUntil(id, ctx, (policy, now, round) => {
                const doubt = round < READS_WHILE_BEHIND;
                if (policy === undefined) {
                    return doubt && isRecent(lastKnown?.createdDateTime, now) ? BEHIND : undefined;
                }
                const stale = (instant(policy.modifiedDateTime) ?? Infinity) < (instant(lastKnown?.modifiedDateTime) ?? -Infinity);
                return doubt && stale && isRecent(lastKnown?.modifiedDateTime, now) ? BEHIND : policy;
            });
        },

        async replace(id, body, ctx) {
            const { reflects } = ctx;
            const before = instant(ctx.lastKnown?.modifiedDateTime) ?? Infinity;
            const caughtUp = reflects && ((read: Policy) => reflects(read) || (instant(read.modifiedDateTime) ?? -Infinity) > before);
            return putPolicy(id, body, { ...ctx, reflects: caughtUp }, "updated");
        },

        async list(filter, ctx) {
            // Graph documents `$filter=accessPackage/id` on assignment policies but no filter on their catalog, so a
            // catalog's policies are picked by the expanded `catalog` (or the access package's catalog) of each one.
            const query = queryString({
                $filter: filter.accessPackageId !== undefined ? `accessPackage/id eq ${odataString(filter.accessPackageId)}` : undefined,
                $expand: POLICY_EXPAND,
            });
            const scope = [
                filter.accessPackageId !== undefined ? `in access package ${filter.accessPackageId}` : undefined,
                filter.catalogId !== undefined ? `in catalog ${filter.catalogId}` : undefined,
            ].filter((part) => part !== undefined);
            const policies = await listPages(`${POLICIES_PATH}${query}`, ctx, {
                operation: "listing",
                scope: scope.length > 0 ? scope.join(" ") : undefined,
            });
            const catalogId = filter.catalogId?.toLowerCase();
            return catalogId === undefined
                ? policies
                : policies.filter((policy) => (policy.catalog?.id ?? policy.accessPackage?.catalog?.id)?.toLowerCase() === catalogId);
        },
    };
}
