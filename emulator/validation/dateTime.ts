/**
 * `Edm.DateTimeOffset` and `Edm.Date` as Graph accepts them. An offset is mandatory for
 * DateTimeOffset (the OData reader refuses a bare local time); Graph stores and returns UTC.
 */

const DATE_TIME_OFFSET = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,7}))?)?(Z|[+-]\d{2}:\d{2})$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Normalises a DateTimeOffset to UTC `…Z` with trailing fractional zeros trimmed; `undefined` if invalid. */
export function normaliseDateTimeOffset(text: string): string | undefined {
    const match = DATE_TIME_OFFSET.exec(text);
    if (!match) return undefined;
    const millis = Date.parse(text);
    if (Number.isNaN(millis)) return undefined;
    // Keep the sub-millisecond digits Date cannot hold (Graph keeps 7 fractional digits).
    const subMillis = (match[7] ?? "").padEnd(7, "0").slice(3);
    const iso = new Date(millis).toISOString(); // yyyy-mm-ddThh:mm:ss.mmmZ
    const fraction = `${iso.slice(20, 23)}${subMillis}`.replace(/0+$/, "");
    return `${iso.slice(0, 19)}${fraction ? `.${fraction}` : ""}Z`;
}

/** Whether `text` is a valid calendar date `yyyy-mm-dd`. */
export function isDate(text: string): boolean {
    if (!DATE.test(text)) return false;
    const parsed = new Date(`${text}T00:00:00Z`);
    return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(text);
}
