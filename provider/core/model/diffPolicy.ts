import { isDeepStrictEqual } from "node:util";
import { CheckContext } from "./checkContext";
import { tooDeepAt } from "./depth";
import { canonicalPolicy, INPUT_NAMES } from "./policyShape";
import { REVIEWS_OFF, reviewsAreOff } from "./reviewSettings";
import { isPlainObject, isUnknown } from "./unknown";

/** Inputs that never cause a diff: `adopt` only matters at create; `id` is accepted only for copy-paste. */
const NOT_COMPARED = new Set(["adopt", "id"]);

/** Lists whose order means nothing: subject sets, custom extension stages (one per stage), days of the week. */
const UNORDERED = new Set([
    "specificAllowedTargets",
    "onBehalfRequestors",
    "primaryApprovers",
    "fallbackPrimaryApprovers",
    "escalationApprovers",
    "fallbackEscalationApprovers",
    "primaryReviewers",
    "fallbackReviewers",
    "customExtensionStageSettings",
    "daysOfWeek",
]);

/**
 * Properties the service fills in, compared only when declared: an omitted question or stage-setting id means "let
 * Graph choose", which any id satisfies, and a subject set's description is Graph's read-only display text. (A grace
 * period is not among them: Graph documents no default for it, so a PUT without one leaves none, and removing it
 * from the inputs is a change.)
 */
const COMPARED_WHEN_DECLARED = new Set(["id", "description"]);

/** Whether every element of `desired` pairs off with its own element of `actual`. */
function sameSet(desired: unknown[], actual: unknown[]): boolean {
    const unmatched = [...actual];
    return desired.every((element) => {
        const i = unmatched.findIndex((candidate) => same(element, candidate));
        return i >= 0 && unmatched.splice(i, 1).length === 1;
    });
}

/** Whether canonical `actual` already is what canonical `desired` declares; the unknown sentinel is never the same. */
function same(desired: unknown, actual: unknown, key = ""): boolean {
    if (isUnknown(desired)) {
        return false;
    }
    if (Array.isArray(desired) && Array.isArray(actual)) {
        if (desired.length !== actual.length) {
            return false;
        }
        return UNORDERED.has(key) ? sameSet(desired, actual) : desired.every((element, i) => same(element, actual[i]));
    }
    if (isPlainObject(desired) && isPlainObject(actual)) {
        if (key === "customExtension") {
            // Graph expands the whole extension object; the reference is its id.
            return same(desired.id, actual.id);
        }
        const keys = new Set([...Object.keys(desired), ...Object.keys(actual)]);
        return [...keys].every((k) => (desired[k] === undefined && COMPARED_WHEN_DECLARED.has(k)) || same(desired[k], actual[k], k));
    }
    return desired === actual;
}

/**
 * Reviews that are off do nothing, and Graph answers them in more than one way: null, its defaults, `false` for the
 * recommendation and justification flags, or a schedule and reviewers left from when they were on. So when the inputs
 * leave reviews off, Graph's must be off too, and only what the inputs set apart from the defaults is compared: a
 * paused configuration someone declared still shows its changes.
 */
function sameReviews(desired: unknown, actual: unknown): boolean {
    if (!reviewsAreOff(desired)) {
        return same(desired, actual);
    }
    if (!reviewsAreOff(actual)) {
        return false;
    }
    const declared = desired ?? {};
    const held = actual ?? REVIEWS_OFF;
    return Object.keys(declared).every((key) => isDeepStrictEqual(declared[key], REVIEWS_OFF[key]) || same(declared[key], held[key], key));
}

/**
 * Compares the desired inputs with the old outputs, both in canonical form. `accessPackageId` changes replace the
 * policy; everything else updates in place; `adopt`, `__provider` and read-only outputs never cause a diff.
 *
 * @param olds The old outputs from state.
 * @param news The checked inputs (may contain the unknown sentinel during preview).
 */
export function diffPolicy(
    olds: Record<string, unknown>,
    news: Record<string, unknown>,
): { changes: boolean; replaces: string[]; diffs: string[] } {
    // Check refuses such inputs; state holding them cannot be compared without overflowing, so it counts as changed.
    const deep = INPUT_NAMES.filter((name) => tooDeepAt(olds?.[name], name) !== undefined || tooDeepAt(news?.[name], name) !== undefined);
    if (deep.length > 0) {
        return { changes: true, replaces: [], diffs: deep };
    }
    const actual = canonicalPolicy(olds, new CheckContext());
    const desired = canonicalPolicy(news, new CheckContext());
    const diffs = INPUT_NAMES.filter(
        (name) => !NOT_COMPARED.has(name) && !(name === "reviewSettings" ? sameReviews : same)(desired[name], actual[name]),
    );
    return { changes: diffs.length > 0, replaces: diffs.filter((name) => name === "accessPackageId"), diffs };
}
