/**
 * The assignment policy operations the provider needs, made reliable against what Graph really does: throttling,
 * transient failures, read-after-write lag, POSTs whose outcome is unknown, racing creates, and deletes that are
 * visible a little later. Every operation runs within the caller's absolute deadline.
 */
import type * as Graph from "@microsoft/microsoft-graph-types";
import { DisplayNameTakenError, GraphRequestError, toGraphRequestError, type ErrorContext } from "./errors";
import { createGraphTransport, type GraphExchange, type GraphTransport } from "./graphTransport";
import { KeyedMutex } from "./keyedMutex";
import { accessPackagePath, odataString, policyPath, POLICIES_PATH, POLICY_EXPAND, queryString } from "./odata";
import { backoffMs, provesNotApplied, type RetryTiming } from "./retryPolicy";
import type { GraphSettings } from "./settings";

type Policy = Graph.AccessPackageAssignmentPolicy;

/** Per-call context of a policy operation. */
export interface OperationContext {
    /** Epoch milliseconds: absolute deadline for the whole operation, retries and polling included. */
    deadline: number;
    /** Display name of the policy, for error messages. */
    displayName?: string;
    /** Graph id of the policy, for error messages. */
    id?: string;
}

/** Reliable operations on `/identityGovernance/entitlementManagement/assignmentPolicies` (Graph v1.0). */
export interface PolicyApi {
    /**
     * POST; refused with {@link DisplayNameTakenError} when the access package already has a policy with this display
     * name. Safe to retry: if an attempt's outcome is unknown (timeout, connection reset, 5xx after send), lists the
     * policies with this display name in the access package before posting again and adopts the one created by this
     * call instead of creating a duplicate; duplicates found that way are deleted. Creates in one access package are
     * serialised within the process, and 409 Conflict is retried with backoff.
     */
    create(body: Policy, ctx: OperationContext): Promise<Policy>;
    /** GET with `$expand=accessPackage,catalog,questions,customExtensionStageSettings($expand=customExtension)`; `undefined` when 404. */
    get(id: string, ctx: OperationContext): Promise<Policy | undefined>;
    /** GET that waits out read-after-write lag: repeats on 404, and on a body last modified before `notBefore`, until the deadline. */
    getAfterWrite(id: string, ctx: OperationContext & { notBefore?: string }): Promise<Policy>;
    /** PUT of the whole body. */
    replace(id: string, body: Policy, ctx: OperationContext): Promise<void>;
    /**
     * DELETE; 404 means already gone. After a delete, waits until GET answers 404 (or the 403 Graph gives right after
     * a delete), so a following access package delete in the same `pulumi up` does not fail.
     */
    remove(id: string, ctx: OperationContext): Promise<"deleted" | "alreadyGone">;
    /** Policies of an access package with exactly this display name, read through the access package. */
    findByDisplayName(accessPackageId: string, displayName: string, ctx: OperationContext): Promise<Policy[]>;
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

// Lookups after an unknown POST outcome before concluding it was not applied: the list lags creates a little.
const LOOKUPS_BEFORE_REPOST = 3;

// Creates in one access package race into 409 Conflict on the service side; one process never sends two at once.
const createsByAccessPackage = new KeyedMutex();

const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

interface Collection {
    value?: Policy[];
    "@odata.nextLink"?: string;
}

/** Creates the operations; nothing is loaded and no request is made until the first operation runs. */
export function createPolicyApi(settings: GraphSettings, options: PolicyApiOptions = {}): PolicyApi {
    const clock = { now: options.now ?? Date.now, sleep: options.sleep ?? realSleep, random: options.random ?? Math.random };
    const timing: RetryTiming = { ...settings.retryTiming, ...options.retryTiming };
    const transport: GraphTransport = createGraphTransport({ ...settings, retryTiming: timing }, { ...clock, fetch: options.fetch });

    const failure = (exchange: GraphExchange, context: ErrorContext, hint?: string): GraphRequestError =>
        toGraphRequestError(exchange, context, transport.redact, hint);
    const isStatus = (exchange: GraphExchange, ...statuses: number[]): boolean => exchange.kind === "response" && statuses.includes(exchange.status);

    /** Waits the `round`-th backoff step unless that would reach the deadline; false means: give up now. */
    async function pause(round: number, deadline: number): Promise<boolean> {
        const delay = backoffMs(round, timing, clock.random);
        if (clock.now() + delay >= deadline) {
            return false;
        }
        await clock.sleep(delay);
        return true;
    }

    async function listPages(path: string, ctx: OperationContext, context: ErrorContext): Promise<Policy[]> {
        const policies: Policy[] = [];
        let next: string | undefined = path;
        while (next !== undefined) {
            const exchange = await transport.send({ method: "GET", path: next, deadline: ctx.deadline });
            if (exchange.kind !== "response" || exchange.status !== 200) {
                throw failure(exchange, context);
            }
            const page = exchange.body as Collection;
            policies.push(...(page.value ?? []));
            const link = page["@odata.nextLink"];
            next = link === undefined ? undefined : transport.nextLinkPath(link);
        }
        return policies;
    }

    function readPolicy(id: string, ctx: OperationContext): Promise<GraphExchange> {
        return transport.send({ method: "GET", path: policyPath(id, queryString({ $expand: POLICY_EXPAND })), deadline: ctx.deadline });
    }

    async function findByDisplayName(accessPackageId: string, displayName: string, ctx: OperationContext): Promise<Policy[]> {
        // Through the access package (`$expand=assignmentPolicies`), as Graph documents it for catalog owners and
        // access package managers with delegated tokens, for whom the policy collection is not scoped to what they
        // manage; it also needs no compound `$filter`.
        const context: ErrorContext = { operation: "listing", scope: `named "${displayName}" in access package ${accessPackageId}` };
        const exchange = await transport.send({
            method: "GET",
            path: accessPackagePath(accessPackageId, queryString({ $select: "id", $expand: "assignmentPolicies" })),
            deadline: ctx.deadline,
        });
        if (isStatus(exchange, 404)) {
            throw failure(exchange, context, `Access package ${accessPackageId} does not exist (or this identity cannot read it): check accessPackageId.`);
        }
        if (exchange.kind !== "response" || exchange.status !== 200) {
            throw failure(exchange, context);
        }
        const policies = (exchange.body as Graph.AccessPackage).assignmentPolicies ?? [];
        // Graph compares strings case-insensitively; a policy whose name differs in case is a different policy here.
        return policies
            .filter((policy) => policy.displayName === displayName)
            .map((policy) => ({ ...policy, accessPackage: { id: accessPackageId } }));
    }

    async function remove(id: string, ctx: OperationContext): Promise<"deleted" | "alreadyGone"> {
        const context: ErrorContext = { operation: "deleting", policy: { displayName: ctx.displayName, id } };
        const exchange = await transport.send({ method: "DELETE", path: policyPath(id), deadline: ctx.deadline });
        if (isStatus(exchange, 404)) {
            // A 404 after an attempt with an unknown outcome means that attempt did the deleting.
            return exchange.sawUnknownOutcome ? "deleted" : "alreadyGone";
        }
        if (!isStatus(exchange, 200, 204)) {
            throw failure(exchange, context);
        }
        let checks = 0;
        for (;;) {
            checks++;
            const check = await transport.send({ method: "GET", path: policyPath(id), deadline: ctx.deadline });
            // Right after a delete Graph may answer 403 instead of 404 for a while.
            if (isStatus(check, 404, 403)) {
                return "deleted";
            }
            if (check.kind !== "response" || check.status !== 200) {
                throw failure(check, context);
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

    /** The policy a POST with an unknown outcome created, if the list shows one (the name was free before the POST). */
    async function findCreated(accessPackageId: string, displayName: string, ctx: OperationContext): Promise<Policy | undefined> {
        for (let lookup = 1; lookup <= LOOKUPS_BEFORE_REPOST; lookup++) {
            const created = (await findByDisplayName(accessPackageId, displayName, ctx))
                .filter((policy) => policy.id)
                .sort((a, b) => (a.createdDateTime ?? "").localeCompare(b.createdDateTime ?? "") || (a.id ?? "").localeCompare(b.id ?? ""));
            if (created.length > 0) {
                const [kept, ...duplicates] = created;
                for (const duplicate of duplicates) {
                    await remove(duplicate.id as string, { ...ctx, id: duplicate.id as string });
                }
                return kept;
            }
            if (lookup < LOOKUPS_BEFORE_REPOST && !(await pause(lookup, ctx.deadline))) {
                break;
            }
        }
        return undefined;
    }

    async function create(body: Policy, ctx: OperationContext): Promise<Policy> {
        const displayName = body.displayName ?? ctx.displayName;
        const accessPackageId = body.accessPackage?.id;
        const context: ErrorContext = { operation: "creating", policy: { displayName: displayName ?? undefined } };
        if (!accessPackageId || !displayName) {
            throw new Error(`creating access package assignment policy: the body needs accessPackage.id and displayName.`);
        }
        return createsByAccessPackage.run(accessPackageId.toLowerCase(), async () => {
            // Checked inside the per-package lock, so that two creates in this process cannot both find the name free;
            // a free name is also what lets an unknown POST outcome be resolved by looking the name up.
            const existing = await findByDisplayName(accessPackageId, displayName, ctx);
            if (existing.length > 0) {
                throw new DisplayNameTakenError(accessPackageId, displayName, existing.map((policy) => policy.id as string));
            }
            for (let round = 1; ; round++) {
                const exchange = await transport.send({ method: "POST", path: POLICIES_PATH, body, deadline: ctx.deadline, shouldRepeat: provesNotApplied });
                if (exchange.kind === "response" && (exchange.status === 200 || exchange.status === 201)) {
                    return exchange.body as Policy;
                }
                if (!exchange.sawUnknownOutcome) {
                    throw failure(exchange, context);
                }
                const created = await findCreated(accessPackageId, displayName, ctx);
                if (created !== undefined) {
                    return created;
                }
                if (!(await pause(round, ctx.deadline))) {
                    throw failure(
                        { ...exchange, stoppedBy: "deadline" },
                        context,
                        `The outcome of the last attempt is unknown: a policy named "${displayName}" may exist in access package ` +
                            `${accessPackageId}. Check it before running \`pulumi up\` again; \`adopt: true\` takes it over.`,
                    );
                }
            }
        });
    }

    return {
        create,
        findByDisplayName,
        remove,

        async get(id, ctx) {
            const exchange = await readPolicy(id, ctx);
            if (isStatus(exchange, 404)) {
                return undefined;
            }
            if (exchange.kind !== "response" || exchange.status !== 200) {
                throw failure(exchange, { operation: "reading", policy: { displayName: ctx.displayName, id } });
            }
            return exchange.body as Policy;
        },

        async getAfterWrite(id, ctx) {
            const context: ErrorContext = { operation: "reading", policy: { displayName: ctx.displayName, id } };
            const notBefore = ctx.notBefore === undefined ? undefined : Date.parse(ctx.notBefore);
            const notYetReadable = (notFound: GraphExchange, round: number): GraphRequestError =>
                failure({ ...notFound, attempts: round, stoppedBy: "deadline" }, context, "Graph has not made the policy readable yet; run `pulumi refresh` later.");
            let notFound: GraphExchange | undefined;
            for (let round = 1; ; round++) {
                const exchange = await readPolicy(id, ctx);
                if (exchange.kind === "response" && exchange.status === 200) {
                    const policy = exchange.body as Policy;
                    const modified = policy.modifiedDateTime ? Date.parse(policy.modifiedDateTime) : undefined;
                    if (notBefore === undefined || modified === undefined || modified >= notBefore) {
                        return policy;
                    }
                } else if (isStatus(exchange, 404)) {
                    notFound = exchange;
                } else {
                    // An attempt cut short by the deadline says less than the 404s before it.
                    throw notFound !== undefined && exchange.stoppedBy === "deadline" ? notYetReadable(notFound, round) : failure(exchange, context);
                }
                if (!(await pause(round, ctx.deadline))) {
                    throw isStatus(exchange, 404)
                        ? notYetReadable(exchange, round)
                        : new GraphRequestError({
                              ...context,
                              statusCode: 200,
                              code: "StaleRead",
                              graphMessage: `Graph still returns the policy as modified before ${ctx.notBefore}`,
                              clientRequestId: exchange.clientRequestId,
                              attempts: round,
                              timedOut: true,
                          });
                }
            }
        },

        async replace(id, body, ctx) {
            const exchange = await transport.send({ method: "PUT", path: policyPath(id), body, deadline: ctx.deadline });
            if (!isStatus(exchange, 200, 204)) {
                throw failure(exchange, { operation: "updating", policy: { displayName: body.displayName ?? ctx.displayName, id } });
            }
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
            const policies = await listPages(`${POLICIES_PATH}${query}`, ctx, { operation: "listing", scope: scope.length > 0 ? scope.join(" ") : undefined });
            const catalogId = filter.catalogId?.toLowerCase();
            return catalogId === undefined
                ? policies
                : policies.filter((policy) => (policy.catalog?.id ?? policy.accessPackage?.catalog?.id)?.toLowerCase() === catalogId);
        },
    };
}
