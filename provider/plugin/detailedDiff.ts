/**
 * Property-level diffs for the engine's display. Whether the policy changes, and what replaces it, is the core's
 * `diffPolicy` decision (the dynamic provider's own); this only names, inside each property it found changed, the
 * paths that differ between the inputs last applied and the new ones, so a preview shows
 * `requestApprovalSettings.stages[0].durationBeforeEscalation` rather than the whole settings object.
 */
import { isDeepStrictEqual } from "node:util";
import { schemaName } from "./wireNames";

/** Mirrors `pulumirpc.PropertyDiff.Kind` without tying this module to the generated protobuf code. */
export type DiffKind = "add" | "delete" | "update";

/** One changed path and how it changed; `replace` when changing it replaces the policy. */
export interface PathDiff {
    path: string;
    kind: DiffKind;
    replace: boolean;
}

function isObject(value: unknown): value is Record<string, unknown> {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * A Pulumi property path step, named as the engine knows the property (the schema's name: `.odataType` for Graph's
 * `@odata.type`): `.name` for identifiers, `["name"]` for anything else.
 */
function child(path: string, key: string): string {
    const name = schemaName(key);
    return /^[A-Za-z_$][\w$]*$/.test(name) ? `${path}.${name}` : `${path}[${JSON.stringify(name)}]`;
}

/** The deepest paths at which `old` and `next` differ; lists of another length differ as a whole. */
function changedPaths(old: unknown, next: unknown, path: string): { path: string; kind: DiffKind }[] {
    if (isDeepStrictEqual(old, next)) {
        return [];
    }
    if (old === undefined || old === null) {
        return [{ path, kind: "add" }];
    }
    if (next === undefined || next === null) {
        return [{ path, kind: "delete" }];
    }
    if (isObject(old) && isObject(next)) {
        const keys = new Set([...Object.keys(old), ...Object.keys(next)]);
        return [...keys].flatMap((key) => changedPaths(old[key], next[key], child(path, key)));
    }
    if (Array.isArray(old) && Array.isArray(next) && old.length === next.length) {
        return old.flatMap((element, i) => changedPaths(element, next[i], `${path}[${i}]`));
    }
    return [{ path, kind: "update" }];
}

/**
 * The paths that differ under each of `changed` (top-level input names), between the inputs last applied and the
 * new inputs. A property whose inputs are equal but whose state differs (drift that no refresh has brought into the
 * inputs yet, or a difference only the canonical comparison sees) is reported as a whole.
 */
export function detailedDiff(
    oldInputs: Record<string, unknown>,
    news: Record<string, unknown>,
    changed: readonly string[],
    replaces: readonly string[],
): PathDiff[] {
    return changed.flatMap((name) => {
        const replace = replaces.includes(name);
        const paths = changedPaths(oldInputs[name], news[name], name);
        return (paths.length > 0 ? paths : [{ path: name, kind: "update" as const }]).map((diff) => ({ ...diff, replace }));
    });
}
