/**
 * Graph's `@odata.type` tags: how check recognises them (in any letter case, with or without `#` and
 * `microsoft.graph.`) and how it drops the tag of an object whose type is fixed.
 */
import { childPath, describe, type CheckContext } from "./checkContext";
import { isAbsent, type Reader } from "./readers";
import { isPlainObject, isUnknown } from "./unknown";

/** Graph's type name of an object type of `../types` that may carry a tag, e.g. `recurrencePattern`. */
export type TypeNameOf<T> = T extends { "@odata.type"?: `#microsoft.graph.${infer Name}` } ? Name : never;

/** `T` without its `@odata.type`: the properties a reader table lists for an object whose tag is dropped. */
export type Untagged<T> = Omit<T, "@odata.type">;

/**
 * The type name an `@odata.type` value gives, lower-case, with or without `#` and `microsoft.graph.`:
 * `#Microsoft.Graph.SingleUser` and `singleuser` both give `singleuser`.
 */
export function bareODataType(odataType: unknown): string | undefined {
    return typeof odataType === "string"
        ? odataType
              .trim()
              .replace(/^#/, "")
              .replace(/^microsoft\.graph\./i, "")
              .toLowerCase()
        : undefined;
}

/**
 * `object` without its `@odata.type`. Graph's bodies tag even objects whose type is fixed, so a tag naming `typeName`
 * is accepted (see {@link bareODataType}) and dropped; a tag naming another type fails with the one expected.
 */
export function withoutTypeTag(
    object: Record<string, unknown>,
    typeName: string,
    path: string,
    check: CheckContext,
): Record<string, unknown> {
    if (!Object.hasOwn(object, "@odata.type")) {
        return object;
    }
    const { "@odata.type": tag, ...rest } = object;
    if (!isAbsent(tag) && !isUnknown(tag) && bareODataType(tag) !== typeName.toLowerCase()) {
        check.fail(childPath(path, "@odata.type"), `must be #microsoft.graph.${typeName} (or be left out); got ${describe(tag)}`);
    }
    return rest;
}

/**
 * `read` for an object of the fixed Graph type `T` (named by `typeName`, which the compiler holds to `T`'s tag),
 * accepting and dropping its `@odata.type` (see {@link withoutTypeTag}).
 */
export function droppingTypeTag<T>(typeName: TypeNameOf<T>, read: Reader): Reader {
    return (value, path, check) => read(isPlainObject(value) ? withoutTypeTag(value, typeName, path, check) : value, path, check);
}
