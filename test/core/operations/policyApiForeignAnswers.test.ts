import assert from "node:assert/strict";
import { GraphRequestError } from "../../../provider/core/graph";
import { graphError, type Reply } from "../../support/fakes/tinyGraph";
import { NEW_POLICY, policyStore, tenant, traffic, useTinyGraphApi, type StoredPolicy } from "./policyApiFixtures";

describe("createPolicyApi: only Graph's own answers count", () => {
    const graph = useTinyGraphApi();
    const { start } = graph;

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
            assert.ok(graph.server!.seen.length > 1, "retried");
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
        assert.equal(graph.server!.seen.length, 1);
    });

    it("a name lookup answered with an empty 200 is not taken for a free name: nothing is posted", async () => {
        const { api, clock } = await start(() => ({ status: 200, text: "" }));
        await assert.rejects(api.create(NEW_POLICY, { deadline: clock.time + 3_000 }), /NotGraphAnswer/);
        assert.ok(graph.server!.seen.every((request) => request.method === "GET"));
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
        assert.deepEqual(traffic(graph.server!.seen), ["lookup", "POST", "lookup", "PUT"]);
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
        assert.deepEqual(traffic(graph.server!.seen).slice(-2), ["DELETE", "GET"]);
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
        assert.ok(!traffic(graph.server!.seen).includes("DELETE"));
        assert.ok(store.policies.has(created.id as string));
    });
});
