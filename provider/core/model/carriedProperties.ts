/**
 * Properties Graph returns that this version of the provider does not know (a newer Graph's): kept by path in
 * state, and written back into every PUT, because a PUT resets what it is not sent and an update must never revert
 * what someone set in the portal with a newer Graph.
 */
import type { UnknownProperty } from "./checkContext";
import { isPlainObject } from "./unknown";

/** Properties by path, in the `a.b[0]["@odata.type"]` notation of check failures. */
export type CarriedProperties = Record<string, unknown>;

// An expanded reference (`customExtension` of a stage setting) is the whole referenced object, read-only here: the
// reference is its id.
const EXPANDED_REFERENCE = /(^|\.)customExtension(\.|\[)/;

/** The unknown properties of a read of Graph's answer worth carrying, or `undefined` when there are none. */
export function carriedFrom(unknown: readonly UnknownProperty[]): CarriedProperties | undefined {
    const kept = unknown.filter(({ path }) => !EXPANDED_REFERENCE.test(path));
    return kept.length === 0 ? undefined : Object.fromEntries(kept.map(({ path, value }) => [path, value]));
}

const SEGMENT = /(?:^|\.)([A-Za-z_$][A-Za-z0-9_$]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/y;

/** The keys and indexes of a path; `undefined` when it is not one this module wrote. */
function segments(path: string): (string | number)[] | undefined {
    const parts: (string | number)[] = [];
    SEGMENT.lastIndex = 0;
    while (SEGMENT.lastIndex < path.length) {
        const match = SEGMENT.exec(path);
        if (match === null) {
            return undefined;
        }
        parts.push(match[1] ?? (match[2] !== undefined ? Number(match[2]) : (JSON.parse(match[3]) as string)));
    }
    return parts;
}

/**
 * `body` with each carried property put back where Graph held it, when the object that held it is still in the
 * body (a list element by its position); a property the body already sets is left as the body sets it.
 */
export function withCarried<T extends object>(body: T, carried: CarriedProperties | undefined): T {
    const result = structuredClone(body) as Record<string, unknown>;
    for (const [path, value] of Object.entries(carried ?? {})) {
        const parts = segments(path);
        if (parts === undefined || parts.length === 0) {
            continue;
        }
        const key = parts.pop() as string;
        const parent = parts.reduce<unknown>(
            (node, part) => (node !== null && typeof node === "object" ? (node as Record<string | number, unknown>)[part] : undefined),
            result,
        );
        if (isPlainObject(parent) && !Object.hasOwn(parent, key)) {
            parent[key] = structuredClone(value);
        }
    }
    return result as T;
}
