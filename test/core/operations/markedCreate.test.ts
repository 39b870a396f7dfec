import assert from "node:assert/strict";
import { markedBy } from "../../../provider/core/operations/markedCreate";

describe("markedBy", () => {
    it("keeps the policies whose description ends in the mark, oldest first by instant whatever the precision, then by id", () => {
        const mark = "[pulumi-create m1]";
        const policies = [
            { id: "c", description: `x ${mark}`, createdDateTime: "2026-01-01T00:00:01Z" },
            { id: "b", description: `y ${mark}`, createdDateTime: "2026-01-01T00:00:00.5000000Z" },
            { id: "a", description: `z ${mark}`, createdDateTime: "2026-01-01T00:00:01.000Z" },
            { id: "d", description: `${mark} moved`, createdDateTime: "2026-01-01T00:00:00Z" },
            { id: "e", description: "unmarked", createdDateTime: "2026-01-01T00:00:00Z" },
            { description: mark, createdDateTime: "2026-01-01T00:00:00Z" },
            { id: "f", description: mark },
        ];
        assert.deepEqual(
            markedBy({ mark }, policies).map((policy) => policy.id),
            ["b", "a", "c", "f"],
        );
    });
});
