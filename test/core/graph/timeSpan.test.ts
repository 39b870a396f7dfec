import assert from "node:assert/strict";
import { parseTimeSpanMs } from "../../../provider/core/graph/config/timeSpan";

describe("parseTimeSpanMs", () => {
    for (const [text, ms] of [
        ["PT10M", 600_000],
        ["P1DT2H", 26 * 3_600_000],
        ["P1W", 7 * 24 * 3_600_000],
        ["PT0.5S", 500],
        ["pt90s", 90_000],
        ["600", 600_000],
        [" 1.5 ", 1_500],
    ] as const) {
        it(`reads ${JSON.stringify(text)} as ${ms} ms`, () => {
            assert.equal(parseTimeSpanMs(text), ms);
        });
    }

    for (const text of ["P1M", "P1Y", "P", "PT", "P1DT", "-5", "ten minutes", ""]) {
        it(`refuses ${JSON.stringify(text)}`, () => {
            assert.equal(parseTimeSpanMs(text), undefined);
        });
    }
});
