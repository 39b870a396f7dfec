import assert from "node:assert/strict";
import { WriteAppliedError } from "../../../provider/core/operations";
import { putPolicy } from "../../../provider/core/operations/putPolicy";
import { answer, graphError, scriptedDeps, START } from "../../support/fakes/scriptedDeps";

const PATH = "/identityGovernance/entitlementManagement/assignmentPolicies/p1";
const BODY = { displayName: "All Users", description: "d", accessPackage: { id: "ap-1" } };
const COMPLETE = { id: "p1", createdDateTime: "c", modifiedDateTime: "m", displayName: "All Users", description: "d" };

describe("putPolicy", () => {
    it("takes a complete answer for the policy, with the navigation properties sent and the catalog, reading nothing back", async () => {
        const { deps, calls } = scriptedDeps([answer(200, COMPLETE)]);
        const policy = await putPolicy(deps, "p1", BODY, { deadline: START + 10_000 }, "updated", { catalogId: "cat-1" });
        assert.deepEqual(policy, {
            ...COMPLETE,
            accessPackage: { id: "ap-1", catalog: { id: "cat-1" } },
            questions: undefined,
            customExtensionStageSettings: undefined,
        });
        assert.deepEqual(
            calls.map((call) => [call.method, call.path, call.body]),
            [["PUT", PATH, BODY]],
        );
    });

    it("reads back after a shortened answer, or always when told to", async () => {
        for (const [answered, readBack] of [
            [answer(204), false],
            [answer(200, COMPLETE), true],
        ] as const) {
            const { deps, sent } = scriptedDeps([answered, answer(200, { id: "p1", description: "read" })]);
            const policy = await putPolicy(deps, "p1", BODY, { deadline: START + 10_000 }, "updated", { readBack });
            assert.deepEqual(policy, { id: "p1", description: "read" });
            assert.deepEqual(
                sent().map((line) => line.split("?")[0]),
                [`PUT ${PATH}`, `GET ${PATH}`],
            );
        }
    });

    it("repeats a PUT answered 404 or 403 only when told the policy may not be replicated yet", async () => {
        const { deps, sent } = scriptedDeps([graphError(404, "ResourceNotFound"), graphError(403, "Forbidden"), answer(200, COMPLETE)]);
        await putPolicy(deps, "p1", BODY, { deadline: START + 10_000 }, "created", { retryUnreadable: true });
        assert.equal(sent().length, 3);
        const once = scriptedDeps([graphError(404, "ResourceNotFound")]);
        await assert.rejects(
            putPolicy(once.deps, "p1", BODY, { deadline: START + 10_000 }, "updated"),
            /^GraphRequestError: updating access package assignment policy "All Users" \(p1\): Graph returned 404/,
        );
    });

    it("fails with WriteAppliedError of the write when the read-back fails", async () => {
        const { deps } = scriptedDeps([answer(204), graphError(500, "InternalServerError")]);
        await assert.rejects(putPolicy(deps, "p1", BODY, { deadline: START + 10_000 }, "created"), (error: unknown) => {
            assert.ok(error instanceof WriteAppliedError);
            assert.equal(error.write, "created");
            assert.deepEqual(error.policy, { displayName: "All Users", id: "p1" });
            assert.match(error.message, /^created access package assignment policy "All Users" \(p1\) but could not read it back: reading/);
            return true;
        });
    });
});
