/**
 * The special values of Pulumi's property wire format, and the conversions the engine applies to them before a
 * provider sees a property bag.
 */
import type { JsonValue, PropertyMap, PropertyPath } from "./types";

/** The unknown-value sentinel (`runtime/rpc.js` `unknownValue`); may stand in for a value of any type. */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/** The key that marks a special (secret, asset, resource…) object on the wire. */
export const SIG_KEY = "4dabf18193072939515e22adb298388d";

/** The signature value of a secret. */
export const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";

type JsonObject = { [key: string]: JsonValue };

function isObject(value: JsonValue | undefined): value is JsonObject {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** True for `{ [SIG_KEY]: SECRET_SIG, ... }`. */
export function isSecretWrapper(value: JsonValue | undefined): value is JsonObject {
    return isObject(value) && value[SIG_KEY] === SECRET_SIG;
}

/** Wraps a value the way the engine marks secrets on the wire (only `Configure` args carry these to the host). */
export function wrapSecret(value: JsonValue): JsonValue {
    return { [SIG_KEY]: SECRET_SIG, value };
}

/**
 * Removes secret wrappers at any depth, as the engine does for a provider that answered `acceptSecrets=false`,
 * and reports where they were so the secretness can be restored on the way back.
 */
export function revealSecrets(
    value: JsonValue,
    readSecret: (wrapper: JsonObject) => JsonValue = (w) => w.value ?? null,
): { value: JsonValue; secretPaths: PropertyPath[] } {
    const secretPaths: PropertyPath[] = [];
    const walk = (v: JsonValue, path: PropertyPath): JsonValue => {
        if (isSecretWrapper(v)) {
            secretPaths.push(path);
            // A secret may nest secrets; the outer path already covers them.
            return revealSecrets(readSecret(v), readSecret).value;
        }
        if (Array.isArray(v)) return v.map((e, i) => walk(e, [...path, i]));
        if (isObject(v)) return Object.fromEntries(Object.entries(v).map(([k, e]) => [k, walk(e, [...path, k])]));
        return v;
    };
    return { value: walk(value, []), secretPaths };
}

/** `revealSecrets` for a property bag. */
export function revealMapSecrets(
    map: PropertyMap,
    readSecret?: (wrapper: JsonObject) => JsonValue,
): { value: PropertyMap; secretPaths: PropertyPath[] } {
    const { value, secretPaths } = revealSecrets(map, readSecret);
    return { value: value as PropertyMap, secretPaths };
}

/** Replaces the values at `paths` that exist in `map` by `wrap(value)`; paths that are absent are skipped. */
export function wrapAt(map: PropertyMap, paths: PropertyPath[], wrap: (value: JsonValue) => JsonValue): PropertyMap {
    const copy = structuredClone(map) as JsonValue;
    for (const path of paths) {
        if (path.length === 0) continue;
        let parent: JsonValue = copy;
        for (const segment of path.slice(0, -1)) parent = child(parent, segment) ?? null;
        const last = path[path.length - 1];
        const current = child(parent, last);
        if (current === undefined || isSecretWrapper(current)) continue;
        (parent as Record<string | number, JsonValue>)[last] = wrap(current);
    }
    return copy as PropertyMap;
}

function child(parent: JsonValue, segment: string | number): JsonValue | undefined {
    if (Array.isArray(parent) && typeof segment === "number") return parent[segment];
    if (isObject(parent) && typeof segment === "string" && Object.hasOwn(parent, segment)) return parent[segment];
    return undefined;
}

/**
 * Drops `undefined` the way a JSON round trip does: `Struct.fromJavaScript` throws "Unexpected struct type." on it,
 * and the engine's property maps cannot hold it in the first place.
 */
export function dropUndefined(value: unknown): JsonValue {
    return JSON.parse(JSON.stringify(value ?? null)) as JsonValue;
}

/** Renders a path like the CLI: `a.b[0]`. */
export function formatPath(path: PropertyPath): string {
    return path.map((s, i) => (typeof s === "number" ? `[${s}]` : i === 0 ? s : `.${s}`)).join("");
}
