// PnW or PnDTnHnMnS with optional fractional seconds; years and months are left out because their length in
// milliseconds is not fixed, and an operation timeout of a month is not a timeout.
const ISO_DURATION = /^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/i;

/**
 * Milliseconds in the time span of a timeout or delay setting: an ISO 8601 duration (`PT10M`, `P1DT2H`, `PT90S`) or a plain number of seconds (`600`, `1.5`).
 * Returns `undefined` for anything else, including durations with years or months and the empty duration `P`/`PT`.
 */
export function parseTimeSpanMs(text: string): number | undefined {
    const trimmed = text.trim();
    if (/^\d+(?:\.\d+)?$/.test(trimmed)) {
        return Math.round(Number(trimmed) * 1000);
    }
    const match = ISO_DURATION.exec(trimmed);
    if (!match || /^PT?$/i.test(trimmed) || /T$/i.test(trimmed)) {
        return undefined;
    }
    const [weeks, days, hours, minutes, seconds] = match.slice(1).map((part) => Number(part ?? 0));
    return Math.round(((((weeks * 7 + days) * 24 + hours) * 60 + minutes) * 60 + seconds) * 1000);
}
