import assert from "node:assert/strict";
import { equalsIgnoringCase } from "../../../provider/core/operations/equalsIgnoringCase";

describe("equalsIgnoringCase", () => {
    it("compares as Graph does, ignoring case, and never matches what Graph did not hold", () => {
        assert.equal(equalsIgnoringCase("All Users", "all USERS"), true);
        assert.equal(equalsIgnoringCase("All Users", "All Users "), false);
        assert.equal(equalsIgnoringCase(null, ""), false);
        assert.equal(equalsIgnoringCase(undefined, ""), false);
    });
});
