import assert from "node:assert/strict";
import { replacePolicy } from "../../../provider/core/operations/replacePolicy";
import { answer, scriptedDeps, START } from "../../support/fakes/scriptedDeps";

const at = (offsetMs: number): string => new Date(START + offsetMs).toISOString();

describe("replacePolicy", () => {
    it("after a shortened answer, takes a body modified since the version state knew even when `reflects` declines it", async () => {
        const { deps, sent } = scriptedDeps([
            answer(204),
            answer(200, { id: "p1", description: "as before", modifiedDateTime: at(-5_000) }),
            answer(200, { id: "p1", description: "normalised", modifiedDateTime: at(-1_000) }),
        ]);
        const call = { deadline: START + 10_000, reflects: () => false, lastKnown: { modifiedDateTime: at(-5_000) } };
        const policy = await replacePolicy(deps, "p1", { description: "sent" }, call);
        assert.equal(policy.description, "normalised");
        assert.equal(sent().length, 3);
    });

    it("after a shortened answer without `reflects`, takes the first body read", async () => {
        const { deps } = scriptedDeps([answer(204), answer(200, { id: "p1" })]);
        assert.deepEqual(await replacePolicy(deps, "p1", {}, { deadline: START + 10_000 }), { id: "p1" });
    });
});
