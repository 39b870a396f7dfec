/**
 * Readers: small validators that also canonicalise. A reader takes a raw JSON value and its property path, reports
 * what is wrong to the context, and returns the canonical value (or, when the value is invalid, the value as given,
 * so that canonicalisation is best effort and never throws). `undefined` means "leave the property out".
 * Pulumi's unknown sentinel passes through every reader untouched.
 */
import { childPath, describe, indexPath, oneOf, type CheckContext } from "./checkContext";
import { parseDate, parseDateTime, type TextParse } from "./dateTimes";
import { formatDuration, parseDuration, type Duration } from "./durations";
import { suggestName } from "./suggestions";
import { isPlainObject, isUnknown, ownValue } from "./unknown";

/** Validates and canonicalises one value at `path`. */
export type Reader = (value: unknown, path: string, check: CheckContext) => unknown;

/** How a reader treats an absent (`undefined` or `null`) value. */
export interface Presence {
    /** Absent is a failure; the reason says what to write. */
    required?: boolean;
    /** Absent becomes this value (copied). */
    default?: unknown;
}

/** JSON null and a missing property mean the same to Graph. */
export function isAbsent(value: unknown): value is undefined | null {
    return value === undefined || value === null;
}

function whenAbsent(path: string, check: CheckContext, presence: Presence, expected: string): unknown {
    if (presence.required) {
        check.fail(path, `required: ${expected}`);
        return undefined;
    }
    return presence.default === undefined ? undefined : structuredClone(presence.default);
}

/** Wraps a reader of present, known values with the absent and unknown handling every reader shares. */
function reader(expected: string, presence: Presence, read: Reader): Reader {
    return (value, path, check) => {
        if (isAbsent(value)) {
            return whenAbsent(path, check, presence, expected);
        }
        if (isUnknown(value)) {
            return value;
        }
        return read(value, path, check);
    };
}

/** A boolean. `"true"`/`"false"` strings are accepted because Graph's documented examples send them. */
export function booleanValue(presence: Presence = {}): Reader {
    const expected = "a boolean (true or false)";
    return reader(expected, presence, (value, path, check) => {
        if (typeof value === "boolean") {
            return value;
        }
        if (typeof value === "string" && /^(true|false)$/i.test(value.trim())) {
            return value.trim().toLowerCase() === "true";
        }
        check.fail(path, `must be ${expected}; got ${describe(value)}`);
        return value;
    });
}

/** An integer within bounds. Digit strings are accepted because Graph's documented examples send them. */
export function integerValue(bounds: { min: number; max?: number }, presence: Presence = {}): Reader {
    const range = bounds.max === undefined ? `≥ ${bounds.min}` : `from ${bounds.min} to ${bounds.max}`;
    const expected = `an integer ${range}`;
    return reader(expected, presence, (value, path, check) => {
        const number = typeof value === "string" && /^\s*-?\d+\s*$/.test(value) ? Number(value) : value;
        if (
            typeof number !== "number" ||
            !Number.isInteger(number) ||
            number < bounds.min ||
            (bounds.max !== undefined && number > bounds.max)
        ) {
            check.fail(path, `must be ${expected}; got ${describe(value)}`);
            return value;
        }
        return number;
    });
}

/** A string; `nonEmpty` refuses blank text. */
export function textValue(options: { nonEmpty?: boolean } = {}, presence: Presence = {}): Reader {
    const expected = options.nonEmpty ? "a non-empty string" : "a string";
    return reader(expected, presence, (value, path, check) => {
        if (typeof value !== "string" || (options.nonEmpty && value.trim() === "")) {
            check.fail(path, `must be ${expected}; got ${describe(value)}`);
        }
        return value;
    });
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether `value` is a GUID string. */
export function isGuid(value: unknown): value is string {
    return typeof value === "string" && GUID.test(value);
}

/** A GUID, canonically lower-case. */
export function guidValue(what: string, presence: Presence = {}): Reader {
    const expected = `the ${what} as a GUID, e.g. 00000000-0000-0000-0000-000000000000`;
    return reader(expected, presence, (value, path, check) => {
        if (!isGuid(value)) {
            check.fail(path, `must be ${expected}; got ${describe(value)}`);
            return value;
        }
        return value.toLowerCase();
    });
}

/** One of `values`, matched case-insensitively and returned in Graph's casing. Graph's `unknownFutureValue` is refused. */
export function enumValue(values: readonly string[], presence: Presence = {}): Reader {
    const expected = `one of ${oneOf(values)}`;
    return reader(expected, presence, (value, path, check) => {
        const match = typeof value === "string" ? values.find((v) => v.toLowerCase() === value.trim().toLowerCase()) : undefined;
        if (match !== undefined) {
            return match;
        }
        if (typeof value === "string" && value.trim().toLowerCase() === "unknownfuturevalue") {
            check.fail(
                path,
                `unknownFutureValue is Graph's placeholder for values newer than this API version and cannot be sent; use ${expected}`,
            );
        } else {
            // Unlike a property name, a misspelled value has no rename table to match; only near spellings count.
            const suggestion = typeof value === "string" ? suggestName(value, values) : undefined;
            check.fail(
                path,
                `must be ${expected}; got ${describe(value)}${suggestion === undefined ? "" : `. Did you mean ${suggestion}?`}`,
            );
        }
        return value;
    });
}

function parsedText(expected: string, parse: (text: string) => TextParse, presence: Presence): Reader {
    return reader(expected, presence, (value, path, check) => {
        if (typeof value !== "string") {
            check.fail(path, `must be ${expected}; got ${describe(value)}`);
            return value;
        }
        const parsed = parse(value);
        if (!parsed.ok) {
            check.fail(path, parsed.reason);
            return value;
        }
        return parsed.value;
    });
}

/** An ISO 8601 duration in the canonical form Graph returns. */
export function durationValue(presence: Presence = {}): Reader {
    return parsedText(
        "an ISO 8601 duration, e.g. P2D or PT8H",
        (text) => {
            const parsed = parseDuration(text);
            return parsed.ok ? { ok: true, value: formatDuration(parsed.value) } : parsed;
        },
        presence,
    );
}

/** The duration of an already canonicalised value, or `undefined` if it is unknown or invalid. */
export function durationOf(value: unknown): Duration | undefined {
    if (typeof value !== "string" || isUnknown(value)) {
        return undefined;
    }
    const parsed = parseDuration(value);
    return parsed.ok ? parsed.value : undefined;
}

/** An ISO 8601 date-time in canonical UTC form. */
export function dateTimeValue(presence: Presence = {}): Reader {
    return parsedText("an ISO 8601 date-time, e.g. 2025-01-31T09:00:00Z", parseDateTime, presence);
}

/** A calendar date `YYYY-MM-DD`. */
export function dateValue(presence: Presence = {}): Reader {
    return parsedText("a date YYYY-MM-DD", parseDate, presence);
}

/** A list whose elements are read by `element`. Absent defaults to `[]` unless `presence` says otherwise. */
export function listOf(element: Reader, presence: Presence = { default: [] }): Reader {
    const expected = "a list";
    return reader(expected, presence, (value, path, check) => {
        if (!Array.isArray(value)) {
            check.fail(path, `must be ${expected}; got ${describe(value)}`);
            return value;
        }
        return value.map((item, i) => element(item, indexPath(path, i), check));
    });
}

/** The properties of an object, each with its reader. */
export type Fields = Readonly<Record<string, Reader>>;

/**
 * A reader for each property of `T`, a type of `../types`: declared with this type, a reader table names exactly the
 * type's properties, so the compiler refuses a property added to one and not the other.
 */
export type FieldsOf<T> = { readonly [K in keyof T]-?: Reader };

/**
 * A rule over an object once its properties are read: `object` holds them in canonical form, `written` as the user
 * wrote them, so that a message can quote the user's own text (`PT36H`, not its canonical `P1DT12H`).
 */
export type ObjectRule = (
    object: Record<string, unknown>,
    path: string,
    check: CheckContext,
    written: Record<string, unknown>,
) => Record<string, unknown>;

/**
 * An object with exactly the properties in `fields`: unknown properties are reported (with a suggestion) and left
 * out; each known property is read by its reader and left out when the reader returns `undefined`; then `rules` run.
 * A default given in `presence` is read with `fields` too.
 */
export function objectOf(what: string, fields: Fields, presence: Presence = {}, ...rules: ObjectRule[]): Reader {
    const known = Object.keys(fields);
    const expected = `${what} (an object with ${oneOf(known)})`;
    const read = reader(expected, { required: presence.required }, (value, path, check) => {
        if (!isPlainObject(value)) {
            check.fail(path, `must be ${expected}; got ${describe(value)}`);
            return value;
        }
        return readFields(value, path, check, fields, rules);
    });
    // A default object is read like a written one, so its own properties' defaults come from `fields` alone.
    const { default: absent } = presence;
    return absent === undefined ? read : (value, path, check) => read(isAbsent(value) ? absent : value, path, check);
}

/** Reads `value`'s properties with `fields` and applies `rules`; the shared core of {@link objectOf}. */
export function readFields(
    value: Record<string, unknown>,
    path: string,
    check: CheckContext,
    fields: Fields,
    rules: readonly ObjectRule[] = [],
): Record<string, unknown> {
    const known = Object.keys(fields);
    for (const key of Object.keys(value)) {
        if (!Object.hasOwn(fields, key)) {
            const suggestion = suggestName(key, known);
            const hint = suggestion === undefined ? `allowed here: ${oneOf(known)}` : `did you mean ${suggestion}?`;
            check.unknownProperty(childPath(path, key), value[key], hint);
        }
    }
    let result: Record<string, unknown> = {};
    for (const [key, read] of Object.entries(fields)) {
        const own = ownValue(value, key);
        const canonical = read(own, childPath(path, key), check);
        if (canonical !== undefined) {
            result[key] = canonical;
        }
    }
    for (const rule of rules) {
        result = rule(result, path, check, value);
    }
    return result;
}

/** A property accepted for compatibility with Graph's bodies but not kept (it carries nothing the provider uses). */
export function ignored(read: Reader): Reader {
    return (value, path, check) => {
        read(value, path, check);
        return undefined;
    };
}
