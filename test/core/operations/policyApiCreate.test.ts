import assert from "node:assert/strict";
import { GraphRequestError } from "../../../provider/core/graph";
import { DisplayNameTakenError, WriteAppliedError } from "../../../provider/core/operations";
import { graphError } from "../../support/fakes/tinyGraph";
import {
    CATALOG,
    markOf,
    NEW_POLICY,
    PACKAGE,
    POLICIES,
    policyStore,
    tenant,
    traffic,
    useTinyGraphApi,
    type StoredPolicy,
} from "./policyApiFixtures";

describe("createPolicyApi: create", () => {
    const graph = useTinyGraphApi();
    const { start } = graph;

    it("creates with the name lookup, a POST marked as this create's and the PUT that takes the mark off: its answer, completed with what was sent, stands for a read-back", async () => {
        const store = policyStore();
        const { api, deadline } = await start(tenant(store));
        const questions = [{ "@odata.type": "#microsoft.graph.accessPackageTextInputQuestion", text: "Why?", sequence: 1 }];
        const created = await api.create({ ...NEW_POLICY, questions, customExtensionStageSettings: [] }, { deadline });
        assert.deepEqual(traffic(graph.server!.seen), ["lookup", "POST", "PUT"]);
        const [, post, put] = graph.server!.seen;
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
        assert.deepEqual(traffic(graph.server!.seen), ["lookup", "POST", "PUT", "GET"]);
        assert.deepEqual(created.accessPackage, { id: PACKAGE }, "the body read back");
        assert.equal(created.description, "new");
    });

    it("reads the created policy back when the name lookup did not expand the catalog, which only a read gives", async () => {
        const store = policyStore();
        const { api, deadline } = await start(
            tenant(store, {
                lookup: () => ({ status: 200, body: { id: PACKAGE, assignmentPolicies: [...store.policies.values()] } }),
            }),
        );
        const created = await api.create(NEW_POLICY, { deadline });
        assert.deepEqual(traffic(graph.server!.seen), ["lookup", "POST", "PUT", "GET"]);
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
        assert.deepEqual(traffic(graph.server!.seen), ["lookup", "POST", "PUT"]);
    });

    it("keeps the policy a POST created when the connection dropped after the service applied it, found by its mark, and takes the mark off", async () => {
        const store = policyStore();
        const { api, deadline } = await start(tenant(store, { post: (request) => (store.created(request), { drop: true }) }));
        const created = await api.create(NEW_POLICY, { deadline });
        assert.equal(store.policies.size, 1);
        assert.equal(created.id, [...store.policies.keys()][0]);
        assert.equal([...store.policies.values()][0].description, "new");
        assert.deepEqual(traffic(graph.server!.seen), ["lookup", "POST", "lookup", "PUT"]);
    });

    it("posts again after an unknown outcome when the lookups show nothing, then checks the list once more", async () => {
        const store = policyStore();
        const { api, deadline } = await start(
            tenant(store, { post: (request, n) => (n === 1 ? graphError(500, "InternalServerError", "boom") : store.created(request)) }),
        );
        const created = await api.create(NEW_POLICY, { deadline });
        assert.equal(store.policies.size, 1);
        assert.equal(created.displayName, "All Users");
        const seen = traffic(graph.server!.seen);
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
        assert.deepEqual(traffic(graph.server!.seen), [
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
        assert.ok(!traffic(graph.server!.seen).includes("DELETE"));
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
        assert.equal(graph.server!.seen.filter((r) => r.method === "POST").length, 2);
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
        assert.deepEqual(traffic(graph.server!.seen), ["lookup", "POST", "lookup", "PUT", "GET", "GET", "GET"]);
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
        assert.deepEqual(traffic(graph.server!.seen), ["lookup"]);
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
        assert.deepEqual(traffic(graph.server!.seen), ["lookup"]);
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
});
