import assert from "node:assert/strict";
import { readPolicy } from "../../../provider/core/operations/readPolicy";
import { answer, graphError, scriptedDeps, START } from "../../support/fakes/scriptedDeps";

const at = (offsetMs: number): string => new Date(START + offsetMs).toISOString();

describe("readPolicy", () => {
    it("reads a missing policy as undefined when nothing was written lately", async () => {
        const { deps, sent } = scriptedDeps([graphError(404, "ResourceNotFound")]);
        assert.equal(await readPolicy(deps, "p1", { deadline: START + 10_000 }), undefined);
        assert.equal(sent().length, 1);
    });

    it("reads a 404 just after the create again, a few times in all, before it believes it", async () => {
        const notFound = graphError(404, "ResourceNotFound");
        const { deps, sent } = scriptedDeps([notFound, notFound, notFound, notFound]);
        const lastKnown = { createdDateTime: at(-1_000) };
        assert.equal(await readPolicy(deps, "p1", { deadline: START + 10_000, lastKnown }), undefined);
        assert.equal(sent().length, 4);
    });

    it("reads again a body older than the last write state knows of, and takes the one that caught up", async () => {
        const { deps, sent } = scriptedDeps([
            answer(200, { id: "p1", modifiedDateTime: at(-60_000) }),
            answer(200, { id: "p1", modifiedDateTime: at(-1_000) }),
        ]);
        const lastKnown = { modifiedDateTime: at(-1_000) };
        assert.deepEqual(await readPolicy(deps, "p1", { deadline: START + 10_000, lastKnown }), { id: "p1", modifiedDateTime: at(-1_000) });
        assert.equal(sent().length, 2);
    });

    it("believes an older body at once when the last write is long past: the policy was changed elsewhere", async () => {
        const older = { id: "p1", modifiedDateTime: at(-3_600_000) };
        const { deps } = scriptedDeps([answer(200, older)]);
        const lastKnown = { modifiedDateTime: at(-600_000) };
        assert.deepEqual(await readPolicy(deps, "p1", { deadline: START + 10_000, lastKnown }), older);
    });
});
