import { CheckContext } from "./checkContext";
import { canonicalPolicy, INPUT_NAMES } from "./policyShape";
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

/** Properties the service fills in (ids, subject-set descriptions, grace period): compared only when declared. */
const COMPARED_WHEN_DECLARED = new Set(["id", "description", "gracePeriodBeforeAccessRemoval"]);

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
 * Compares the desired inputs with the old outputs, both in canonical form. `accessPackageId` changes replace the
 * policy; everything else updates in place; `adopt`, `__provider` and read-only outputs never cause a diff.
 *
 * @param olds The old outputs from state.
 * @param news The checked inputs (may contain the unknown sentinel during preview).
 */
export function diffPolicy(olds: Record<string, unknown>, news: Record<string, unknown>): { changes: boolean; replaces: string[]; diffs: string[] } {
    const actual = canonicalPolicy(olds, new CheckContext());
    const desired = canonicalPolicy(news, new CheckContext());
    const diffs = INPUT_NAMES.filter((name) => !NOT_COMPARED.has(name) && !same(desired[name], actual[name]));
    return { changes: diffs.length > 0, replaces: diffs.filter((name) => name === "accessPackageId"), diffs };
}
