import assert from "node:assert/strict";
import { GraphRequestError } from "../../../provider/core/graph";
import { lookUpName } from "../../../provider/core/operations/nameLookup";
import { answer, graphError, scriptedDeps, START } from "../../support/fakes/scriptedDeps";

const PACKAGE = "AP-1";
const LOOKUP = "GET /identityGovernance/entitlementManagement/accessPackages/AP-1?$select=id&$expand=assignmentPolicies%2Ccatalog";

describe("lookUpName", () => {
    it("reads the access package with its policies and catalog, and keeps those named alike ignoring case", async () => {
        const { deps, sent } = scriptedDeps([
            answer(200, {
                id: "ap-1",
                catalog: { id: "cat-1" },
                assignmentPolicies: [
                    { id: "p1", displayName: "ALL users" },
                    { id: "p2", displayName: "Guests" },
                ],
            }),
        ]);
        const found = await lookUpName(deps, PACKAGE, "All Users", START + 1_000);
        assert.deepEqual(found, {
            named: [{ id: "p1", displayName: "ALL users", accessPackage: { id: PACKAGE, catalog: { id: "cat-1" } } }],
            catalogId: "cat-1",
        });
        assert.deepEqual(sent(), [LOOKUP]);
    });

    it("says that the access package does not exist when Graph answers 404", async () => {
        const { deps } = scriptedDeps([graphError(404, "ResourceNotFound")]);
        await assert.rejects(lookUpName(deps, PACKAGE, "x", START + 1_000), (error: unknown) => {
            assert.ok(error instanceof GraphRequestError);
            assert.equal(error.hint, "Access package AP-1 does not exist (or this identity cannot read it): check accessPackageId.");
            assert.match(error.message, /^listing access package assignment policies named "x" in access package AP-1: Graph returned 404/);
            return true;
        });
    });

    it("reads again an answer without the package's policies, which would pass for a free name", async () => {
        const { deps, clock, sent } = scriptedDeps([
            answer(200, { id: "AP-1" }),
            answer(200, {}),
            answer(200, { id: "AP-1", assignmentPolicies: [] }),
        ]);
        assert.deepEqual(await lookUpName(deps, PACKAGE, "x", START + 1_000), { named: [], catalogId: undefined });
        assert.equal(sent().length, 3);
        assert.deepEqual(clock.sleeps, [75, 150]);
    });

    it("fails naming what came when such answers last to the deadline", async () => {
        const { deps, sent } = scriptedDeps([answer(200, null), answer(200, null)]);
        await assert.rejects(lookUpName(deps, PACKAGE, "x", START + 200), (error: unknown) => {
            assert.ok(error instanceof GraphRequestError);
            assert.equal(error.code, "NotGraphAnswer");
            assert.equal(error.timedOut, true);
            assert.match(
                error.message,
                /an answer that is not access package AP-1 with its policies: status 200, content-type \(none\), body "null"/,
            );
            return true;
        });
        assert.equal(sent().length, 2);
    });
});
