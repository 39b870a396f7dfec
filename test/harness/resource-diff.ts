/** How the engine turns the host's `Diff` answer into a step (`step_generator.go` `diffResource`). */
import type { HostDiff } from "./provider-host";
import type { DiffDetails, PropertyMap, StepOp } from "./types";

/** Top-level input keys whose values differ, `__provider` included: the engine ignores nothing here. */
export function changedInputKeys(olds: PropertyMap, news: PropertyMap): string[] {
    const keys = new Set([...Object.keys(olds), ...Object.keys(news)]);
    return [...keys].filter((key) => JSON.stringify(olds[key]) !== JSON.stringify(news[key])).sort();
}

/**
 * Completes the host's answer: for `DIFF_UNKNOWN` (a provider without `diff`, or one returning `changes`
 * undefined) the engine diffs old and new inputs itself; replace keys count either way.
 */
export function resolveDiff(host: HostDiff, oldInputs: PropertyMap, news: PropertyMap): DiffDetails {
    return {
        providerChanges: host.changes,
        replaces: host.replaces,
        deleteBeforeReplace: host.deleteBeforeReplace,
        changedKeys: host.changes === "unknown" ? changedInputKeys(oldInputs, news) : [],
    };
}

/** The step a resolved diff leads to. */
export function stepFor(diff: DiffDetails): StepOp {
    if (diff.replaces.length > 0) return "replace";
    if (diff.providerChanges === "some") return "update";
    if (diff.providerChanges === "unknown" && diff.changedKeys.length > 0) return "update";
    return "same";
}
