/** The defaults a reader table declares, read back from it rather than written out a second time. */
import { isDeepStrictEqual } from "node:util";
import { CheckContext } from "./checkContext";
import type { Reader } from "./readers";
import { isUnknown } from "./unknown";

/** What `read` makes of an empty object: every default its table declares, explicit. */
export function defaultsOf(read: Reader): Readonly<Record<string, unknown>> {
    return read({}, "", new CheckContext()) as Record<string, unknown>;
}

/** Whether two canonical values are of the same JSON kind (a list, an object or one of `typeof`'s). */
function sameKind(a: unknown, b: unknown): boolean {
    return Array.isArray(a) === Array.isArray(b) && typeof a === typeof b;
}

/**
 * The properties of canonical `object`, in the order of `defaults`, known to differ from their default. A value still
 * unknown at preview is not among them (it may turn out to be the default), nor is an invalid one (check reports it).
 */
export function departuresFrom(object: Record<string, unknown>, defaults: Readonly<Record<string, unknown>>): string[] {
    return Object.keys(defaults).filter((key) => {
        const value = object[key];
        return !isUnknown(value) && sameKind(value, defaults[key]) && !isDeepStrictEqual(value, defaults[key]);
    });
}
