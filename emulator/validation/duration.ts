/**
 * ISO 8601 durations as Graph reads and writes `Edm.Duration`.
 *
 * Graph's OData stack parses durations as xsd:dayTimeDuration (days, hours, minutes, seconds;
 * no years, months or weeks) into a .NET `TimeSpan`, and serialises them back with
 * `XmlConvert.ToString(TimeSpan)`. That is why `PT48H` is read back as `P2D` and `P365D` stays
 * `P365D` (days are never folded into months or years). We reproduce both directions.
 */

const TICKS_PER_SECOND = 10_000_000;
const TICKS_PER_MINUTE = 60 * TICKS_PER_SECOND;
const TICKS_PER_HOUR = 60 * TICKS_PER_MINUTE;
const TICKS_PER_DAY = 24 * TICKS_PER_HOUR;

const DAY_TIME_DURATION = /^(-)?P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)(?:\.(\d{1,7}))?S)?)?$/;

/** Parses a day-time duration into 100 ns ticks; `undefined` when it is not one. */
export function parseDurationTicks(text: string): number | undefined {
    const match = DAY_TIME_DURATION.exec(text);
    // The regex accepts "P" and "PT"; xsd requires at least one component after each designator.
    if (!match || text.endsWith("P") || text.endsWith("T")) return undefined;
    const [, sign, days, hours, minutes, seconds, fraction] = match;
    const ticks =
        Number(days ?? 0) * TICKS_PER_DAY +
        Number(hours ?? 0) * TICKS_PER_HOUR +
        Number(minutes ?? 0) * TICKS_PER_MINUTE +
        Number(seconds ?? 0) * TICKS_PER_SECOND +
        Number((fraction ?? "").padEnd(7, "0"));
    if (!Number.isSafeInteger(ticks)) return undefined;
    return sign ? -ticks : ticks;
}

/** Formats ticks the way `XmlConvert.ToString(TimeSpan)` does. */
export function formatDurationTicks(ticks: number): string {
    const sign = ticks < 0 ? "-" : "";
    let rest = Math.abs(ticks);
    const days = Math.floor(rest / TICKS_PER_DAY);
    rest -= days * TICKS_PER_DAY;
    const hours = Math.floor(rest / TICKS_PER_HOUR);
    rest -= hours * TICKS_PER_HOUR;
    const minutes = Math.floor(rest / TICKS_PER_MINUTE);
    rest -= minutes * TICKS_PER_MINUTE;
    const seconds = Math.floor(rest / TICKS_PER_SECOND);
    const fraction = rest - seconds * TICKS_PER_SECOND;

    let time = "";
    if (hours) time += `${hours}H`;
    if (minutes) time += `${minutes}M`;
    if (seconds || fraction) {
        time += fraction ? `${seconds}.${String(fraction).padStart(7, "0").replace(/0+$/, "")}S` : `${seconds}S`;
    }
    const datePart = days ? `${days}D` : "";
    if (!datePart && !time) return "PT0S";
    return `${sign}P${datePart}${time ? `T${time}` : ""}`;
}

/** Normalises a duration to Graph's output form; `undefined` when it is not a valid one. */
export function normaliseDuration(text: string): string | undefined {
    const ticks = parseDurationTicks(text);
    return ticks === undefined ? undefined : formatDurationTicks(ticks);
}
