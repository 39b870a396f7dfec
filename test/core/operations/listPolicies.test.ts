import assert from "node:assert/strict";
import { listPolicies } from "../../../provider/core/operations/listPolicies";
import { answer, graphError, scriptedDeps, START } from "../../support/fakes/scriptedDeps";

const POLICIES = "/identityGovernance/entitlementManagement/assignmentPolicies";
const EXPAND = encodeURIComponent("accessPackage,catalog,questions,customExtensionStageSettings($expand=customExtension)");

describe("listPolicies", () => {
    it("filters by access package on Graph's side", async () => {
        const { deps, sent } = scriptedDeps([answer(200, { value: [{ id: "a" }] })]);
        assert.deepEqual(await listPolicies(deps, { accessPackageId: "ap'1" }, { deadline: START + 1_000 }), [{ id: "a" }]);
        assert.deepEqual(sent(), [`GET ${POLICIES}?$filter=${encodeURIComponent("accessPackage/id eq 'ap''1'")}&$expand=${EXPAND}`]);
    });

    it("picks a catalog's policies by their expanded catalog or their access package's, ignoring case", async () => {
        const value = [
            { id: "a", catalog: { id: "CAT" } },
            { id: "b", accessPackage: { catalog: { id: "cat" } } },
            { id: "c", catalog: { id: "other" } },
            { id: "d" },
        ];
        const { deps, sent } = scriptedDeps([answer(200, { value })]);
        const policies = await listPolicies(deps, { catalogId: "Cat" }, { deadline: START + 1_000 });
        assert.deepEqual(
            policies.map((policy) => policy.id),
            ["a", "b"],
        );
        assert.deepEqual(sent(), [`GET ${POLICIES}?$expand=${EXPAND}`]);
    });

    it("names what it was restricted to when listing fails", async () => {
        const { deps } = scriptedDeps([graphError(403, "Forbidden")]);
        await assert.rejects(
            listPolicies(deps, { accessPackageId: "ap-1", catalogId: "cat-1" }, { deadline: START + 1_000 }),
            /^GraphRequestError: listing access package assignment policies in access package ap-1 in catalog cat-1: Graph returned 403/,
        );
    });
});
