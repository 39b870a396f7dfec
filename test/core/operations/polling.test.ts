import assert from "node:assert/strict";
import { createPolling } from "../../../provider/core/operations/polling";
import { TIMING } from "../../support/fakes/scriptedDeps";

function fakeClock(random = 0.5) {
    const clock = {
        time: 0,
        sleeps: [] as number[],
        now: () => clock.time,
        sleep: async (ms: number) => void (clock.sleeps.push(ms), (clock.time += ms)),
        random: () => random,
    };
    return clock;
}

describe("createPolling", () => {
    it("pauses the round's backoff step: half of it fixed, half jittered, doubling up to the cap", async () => {
        const clock = fakeClock();
        const polling = createPolling(clock, TIMING);
        for (const round of [1, 2, 3, 4, 5, 6]) {
            assert.equal(await polling.pause(round, 1_000_000), true);
        }
        assert.deepEqual(clock.sleeps, [75, 150, 300, 600, 750, 750]);
    });

    it("gives up without waiting when the step would reach the deadline", async () => {
        const clock = fakeClock(0);
        const polling = createPolling(clock, TIMING);
        assert.equal(await polling.pause(1, 50), false);
        assert.equal(await polling.pause(1, 51), true);
        assert.deepEqual(clock.sleeps, [50]);
    });

    it("waits until an instant, not at all for one already past, and never up to the deadline", async () => {
        const clock = fakeClock();
        clock.time = 1_000;
        const polling = createPolling(clock, TIMING);
        assert.equal(await polling.waitUntil(1_400, 2_000), true);
        assert.equal(await polling.waitUntil(900, 2_000), true);
        assert.equal(await polling.waitUntil(2_000, 2_000), false);
        assert.deepEqual(clock.sleeps, [400]);
        assert.equal(clock.time, 1_400);
    });
});
