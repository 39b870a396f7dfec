/**
 * ISO 8601 durations as Graph holds them: a .NET TimeSpan, serialised the way `XmlConvert.ToString(TimeSpan)` does
 * (`PT48H` comes back as `P2D`, `PT90M` as `PT1H30M`, zero as `PT0S`). A TimeSpan has no years or months.
 */

/** A non-negative duration: whole seconds plus a fraction in 100 ns ticks (TimeSpan's resolution). */
export interface Duration {
    readonly seconds: number;
    readonly ticks: number;
}

/** The outcome of parsing: the duration, or why the text is not one Graph can hold. */
export type DurationParse = { ok: true; value: Duration } | { ok: false; reason: string };

const SECONDS_PER_DAY = 86_400;
const TICKS_PER_SECOND = 10_000_000n;
/** `TimeSpan.MaxValue.Ticks`: 10675199 days, 2:48:05.4775807. */
const MAX_TICKS = 9_223_372_036_854_775_807n;
/** `TimeSpan.MaxValue`. */
const LONGEST: Duration = { seconds: Number(MAX_TICKS / TICKS_PER_SECOND), ticks: Number(MAX_TICKS % TICKS_PER_SECOND) };
const PATTERN = /^(-)?P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)(?:[.,](\d+))?S)?)?$/i;

/** A duration of whole days. */
export function days(count: number): Duration {
    return { seconds: count * SECONDS_PER_DAY, ticks: 0 };
}

/** Parses an ISO 8601 duration, refusing forms Graph cannot store. */
export function parseDuration(text: string): DurationParse {
    const match = PATTERN.exec(text.trim());
    const example = "e.g. P2D, PT8H or P1DT12H";
    if (!match || /T$/i.test(text.trim()) || text.trim().toUpperCase() === "P" || text.trim() === "-P") {
        return { ok: false, reason: `must be an ISO 8601 duration (${example}); got ${JSON.stringify(text)}` };
    }
    const [, negative, years, months, weeks, dayCount, hours, minutes, wholeSeconds, fraction] = match;
    if (negative) {
        return { ok: false, reason: `must not be negative; got ${JSON.stringify(text)}` };
    }
    if (years !== undefined || months !== undefined) {
        return {
            ok: false,
            reason:
                `Graph stores durations as a TimeSpan, which has no years or months, so ${JSON.stringify(text)} cannot be ` +
                `represented; write it in days instead (P365D for a year, P30D for 30 days, P90D for three months)`,
        };
    }
    if (fraction !== undefined && fraction.length > 7) {
        return {
            ok: false,
            reason: `has more precision than Graph keeps (at most 7 fractional digits of a second); got ${JSON.stringify(text)}`,
        };
    }
    const n = (part: string | undefined): number => (part === undefined ? 0 : Number(part));
    const totalDays = n(weeks) * 7 + n(dayCount);
    const seconds = totalDays * SECONDS_PER_DAY + n(hours) * 3600 + n(minutes) * 60 + n(wholeSeconds);
    const ticks = fraction === undefined ? 0 : Number(fraction.padEnd(7, "0"));
    if (!Number.isSafeInteger(seconds) || BigInt(seconds) * TICKS_PER_SECOND + BigInt(ticks) > MAX_TICKS) {
        return {
            ok: false,
            reason: `is longer than Graph can hold (a TimeSpan holds at most ${formatDuration(LONGEST)}); got ${JSON.stringify(text)}`,
        };
    }
    return { ok: true, value: { seconds, ticks } };
}

/** The canonical text Graph returns for `duration`. */
export function formatDuration(duration: Duration): string {
    const wholeDays = Math.floor(duration.seconds / SECONDS_PER_DAY);
    let rest = duration.seconds - wholeDays * SECONDS_PER_DAY;
    const hours = Math.floor(rest / 3600);
    rest -= hours * 3600;
    const minutes = Math.floor(rest / 60);
    const seconds = rest - minutes * 60;
    const fraction = duration.ticks === 0 ? "" : `.${String(duration.ticks).padStart(7, "0").replace(/0+$/, "")}`;
    let time = "";
    if (hours) time += `${hours}H`;
    if (minutes) time += `${minutes}M`;
    if (seconds || fraction) time += `${seconds}${fraction}S`;
    if (!wholeDays && !time) {
        return "PT0S";
    }
    return `P${wholeDays ? `${wholeDays}D` : ""}${time ? `T${time}` : ""}`;
}

/** Negative, zero or positive as `a` is shorter than, equal to or longer than `b`. */
export function compareDurations(a: Duration, b: Duration): number {
    return a.seconds - b.seconds || a.ticks - b.ticks;
}

/** Whether `duration` is a whole number of days. */
export function isWholeDays(duration: Duration): boolean {
    return duration.ticks === 0 && duration.seconds % SECONDS_PER_DAY === 0;
}

/** Whether `duration` is zero. */
export function isZero(duration: Duration): boolean {
    return duration.seconds === 0 && duration.ticks === 0;
}
