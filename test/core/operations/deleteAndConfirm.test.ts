import assert from "node:assert/strict";
import { GraphRequestError } from "../../../provider/core/graph";
import { deleteAndConfirm } from "../../../provider/core/operations/deleteAndConfirm";
import { answer, dropped, graphError, scriptedDeps, START } from "../../support/fakes/scriptedDeps";

const PATH = "/identityGovernance/entitlementManagement/assignmentPolicies/p1";
const RECENT = new Date(START - 1_000).toISOString();

describe("deleteAndConfirm", () => {
    it("deletes, then reads until the policy is gone, taking the 403 Graph gives right after a delete for gone", async () => {
        const { deps, sent, clock } = scriptedDeps([answer(204), answer(200, { id: "p1" }), graphError(403, "Forbidden")]);
        assert.equal(await deleteAndConfirm(deps, "p1", { deadline: START + 10_000 }), "deleted");
        assert.deepEqual(sent(), [`DELETE ${PATH}`, `GET ${PATH}`, `GET ${PATH}`]);
        assert.deepEqual(clock.sleeps, [75]);
    });

    it("takes a 404 for already gone, at once when nothing was written lately", async () => {
        const { deps, sent } = scriptedDeps([graphError(404, "ResourceNotFound")]);
        const lastKnown = { createdDateTime: "2020-01-01T00:00:00Z" };
        assert.equal(await deleteAndConfirm(deps, "p1", { deadline: START + 10_000, lastKnown }), "alreadyGone");
        assert.equal(sent().length, 1);
    });

    it("asks again a 404 shortly after the last write, a few times, before it believes it", async () => {
        const notFound = graphError(404, "ResourceNotFound");
        const { deps, sent, clock } = scriptedDeps([notFound, notFound, notFound, notFound]);
        const call = { deadline: START + 10_000, lastKnown: { modifiedDateTime: RECENT } };
        assert.equal(await deleteAndConfirm(deps, "p1", call), "alreadyGone");
        assert.deepEqual(sent(), Array(4).fill(`DELETE ${PATH}`));
        assert.deepEqual(clock.sleeps, [75, 150, 300]);
    });

    it("counts a 404 or 403 after an attempt with an unknown outcome as that attempt's delete", async () => {
        for (const status of [404, 403]) {
            const { deps, sent } = scriptedDeps([{ ...graphError(status, "X"), sawUnknownOutcome: true }]);
            assert.equal(await deleteAndConfirm(deps, "p1", { deadline: START + 10_000 }), "deleted");
            assert.equal(sent().length, 1);
        }
    });

    it("fails a refused delete with Graph's error, naming the policy", async () => {
        const { deps } = scriptedDeps([graphError(403, "Forbidden")]);
        await assert.rejects(
            deleteAndConfirm(deps, "p1", { deadline: START + 10_000, displayName: "All Users" }),
            /^GraphRequestError: deleting access package assignment policy "All Users" \(p1\): Graph returned 403 Forbidden/,
        );
    });

    it("fails with DeleteNotVisible when the policy is still read at the deadline", async () => {
        const { deps, sent } = scriptedDeps([answer(204), answer(200, { id: "p1" }), answer(200, { id: "p1" })]);
        await assert.rejects(deleteAndConfirm(deps, "p1", { deadline: START + 200 }), (error: unknown) => {
            assert.ok(error instanceof GraphRequestError);
            assert.equal(error.code, "DeleteNotVisible");
            assert.equal(error.attempts, 2);
            assert.equal(error.timedOut, true);
            return true;
        });
        assert.equal(sent().length, 3);
    });

    it("fails when the check read is not Graph's answer, even after an accepted delete", async () => {
        const { deps } = scriptedDeps([answer(204), dropped()]);
        await assert.rejects(deleteAndConfirm(deps, "p1", { deadline: START + 10_000 }), /the connection to Graph broke: socket hang up/);
    });
});
