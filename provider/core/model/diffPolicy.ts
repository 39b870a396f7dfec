import { isDeepStrictEqual } from "node:util";
import { readCanonical, type CanonicalPolicy } from "./canonicalPolicy";
import { CheckContext } from "./checkContext";
import { tooDeepAt } from "./depth";
import { INPUT_NAMES, UNORDERED_LISTS } from "./policyShape";
import { REVIEWS_OFF, reviewsAreOff } from "./reviewSettings";
import { isPlainObject, isUnknown } from "./unknown";

/** Inputs that never cause a diff: `adopt` only matters at create; `id` is accepted only for copy-paste. */
const NOT_COMPARED = new Set(["adopt", "id"]);

/**
 * Properties the service fills in, compared only when declared: an omitted question or stage-setting id means "let
 * Graph choose", which any id satisfies, and a subject set's description is Graph's read-only display text. (A grace
 * period is not among them: Graph documents no default for it, so a PUT without one leaves none, and removing it
 * from the inputs is a change.)
 */
const COMPARED_WHEN_DECLARED = new Set(["id", "description"]);

/** What a diff found: the input properties that differ, and those of them that replace the policy. */
export interface PolicyDiff {
    changes: boolean;
    replaces: string[];
    diffs: string[];
}

/**
 * How the elements of a list whose order means nothing pair off: for each element of canonical `desired`, the index
 * of the first element of canonical `actual` not yet taken that already is what it declares, or -1 when none is.
 */
export function declaredPairing(desired: readonly unknown[], actual: readonly unknown[]): number[] {
    const taken = new Set<number>();
    return desired.map((element) => {
        const i = actual.findIndex((candidate, k) => !taken.has(k) && matchesDeclared(element, candidate));
        taken.add(i);
        return i;
    });
}

/** Whether every element of `desired` pairs off with its own element of `actual`. */
function matchesDeclaredSet(desired: unknown[], actual: unknown[]): boolean {
    return declaredPairing(desired, actual).every((i) => i >= 0);
}

/** Whether canonical `actual` already is what canonical `desired` declares; the unknown sentinel never is. */
function matchesDeclared(desired: unknown, actual: unknown, key = ""): boolean {
    if (isUnknown(desired)) {
        return false;
    }
    if (Array.isArray(desired) && Array.isArray(actual)) {
        if (desired.length !== actual.length) {
            return false;
        }
        return UNORDERED_LISTS.has(key)
            ? matchesDeclaredSet(desired, actual)
            : desired.every((element, i) => matchesDeclared(element, actual[i]));
    }
    if (isPlainObject(desired) && isPlainObject(actual)) {
        if (key === "customExtension") {
            // Graph expands the whole extension object; the reference is its id.
            return matchesDeclared(desired.id, actual.id);
        }
        const keys = new Set([...Object.keys(desired), ...Object.keys(actual)]);
        return [...keys].every(
            (k) => (desired[k] === undefined && COMPARED_WHEN_DECLARED.has(k)) || matchesDeclared(desired[k], actual[k], k),
        );
    }
    return desired === actual;
}

/**
 * Reviews that are off do nothing, and Graph answers them in more than one way: null, its defaults, `false` for the
 * recommendation and justification flags, or a schedule and reviewers left from when they were on. So when the inputs
 * leave reviews off, Graph's must be off too, and only what the inputs set apart from the defaults is compared: a
 * paused configuration someone declared still shows its changes.
 */
function matchesDeclaredReviews(desired: unknown, actual: unknown): boolean {
    if (!reviewsAreOff(desired)) {
        return matchesDeclared(desired, actual);
    }
    if (!reviewsAreOff(actual)) {
        return false;
    }
    const declared = desired ?? {};
    const held = actual ?? REVIEWS_OFF;
    return Object.keys(declared).every(
        (key) => isDeepStrictEqual(declared[key], REVIEWS_OFF[key]) || matchesDeclared(declared[key], held[key], key),
    );
}

/**
 * Compares what Graph holds with what the inputs declare, both in canonical form. `accessPackageId` changes replace
 * the policy; everything else updates in place; `adopt`, `__provider` and read-only outputs never cause a diff.
 *
 * @param actual The policy as Graph holds it.
 * @param desired The checked inputs (may contain the unknown sentinel during preview).
 */
export function diffCanonical(actual: CanonicalPolicy, desired: CanonicalPolicy): PolicyDiff {
    const held: Record<string, unknown> = actual;
    const declared: Record<string, unknown> = desired;
    const diffs = INPUT_NAMES.filter(
        (name) =>
            !NOT_COMPARED.has(name) && !(name === "reviewSettings" ? matchesDeclaredReviews : matchesDeclared)(declared[name], held[name]),
    );
    return { changes: diffs.length > 0, replaces: diffs.filter((name) => name === "accessPackageId"), diffs };
}

/**
 * Compares the old outputs from state with the checked inputs, as {@link diffCanonical} does. State is read into
 * canonical form first: an earlier version of the provider may have stored an earlier canonical form.
 *
 * @param olds The old outputs from state.
 * @param news The checked inputs (may contain the unknown sentinel during preview).
 */
export function diffPolicy(olds: Record<string, unknown>, news: CanonicalPolicy): PolicyDiff {
    const declared: Record<string, unknown> = news;
    // Check refuses such inputs; state holding them cannot be compared without overflowing, so it counts as changed.
    const deep = INPUT_NAMES.filter(
        (name) => tooDeepAt(olds?.[name], name) !== undefined || tooDeepAt(declared?.[name], name) !== undefined,
    );
    if (deep.length > 0) {
        return { changes: true, replaces: [], diffs: deep };
    }
    return diffCanonical(readCanonical(olds, new CheckContext()), news);
}
