import { graphErrors } from "../errors/graphErrors";
import type { JsonObject, JsonPrimitive, JsonValue } from "../json";
import type { ExpandItem } from "./queryOptions";

/**
 * How one entity type is represented on the wire: its structural properties, the navigation
 * properties `$expand` can add, and the property paths `$filter` can test.
 */
export interface EntityView<R> {
  /** Qualified type name, e.g. `microsoft.graph.accessPackage`, for error messages. */
  typeName: string;
  /** Structural properties, `id` first. */
  properties(record: R): JsonObject;
  /** Renders a navigation property given the nested `$expand` items. */
  navigations: Readonly<Record<string, (record: R, nested: ExpandItem[]) => JsonValue>>;
  /** Values of filterable paths (e.g. `accessPackage/id`). */
  filterable: Readonly<Record<string, (record: R) => JsonPrimitive>>;
}

function pick(value: JsonValue, select: readonly string[]): JsonValue {
  if (Array.isArray(value)) return value.map((item) => pick(item, select));
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(Object.entries(value).filter(([key]) => key === "@odata.type" || select.includes(key)));
}

/** Renders one record with `$select` and `$expand` applied; unknown names are refused. */
export function renderEntity<R>(view: EntityView<R>, record: R, expand: readonly ExpandItem[], select?: readonly string[]): JsonObject {
  const properties = view.properties(record);
  for (const name of select ?? []) {
    if (!(name in properties) && !(name in view.navigations)) {
      throw graphErrors.invalidQuery(`Could not find a property named '${name}' on type '${view.typeName}'.`);
    }
  }
  const rendered: JsonObject = select ? (pick(properties, select) as JsonObject) : properties;
  for (const item of expand) {
    const navigation = view.navigations[item.name];
    if (navigation === undefined) {
      throw graphErrors.invalidQuery(`Could not find a property named '${item.name}' on type '${view.typeName}'.`);
    }
    const value = navigation(record, item.expand);
    rendered[item.name] = item.select ? pick(value, item.select) : value;
  }
  return rendered;
}

/** Keeps the records every `$filter` clause holds for; unknown paths are refused. */
export function applyFilter<R>(view: EntityView<R>, records: R[], clauses: readonly { path: string; value: JsonPrimitive }[]): R[] {
  for (const clause of clauses) {
    if (view.filterable[clause.path] === undefined) {
      throw graphErrors.invalidQuery(`Could not find a property named '${clause.path}' on type '${view.typeName}', or it does not support filtering.`);
    }
  }
  return records.filter((record) =>
    clauses.every((clause) => {
      const actual = view.filterable[clause.path](record);
      // GUIDs and enum members compare case-insensitively in Graph's filters.
      return typeof actual === "string" && typeof clause.value === "string" ? actual.toLowerCase() === clause.value.toLowerCase() : actual === clause.value;
    }),
  );
}
