import { graphErrors } from "../errors/graphErrors";
import type { JsonObject, JsonPrimitive, JsonValue } from "../json";
import type { ExpandItem } from "./queryOptions";

/** What `$select` and `$expand` are checked against: the declared shape of an entity type. */
export interface EntityShape {
    /** Qualified type name, e.g. `microsoft.graph.accessPackage`, for error messages. */
    typeName: string;
    /** Structural properties the type declares; the schema, not what one record happens to hold. */
    propertyNames: readonly string[];
    /** Navigation properties, each with the type it leads to. */
    navigations: Readonly<Record<string, { target(): EntityShape }>>;
}

/** A navigation property of records of type `R`. */
export interface Navigation<R> {
    /** The entity type it leads to (a function, since types lead to each other). */
    target(): EntityShape;
    /** Renders it for one record, with the `$select` and `$expand` nested in `item` applied. */
    render(record: R, item: ExpandItem): JsonValue;
}

/**
 * How one entity type is represented on the wire: its structural properties, the navigation
 * properties `$expand` can add, and the property paths `$filter` can test.
 */
export interface EntityView<R> extends EntityShape {
    /** Structural properties of one record, `id` first. */
    properties(record: R): JsonObject;
    /** The navigation properties. */
    navigations: Readonly<Record<string, Navigation<R>>>;
    /** Values of filterable paths (e.g. `accessPackage/id`). */
    filterable: Readonly<Record<string, (record: R) => JsonPrimitive>>;
}

function unknownName(name: string, shape: EntityShape): Error {
    return graphErrors.invalidQuery(`Could not find a property named '${name}' on type '${shape.typeName}'.`);
}

/**
 * Refuses a `$select` or `$expand` (at any depth) that names something the type does not
 * declare, as Graph's OData parser does before it reads any data. Lookups are own-key only,
 * so names such as `constructor` are unknown like any other.
 */
export function checkProjection(shape: EntityShape, expand: readonly ExpandItem[], select?: readonly string[]): void {
    for (const name of select ?? []) {
        if (!shape.propertyNames.includes(name) && !Object.hasOwn(shape.navigations, name)) throw unknownName(name, shape);
    }
    for (const item of expand) {
        if (!Object.hasOwn(shape.navigations, item.name)) throw unknownName(item.name, shape);
        checkProjection(shape.navigations[item.name].target(), item.expand, item.select);
    }
}

/** Renders one record with `$select` and `$expand` applied; call {@link checkProjection} first. */
export function renderEntity<R>(view: EntityView<R>, record: R, expand: readonly ExpandItem[], select?: readonly string[]): JsonObject {
    const properties = view.properties(record);
    // `@odata.type` is an annotation, kept so that a derived type stays recognisable.
    const rendered: JsonObject = select
        ? Object.fromEntries(Object.entries(properties).filter(([key]) => key === "@odata.type" || select.includes(key)))
        : properties;
    for (const item of expand) rendered[item.name] = view.navigations[item.name].render(record, item);
    return rendered;
}

/** A single-valued navigation; a dangling reference renders as `null`. */
export function toOne<R, T>(target: () => EntityView<T>, find: (record: R) => T | undefined): Navigation<R> {
    return {
        target,
        render(record, item) {
            const found = find(record);
            return found === undefined ? null : renderEntity(target(), found, item.expand, item.select);
        },
    };
}

/** A collection-valued navigation. */
export function toMany<R, T>(target: () => EntityView<T>, find: (record: R) => T[]): Navigation<R> {
    return { target, render: (record, item) => find(record).map((found) => renderEntity(target(), found, item.expand, item.select)) };
}

/** Keeps the records every `$filter` clause holds for; unknown paths are refused. */
export function applyFilter<R>(view: EntityView<R>, records: R[], clauses: readonly { path: string; value: JsonPrimitive }[]): R[] {
    for (const clause of clauses) {
        if (!Object.hasOwn(view.filterable, clause.path)) {
            throw graphErrors.invalidQuery(
                `Could not find a property named '${clause.path}' on type '${view.typeName}', or it does not support filtering.`,
            );
        }
    }
    return records.filter((record) =>
        clauses.every((clause) => {
            const actual = view.filterable[clause.path](record);
            // GUIDs and enum members compare case-insensitively in Graph's filters.
            return typeof actual === "string" && typeof clause.value === "string"
                ? actual.toLowerCase() === clause.value.toLowerCase()
                : actual === clause.value;
        }),
    );
}
