import assert from "node:assert/strict";
import { graphAnswer, isGraphStatus } from "../../../provider/core/operations/graphAnswer";
import { answer, dropped } from "../../support/fakes/scriptedDeps";

describe("graphAnswer", () => {
    it("takes only Graph's own answers with one of the statuses", () => {
        const notFound = answer(404);
        assert.equal(graphAnswer(notFound, 200, 404), notFound);
        assert.equal(graphAnswer(notFound, 200), undefined);
        assert.equal(graphAnswer({ ...notFound, foreign: "a proxy's page" }, 404), undefined);
        assert.equal(graphAnswer(dropped(), 404), undefined);
    });

    it("isGraphStatus says the same as a yes or no", () => {
        assert.equal(isGraphStatus(answer(204), 200, 204), true);
        assert.equal(isGraphStatus({ ...answer(204), foreign: "x" }, 204), false);
    });
});
