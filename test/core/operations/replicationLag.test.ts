import assert from "node:assert/strict";
import { answeredAt, graphInstant } from "../../../provider/core/operations/graphTime";
import { withinReplicationLag } from "../../../provider/core/operations/replicationLag";
import { answer, dropped } from "../../support/fakes/scriptedDeps";

describe("Graph's clock and its replication lag", () => {
    it("reads Graph's timestamps and Date header, whatever their precision, and nothing from what is not one", () => {
        assert.equal(graphInstant("2026-01-01T00:00:00.1234567Z"), Date.parse("2026-01-01T00:00:00.123Z"));
        assert.equal(graphInstant("yesterday"), undefined);
        assert.equal(graphInstant(null), undefined);
        assert.equal(answeredAt(answer(200, {}, { date: "Thu, 01 Jan 2026 00:00:00 GMT" })), Date.parse("2026-01-01T00:00:00Z"));
        assert.equal(answeredAt(answer(200)), undefined);
        assert.equal(answeredAt(dropped()), undefined);
    });

    it("counts a write less than two minutes before Graph's now as within the lag", () => {
        const now = Date.parse("2026-01-01T00:10:00Z");
        assert.equal(withinReplicationLag("2026-01-01T00:08:00.001Z", now), true);
        assert.equal(withinReplicationLag("2026-01-01T00:08:00Z", now), false);
        assert.equal(withinReplicationLag(undefined, now), false);
    });
});
