import assert from "node:assert/strict";
import { createPolicyApi, resolveGraphSettings, DisplayNameTakenError, GraphRequestError, type PolicyApi } from "../../provider/graph";
import { graphError, startTinyGraph, type Reply, type Script, type SeenRequest, type TinyGraph } from "./support/tinyGraph";

const TOKEN = "SENTINEL-token-3b7e9d";
const PACKAGE = "49d2c59b-0a81-463d-a8ec-ddad3935d8a0";
const POLICIES = "/v1.0/identityGovernance/entitlementManagement/assignmentPolicies";

/** A clock that only moves when the code under test sleeps, so nothing really waits. */
function fakeClock() {
    const clock = { time: 1_000_000, sleeps: [] as number[], now: () => clock.time, sleep: async (ms: number) => void (clock.sleeps.push(ms), (clock.time += ms)), random: () => 0.5 };
    return clock;
}

/** A minimal policy collection for scripts: POST adds, GET/DELETE by id, the access package lists its policies. */
function policyStore() {
    const policies = new Map<string, { id: string; displayName: string; accessPackage: { id: string }; createdDateTime: string }>();
    let next = 0;
    return {
        policies,
        add(displayName: string) {
            const id = `00000000-0000-4000-8000-${String(++next).padStart(12, "0")}`;
            const policy = { id, displayName, accessPackage: { id: PACKAGE }, createdDateTime: `2026-01-01T00:00:${String(next).padStart(2, "0")}Z` };
            policies.set(id, policy);
            return policy;
        },
        /** The access package with its policies expanded, the way the provider looks names up. */
        list(request: SeenRequest): Reply {
            assert.match(request.url, /\/accessPackages\/[^/?]+\?.*\$expand=assignmentPolicies/);
            return { status: 200, body: { id: PACKAGE, assignmentPolicies: [...policies.values()].map(({ accessPackage: _package, ...policy }) => policy) } };
        },
    };
}

describe("createPolicyApi", () => {
    let server: TinyGraph | undefined;
    afterEach(async () => {
        await server?.close();
        server = undefined;
    });

    async function start(script: Script, options: { fetch?: typeof fetch } = {}): Promise<{ api: PolicyApi; clock: ReturnType<typeof fakeClock>; deadline: number }> {
        server = await startTinyGraph(script);
        const clock = fakeClock();
        const settings = resolveGraphSettings(undefined, { ENTRA_GRAPH_ENDPOINT: server.endpoint, ENTRA_GRAPH_TOKEN: TOKEN });
        const api = createPolicyApi(settings, { ...clock, ...options, retryTiming: { baseDelayMs: 100, maxDelayMs: 1_000, attemptTimeoutMs: 5_000 } });
        return { api, clock, deadline: clock.time + 60_000 };
    }

    it("sends the static token as a bearer token to ${endpoint}/v1.0", async () => {
        const { api, deadline } = await start(() => ({ status: 200, body: { id: "p1" } }));
        assert.deepEqual(await api.get("p1", { deadline }), { id: "p1" });
        const [request] = server!.seen;
        assert.equal(request.headers.authorization, `Bearer ${TOKEN}`);
        assert.ok(request.url.startsWith(`${POLICIES}/p1?$expand=`));
        assert.equal(new URL(request.url, "http://x").searchParams.get("$expand"), "accessPackage,catalog,questions,customExtensionStageSettings($expand=customExtension)");
    });

    it("reads a missing policy as undefined", async () => {
        const { api, deadline } = await start(() => graphError(404, "ResourceNotFound", "not found"));
        assert.equal(await api.get("gone", { deadline }), undefined);
    });

    it("adopts the policy a POST created when the connection dropped after the service applied it", async () => {
        const store = policyStore();
        const { api, deadline } = await start((request) => {
            if (request.method === "POST") {
                store.add((request.body as { displayName: string }).displayName);
                return { drop: true };
            }
            return store.list(request);
        });
        const created = await api.create({ displayName: "All Users", accessPackage: { id: PACKAGE } }, { deadline });
        assert.equal(store.policies.size, 1);
        assert.equal(created.id, [...store.policies.keys()][0]);
        assert.equal(server!.seen.filter((r) => r.method === "POST").length, 1);
    });

    it("posts again after an unknown outcome when the lookup shows nothing was created", async () => {
        const store = policyStore();
        let posts = 0;
        const { api, deadline } = await start((request) => {
            if (request.method === "POST") {
                return ++posts === 1 ? graphError(500, "InternalServerError", "boom") : { status: 201, body: store.add("All Users") };
            }
            return store.list(request);
        });
        const created = await api.create({ displayName: "All Users", accessPackage: { id: PACKAGE } }, { deadline });
        assert.equal(posts, 2);
        assert.equal(store.policies.size, 1);
        assert.equal(created.displayName, "All Users");
    });

    it("refuses to create a second policy with a display name already used in the access package", async () => {
        const store = policyStore();
        const existing = store.add("All Users");
        let posts = 0;
        const { api, deadline } = await start((request) => {
            if (request.method === "POST") {
                posts++;
                return { status: 201, body: store.add("All Users") };
            }
            return store.list(request);
        });
        await assert.rejects(
            api.create({ displayName: "All Users", accessPackage: { id: PACKAGE } }, { deadline }),
            (error: unknown) => error instanceof DisplayNameTakenError && error.existingIds.join() === existing.id,
        );
        assert.equal(posts, 0);
        assert.equal(store.policies.size, 1);
    });

    it("deletes duplicates its own repeated POSTs left behind and keeps the oldest", async () => {
        const store = policyStore();
        let posts = 0;
        let lists = 0;
        const { api, deadline } = await start((request) => {
            if (request.method === "POST") {
                store.add("All Users");
                return ++posts === 1 ? { drop: true } : graphError(504, "GatewayTimeout", "slow");
            }
            if (request.method === "DELETE") {
                store.policies.delete(request.url.split("/").pop() as string);
                return { status: 204 };
            }
            if (request.url.includes("/accessPackages/")) {
                // The list lags: the first POST's policy shows up only after the second POST.
                return ++lists <= 4 ? { status: 200, body: { id: PACKAGE, assignmentPolicies: [] } } : store.list(request);
            }
            return graphError(404, "ResourceNotFound", "gone");
        });
        const created = await api.create({ displayName: "All Users", accessPackage: { id: PACKAGE } }, { deadline });
        assert.equal(posts, 2);
        assert.deepEqual([...store.policies.keys()], [created.id]);
        assert.equal(created.createdDateTime, "2026-01-01T00:00:01Z");
    });

    it("retries 409 Conflict on create with backoff", async () => {
        const store = policyStore();
        let posts = 0;
        const { api, clock, deadline } = await start((request) =>
            request.method === "POST" ? (++posts < 3 ? graphError(409, "Conflict", "DuplicateKey") : { status: 201, body: store.add("P") }) : store.list(request),
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
        const { api, deadline } = await start(
            (request) => (request.method === "POST" ? { status: 201, body: store.add((request.body as { displayName: string }).displayName) } : store.list(request)),
            { fetch: tracking },
        );
        await Promise.all(["A", "B", "C", "D"].map((name) => api.create({ displayName: name, accessPackage: { id: PACKAGE } }, { deadline })));
        assert.equal(store.policies.size, 4);
        assert.equal(maxInFlight, 1);
    });

    it("tolerates 404 right after create and waits for a body newer than the write", async () => {
        let reads = 0;
        const { api, deadline } = await start(() => {
            reads++;
            if (reads <= 2) {
                return graphError(404, "ResourceNotFound", "not yet");
            }
            return { status: 200, body: { id: "p", modifiedDateTime: reads === 3 ? "2026-01-01T00:00:00Z" : "2026-01-01T00:05:00Z" } };
        });
        const policy = await api.getAfterWrite("p", { deadline, notBefore: "2026-01-01T00:01:00Z" });
        assert.equal(policy.modifiedDateTime, "2026-01-01T00:05:00Z");
        assert.equal(reads, 4);
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
        const { api, clock } = await start(() => (++reads <= 2 ? graphError(404, "ResourceNotFound", "still missing", "rid-404") : { drop: true }));
        const deadline = clock.time + 1_500;
        await assert.rejects(api.getAfterWrite("p", { deadline, displayName: "All Users" }), (error: GraphRequestError) => {
            assert.match(error.message, /timed out after \d+ attempts within the operation timeout; last error: Graph returned 404 ResourceNotFound: still missing/);
            assert.match(error.message, /has not made the policy readable yet/);
            return true;
        });
        assert.ok(reads > 2, "the dropped attempts were retried until the deadline");
    });

    it("confirms a delete, treating the 403 Graph gives right after a delete as gone", async () => {
        const answers: Reply[] = [{ status: 204 }, { status: 200, body: { id: "p" } }, graphError(403, "Forbidden", "denied")];
        const { api, deadline } = await start(() => answers.shift() as Reply);
        assert.equal(await api.remove("p", { deadline }), "deleted");
        assert.deepEqual(server!.seen.map((r) => r.method), ["DELETE", "GET", "GET"]);
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

    it("explains a delete refused because of assignments", async () => {
        const { api, deadline } = await start(() => graphError(400, "BadRequest", "The policy has 2 active assignments and cannot be deleted.", "rid-1"));
        await assert.rejects(api.remove("p1", { deadline, displayName: "All Users" }), (error: GraphRequestError) => {
            assert.match(error.message, /^deleting access package assignment policy "All Users" \(p1\): Graph returned 400 BadRequest: The policy has 2 active assignments/);
            assert.match(error.message, /requestType adminRemove/);
            assert.match(error.message, /pulumi state delete/);
            return true;
        });
    });

    it("replaces with a PUT of the whole body and names the policy when that fails", async () => {
        const answers: Reply[] = [{ status: 200, body: {} }, graphError(400, "BadRequest", "displayName is required", "rid-put")];
        const { api, deadline } = await start(() => answers.shift() as Reply);
        await api.replace("p1", { displayName: "All Users", description: "d" }, { deadline });
        assert.equal(server!.seen[0].method, "PUT");
        assert.deepEqual(server!.seen[0].body, { displayName: "All Users", description: "d" });
        await assert.rejects(api.replace("p1", { displayName: "All Users" }, { deadline }), /updating access package assignment policy "All Users" \(p1\): Graph returned 400 BadRequest: displayName is required \(request-id rid-put/);
    });

    it("lists all pages by following @odata.nextLink and filters by access package or catalog", async () => {
        const { api, deadline } = await start((request) =>
            request.url.includes("skiptoken")
                ? { status: 200, body: { value: [{ id: "b" }] } }
                : { status: 200, body: { value: [{ id: "a" }], "@odata.nextLink": `${server!.endpoint}${POLICIES}?$skiptoken=abc` } },
        );
        assert.deepEqual((await api.list({ accessPackageId: PACKAGE }, { deadline })).map((p) => p.id), ["a", "b"]);
        assert.equal(new URL(server!.seen[0].url, "http://x").searchParams.get("$filter"), `accessPackage/id eq '${PACKAGE}'`);
        assert.equal(server!.seen[1].url, `${POLICIES}?$skiptoken=abc`);
    });

    it("picks a catalog's policies by their expanded catalog, which Graph cannot filter on", async () => {
        const { api, deadline } = await start(() => ({
            status: 200,
            body: { value: [{ id: "a", catalog: { id: "C1" } }, { id: "b", catalog: { id: "c2" } }, { id: "c", accessPackage: { catalog: { id: "c1" } } }] },
        }));
        assert.deepEqual((await api.list({ catalogId: "c1" }, { deadline })).map((p) => p.id), ["a", "c"]);
        assert.equal(new URL(server!.seen[0].url, "http://x").searchParams.get("$filter"), null);
    });

    it("refuses to follow a nextLink to another host", async () => {
        const { api, deadline } = await start(() => ({ status: 200, body: { value: [], "@odata.nextLink": "https://evil.example/v1.0/x" } }));
        await assert.rejects(api.list({}, { deadline }), /outside .*refusing to follow it/);
        assert.equal(server!.seen.length, 1);
    });

    it("finds by display name through the access package's policies, matching the name exactly", async () => {
        const { api, deadline } = await start(() => ({
            status: 200,
            body: { id: PACKAGE, assignmentPolicies: [{ id: "1", displayName: "O'Brien & co" }, { id: "2", displayName: "o'brien & CO" }] },
        }));
        const found = await api.findByDisplayName(PACKAGE, "O'Brien & co", { deadline });
        assert.deepEqual(found, [{ id: "1", displayName: "O'Brien & co", accessPackage: { id: PACKAGE } }]);
        const url = new URL(server!.seen[0].url, "http://x");
        assert.equal(url.pathname, `/v1.0/identityGovernance/entitlementManagement/accessPackages/${PACKAGE}`);
        assert.equal(url.searchParams.get("$expand"), "assignmentPolicies");
    });

    it("says that the access package does not exist when the lookup answers 404", async () => {
        const { api, deadline } = await start(() => graphError(404, "ResourceNotFound", "not found", "rid-ap"));
        await assert.rejects(
            api.create({ displayName: "All Users", accessPackage: { id: PACKAGE } }, { deadline }),
            (error: GraphRequestError) => /Graph returned 404 ResourceNotFound.*Access package .* does not exist .*check accessPackageId/.test(error.message),
        );
        assert.equal(server!.seen.length, 1, "nothing is posted");
    });

    it("retries throttled reads honouring Retry-After", async () => {
        const answers: Reply[] = [{ ...graphError(429, "TooManyRequests", "slow down"), headers: { "Retry-After": "2" } }, { status: 200, body: { id: "p" } }];
        const { api, clock, deadline } = await start(() => answers.shift() as Reply);
        assert.deepEqual(await api.get("p", { deadline }), { id: "p" });
        assert.deepEqual(clock.sleeps, [2_000]);
    });

    it("fails with 'timed out after N attempts' and the last error when throttling outlasts the deadline", async () => {
        const { api, clock } = await start(() => ({ ...graphError(503, "ServiceUnavailable", "busy", "rid-503"), headers: { "Retry-After": "3" } }));
        const deadline = clock.time + 10_000;
        await assert.rejects(api.get("p", { deadline, displayName: "All Users" }), (error: GraphRequestError) => {
            assert.equal(error.attempts, 4);
            assert.ok(error.timedOut);
            assert.match(error.message, /timed out after 4 attempts within the operation timeout; last error: Graph returned 503 ServiceUnavailable: busy \(request-id rid-503/);
            return true;
        });
        assert.deepEqual(clock.sleeps, [3_000, 3_000, 3_000]);
    });
});
