import assert from "node:assert/strict";
import { readAfterWrite } from "../../../provider/core/operations/readAfterWrite";
import { answer, graphError, scriptedDeps, START } from "../../support/fakes/scriptedDeps";

describe("readAfterWrite", () => {
    it("waits out the 404 and 403 Graph gives before it has replicated a write, and a body that does not reflect it", async () => {
        const { deps, sent, clock } = scriptedDeps([
            graphError(404, "ResourceNotFound"),
            graphError(403, "Forbidden"),
            answer(200, { id: "p1", description: "old" }),
            answer(200, { id: "p1", description: "new" }),
        ]);
        const call = { deadline: START + 10_000, reflects: (policy: { description?: string | null }) => policy.description === "new" };
        assert.deepEqual(await readAfterWrite(deps, "p1", call), { id: "p1", description: "new" });
        assert.equal(sent().length, 4);
        assert.deepEqual(clock.sleeps, [75, 150, 300]);
    });

    it("takes the first body when nothing says what the write looks like", async () => {
        const { deps } = scriptedDeps([answer(200, { id: "p1" })]);
        assert.deepEqual(await readAfterWrite(deps, "p1", { deadline: START + 10_000 }), { id: "p1" });
    });

    it("reports a 403 that lasts to the deadline as the permission error it may be", async () => {
        const { deps } = scriptedDeps([graphError(403, "Forbidden"), graphError(403, "Forbidden")]);
        await assert.rejects(
            readAfterWrite(deps, "p1", { deadline: START + 200 }),
            /Graph returned 403 Forbidden.*EntitlementManagement\.ReadWrite\.All/,
        );
    });
});
