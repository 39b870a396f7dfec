/**
 * What the integration tests of {@link createPolicyApi} share: a fake clock, a minimal policy store served like Graph
 * by the tiny HTTP server, and the API built on it with short retry timing.
 */
import assert from "node:assert/strict";
import { resolveGraphSettings } from "../../../provider/core/graph";
import { createPolicyApi, type PolicyApi } from "../../../provider/core/operations";
import { graphError, startTinyGraph, type Reply, type Script, type SeenRequest, type TinyGraph } from "../../support/fakes/tinyGraph";

export const TOKEN = "SENTINEL-token-3b7e9d";
export const PACKAGE = "49d2c59b-0a81-463d-a8ec-ddad3935d8a0";
export const POLICIES = "/v1.0/identityGovernance/entitlementManagement/assignmentPolicies";

/** A clock that only moves when the code under test sleeps, so nothing really waits. */
export function fakeClock() {
    const clock = {
        time: 1_000_000,
        sleeps: [] as number[],
        now: () => clock.time,
        sleep: async (ms: number) => void (clock.sleeps.push(ms), (clock.time += ms)),
        random: () => 0.5,
    };
    return clock;
}

export const CATALOG = "c0c0c0c0-0000-4000-8000-000000000001";

export interface StoredPolicy {
    id: string;
    displayName: string;
    description: string;
    createdDateTime: string;
    modifiedDateTime: string;
}

/**
 * A minimal policy collection for scripts: POST adds, GET/DELETE by id, the access package lists its policies. Graph's
 * `Date` header (sent by node's HTTP server) and `createdDateTime` both follow the real clock, as they do in Graph.
 */
export function policyStore() {
    const policies = new Map<string, StoredPolicy>();
    let next = 0;
    const idOf = (request: SeenRequest): string => decodeURIComponent(new URL(request.url, "http://x").pathname.split("/").pop() as string);
    return {
        policies,
        add(displayName: string, createdDateTime = new Date(Date.now() + ++next).toISOString(), description = "stored"): StoredPolicy {
            const id = `00000000-0000-4000-8000-${String(++next).padStart(12, "0")}`;
            const policy = { id, displayName, description, createdDateTime, modifiedDateTime: createdDateTime };
            policies.set(id, policy);
            return policy;
        },
        /** Stores the policy a POST asks for, with the description it sent (which Graph echoes), as Graph would. */
        addFrom(request: SeenRequest, createdDateTime?: string): StoredPolicy {
            const { displayName, description } = request.body as { displayName: string; description?: string };
            return this.add(displayName, createdDateTime, description ?? "stored");
        },
        /** POST: stores the policy and answers 201 with it, as Graph does (no navigation properties). */
        created(request: SeenRequest): Reply {
            return { status: 201, body: { ...this.addFrom(request) } };
        },
        /** PUT: replaces the display name and description and answers 200 with the policy. */
        replaced(request: SeenRequest): Reply {
            const policy = policies.get(idOf(request));
            if (!policy) return graphError(404, "ResourceNotFound", "gone");
            const { displayName, description } = request.body as { displayName?: string; description?: string };
            Object.assign(policy, {
                displayName: displayName ?? policy.displayName,
                description: description ?? "",
                modifiedDateTime: new Date().toISOString(),
            });
            return { status: 200, body: { ...policy } };
        },
        /** The access package with its policies (`hidden` ones left out, as a lagging list would) and its catalog. */
        list(request: SeenRequest, hidden: (policy: StoredPolicy) => boolean = () => false): Reply {
            assert.match(request.url, /\/accessPackages\/[^/?]+\?.*\$expand=assignmentPolicies/);
            return {
                status: 200,
                body: {
                    id: PACKAGE,
                    catalog: { id: CATALOG },
                    assignmentPolicies: [...policies.values()].filter((policy) => !hidden(policy)),
                },
            };
        },
        read(request: SeenRequest): Reply {
            const policy = policies.get(idOf(request));
            return policy
                ? { status: 200, body: { ...policy, accessPackage: { id: PACKAGE }, catalog: { id: CATALOG } } }
                : graphError(404, "ResourceNotFound", "gone");
        },
        remove(request: SeenRequest): Reply {
            return policies.delete(idOf(request)) ? { status: 204 } : graphError(404, "ResourceNotFound", "gone");
        },
    };
}

export type Store = ReturnType<typeof policyStore>;

/** Per-request overrides of {@link tenant}; `n` counts the requests of that kind, from 1. */
export interface Overrides {
    post?: (request: SeenRequest, n: number) => Reply;
    lookup?: (request: SeenRequest, n: number) => Reply;
    read?: (request: SeenRequest, n: number) => Reply;
    remove?: (request: SeenRequest, n: number) => Reply;
    put?: (request: SeenRequest, n: number) => Reply;
}

/** A script serving `store` like Graph, with `overrides` for the requests a test makes go wrong. */
export function tenant(store: Store, overrides: Overrides = {}): Script {
    const counts = { post: 0, lookup: 0, read: 0, remove: 0, put: 0 };
    return (request) => {
        if (request.method === "POST") return overrides.post?.(request, ++counts.post) ?? store.created(request);
        if (request.method === "PUT") return overrides.put?.(request, ++counts.put) ?? store.replaced(request);
        if (request.method === "DELETE") return overrides.remove?.(request, ++counts.remove) ?? store.remove(request);
        if (request.url.includes("/accessPackages/")) return overrides.lookup?.(request, ++counts.lookup) ?? store.list(request);
        return overrides.read?.(request, ++counts.read) ?? store.read(request);
    };
}

/** What a test sees of the requests: `POST`, `PUT`, `lookup`, `GET` (one policy) or `DELETE`. */
export function traffic(seen: readonly SeenRequest[]): string[] {
    return seen.map((request) => (request.url.includes("/accessPackages/") ? "lookup" : request.method));
}

export const NEW_POLICY = { displayName: "All Users", description: "new", accessPackage: { id: PACKAGE } };

/** The mark a create's POST put at the end of the description. */
export function markOf(request: SeenRequest): string {
    const mark = /\[pulumi-create [0-9a-f-]{36}\]$/.exec((request.body as { description: string }).description);
    assert.ok(mark, `the POST carries a create mark: ${JSON.stringify(request.body)}`);
    return mark[0];
}

/** The API under test and the clock it runs on, over a tiny Graph that `start` opens and each test's end closes. */
export interface TinyGraphApi {
    /** The running tiny Graph, once `start` ran. */
    server: TinyGraph | undefined;
    start(
        script: Script,
        options?: { fetch?: typeof fetch },
    ): Promise<{ api: PolicyApi; clock: ReturnType<typeof fakeClock>; deadline: number }>;
}

/** Registers the tiny Graph's closing after each test of the calling suite. */
export function useTinyGraphApi(): TinyGraphApi {
    const harness: TinyGraphApi = {
        server: undefined,
        async start(script, options = {}) {
            const server = await startTinyGraph(script);
            harness.server = server;
            const clock = fakeClock();
            const settings = resolveGraphSettings(undefined, { ENTRA_GRAPH_ENDPOINT: server.endpoint, ENTRA_GRAPH_TOKEN: TOKEN });
            const api = createPolicyApi(settings, {
                ...clock,
                ...options,
                retryTiming: { baseDelayMs: 100, maxDelayMs: 1_000, attemptTimeoutMs: 5_000 },
            });
            return { api, clock, deadline: clock.time + 60_000 };
        },
    };
    afterEach(async () => {
        await harness.server?.close();
        harness.server = undefined;
    });
    return harness;
}
