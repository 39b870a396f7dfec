import type { CheckFailure } from "../types";

/** A property this version does not know, found at `path` with `value`. */
export interface UnknownProperty {
    readonly path: string;
    readonly value: unknown;
}

/**
 * Collects the failures of one check, each tied to the path of the offending property, and the properties nobody
 * here knows: in inputs a failure, in Graph's answer a property of a newer Graph that must not be lost.
 */
export class CheckContext {
    readonly failures: CheckFailure[] = [];
    readonly unknownProperties: UnknownProperty[] = [];

    fail(property: string, reason: string): void {
        this.failures.push({ property, reason });
    }

    unknownProperty(path: string, value: unknown, hint: string): void {
        this.unknownProperties.push({ path, value });
        this.fail(path, `unknown property; ${hint}`);
    }
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** The path of `key` under `parent`, in the `a.b[0]["@odata.type"]` notation Pulumi shows users. */
export function childPath(parent: string, key: string): string {
    if (IDENTIFIER.test(key)) {
        return parent === "" ? key : `${parent}.${key}`;
    }
    return `${parent}[${JSON.stringify(key)}]`;
}

/** The path of element `index` of the list at `parent`. */
export function indexPath(parent: string, index: number): string {
    return `${parent}[${index}]`;
}

/** A short description of a wrong value for a failure message. */
export function describe(value: unknown): string {
    if (value === null) {
        return "null";
    }
    if (Array.isArray(value)) {
        return "a list";
    }
    if (typeof value === "object") {
        return "an object";
    }
    if (typeof value === "string") {
        return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
    }
    return String(value);
}

/** `a, b or c`, for listing what is allowed. */
export function oneOf(values: readonly string[]): string {
    return values.length <= 1 ? values.join("") : `${values.slice(0, -1).join(", ")} or ${values[values.length - 1]}`;
}
