/**
 * The plugin's property names on the wire. Graph's `@odata.type` is no identifier, and Pulumi's SDK generators take a
 * schema property's name as the field or key name as it is (Go's field, TypeScript's interface member, Python's
 * argument), with no per-language rename: the schema says `odataType`, as Pulumi's azure-native provider does, and the
 * plugin turns it back into Graph's name on the way in and into the schema's on the way out.
 */

/** Graph's name of each property whose schema name differs. */
const GRAPH_NAMES: Readonly<Record<string, string>> = { odataType: "@odata.type" };

const SCHEMA_NAMES: Readonly<Record<string, string>> = Object.fromEntries(
    Object.entries(GRAPH_NAMES).map(([schema, graph]) => [graph, schema]),
);

/** The schema's name for a property Graph names `name`. */
export function schemaName(name: string): string {
    return SCHEMA_NAMES[name] ?? name;
}

function renamed(value: unknown, names: Readonly<Record<string, string>>): unknown {
    if (Array.isArray(value)) return value.map((item) => renamed(item, names));
    if (value === null || typeof value !== "object") return value;
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [names[key] ?? key, renamed(item, names)]));
}

/** Properties as the engine sent them, with Graph's names. */
export function withGraphNames<T>(properties: T): T {
    return renamed(properties, GRAPH_NAMES) as T;
}

/** Properties with the schema's names, for the engine. */
export function withSchemaNames<T>(properties: T): T {
    return renamed(properties, SCHEMA_NAMES) as T;
}
