import assert from "node:assert/strict";
import { markedUnusable } from "../../../provider/core/operations/markedUnusable";
import { answer } from "../../support/fakes/scriptedDeps";

describe("markedUnusable", () => {
    it("marks an answer as not Graph's, saying what came instead of what was asked for, its body cut short", () => {
        const marked = markedUnusable(
            answer(200, { value: "x".repeat(200) }, { "content-type": "application/json" }),
            "a page of policies",
        );
        assert.equal(marked.kind, "response");
        assert.ok(marked.kind === "response" && marked.foreign !== undefined);
        assert.match(
            marked.foreign,
            /^an answer that is not a page of policies: status 200, content-type application\/json, body "\{\\"value\\":\\"x+$/,
        );
        assert.equal(
            marked.foreign.length,
            "an answer that is not a page of policies: status 200, content-type application/json, body ".length + 120,
        );
        assert.equal(marked.stoppedBy, undefined);
    });

    it("says that the deadline stopped the reads when asked, and names an answer without a content type or body", () => {
        const marked = markedUnusable(answer(200), "policy p1", "deadline");
        assert.equal(marked.stoppedBy, "deadline");
        assert.ok(marked.kind === "response");
        assert.equal(marked.foreign, 'an answer that is not policy p1: status 200, content-type (none), body ""');
    });
});
