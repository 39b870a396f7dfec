import { childPath, indexPath } from "./checkContext";

/**
 * How deep a property may nest before check refuses it and diff stops comparing it. The deepest a policy goes is
 * some seven levels (a question's choice's localization's text); readers, canonical forms and comparisons recurse, so
 * input nested thousands deep would overflow the stack instead of coming back as a failure.
 */
export const MAX_DEPTH = 32;

/**
 * The path (below `path`) at which `value` nests deeper than {@link MAX_DEPTH} lists or objects, or `undefined`.
 * Walks with its own stack, so no depth of input can overflow it.
 */
export function tooDeepAt(value: unknown, path: string): string | undefined {
    const pending: Array<{ value: unknown; path: string; depth: number }> = [{ value, path, depth: 0 }];
    for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
        const { value: current, path: at, depth } = next;
        if (typeof current !== "object" || current === null) continue;
        if (depth >= MAX_DEPTH) return at;
        if (Array.isArray(current)) {
            current.forEach((element, i) => pending.push({ value: element, path: indexPath(at, i), depth: depth + 1 }));
        } else {
            for (const [key, element] of Object.entries(current))
                pending.push({ value: element, path: childPath(at, key), depth: depth + 1 });
        }
    }
    return undefined;
}
