/**
 * The provider operations (`bindOperations`) against answers the emulator never gives: Graph bodies that leave out
 * navigation properties, shortened or stale answers to a PUT, and a create that leaves a policy it cannot confirm.
 */
import assert from "node:assert/strict";
import { bindOperations } from "../../provider/dynamic/implementation";
import type { PolicyInputs, PolicyOutputs } from "../../provider/core/types";
import { graphError, startTinyGraph, type Script, type TinyGraph } from "../support/fakes/tinyGraph";
import { storedAllUsers } from "../support/policies";

const PACKAGE = "49d2c59b-0a81-463d-a8ec-ddad3935d8a0";
const CATALOG = "c0c0c0c0-0000-4000-8000-000000000001";
const ID = "87e1c7f7-c7f7-87e1-f7c7-e187f7c7e187";

/** The policy as Graph stores it, without navigation properties; modified now unless said otherwise. */
function stored(description: string, modifiedDateTime = new Date().toISOString()): Record<string, unknown> {
    return storedAllUsers(ID, description, modifiedDateTime);
}

describe("provider operations against Graph answers that leave things out", () => {
    let server: TinyGraph | undefined;
    afterEach(async () => {
        await server?.close();
        server = undefined;
    });

    async function operations(script: Script, timeoutSeconds = "5") {
        server = await startTinyGraph(script);
        const config: Record<string, string> = {
            "entra:graphEndpoint": server.endpoint,
            "entra:token": "SENTINEL-token-0f3a",
            "entra:retryBaseDelay": "0.01",
            "entra:retryMaxDelay": "0.02",
            "entra:requestTimeout": "1",
            "entra:operationTimeout": timeoutSeconds,
        };
        return bindOperations({ get: (key) => config[key] });
    }

    async function inputs(ops: Awaited<ReturnType<typeof operations>>, description: string): Promise<PolicyInputs> {
        const declared = {
            accessPackageId: PACKAGE,
            displayName: "All Users",
            description,
            allowedTargetScope: "allMemberUsers",
            requestorSettings: { enableTargetsToSelfAddAccess: true },
            requestApprovalSettings: { isApprovalRequiredForAdd: false, stages: [] },
        };
        const checked = await ops.check({} as PolicyInputs, declared as unknown as PolicyInputs);
        assert.deepEqual(checked.failures ?? [], []);
        return checked.inputs as PolicyInputs;
    }

    it("read keeps accessPackageId and catalogId when Graph's answer does not expand them, so the next diff replaces nothing", async () => {
        const ops = await operations(() => ({ status: 200, body: stored("same") }));
        const declared = await inputs(ops, "same");
        const previous = { ...declared, id: ID, catalogId: CATALOG } as PolicyOutputs;
        const read = await ops.read(ID, previous);
        const props = read.props as PolicyOutputs;
        assert.equal(props.accessPackageId, PACKAGE);
        assert.equal(props.catalogId, CATALOG);
        assert.equal((read.inputs as PolicyInputs).accessPackageId, PACKAGE);
        const diff = await ops.diff(ID, props, declared);
        assert.deepEqual(diff.replaces, []);
        assert.equal(diff.changes, false);
    });

    it("update takes a complete PUT answer for state, with one request, keeping the catalog it knew", async () => {
        const ops = await operations((request) =>
            request.method === "PUT" ? { status: 200, body: stored("new") } : graphError(500, "Unexpected", "no other request"),
        );
        const olds = { ...(await inputs(ops, "old")), id: ID, catalogId: CATALOG } as PolicyOutputs;
        const news = await inputs(ops, "new");
        const updated = await ops.update(ID, olds, news);
        const outs = updated.outs as PolicyOutputs;
        assert.equal(outs.description, "new");
        assert.equal(outs.accessPackageId, PACKAGE);
        assert.equal(outs.catalogId, CATALOG);
        assert.equal((await ops.diff(ID, outs, news)).changes, false);
        assert.deepEqual(
            server!.seen.map((request) => request.method),
            ["PUT"],
        );
    });

    it("update after a shortened PUT answer reads back past stale bodies until Graph shows the PUT, then diffs as no change", async () => {
        let reads = 0;
        const ops = await operations((request) => {
            if (request.method === "PUT") return { status: 200, body: { id: ID, displayName: "All Users" } };
            // A GET that omits accessPackage too: the comparison must not take that for a change of package.
            return { status: 200, body: stored(++reads <= 2 ? "old" : "new") };
        });
        const olds = { ...(await inputs(ops, "old")), id: ID, catalogId: CATALOG } as PolicyOutputs;
        const news = await inputs(ops, "new");
        const updated = await ops.update(ID, olds, news);
        const outs = updated.outs as PolicyOutputs;
        assert.equal(outs.description, "new");
        assert.equal(reads, 3);
        const diff = await ops.diff(ID, outs, news);
        assert.equal(diff.changes, false, JSON.stringify(diff));
    });

    it("update after a 204 takes a read-back modified since the old state even when Graph holds the inputs in another form", async () => {
        const before = "2026-01-01T00:00:00Z";
        const answers = [stored("old", before), stored("New, as Graph spells it", "2026-01-01T00:00:01Z")];
        const ops = await operations((request) =>
            request.method === "PUT"
                ? { status: 204 }
                : answers.length > 0
                  ? { status: 200, body: answers.shift() }
                  : graphError(500, "Unexpected", "no more reads"),
        );
        const olds = { ...(await inputs(ops, "old")), id: ID, catalogId: CATALOG, modifiedDateTime: before } as PolicyOutputs;
        const updated = await ops.update(ID, olds, await inputs(ops, "new"));
        assert.equal(
            (updated.outs as PolicyOutputs).description,
            "New, as Graph spells it",
            "state holds what Graph holds, so the next preview shows it",
        );
        assert.deepEqual(
            server!.seen.map((request) => request.method),
            ["PUT", "GET", "GET"],
        );
    });

    it("adoption after a 204 likewise takes a read-back modified since the adopted version", async () => {
        const before = "2026-01-01T00:00:00Z";
        const ops = await operations((request) => {
            if (request.method === "PUT") return { status: 204 };
            if (request.url.includes("/accessPackages/"))
                return { status: 200, body: { id: PACKAGE, catalog: { id: CATALOG }, assignmentPolicies: [stored("old", before)] } };
            return { status: 200, body: stored("New, as Graph spells it", "2026-01-01T00:00:01Z") };
        });
        const adopted = await ops.create({ ...(await inputs(ops, "new")), adopt: true });
        assert.equal(adopted.id, ID);
        assert.equal((adopted.outs as PolicyOutputs).description, "New, as Graph spells it");
        assert.equal((adopted.outs as PolicyOutputs).catalogId, CATALOG);
        assert.deepEqual(
            server!.seen.map((request) => request.method),
            ["GET", "PUT", "GET"],
        );
    });

    it("update whose read-back stays stale (the version state knew) fails naming the write, StaleRead and the request-id", async () => {
        const before = "2026-01-01T00:00:00Z";
        const ops = await operations(
            (request) =>
                request.method === "PUT"
                    ? { status: 204 }
                    : { status: 200, headers: { "request-id": "rid-stale" }, body: stored("old", before) },
            "1",
        );
        const olds = { ...(await inputs(ops, "old")), id: ID, modifiedDateTime: before } as PolicyOutputs;
        await assert.rejects(ops.update(ID, olds, await inputs(ops, "new")), (error: Error) => {
            assert.match(
                error.message,
                new RegExp(
                    `^updated access package assignment policy "All Users" \\(${ID}\\) but could not read it back: .*StaleRead.*request-id rid-stale`,
                ),
            );
            return true;
        });
    });

    it("create whose duplicate cannot be removed fails as a partial create that keeps the id of the policy it made", async () => {
        const created: Record<string, unknown>[] = [];
        let lookups = 0;
        const ops = await operations((request) => {
            if (request.method === "POST") {
                // Graph echoes the description sent, the create's mark included.
                const { description } = request.body as { description: string };
                const policy = {
                    ...stored(description),
                    id: `00000000-0000-4000-8000-00000000000${created.length + 1}`,
                    createdDateTime: new Date().toISOString(),
                };
                created.push(policy);
                // The first POST is applied, but its answer is a 503.
                return created.length === 1 ? graphError(503, "ServiceUnavailable", "busy") : { status: 201, body: policy };
            }
            if (request.method === "DELETE") return graphError(400, "BadRequest", "The policy has 1 active assignment.");
            if (request.method === "PUT") {
                const policy = created.find((made) => request.url.endsWith(made.id as string)) as Record<string, unknown>;
                policy.description = (request.body as { description: string }).description;
                return { status: 200, body: policy };
            }
            // The list shows nothing new until after the second POST.
            const listed = ++lookups <= 4 ? [] : created;
            return { status: 200, body: { id: PACKAGE, catalog: { id: CATALOG }, assignmentPolicies: listed } };
        });
        // The engine's inputs carry the serialized provider, which the host needs in the properties it keeps.
        const declared = { ...(await inputs(ops, "made")), __provider: "serialized" } as PolicyInputs;
        const error = await ops.create(declared).then(
            () => assert.fail("create should fail"),
            (rejected: unknown) => rejected as Error & { id?: string; properties?: Record<string, unknown>; reasons?: string[] },
        );
        const kept = created[1].id as string;
        assert.equal(error.id, kept);
        assert.equal(error.properties?.id, kept);
        assert.equal(error.properties?.accessPackageId, PACKAGE);
        assert.equal(error.properties?.__provider, "serialized");
        assert.match(
            error.message,
            new RegExp(
                `^created access package assignment policy "All Users" \\(${kept}\\) but could not delete ${created[0].id as string}, a duplicate`,
            ),
        );
        assert.deepEqual(error.reasons, [error.message]);
    });
});
