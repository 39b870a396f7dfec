import assert from "node:assert/strict";
import { GraphRequestError } from "../../../provider/core/graph";
import { WriteAppliedError } from "../../../provider/core/operations";
import { graphError, type Reply } from "../../support/fakes/tinyGraph";
import { CATALOG, PACKAGE, POLICIES, TOKEN, traffic, useTinyGraphApi } from "./policyApiFixtures";

describe("createPolicyApi: read, replace, delete, list", () => {
    const graph = useTinyGraphApi();
    const { start } = graph;

    it("sends the static token as a bearer token to ${endpoint}/v1.0", async () => {
        const { api, deadline } = await start(() => ({ status: 200, body: { id: "p1" } }));
        assert.deepEqual(await api.get("p1", { deadline }), { id: "p1" });
        const [request] = graph.server!.seen;
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
            assert.equal(graph.server!.seen.length, 4);
        });

        it("reports a 404 at once as gone for a policy created long ago", async () => {
            const { api, deadline } = await start(() => graphError(404, "ResourceNotFound", "gone"));
            assert.equal(
                await api.get("p", { deadline, lastKnown: { createdDateTime: longAgo(), modifiedDateTime: longAgo() } }),
                undefined,
            );
            assert.equal(graph.server!.seen.length, 1);
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
            assert.equal(graph.server!.seen.length, 1);
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
            graph.server!.seen.map((r) => r.method),
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
        assert.deepEqual(traffic(graph.server!.seen), ["DELETE", "DELETE"]);
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
        assert.equal(graph.server!.seen[0].method, "PUT");
        assert.deepEqual(graph.server!.seen[0].body, { displayName: "All Users", description: "d" });
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
        assert.deepEqual(traffic(graph.server!.seen), ["PUT"]);
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
        assert.deepEqual(traffic(graph.server!.seen), ["PUT", "GET", "GET", "GET"]);
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
        assert.deepEqual(traffic(graph.server!.seen), ["PUT", "GET", "GET"]);
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
                : { status: 200, body: { value: [{ id: "a" }], "@odata.nextLink": `${graph.server!.endpoint}${POLICIES}?$skiptoken=abc` } },
        );
        assert.deepEqual(
            (await api.list({ accessPackageId: PACKAGE }, { deadline })).map((p) => p.id),
            ["a", "b"],
        );
        assert.equal(new URL(graph.server!.seen[0].url, "http://x").searchParams.get("$filter"), `accessPackage/id eq '${PACKAGE}'`);
        assert.equal(graph.server!.seen[1].url, `${POLICIES}?$skiptoken=abc`);
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
        assert.equal(new URL(graph.server!.seen[0].url, "http://x").searchParams.get("$filter"), null);
    });

    it("stops paging with an error when a nextLink comes round again, after reading each page once", async () => {
        const { api, deadline } = await start((request) => ({
            status: 200,
            body: {
                value: [{ id: request.url.includes("page=2") ? "b" : "a" }],
                "@odata.nextLink": `${graph.server!.endpoint}${POLICIES}?page=${request.url.includes("page=1") ? 2 : 1}`,
            },
        }));
        await assert.rejects(api.list({}, { deadline }), (error: unknown) => {
            assert.ok(error instanceof GraphRequestError);
            assert.equal(error.code, "PagingStopped");
            assert.match(error.message, /^listing access package assignment policies: .*@odata\.nextLink repeats a page already read/);
            return true;
        });
        assert.equal(graph.server!.seen.length, 3);
    });

    it("stops paging with an error past the page limit", async () => {
        let page = 0;
        const { api, deadline } = await start(() => ({
            status: 200,
            body: { value: [], "@odata.nextLink": `${graph.server!.endpoint}${POLICIES}?page=${++page}` },
        }));
        await assert.rejects(api.list({}, { deadline }), /PagingStopped: Graph returned more than 1000 pages/);
        assert.equal(graph.server!.seen.length, 1_000);
    });

    it("refuses to follow a nextLink to another host", async () => {
        const { api, deadline } = await start(() => ({
            status: 200,
            body: { value: [], "@odata.nextLink": "https://evil.example/v1.0/x" },
        }));
        await assert.rejects(api.list({}, { deadline }), /outside .*refusing to follow it/);
        assert.equal(graph.server!.seen.length, 1);
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
        const url = new URL(graph.server!.seen[0].url, "http://x");
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
        assert.equal(graph.server!.seen.length, 1, "nothing is posted");
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
