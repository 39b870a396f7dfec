import assert from "node:assert/strict";
import { resolveGraphSettings, DisplayNameTakenError, GraphRequestError, WriteAppliedError } from "../../../provider/core/graph";
import { createPolicyApi, type PolicyApi } from "../../../provider/core/operations";
import { graphError, startTinyGraph, type Reply, type Script, type SeenRequest, type TinyGraph } from "../../support/fakes/tinyGraph";

const TOKEN = "SENTINEL-token-3b7e9d";
const PACKAGE = "49d2c59b-0a81-463d-a8ec-ddad3935d8a0";
const POLICIES = "/v1.0/identityGovernance/entitlementManagement/assignmentPolicies";

/** A clock that only moves when the code under test sleeps, so nothing really waits. */
function fakeClock() {
    const clock = {
        time: 1_000_000,
        sleeps: [] as number[],
        now: () => clock.time,
        sleep: async (ms: number) => void (clock.sleeps.push(ms), (clock.time += ms)),
        random: () => 0.5,
    };
    return clock;
}

const CATALOG = "c0c0c0c0-0000-4000-8000-000000000001";

interface StoredPolicy {
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
function policyStore() {
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

type Store = ReturnType<typeof policyStore>;

/** Per-request overrides of {@link tenant}; `n` counts the requests of that kind, from 1. */
interface Overrides {
    post?: (request: SeenRequest, n: number) => Reply;
    lookup?: (request: SeenRequest, n: number) => Reply;
    read?: (request: SeenRequest, n: number) => Reply;
    remove?: (request: SeenRequest, n: number) => Reply;
    put?: (request: SeenRequest, n: number) => Reply;
}

/** A script serving `store` like Graph, with `overrides` for the requests a test makes go wrong. */
function tenant(store: Store, overrides: Overrides = {}): Script {
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
function traffic(seen: readonly SeenRequest[]): string[] {
    return seen.map((request) => (request.url.includes("/accessPackages/") ? "lookup" : request.method));
}

const NEW_POLICY = { displayName: "All Users", description: "new", accessPackage: { id: PACKAGE } };

/** The mark a create's POST put at the end of the description. */
function markOf(request: SeenRequest): string {
    const mark = /\[pulumi-create [0-9a-f-]{36}\]$/.exec((request.body as { description: string }).description);
    assert.ok(mark, `the POST carries a create mark: ${JSON.stringify(request.body)}`);
    return mark[0];
}

describe("createPolicyApi", () => {
    let server: TinyGraph | undefined;
    afterEach(async () => {
        await server?.close();
        server = undefined;
    });

    async function start(
        script: Script,
        options: { fetch?: typeof fetch } = {},
    ): Promise<{ api: PolicyApi; clock: ReturnType<typeof fakeClock>; deadline: number }> {
        server = await startTinyGraph(script);
        const clock = fakeClock();
        const settings = resolveGraphSettings(undefined, { ENTRA_GRAPH_ENDPOINT: server.endpoint, ENTRA_GRAPH_TOKEN: TOKEN });
        const api = createPolicyApi(settings, {
            ...clock,
            ...options,
            retryTiming: { baseDelayMs: 100, maxDelayMs: 1_000, attemptTimeoutMs: 5_000 },
        });
        return { api, clock, deadline: clock.time + 60_000 };
    }

    it("sends the static token as a bearer token to ${endpoint}/v1.0", async () => {
        const { api, deadline } = await start(() => ({ status: 200, body: { id: "p1" } }));
        assert.deepEqual(await api.get("p1", { deadline }), { id: "p1" });
        const [request] = server!.seen;
        assert.equal(request.headers.authorization, `Bearer ${TOKEN}`);
        assert.ok(request.url.startsWith(`${POLICIES}/p1?$expand=`));
        assert.equal(
            new URL(request.url, "http://x").searchParams.get("$expand"),
            "accessPackage,catalog,questions,customExtensionStageSettings($expand=customExtension)",
        );
    });

    it("reads a missing policy as undefined", async () => {
        const { api, deadline } = await start(() => graphError(404, "ResourceNotFound", "not found"));
        assert.equal(await api.get("gone", { deadline }), undefined);
    });

    it("creates with the name lookup, a POST marked as this create's and the PUT that takes the mark off: its answer, completed with what was sent, stands for a read-back", async () => {
        const store = policyStore();
        const { api, deadline } = await start(tenant(store));
        const questions = [{ "@odata.type": "#microsoft.graph.accessPackageTextInputQuestion", text: "Why?", sequence: 1 }];
        const created = await api.create({ ...NEW_POLICY, questions, customExtensionStageSettings: [] }, { deadline });
        assert.deepEqual(traffic(server!.seen), ["lookup", "POST", "PUT"]);
        const [, post, put] = server!.seen;
        assert.equal((post.body as { description: string }).description, `new ${markOf(post)}`);
        assert.equal((put.body as { description: string }).description, "new");
        assert.equal(created.description, "new");
        const [stored] = store.policies.values();
        assert.equal(created.id, stored.id);
        assert.equal(created.createdDateTime, stored.createdDateTime);
        assert.deepEqual(created.accessPackage, { id: PACKAGE, catalog: { id: CATALOG } });
        assert.deepEqual(created.questions, questions);
        assert.deepEqual(created.customExtensionStageSettings, []);
    });

    it("reads the policy back when the PUT's answer lacks a property that was sent", async () => {
        const store = policyStore();
        const { api, deadline } = await start(tenant(store, { put: (request) => (store.replaced(request), { status: 204 }) }));
        const created = await api.create(NEW_POLICY, { deadline });
        assert.deepEqual(traffic(server!.seen), ["lookup", "POST", "PUT", "GET"]);
        assert.deepEqual(created.accessPackage, { id: PACKAGE }, "the body read back");
        assert.equal(created.description, "new");
    });

    it("reads the created policy back when the name lookup did not expand the catalog, which only a read gives", async () => {
        const store = policyStore();
        const { api, deadline } = await start(
            tenant(store, {
                lookup: (request) => ({ status: 200, body: { id: PACKAGE, assignmentPolicies: [...store.policies.values()] } }),
            }),
        );
        const created = await api.create(NEW_POLICY, { deadline });
        assert.deepEqual(traffic(server!.seen), ["lookup", "POST", "PUT", "GET"]);
        assert.equal(created.catalog?.id, CATALOG);
    });

    it("takes the id from the Location of a 201 whose body arrived cut short", async () => {
        const store = policyStore();
        const { api, deadline } = await start(
            tenant(store, {
                post: (request) => {
                    const { id } = store.addFrom(request);
                    return {
                        status: 201,
                        headers: { "content-type": "application/json", location: `https://graph.example${POLICIES}/${id}` },
                        body: undefined,
                    };
                },
            }),
        );
        const created = await api.create(NEW_POLICY, { deadline });
        assert.equal(store.policies.size, 1);
        assert.equal(created.id, [...store.policies.keys()][0]);
        assert.equal(created.description, "new");
        assert.deepEqual(traffic(server!.seen), ["lookup", "POST", "PUT"]);
    });

    it("keeps the policy a POST created when the connection dropped after the service applied it, found by its mark, and takes the mark off", async () => {
        const store = policyStore();
        const { api, deadline } = await start(tenant(store, { post: (request) => (store.created(request), { drop: true }) }));
        const created = await api.create(NEW_POLICY, { deadline });
        assert.equal(store.policies.size, 1);
        assert.equal(created.id, [...store.policies.keys()][0]);
        assert.equal([...store.policies.values()][0].description, "new");
        assert.deepEqual(traffic(server!.seen), ["lookup", "POST", "lookup", "PUT"]);
    });

    it("posts again after an unknown outcome when the lookups show nothing, then checks the list once more", async () => {
        const store = policyStore();
        const { api, deadline } = await start(
            tenant(store, { post: (request, n) => (n === 1 ? graphError(500, "InternalServerError", "boom") : store.created(request)) }),
        );
        const created = await api.create(NEW_POLICY, { deadline });
        assert.equal(store.policies.size, 1);
        assert.equal(created.displayName, "All Users");
        const seen = traffic(server!.seen);
        assert.deepEqual(seen.slice(0, 7), ["lookup", "POST", "lookup", "lookup", "lookup", "POST", "PUT"]);
        // Then it looks for a policy the lost POST may still make, until that POST has settled (an attempt timeout).
        assert.ok(seen.length > 7 && seen.slice(7).every((request) => request === "lookup"), seen.join());
    });

    it("leaves exactly one policy when the first POST was applied but answered 503 and the list lagged past the lookups", async () => {
        const store = policyStore();
        let first: StoredPolicy | undefined;
        const { api, deadline } = await start(
            tenant(store, {
                post: (request, n) =>
                    n === 1 ? ((first = store.addFrom(request)), graphError(503, "ServiceUnavailable", "busy")) : store.created(request),
                // The list shows no new policy until well after the second POST: the guard and three lookups, then two more.
                lookup: (request, n) => store.list(request, () => n <= 6),
            }),
        );
        const created = await api.create(NEW_POLICY, { deadline });
        assert.equal(store.policies.size, 1, "the policy the answered POST made is the one left");
        assert.equal(created.id, [...store.policies.keys()][0]);
        assert.notEqual(created.id, first?.id);
        assert.deepEqual(traffic(server!.seen), [
            "lookup",
            "POST",
            "lookup",
            "lookup",
            "lookup",
            "POST",
            "PUT",
            "lookup",
            "lookup",
            "lookup",
            "DELETE",
            "GET",
        ]);
    });

    it("leaves alone a same-named policy another writer created after the answered POST, while deleting its own duplicate", async () => {
        const store = policyStore();
        let first: StoredPolicy | undefined;
        let foreign: StoredPolicy | undefined;
        const { api, deadline } = await start(
            tenant(store, {
                post: (request, n) => {
                    if (n === 1) {
                        first = store.addFrom(request);
                        return graphError(503, "ServiceUnavailable", "busy");
                    }
                    const answer = store.created(request);
                    const posted = [...store.policies.values()].at(-1) as StoredPolicy;
                    foreign = store.add("All Users", new Date(Date.parse(posted.createdDateTime) + 1_000).toISOString());
                    return answer;
                },
                lookup: (request, n) => store.list(request, () => n <= 4),
            }),
        );
        const created = await api.create(NEW_POLICY, { deadline });
        assert.deepEqual(
            [...store.policies.keys()].sort(),
            [created.id, foreign?.id].sort(),
            "the duplicate is gone, the later policy stays",
        );
        assert.ok(!store.policies.has(first?.id as string));
    });

    it("leaves alone a same-named policy created before the free-name check that the lagging list hid from it", async () => {
        const store = policyStore();
        const foreign = store.add("All Users", new Date(Date.now() - 3_600_000).toISOString());
        const { api, deadline } = await start(
            tenant(store, {
                post: (request, n) => (n === 1 ? graphError(503, "ServiceUnavailable", "busy") : store.created(request)),
                lookup: (request, n) => store.list(request, () => n === 1),
            }),
        );
        const created = await api.create(NEW_POLICY, { deadline });
        assert.deepEqual([...store.policies.keys()].sort(), [foreign.id, created.id].sort(), "neither adopted nor deleted");
        assert.ok(!traffic(server!.seen).includes("DELETE"));
    });

    it("deletes duplicates its own repeated POSTs left behind and keeps the oldest, whatever precision its timestamp has", async () => {
        const store = policyStore();
        // Graph leaves out a zero fraction of a second, so the older timestamp is the shorter text of the same second.
        const second = Math.ceil(Date.now() / 1_000) * 1_000 + 1_000;
        const createdAt = [new Date(second).toISOString().replace(".000Z", "Z"), new Date(second + 500).toISOString()];
        let first: StoredPolicy | undefined;
        const { api, deadline } = await start(
            tenant(store, {
                post: (request, n) => {
                    const added = store.addFrom(request, createdAt[n - 1]);
                    first ??= added;
                    return n === 1 ? { drop: true } : graphError(504, "GatewayTimeout", "slow");
                },
                // The list lags: the first POST's policy shows up only after the second POST.
                lookup: (request, n) => store.list(request, () => n <= 4),
            }),
        );
        const created = await api.create(NEW_POLICY, { deadline });
        assert.equal(server!.seen.filter((r) => r.method === "POST").length, 2);
        assert.deepEqual([...store.policies.keys()], [first?.id]);
        assert.equal(created.id, first?.id);
    });

    it("keeps the id of the policy it made when deleting a duplicate fails", async () => {
        const store = policyStore();
        const { api, deadline } = await start(
            tenant(store, {
                post: (request, n) =>
                    n === 1 ? (store.addFrom(request), graphError(503, "ServiceUnavailable", "busy")) : store.created(request),
                lookup: (request, n) => store.list(request, () => n <= 4),
                remove: () => graphError(400, "BadRequest", "The policy has 1 active assignment and cannot be deleted.", "rid-del"),
            }),
        );
        const error = await api.create(NEW_POLICY, { deadline }).then(
            () => assert.fail("create should fail"),
            (rejected: unknown) => rejected,
        );
        assert.ok(error instanceof WriteAppliedError, String(error));
        const [duplicate, kept] = [...store.policies.values()];
        assert.equal(error.policy.id, kept.id);
        assert.match(
            error.message,
            new RegExp(
                `^created access package assignment policy "All Users" \\(${kept.id}\\) but could not delete ${duplicate.id}, a duplicate`,
            ),
        );
        assert.match(error.message, /request-id rid-del/);
    });

    it("says that the policy may exist when the lookup after a dropped POST is refused", async () => {
        const store = policyStore();
        const { api, deadline } = await start(
            tenant(store, {
                post: (request) => (store.created(request), { drop: true }),
                lookup: (request, n) =>
                    n === 1 ? store.list(request) : graphError(403, "Authorization_RequestDenied", "denied", "rid-403"),
            }),
        );
        await assert.rejects(api.create(NEW_POLICY, { deadline }), (error: unknown) => {
            assert.ok(error instanceof GraphRequestError);
            assert.match(
                error.message,
                /^listing access package assignment policies named "All Users" in access package .*: Graph returned 403/,
            );
            assert.match(
                error.message,
                new RegExp(`a policy named "All Users" may exist in access package ${PACKAGE}.*\`adopt: true\` takes it over`),
            );
            assert.match(error.message, /EntitlementManagement\.ReadWrite\.All/, "and still says which permission is missing");
            return true;
        });
    });

    it("says that the policy may exist when the repeated POST fails after an unknown outcome", async () => {
        const store = policyStore();
        const { api, deadline } = await start(
            tenant(store, {
                post: (_request, n) => (n === 1 ? { drop: true } : graphError(400, "BadRequest", "displayName is invalid", "rid-400")),
            }),
        );
        await assert.rejects(api.create(NEW_POLICY, { deadline }), (error: unknown) => {
            assert.ok(error instanceof GraphRequestError);
            assert.match(error.message, /^creating access package assignment policy "All Users": Graph returned 400 BadRequest/);
            assert.match(error.message, /may exist in access package/);
            return true;
        });
    });

    const unreadableAfterCreate = [
        { status: 404, code: "ResourceNotFound", says: /but could not read it back: reading .*timed out after \d+ attempts/ },
        // A 403 that lasts is reported as one, with the permission hint.
        {
            status: 403,
            code: "Authorization_RequestDenied",
            says: /timed out after \d+ attempts .*403 Authorization_RequestDenied.*request-id rid-unreadable.*EntitlementManagement\.ReadWrite\.All/,
        },
    ];
    for (const { status, code, says } of unreadableAfterCreate) {
        it(`keeps the id of a policy found after an unknown outcome when reads answer ${status} to the deadline`, async () => {
            const store = policyStore();
            const { api, clock } = await start(
                tenant(store, {
                    post: (request) => (store.created(request), { drop: true }),
                    // A shortened PUT answer, so that the policy must be read back.
                    put: (request) => (store.replaced(request), { status: 204 }),
                    read: () => graphError(status, code, "not readable", "rid-unreadable"),
                }),
            );
            const error = await api.create(NEW_POLICY, { deadline: clock.time + 2_000 }).then(
                () => assert.fail("create should fail"),
                (rejected: unknown) => rejected,
            );
            assert.ok(error instanceof WriteAppliedError, String(error));
            const [stored] = store.policies.values();
            assert.equal(error.policy.id, stored.id);
            assert.match(error.message, says);
        });
    }

    it("reads a policy found after an unknown outcome through the 403s Graph gives before it has replicated it", async () => {
        const store = policyStore();
        const { api, deadline } = await start(
            tenant(store, {
                post: (request) => (store.created(request), { drop: true }),
                put: (request) => (store.replaced(request), { status: 204 }),
                read: (request, n) => (n <= 2 ? graphError(403, "Authorization_RequestDenied", "not yet", "rid-403") : store.read(request)),
            }),
        );
        const created = await api.create(NEW_POLICY, { deadline });
        assert.equal(created.id, [...store.policies.keys()][0]);
        assert.deepEqual(traffic(server!.seen), ["lookup", "POST", "lookup", "PUT", "GET", "GET", "GET"]);
    });

    const retryAfterOnPost = [
        { form: "in seconds", status: 503, code: "ServiceUnavailable", waitMs: 30_000, retryAfter: (_now: number) => "30" },
        // An HTTP date has whole seconds, so the wait may come out up to a second short of the 20 s asked.
        {
            form: "as an HTTP date",
            status: 504,
            code: "GatewayTimeout",
            waitMs: 19_000,
            retryAfter: (now: number) => new Date(now + 20_000).toUTCString(),
        },
    ];
    for (const { form, status, code, waitMs, retryAfter } of retryAfterOnPost) {
        it(`waits out a Retry-After given ${form} on a POST's ${status} before posting again`, async () => {
            const store = policyStore();
            const posted: number[] = [];
            const { api, clock, deadline } = await start(
                tenant(store, {
                    post: (request, n) => {
                        posted.push(clock.time);
                        return n === 1
                            ? { ...graphError(status, code, "busy"), headers: { "Retry-After": retryAfter(clock.time) } }
                            : store.created(request);
                    },
                }),
            );
            await api.create(NEW_POLICY, { deadline: deadline + 60_000 });
            assert.equal(posted.length, 2);
            assert.ok(posted[1] - posted[0] >= waitMs, `posted again after ${posted[1] - posted[0]} ms`);
            assert.equal(store.policies.size, 1);
        });
    }

    it("refuses to create a second policy with a display name already used in the access package", async () => {
        const store = policyStore();
        const existing = store.add("All Users");
        const { api, deadline } = await start(tenant(store));
        await assert.rejects(
            api.create(NEW_POLICY, { deadline }),
            (error: unknown) => error instanceof DisplayNameTakenError && error.existing.map((policy) => policy.id).join() === existing.id,
        );
        assert.deepEqual(traffic(server!.seen), ["lookup"]);
        assert.equal(store.policies.size, 1);
    });

    it("refuses a display name that differs only in case from an existing one, naming it as Graph holds it", async () => {
        const store = policyStore();
        const existing = store.add("all users");
        const { api, deadline } = await start(tenant(store));
        await assert.rejects(api.create(NEW_POLICY, { deadline }), (error: unknown) => {
            assert.ok(error instanceof DisplayNameTakenError);
            assert.deepEqual(error.existing, [{ id: existing.id, displayName: "all users" }]);
            assert.match(error.message, new RegExp(`named "all users" \\(${existing.id}\\)`));
            return true;
        });
        assert.deepEqual(traffic(server!.seen), ["lookup"]);
    });

    it("retries 409 Conflict on create with backoff", async () => {
        const store = policyStore();
        let posts = 0;
        const { api, clock, deadline } = await start(
            tenant(store, { post: (request) => (++posts < 3 ? graphError(409, "Conflict", "DuplicateKey") : store.created(request)) }),
        );
        await api.create({ displayName: "P", accessPackage: { id: PACKAGE } }, { deadline });
        assert.equal(posts, 3);
        assert.deepEqual(clock.sleeps, [75, 150]);
    });

    it("serialises parallel creates in one access package", async () => {
        const store = policyStore();
        let inFlight = 0;
        let maxInFlight = 0;
        const tracking: typeof fetch = async (input, init) => {
            const isPost = init?.method === "POST";
            inFlight += isPost ? 1 : 0;
            maxInFlight = Math.max(maxInFlight, inFlight);
            try {
                return await fetch(input, init);
            } finally {
                inFlight -= isPost ? 1 : 0;
            }
        };
        const { api, deadline } = await start(tenant(store), { fetch: tracking });
        await Promise.all(
            ["A", "B", "C", "D"].map((name) => api.create({ displayName: name, accessPackage: { id: PACKAGE } }, { deadline })),
        );
        assert.equal(store.policies.size, 4);
        assert.equal(maxInFlight, 1);
    });

    it("creates queued in one access package each get the operation timeout for their own requests, not what the ones before them left", async () => {
        const store = policyStore();
        const throttledOnce = new Set<string>();
        const { api, clock } = await start(
            tenant(store, {
                // Each create's first POST is throttled for 2 s: four in a row need 8 s, each one alone 2 s.
                post: (request) => {
                    const { displayName } = request.body as { displayName: string };
                    if (throttledOnce.has(displayName)) return store.created(request);
                    throttledOnce.add(displayName);
                    return { ...graphError(429, "TooManyRequests", "slow down"), headers: { "Retry-After": "2" } };
                },
            }),
        );
        const deadline = clock.time + 3_000;
        const names = ["A", "B", "C", "D"];
        await Promise.all(
            names.map((name) => api.create({ displayName: name, description: name, accessPackage: { id: PACKAGE } }, { deadline })),
        );
        assert.deepEqual([...store.policies.values()].map((policy) => policy.displayName).sort(), names);
    });

    it("tolerates 404 right after a write and waits for a body that reflects it", async () => {
        let reads = 0;
        const { api, deadline } = await start(() => {
            reads++;
            if (reads <= 2) {
                return graphError(404, "ResourceNotFound", "not yet");
            }
            return { status: 200, body: { id: "p", description: reads === 3 ? "before" : "after" } };
        });
        const policy = await api.getAfterWrite("p", { deadline, reflects: (body) => body.description === "after" });
        assert.equal(policy.description, "after");
        assert.equal(reads, 4);
    });

    it("fails a read-after-write that keeps returning the old body with StaleRead and the request-id", async () => {
        const { api, clock } = await start(() => ({
            status: 200,
            headers: { "request-id": "rid-stale" },
            body: { id: "p", description: "before" },
        }));
        const deadline = clock.time + 1_000;
        await assert.rejects(
            api.getAfterWrite("p", { deadline, displayName: "All Users", reflects: (body) => body.description === "after" }),
            (error: unknown) => {
                assert.ok(error instanceof GraphRequestError);
                assert.equal(error.code, "StaleRead");
                assert.ok(error.timedOut);
                assert.match(
                    error.message,
                    /^reading access package assignment policy "All Users" \(p\): timed out after \d+ attempts .*StaleRead: Graph still returns the policy as it was before the last write \(request-id rid-stale/,
                );
                return true;
            },
        );
    });

    describe("with what state last knew (refresh)", () => {
        const now = () => new Date().toISOString();
        const longAgo = () => new Date(Date.now() - 3_600_000).toISOString();

        it("waits out the 404s of a policy created moments ago instead of reporting it gone", async () => {
            let reads = 0;
            const { api, deadline } = await start(() =>
                ++reads <= 2 ? graphError(404, "ResourceNotFound", "not yet") : { status: 200, body: { id: "p" } },
            );
            assert.deepEqual(await api.get("p", { deadline, lastKnown: { createdDateTime: now() } }), { id: "p" });
            assert.equal(reads, 3);
        });

        it("believes the 404s of a policy created moments ago after a few reads: it was deleted elsewhere", async () => {
            const { api, deadline } = await start(() => graphError(404, "ResourceNotFound", "gone"));
            assert.equal(await api.get("p", { deadline, lastKnown: { createdDateTime: now() } }), undefined);
            assert.equal(server!.seen.length, 4);
        });

        it("reports a 404 at once as gone for a policy created long ago", async () => {
            const { api, deadline } = await start(() => graphError(404, "ResourceNotFound", "gone"));
            assert.equal(
                await api.get("p", { deadline, lastKnown: { createdDateTime: longAgo(), modifiedDateTime: longAgo() } }),
                undefined,
            );
            assert.equal(server!.seen.length, 1);
        });

        it("waits out a body older than a write made moments ago, but takes a newer one (a change made elsewhere)", async () => {
            const written = new Date();
            const bodies = [new Date(written.getTime() - 60_000), written, new Date(written.getTime() + 1)].map((at, i) => ({
                id: "p",
                description: `v${i}`,
                modifiedDateTime: at.toISOString(),
            }));
            const { api, deadline } = await start(() => ({ status: 200, body: bodies.shift() }));
            const read = await api.get("p", { deadline, lastKnown: { modifiedDateTime: written.toISOString() } });
            assert.equal(read?.description, "v1");
            assert.deepEqual((await api.get("p", { deadline, lastKnown: { modifiedDateTime: written.toISOString() } }))?.description, "v2");
        });

        it("takes an older body when the last write was long ago: Graph's replicas have caught up by then", async () => {
            const { api, deadline } = await start(() => ({ status: 200, body: { id: "p", modifiedDateTime: "2020-01-01T00:00:00Z" } }));
            assert.equal(
                (await api.get("p", { deadline, lastKnown: { modifiedDateTime: longAgo() } }))?.modifiedDateTime,
                "2020-01-01T00:00:00Z",
            );
            assert.equal(server!.seen.length, 1);
        });
    });

    it("fails a read-after-write that never becomes visible at the deadline, saying it timed out", async () => {
        const { api, clock } = await start(() => graphError(404, "ResourceNotFound", "still missing", "rid-404"));
        const deadline = clock.time + 1_000;
        await assert.rejects(api.getAfterWrite("p", { deadline, displayName: "All Users" }), (error: GraphRequestError) => {
            assert.match(error.message, /^reading access package assignment policy "All Users" \(p\): timed out after \d+ attempts/);
            assert.match(error.message, /404 ResourceNotFound: still missing \(request-id rid-404/);
            return true;
        });
        assert.ok(clock.time < deadline);
    });

    it("reports the 404s, not the attempt the deadline cut short, when a read-after-write never becomes visible", async () => {
        let reads = 0;
        const { api, clock } = await start(() =>
            ++reads <= 2 ? graphError(404, "ResourceNotFound", "still missing", "rid-404") : { drop: true },
        );
        const deadline = clock.time + 1_500;
        await assert.rejects(api.getAfterWrite("p", { deadline, displayName: "All Users" }), (error: GraphRequestError) => {
            assert.match(
                error.message,
                /timed out after \d+ attempts within the operation timeout; last error: Graph returned 404 ResourceNotFound: still missing/,
            );
            assert.match(error.message, /has not made the policy readable yet/);
            return true;
        });
        assert.ok(reads > 2, "the dropped attempts were retried until the deadline");
    });

    it("confirms a delete, treating the 403 Graph gives right after a delete as gone", async () => {
        const answers: Reply[] = [{ status: 204 }, { status: 200, body: { id: "p" } }, graphError(403, "Forbidden", "denied")];
        const { api, deadline } = await start(() => answers.shift() as Reply);
        assert.equal(await api.remove("p", { deadline }), "deleted");
        assert.deepEqual(
            server!.seen.map((r) => r.method),
            ["DELETE", "GET", "GET"],
        );
    });

    it("reports a delete of a missing policy as already gone", async () => {
        const { api, deadline } = await start(() => graphError(404, "ResourceNotFound", "gone"));
        assert.equal(await api.remove("p", { deadline }), "alreadyGone");
    });

    it("counts a 404 after a dropped DELETE as deleted", async () => {
        const answers: Reply[] = [{ drop: true }, graphError(404, "ResourceNotFound", "gone")];
        const { api, deadline } = await start(() => answers.shift() as Reply);
        assert.equal(await api.remove("p", { deadline }), "deleted");
    });

    it("counts a 403 after a dropped DELETE as deleted, like the 403 Graph gives right after a delete", async () => {
        const answers: Reply[] = [{ drop: true }, graphError(403, "Authorization_RequestDenied", "denied")];
        const { api, deadline } = await start(() => answers.shift() as Reply);
        assert.equal(await api.remove("p", { deadline }), "deleted");
        assert.deepEqual(traffic(server!.seen), ["DELETE", "DELETE"]);
    });

    it("fails a delete refused with 403 when no attempt had an unknown outcome", async () => {
        const { api, deadline } = await start(() => graphError(403, "Authorization_RequestDenied", "denied"));
        await assert.rejects(api.remove("p", { deadline }), /deleting access package assignment policy \(p\): Graph returned 403/);
    });

    it("explains a delete refused because of assignments", async () => {
        const { api, deadline } = await start(() =>
            graphError(400, "BadRequest", "The policy has 2 active assignments and cannot be deleted.", "rid-1"),
        );
        await assert.rejects(api.remove("p1", { deadline, displayName: "All Users" }), (error: GraphRequestError) => {
            assert.match(
                error.message,
                /^deleting access package assignment policy "All Users" \(p1\): Graph returned 400 BadRequest: The policy has 2 active assignments/,
            );
            assert.match(error.message, /requestType adminRemove/);
            assert.match(error.message, /pulumi state delete/);
            return true;
        });
    });

    it("replaces with a PUT of the whole body and names the policy when that fails", async () => {
        const answers: Reply[] = [
            { status: 200, body: {} },
            { status: 200, body: { id: "p1" } },
            graphError(400, "BadRequest", "displayName is required", "rid-put"),
        ];
        const { api, deadline } = await start(() => answers.shift() as Reply);
        await api.replace("p1", { displayName: "All Users", description: "d" }, { deadline });
        assert.equal(server!.seen[0].method, "PUT");
        assert.deepEqual(server!.seen[0].body, { displayName: "All Users", description: "d" });
        await assert.rejects(
            api.replace("p1", { displayName: "All Users" }, { deadline }),
            /updating access package assignment policy "All Users" \(p1\): Graph returned 400 BadRequest: displayName is required \(request-id rid-put/,
        );
    });

    it("takes a complete PUT answer for the policy, with the navigation properties that were sent, and reads nothing back", async () => {
        const sent = {
            displayName: "All Users",
            description: "d",
            accessPackage: { id: PACKAGE },
            questions: [],
            customExtensionStageSettings: [],
        };
        const answer = {
            id: "p1",
            displayName: "All Users",
            description: "d",
            createdDateTime: "2026-01-01T00:00:00Z",
            modifiedDateTime: "2026-01-02T00:00:00Z",
        };
        const { api, deadline } = await start(() => ({ status: 200, body: answer }));
        assert.deepEqual(await api.replace("p1", sent, { deadline }), {
            ...answer,
            accessPackage: { id: PACKAGE },
            questions: [],
            customExtensionStageSettings: [],
        });
        assert.deepEqual(traffic(server!.seen), ["PUT"]);
    });

    it("after a shortened PUT answer, reads back until the body reflects the PUT", async () => {
        const answers: Reply[] = [
            { status: 200, body: { id: "p1", displayName: "All Users" } },
            { status: 200, body: { id: "p1", description: "old" } },
            { status: 200, body: { id: "p1", description: "old" } },
            { status: 200, body: { id: "p1", description: "new" } },
        ];
        const { api, deadline } = await start(() => answers.shift() as Reply);
        const policy = await api.replace(
            "p1",
            { displayName: "All Users", description: "new" },
            { deadline, reflects: (body) => body.description === "new" },
        );
        assert.equal(policy.description, "new");
        assert.deepEqual(traffic(server!.seen), ["PUT", "GET", "GET", "GET"]);
    });

    it("after a shortened PUT answer, takes a body modified since the version state knew even when `reflects` declines it", async () => {
        // Graph may hold what was sent in a form the comparison does not expect; a newer body is still no stale read.
        const before = "2026-01-01T00:00:00Z";
        const answers: Reply[] = [
            { status: 200, body: { id: "p1", displayName: "All Users" } },
            { status: 200, body: { id: "p1", description: "old", modifiedDateTime: before } },
            { status: 200, body: { id: "p1", description: "New", modifiedDateTime: "2026-01-01T00:00:01Z" } },
        ];
        const { api, deadline } = await start(() => answers.shift() ?? graphError(500, "Unexpected", "no more reads"));
        const policy = await api.replace(
            "p1",
            { displayName: "All Users", description: "new" },
            { deadline, reflects: (body) => body.description === "new", lastKnown: { modifiedDateTime: before } },
        );
        assert.equal(policy.description, "New");
        assert.deepEqual(traffic(server!.seen), ["PUT", "GET", "GET"]);
    });

    it("after a 204 to a PUT, fails with WriteAppliedError when the read-back stays stale", async () => {
        const { api, clock } = await start((request) =>
            request.method === "PUT"
                ? { status: 204 }
                : { status: 200, headers: { "request-id": "rid-old" }, body: { id: "p1", description: "old" } },
        );
        const error = await api
            .replace(
                "p1",
                { displayName: "All Users", description: "new" },
                { deadline: clock.time + 1_000, reflects: (body) => body.description === "new" },
            )
            .then(
                () => assert.fail("replace should fail"),
                (rejected: unknown) => rejected,
            );
        assert.ok(error instanceof WriteAppliedError);
        assert.equal(error.policy.id, "p1");
        assert.match(
            error.message,
            /^updated access package assignment policy "All Users" \(p1\) but could not read it back: .*StaleRead.*request-id rid-old/,
        );
    });

    it("lists all pages by following @odata.nextLink and filters by access package or catalog", async () => {
        const { api, deadline } = await start((request) =>
            request.url.includes("skiptoken")
                ? { status: 200, body: { value: [{ id: "b" }] } }
                : { status: 200, body: { value: [{ id: "a" }], "@odata.nextLink": `${server!.endpoint}${POLICIES}?$skiptoken=abc` } },
        );
        assert.deepEqual(
            (await api.list({ accessPackageId: PACKAGE }, { deadline })).map((p) => p.id),
            ["a", "b"],
        );
        assert.equal(new URL(server!.seen[0].url, "http://x").searchParams.get("$filter"), `accessPackage/id eq '${PACKAGE}'`);
        assert.equal(server!.seen[1].url, `${POLICIES}?$skiptoken=abc`);
    });

    it("picks a catalog's policies by their expanded catalog, which Graph cannot filter on", async () => {
        const { api, deadline } = await start(() => ({
            status: 200,
            body: {
                value: [
                    { id: "a", catalog: { id: "C1" } },
                    { id: "b", catalog: { id: "c2" } },
                    { id: "c", accessPackage: { catalog: { id: "c1" } } },
                ],
            },
        }));
        assert.deepEqual(
            (await api.list({ catalogId: "c1" }, { deadline })).map((p) => p.id),
            ["a", "c"],
        );
        assert.equal(new URL(server!.seen[0].url, "http://x").searchParams.get("$filter"), null);
    });

    it("stops paging with an error when a nextLink comes round again, after reading each page once", async () => {
        const { api, deadline } = await start((request) => ({
            status: 200,
            body: {
                value: [{ id: request.url.includes("page=2") ? "b" : "a" }],
                "@odata.nextLink": `${server!.endpoint}${POLICIES}?page=${request.url.includes("page=1") ? 2 : 1}`,
            },
        }));
        await assert.rejects(api.list({}, { deadline }), (error: unknown) => {
            assert.ok(error instanceof GraphRequestError);
            assert.equal(error.code, "PagingStopped");
            assert.match(error.message, /^listing access package assignment policies: .*@odata\.nextLink repeats a page already read/);
            return true;
        });
        assert.equal(server!.seen.length, 3);
    });

    it("stops paging with an error past the page limit", async () => {
        let page = 0;
        const { api, deadline } = await start(() => ({
            status: 200,
            body: { value: [], "@odata.nextLink": `${server!.endpoint}${POLICIES}?page=${++page}` },
        }));
        await assert.rejects(api.list({}, { deadline }), /PagingStopped: Graph returned more than 1000 pages/);
        assert.equal(server!.seen.length, 1_000);
    });

    it("refuses to follow a nextLink to another host", async () => {
        const { api, deadline } = await start(() => ({
            status: 200,
            body: { value: [], "@odata.nextLink": "https://evil.example/v1.0/x" },
        }));
        await assert.rejects(api.list({}, { deadline }), /outside .*refusing to follow it/);
        assert.equal(server!.seen.length, 1);
    });

    it("finds by display name through the access package's policies, ignoring case as Graph does", async () => {
        const { api, deadline } = await start(() => ({
            status: 200,
            body: {
                id: PACKAGE,
                catalog: { id: CATALOG },
                assignmentPolicies: [
                    { id: "1", displayName: "O'Brien & co" },
                    { id: "2", displayName: "o'brien & CO" },
                    { id: "3", displayName: "O'Brien & co." },
                ],
            },
        }));
        const found = await api.findByDisplayName(PACKAGE, "O'Brien & co", { deadline });
        const accessPackage = { id: PACKAGE, catalog: { id: CATALOG } };
        assert.deepEqual(found, [
            { id: "1", displayName: "O'Brien & co", accessPackage },
            { id: "2", displayName: "o'brien & CO", accessPackage },
        ]);
        const url = new URL(server!.seen[0].url, "http://x");
        assert.equal(url.pathname, `/v1.0/identityGovernance/entitlementManagement/accessPackages/${PACKAGE}`);
        assert.equal(url.searchParams.get("$expand"), "assignmentPolicies,catalog");
    });

    it("says that the access package does not exist when the lookup answers 404", async () => {
        const { api, deadline } = await start(() => graphError(404, "ResourceNotFound", "not found", "rid-ap"));
        await assert.rejects(
            api.create({ displayName: "All Users", accessPackage: { id: PACKAGE } }, { deadline }),
            (error: GraphRequestError) =>
                /Graph returned 404 ResourceNotFound.*Access package .* does not exist .*check accessPackageId/.test(error.message),
        );
        assert.equal(server!.seen.length, 1, "nothing is posted");
    });

    it("retries throttled reads honouring Retry-After", async () => {
        const answers: Reply[] = [
            { ...graphError(429, "TooManyRequests", "slow down"), headers: { "Retry-After": "2" } },
            { status: 200, body: { id: "p" } },
        ];
        const { api, clock, deadline } = await start(() => answers.shift() as Reply);
        assert.deepEqual(await api.get("p", { deadline }), { id: "p" });
        assert.deepEqual(clock.sleeps, [2_000]);
    });

    it("fails with 'timed out after N attempts' and the last error when throttling outlasts the deadline", async () => {
        const { api, clock } = await start(() => ({
            ...graphError(503, "ServiceUnavailable", "busy", "rid-503"),
            headers: { "Retry-After": "3" },
        }));
        const deadline = clock.time + 10_000;
        await assert.rejects(api.get("p", { deadline, displayName: "All Users" }), (error: GraphRequestError) => {
            assert.equal(error.attempts, 4);
            assert.ok(error.timedOut);
            assert.match(
                error.message,
                /timed out after 4 attempts within the operation timeout; last error: Graph returned 503 ServiceUnavailable: busy \(request-id rid-503/,
            );
            return true;
        });
        assert.deepEqual(clock.sleeps, [3_000, 3_000, 3_000]);
    });
});

describe("createPolicyApi: only Graph's own answers count", () => {
    let server: TinyGraph | undefined;
    afterEach(async () => {
        await server?.close();
        server = undefined;
    });

    async function start(script: Script): Promise<{ api: PolicyApi; clock: ReturnType<typeof fakeClock> }> {
        server = await startTinyGraph(script);
        const clock = fakeClock();
        const settings = resolveGraphSettings(undefined, { ENTRA_GRAPH_ENDPOINT: server.endpoint, ENTRA_GRAPH_TOKEN: TOKEN });
        return {
            api: createPolicyApi(settings, { ...clock, retryTiming: { baseDelayMs: 100, maxDelayMs: 1_000, attemptTimeoutMs: 5_000 } }),
            clock,
        };
    }

    const PROXY_PAGE: Reply = {
        status: 404,
        text: "<!DOCTYPE html><html><body><h1>404 Not Found</h1></body></html>",
        headers: { "content-type": "text/html" },
    };
    const notGraph: Array<{ what: string; reply: Reply; says: RegExp }> = [
        { what: "an HTML 404 from a proxy", reply: PROXY_PAGE, says: /status 404, content-type text\/html, body "<!DOCTYPE html>/ },
        {
            what: "a 404 in Graph's shape without a not-found code",
            reply: { status: 404, body: { error: { code: "BadGateway" } }, headers: { "request-id": "r" } },
            says: /status 404/,
        },
        {
            what: "a 404 with Graph's code but no request-id",
            reply: { status: 404, body: { error: { code: "ResourceNotFound", message: "gone" } } },
            says: /status 404/,
        },
        { what: "an empty 200", reply: { status: 200, text: "" }, says: /status 200, content-type \(none\), empty body/ },
        {
            what: "a truncated 200",
            reply: { status: 200, text: '{"id":"p1","displayNa', headers: { "content-type": "application/json" } },
            says: /status 200, content-type application\/json, body "\{\\"id\\":\\"p1\\",\\"displayNa"/,
        },
        { what: "a null 200", reply: { status: 200, text: "null", headers: { "content-type": "application/json" } }, says: /body "null"/ },
        { what: "a 200 with another policy", reply: { status: 200, body: { id: "p2" } }, says: /an answer that is not policy p1/ },
    ];
    for (const { what, reply, says } of notGraph) {
        it(`a read answered with ${what} to the deadline is an error naming what came, never "gone" or a policy`, async () => {
            const { api, clock } = await start(() => reply);
            await assert.rejects(api.get("p1", { deadline: clock.time + 3_000, displayName: "All Users" }), (error: unknown) => {
                assert.ok(error instanceof GraphRequestError, String(error));
                assert.equal(error.code, "NotGraphAnswer");
                assert.match(error.message, says);
                assert.ok(error.timedOut || error.attempts > 1, `retried within the deadline: ${error.message}`);
                return true;
            });
            assert.ok(server!.seen.length > 1, "retried");
        });
    }

    it("a read answered with a proxy's 404 and then by Graph takes Graph's answer", async () => {
        const { api, clock } = await start((_request, seen) =>
            seen.length === 1 ? PROXY_PAGE : { status: 200, body: { id: "p1", description: "real" } },
        );
        assert.deepEqual(await api.get("p1", { deadline: clock.time + 3_000 }), { id: "p1", description: "real" });
    });

    it("a delete answered with a proxy's 404 to the deadline fails: the policy is not taken for gone", async () => {
        const { api, clock } = await start(() => PROXY_PAGE);
        await assert.rejects(api.remove("p1", { deadline: clock.time + 3_000 }), (error: unknown) => {
            assert.ok(error instanceof GraphRequestError);
            assert.match(
                error.message,
                /^deleting access package assignment policy \(p1\): .*NotGraphAnswer: an answer that is not Graph's: status 404, content-type text\/html/,
            );
            return true;
        });
    });

    it("a delete's 404 shortly after the policy was written is asked again, and the DELETE that finds it deletes it", async () => {
        let deletes = 0;
        const { api, clock } = await start((request) => {
            if (request.method === "DELETE")
                return ++deletes <= 2 ? graphError(404, "ResourceNotFound", "not replicated yet") : { status: 204 };
            return graphError(404, "ResourceNotFound", "gone");
        });
        const createdDateTime = new Date().toISOString();
        assert.equal(await api.remove("p1", { deadline: clock.time + 60_000, lastKnown: { createdDateTime } }), "deleted");
        assert.equal(deletes, 3);
    });

    it("a delete's 404 long after the last write is believed at once", async () => {
        const { api, clock } = await start(() => graphError(404, "ResourceNotFound", "gone"));
        assert.equal(
            await api.remove("p1", { deadline: clock.time + 60_000, lastKnown: { createdDateTime: "2020-01-01T00:00:00Z" } }),
            "alreadyGone",
        );
        assert.equal(server!.seen.length, 1);
    });

    it("a name lookup answered with an empty 200 is not taken for a free name: nothing is posted", async () => {
        const { api, clock } = await start(() => ({ status: 200, text: "" }));
        await assert.rejects(api.create(NEW_POLICY, { deadline: clock.time + 3_000 }), /NotGraphAnswer/);
        assert.ok(server!.seen.every((request) => request.method === "GET"));
    });

    it("a POST answered by a proxy's page is an unknown outcome: the policy it made is found by its mark, and another writer's same-named policy is left alone", async () => {
        const store = policyStore();
        let other: StoredPolicy | undefined;
        const { api, clock } = await start(
            tenant(store, {
                post: (request) => {
                    other = store.add("All Users", undefined, "another writer's");
                    store.addFrom(request);
                    return { status: 502, text: "<html>Bad gateway</html>", headers: { "content-type": "text/html" } };
                },
            }),
        );
        const created = await api.create(NEW_POLICY, { deadline: clock.time + 60_000 });
        assert.equal(store.policies.size, 2);
        assert.notEqual(created.id, other?.id);
        assert.equal(store.policies.get(other!.id)?.description, "another writer's", "neither taken nor changed");
        assert.equal(store.policies.get(created.id as string)?.description, "new");
        assert.deepEqual(traffic(server!.seen), ["lookup", "POST", "lookup", "PUT"]);
    });

    it("a POST that Graph applies after the answer was lost and the POST repeated: the late policy, marked, is found and deleted", async () => {
        const store = policyStore();
        let late: (() => void) | undefined;
        let lookups = 0;
        const { api, clock } = await start(
            tenant(store, {
                // The first POST is answered 504 and applied only after the repeated one.
                post: (request, n) =>
                    n === 1
                        ? ((late = () => void store.addFrom(request)), graphError(504, "GatewayTimeout", "slow"))
                        : store.created(request),
                lookup: (request) => {
                    if (++lookups === 6) late?.();
                    return store.list(request);
                },
            }),
        );
        const created = await api.create(NEW_POLICY, { deadline: clock.time + 60_000 });
        assert.deepEqual([...store.policies.keys()], [created.id]);
        assert.equal(store.policies.get(created.id as string)?.description, "new");
        assert.deepEqual(traffic(server!.seen).slice(-2), ["DELETE", "GET"]);
    });

    it("never deletes a same-named policy without its mark, however the timestamps fall", async () => {
        const store = policyStore();
        const { api, clock } = await start(
            tenant(store, {
                post: (request, n) => {
                    if (n === 1) {
                        // Another writer's create lands between this create's guard and its answered POST.
                        store.add("All Users", undefined, "another writer's");
                        return { drop: true };
                    }
                    return store.created(request);
                },
            }),
        );
        const created = await api.create(NEW_POLICY, { deadline: clock.time + 60_000 });
        assert.equal(store.policies.size, 2);
        assert.ok(!traffic(server!.seen).includes("DELETE"));
        assert.ok(store.policies.has(created.id as string));
    });
});
