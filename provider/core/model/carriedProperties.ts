/**
 * Properties Graph returns that this version of the provider does not know (a newer Graph's): kept by path in
 * state, and written back into every PUT, because a PUT resets what it is not sent and an update must never revert
 * what someone set in the portal with a newer Graph.
 */
import { indexPath, type UnknownProperty } from "./checkContext";
import { declaredPairing } from "./diffPolicy";
import { UNORDERED_LISTS } from "./policyShape";
import { isPlainObject, ownValue } from "./unknown";

/**
 * Properties by path, in the `a.b[0]["@odata.type"]` notation of check failures. An index is a position in the
 * canonical outputs the properties came with: the path names the object of those outputs that held the property.
 */
export type CarriedProperties = Record<string, unknown>;

/** For a top-level list that reading reorders, each of Graph's elements' canonical position, by Graph's index. */
export type CanonicalPositions = Readonly<Record<string, readonly number[] | undefined>>;

// An expanded reference (`customExtension` of a stage setting) is the whole referenced object, read-only here: the
// reference is its id.
const EXPANDED_REFERENCE = /(^|\.)customExtension(\.|\[)/;

const TOP_LEVEL_ELEMENT = /^([A-Za-z_$][A-Za-z0-9_$]*)\[(\d+)\]/;

/** `path` (found in Graph's answer, in Graph's order) with its top-level list index made canonical. */
function canonicalPath(path: string, positions: CanonicalPositions): string {
    const match = TOP_LEVEL_ELEMENT.exec(path);
    const position = match === null ? undefined : ownValue(positions, match[1])?.[Number(match[2])];
    return match === null || position === undefined ? path : indexPath(match[1], position) + path.slice(match[0].length);
}

/**
 * The unknown properties of a read of Graph's answer worth carrying, or `undefined` when there are none. `positions`
 * says where reading moved the elements of a list it orders (questions), so each path indexes the canonical outputs.
 */
export function carriedFrom(unknown: readonly UnknownProperty[], positions: CanonicalPositions = {}): CarriedProperties | undefined {
    const kept = unknown.filter(({ path }) => !EXPANDED_REFERENCE.test(path));
    return kept.length === 0 ? undefined : Object.fromEntries(kept.map(({ path, value }) => [canonicalPath(path, positions), value]));
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

function child(node: unknown, part: string | number): unknown {
    return node !== null && typeof node === "object" ? (node as Record<string | number, unknown>)[part] : undefined;
}

/**
 * The index in `declared` (the body's list at property `name`) of the element that is `held[index]`, or `undefined`
 * when the body no longer has it. In a list whose order means nothing, it is the element diff pairs with it; in an
 * ordered list, the element that states its id, else the one at its position unless that one states another id.
 * Without the held element (no old outputs given, or outputs that lack it), position is all there is.
 */
function counterpart(name: string, declared: readonly unknown[], held: readonly unknown[] | undefined, index: number): number | undefined {
    const element = held?.[index];
    if (held === undefined || element === undefined) {
        return index;
    }
    if (UNORDERED_LISTS.has(name)) {
        const paired = declaredPairing(declared, held).indexOf(index);
        return paired < 0 ? undefined : paired;
    }
    const id = isPlainObject(element) ? element.id : undefined;
    if (typeof id !== "string") {
        return index;
    }
    const sameId = declared.findIndex((candidate) => isPlainObject(candidate) && candidate.id === id);
    if (sameId >= 0) {
        return sameId;
    }
    const there = declared[index];
    return isPlainObject(there) && there.id !== undefined ? undefined : index;
}

/** What `parts` lead to in `body`, each list element found as the counterpart of the one `held` has there. */
function holderIn(body: unknown, held: unknown, parts: readonly (string | number)[]): unknown {
    let node = body;
    let was = held;
    let name = "";
    for (const part of parts) {
        if (typeof part === "string") {
            [node, was, name] = [child(node, part), child(was, part), part];
            continue;
        }
        const index = Array.isArray(node) ? counterpart(name, node, Array.isArray(was) ? was : undefined, part) : undefined;
        [node, was] = [index === undefined ? undefined : child(node, index), child(was, part)];
    }
    return node;
}

/**
 * `body` with each carried property put back where Graph held it, when the object that held it is still in the
 * body; a property the body already sets is left as the body sets it. `held` is the canonical policy the carried
 * properties came with (the outputs they are stored in): inside a list whose order means nothing, a property goes to
 * the body's element that matches the one that held it, and to none when the body no longer has such an element;
 * inside an ordered list, to the element at the same position (a question: the one with the same id). Without
 * `held`, every list element goes by position.
 */
export function withCarried<T extends object>(body: T, carried: CarriedProperties | undefined, held?: object): T {
    const result = structuredClone(body) as Record<string, unknown>;
    for (const [path, value] of Object.entries(carried ?? {})) {
        const parts = segments(path);
        const key = parts?.pop();
        if (parts === undefined || typeof key !== "string") {
            continue;
        }
        const parent = holderIn(result, held, parts);
        if (isPlainObject(parent) && !Object.hasOwn(parent, key)) {
            parent[key] = structuredClone(value);
        }
    }
    return result as T;
}
