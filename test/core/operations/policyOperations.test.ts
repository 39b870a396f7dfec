/**
 * The core's policy operations (`createPolicyOperations`), as any front door serves them: settings read lazily,
 * check and diff without Graph, the body of the checked inputs sent as it is, and the partial create surfacing as
 * an error that carries what state must keep.
 */
import assert from "node:assert/strict";
import { GraphRequestError } from "../../../provider/core/graph";
import { WriteAppliedError } from "../../../provider/core/operations";
import { toGraphBody, type CanonicalPolicy, type PolicyOutputs } from "../../../provider/core/model";
import { createPolicyOperations, PartialCreateError, type PolicyOperations } from "../../../provider/core/operations";
import { graphError, startTinyGraph, type Script, type TinyGraph } from "../../support/fakes/tinyGraph";
import { storedAllUsers } from "../../support/policies";

const PACKAGE = "49d2c59b-0a81-463d-a8ec-ddad3935d8a0";
const CATALOG = "c0c0c0c0-0000-4000-8000-000000000001";
const ID = "87e1c7f7-c7f7-87e1-f7c7-e187f7c7e187";

const DECLARED = {
    accessPackageId: PACKAGE,
    displayName: "All Users",
    description: "made",
    allowedTargetScope: "allMemberUsers",
    requestorSettings: { enableTargetsToSelfAddAccess: true },
    requestApprovalSettings: {},
};

/** The policy as Graph stores it, without navigation properties. */
function stored(description: string): Record<string, unknown> {
    return storedAllUsers(ID, description);
}

function checked(operations: PolicyOperations, declared: Record<string, unknown> = DECLARED): CanonicalPolicy {
    const result = operations.check({}, declared);
    assert.deepEqual(result.failures, []);
    return result.inputs as CanonicalPolicy;
}

describe("policy operations in the core", () => {
    let server: TinyGraph | undefined;
    afterEach(async () => {
        await server?.close();
        server = undefined;
    });

    /** Operations on a scripted Graph; the environment is empty, so only `config` counts. */
    async function operationsOn(script: Script): Promise<PolicyOperations> {
        server = await startTinyGraph(script);
        const config: Record<string, string> = {
            "entra:graphEndpoint": server.endpoint,
            "entra:token": "SENTINEL-token-51c2",
            "entra:retryBaseDelay": "0.01",
            "entra:retryMaxDelay": "0.02",
            "entra:requestTimeout": "1",
            "entra:operationTimeout": "1",
        };
        return createPolicyOperations({ get: (key) => config[key] }, {});
    }

    it("check reads the settings from the environment it is given, and fails naming the one at fault", () => {
        const operations = createPolicyOperations(undefined, { ENTRA_GRAPH_ENDPOINT: "not a url" });
        assert.throws(() => operations.check({}, DECLARED), /ENTRA_GRAPH_ENDPOINT/);
    });

    it("check and diff send nothing to Graph", async () => {
        const operations = await operationsOn(() => graphError(500, "Unexpected", "no request expected"));
        const inputs = checked(operations);
        assert.equal(operations.check({}, { ...DECLARED, displayName: "" }).failures.length, 1);
        const olds = { ...checked(operations, { ...DECLARED, description: "old" }), id: ID };
        assert.deepEqual(operations.diff(olds, inputs), { changes: true, replaces: [], diffs: ["description"] });
        assert.deepEqual(server!.seen, []);
    });

    it("update sends the checked inputs' body with the carried properties, and names them when Graph refuses it", async () => {
        const operations = await operationsOn(() => graphError(400, "BadRequest", "Invalid property riskLevel."));
        const carried = { riskLevel: "high" };
        const olds = { ...checked(operations, { ...DECLARED, description: "old" }), id: ID, carriedGraphProperties: carried };
        const news = checked(operations);
        await assert.rejects(operations.update(ID, olds as PolicyOutputs, news), (error: unknown) => {
            assert.ok(error instanceof GraphRequestError);
            assert.match(error.message, /does not know \(riskLevel\)/);
            return true;
        });
        assert.deepEqual(
            server!.seen.map((request) => [request.method, request.body]),
            [["PUT", JSON.parse(JSON.stringify(toGraphBody(news, carried)))]],
        );
    });

    it("read keeps what state knew that Graph's answer leaves out, and gives the inputs a refresh stores", async () => {
        const operations = await operationsOn(() => ({ status: 200, body: stored("made") }));
        const previous = { ...checked(operations), id: ID, catalogId: CATALOG, adopt: true } as PolicyOutputs;
        const read = await operations.read(ID, previous);
        assert.ok(read);
        assert.equal(read.outputs.accessPackageId, PACKAGE);
        assert.equal(read.outputs.catalogId, CATALOG);
        assert.equal(read.inputs.adopt, true);
        assert.equal("id" in read.inputs || "catalogId" in read.inputs || "modifiedDateTime" in read.inputs, false);
        assert.equal(operations.diff(read.outputs, checked(operations)).changes, false);
    });

    it("read of a policy Graph no longer has is undefined", async () => {
        const operations = await operationsOn(() => graphError(404, "ResourceNotFound", "gone"));
        assert.equal(await operations.read(ID), undefined);
    });

    it("a create that made a policy but could not finish fails with the policy's id and the inputs to keep in state", async () => {
        const operations = await operationsOn((request) => {
            if (request.method === "POST") {
                const { description } = request.body as { description: string };
                return { status: 201, body: { ...stored(description), createdDateTime: new Date().toISOString() } };
            }
            if (request.method === "PUT") return graphError(503, "ServiceUnavailable", "busy");
            return { status: 200, body: { id: PACKAGE, catalog: { id: CATALOG }, assignmentPolicies: [] } };
        });
        // A front door's own keys travel with the inputs: the dynamic provider's state needs its __provider back.
        const inputs = { ...checked(operations), __provider: "serialized" } as CanonicalPolicy;
        const error = await operations.create(inputs).then(
            () => assert.fail("create should fail"),
            (rejected: unknown) => rejected,
        );
        assert.ok(error instanceof PartialCreateError, String(error));
        assert.equal(error.id, ID);
        assert.equal(error.inputs, inputs);
        assert.ok(error.cause instanceof WriteAppliedError);
        assert.equal(error.message, error.cause.message);
        assert.match(error.message, new RegExp(`^created access package assignment policy "All Users" \\(${ID}\\) but `));
    });
});
