/**
 * The plugin's schema as the exported programs need it: each input's type, to pick SDK constructors, and each
 * property's name in every language, derived the way Pulumi's code generators derive them.
 */
import schemaDocument from "../../provider/plugin/schema.json";

/** A schema type, resolved: references followed, unions kept with their discriminator. */
export type SchemaType =
    | { kind: "string" | "boolean" | "integer" | "number" | "any" }
    | { kind: "enum"; name: string; names: ReadonlyMap<string, string> }
    | { kind: "array"; items: SchemaType }
    | { kind: "object"; name: string; properties: ReadonlyMap<string, SchemaProperty> }
    | { kind: "union"; members: SchemaType[]; discriminator?: { propertyName: string; mapping: ReadonlyMap<string, SchemaType> } };

/** A property of an object type, with its name in each SDK. */
export interface SchemaProperty {
    type: SchemaType;
    python: string;
    go: string;
    csharp: string;
}

/** The untyped type: values are written as they come (the TypeScript program, whose SDK is the package itself). */
export const ANY: SchemaType = { kind: "any" };

interface RawLanguage {
    python?: { name?: string };
    go?: { name?: string };
    csharp?: { name?: string };
}

interface RawType {
    type?: string;
    $ref?: string;
    items?: RawType;
    oneOf?: RawType[];
    discriminator?: { propertyName: string; mapping: Record<string, string> };
    enum?: { value: unknown; name?: string }[];
    properties?: Record<string, RawType & { language?: RawLanguage }>;
    inputProperties?: Record<string, RawType & { language?: RawLanguage }>;
}

interface RawSchema {
    name: string;
    language: { go: { importBasePath: string }; csharp: { rootNamespace: string; packageReferences: Record<string, string> } };
    resources: Record<string, RawType>;
    types: Record<string, RawType>;
}

const SCHEMA = schemaDocument as unknown as RawSchema;

/** The plugin's package name (`entra`), the SDK's Go package and the tokens' first part. */
export const PACKAGE = SCHEMA.name;

/** The Go SDK's package import path, as the schema tells Pulumi's Go generator. */
export const GO_IMPORT_BASE = SCHEMA.language.go.importBasePath;

/** The .NET SDK's namespace (`PulumiEntra.Entra`): the schema's root namespace, then the package name titled. */
export const CSHARP_NAMESPACE = `${SCHEMA.language.csharp.rootNamespace}.${csharpName(PACKAGE)}`;

/** The version range of the `Pulumi` NuGet package the .NET SDK references. */
export const CSHARP_PULUMI_RANGE = SCHEMA.language.csharp.packageReferences.Pulumi;

/** The resource token exported programs declare. */
export const POLICY_TOKEN = `${PACKAGE}:index:AccessPackageAssignmentPolicy`;

const TYPE_REF = "#/types/";

function localName(token: string): string {
    return token.slice(token.lastIndexOf(":") + 1);
}

/** Python's name for a schema property: Pulumi's PyName, for the ASCII camelCase names this schema has. */
export function pythonName(name: string): string {
    return name
        .replace(/[^A-Za-z0-9_]/g, "_")
        .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
        .toLowerCase();
}

/** C#'s name for a schema property (and the package's in the namespace): Pulumi's .NET `Title`, the first letter upper-cased. */
export function csharpName(name: string): string {
    return name.charAt(0).toUpperCase() + name.slice(1);
}

/**
 * Go's name for a schema property: the name with its first letter upper-cased, as Pulumi's Go generator does. A name
 * that is no Go identifier then (`@odata.type`, which the generator would emit as it is) becomes its words run
 * together (`OdataType`), the name a `language.go.name` in the schema is expected to give it.
 */
export function goName(name: string): string {
    const titled = name.charAt(0).toUpperCase() + name.slice(1);
    if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(titled)) {
        return titled;
    }
    return name
        .split(/[^A-Za-z0-9]+/)
        .filter((word) => word !== "")
        .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
        .join("");
}

// One object per token, registered before its properties are resolved, so types that refer to each other resolve.
const resolvedTypes = new Map<string, SchemaType>();

function resolve(raw: RawType, token?: string): SchemaType {
    if (raw.$ref !== undefined) {
        const ref = raw.$ref.startsWith(TYPE_REF) ? raw.$ref.slice(TYPE_REF.length) : undefined;
        return ref === undefined ? ANY : (resolvedTypes.get(ref) ?? resolve(SCHEMA.types[ref], ref));
    }
    if (raw.oneOf !== undefined) {
        const members = raw.oneOf.map((member) => resolve(member));
        if (raw.discriminator === undefined) {
            return { kind: "union", members };
        }
        const mapping = new Map(Object.entries(raw.discriminator.mapping).map(([value, ref]) => [value, resolve({ $ref: ref })]));
        return { kind: "union", members, discriminator: { propertyName: raw.discriminator.propertyName, mapping } };
    }
    if (raw.enum !== undefined && token !== undefined) {
        // The SDKs name a member by the schema's `name` for it, else by its value.
        const names = new Map(raw.enum.map(({ value, name }) => [String(value), name ?? String(value)]));
        return { kind: "enum", name: localName(token), names };
    }
    const properties = raw.inputProperties ?? raw.properties;
    if ((raw.type === "object" || raw.inputProperties !== undefined) && properties !== undefined && token !== undefined) {
        return objectType(token, properties);
    }
    if (raw.type === "array" && raw.items !== undefined) {
        return { kind: "array", items: resolve(raw.items) };
    }
    return ["string", "boolean", "integer", "number"].includes(raw.type ?? "")
        ? { kind: raw.type as "string" | "boolean" | "integer" | "number" }
        : ANY;
}

function objectType(token: string, raw: Record<string, RawType & { language?: RawLanguage }>): SchemaType {
    const properties = new Map<string, SchemaProperty>();
    const type: SchemaType = { kind: "object", name: localName(token), properties };
    resolvedTypes.set(token, type);
    for (const [name, property] of Object.entries(raw)) {
        properties.set(name, {
            type: resolve(property),
            python: property.language?.python?.name ?? pythonName(name),
            go: property.language?.go?.name ?? goName(name),
            csharp: property.language?.csharp?.name ?? csharpName(name),
        });
    }
    return type;
}

/** The policy resource's inputs, as an object type named after the resource. */
export const POLICY_TYPE: SchemaType = resolve(SCHEMA.resources[POLICY_TOKEN], POLICY_TOKEN);
