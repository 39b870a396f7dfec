/** Pulumi's placeholder for a value not known until the update runs (preview only). */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/** Whether `value` is Pulumi's unknown sentinel. */
export function isUnknown(value: unknown): boolean {
    return value === UNKNOWN;
}

/** Whether the unknown sentinel is `value` or appears anywhere inside it. */
export function containsUnknown(value: unknown): boolean {
    if (Array.isArray(value)) {
        return value.some(containsUnknown);
    }
    return isPlainObject(value) ? Object.values(value).some(containsUnknown) : isUnknown(value);
}

/** A JSON object (not an array, not null). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * `table[key]` for keys that come from user input: a name such as `constructor` or `toString` must not find
 * `Object.prototype`'s members.
 */
export function ownValue<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
    return Object.hasOwn(table, key) ? table[key] : undefined;
}
