/**
 * ISO 8601 date-times and dates. Graph's DateTimeOffset values are returned in UTC, so the canonical form is
 * `YYYY-MM-DDTHH:mm:ssZ`, with the fractional seconds kept only when non-zero (Graph keeps up to 7 digits).
 */

/** The outcome of parsing: the canonical text, or why the text is not a date-time. */
export type TextParse = { ok: true; value: string } | { ok: false; reason: string };

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,7}))?)?(Z|[+-]\d{2}:?\d{2})$/i;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MAX_OFFSET_HOURS = 14;
/** The years a .NET DateTime (and so a DateTimeOffset, in its own time and in UTC) holds. */
const YEARS = { min: 1, max: 9999 };

function inYears(year: number): boolean {
    return year >= YEARS.min && year <= YEARS.max;
}

function pad(value: number, width = 2): string {
    return String(value).padStart(width, "0");
}

/** Milliseconds since the epoch of a calendar date-time, or `undefined` if it is not a real one (e.g. Feb 30). */
function epochOf(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): number | undefined {
    const at = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
    at.setUTCFullYear(year);
    const real =
        at.getUTCFullYear() === year &&
        at.getUTCMonth() === month - 1 &&
        at.getUTCDate() === day &&
        at.getUTCHours() === hour &&
        at.getUTCMinutes() === minute &&
        at.getUTCSeconds() === second;
    return real ? at.getTime() : undefined;
}

/** Parses an ISO 8601 date-time with `Z` or an offset into Graph's canonical UTC form. */
export function parseDateTime(text: string): TextParse {
    const match = DATE_TIME.exec(text.trim());
    const expected = `must be an ISO 8601 date-time with Z or an offset, e.g. 2025-01-31T09:00:00Z; got ${JSON.stringify(text)}`;
    if (!match) {
        return { ok: false, reason: expected };
    }
    const [, y, mo, d, h, mi, s, fraction, zone] = match;
    const local = epochOf(Number(y), Number(mo), Number(d), Number(h), Number(mi), Number(s ?? "0"));
    if (local === undefined) {
        return { ok: false, reason: `is not a real calendar date-time; got ${JSON.stringify(text)}` };
    }
    let offsetMinutes = 0;
    if (zone.toUpperCase() !== "Z") {
        const digits = zone.replace(":", "");
        const hours = Number(digits.slice(1, 3));
        const minutes = Number(digits.slice(3, 5));
        // DateTimeOffset refuses offsets beyond ±14:00; accepting one would silently shift the instant.
        if (minutes > 59 || hours > MAX_OFFSET_HOURS || (hours === MAX_OFFSET_HOURS && minutes > 0)) {
            return {
                ok: false,
                reason: `has an offset outside -14:00..+14:00 (hours up to 14, minutes up to 59); got ${JSON.stringify(zone)} in ${JSON.stringify(text)}`,
            };
        }
        offsetMinutes = (digits[0] === "-" ? -1 : 1) * (hours * 60 + minutes);
    }
    const utc = new Date(local - offsetMinutes * 60_000);
    const trimmed = (fraction ?? "").replace(/0+$/, "");
    const value =
        `${pad(utc.getUTCFullYear(), 4)}-${pad(utc.getUTCMonth() + 1)}-${pad(utc.getUTCDate())}` +
        `T${pad(utc.getUTCHours())}:${pad(utc.getUTCMinutes())}:${pad(utc.getUTCSeconds())}${trimmed ? `.${trimmed}` : ""}Z`;
    if (!inYears(Number(y)) || !inYears(utc.getUTCFullYear())) {
        return { ok: false, reason: `is outside the years 0001 to 9999 once converted to UTC (${value}); got ${JSON.stringify(text)}` };
    }
    return { ok: true, value };
}

/** Checks a calendar date `YYYY-MM-DD`. */
export function parseDate(text: string): TextParse {
    const match = DATE.exec(text.trim());
    if (!match || epochOf(Number(match[1]), Number(match[2]), Number(match[3])) === undefined) {
        return { ok: false, reason: `must be a calendar date YYYY-MM-DD, e.g. 2025-01-31; got ${JSON.stringify(text)}` };
    }
    if (!inYears(Number(match[1]))) {
        return {
            ok: false,
            reason: `must be a calendar date YYYY-MM-DD from 0001-01-01 (Graph holds no year 0000), e.g. 2025-01-31; got ${JSON.stringify(text)}`,
        };
    }
    return { ok: true, value: text.trim() };
}
