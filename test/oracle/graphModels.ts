/**
 * The schema of an access package assignment policy as Microsoft's generated Graph v1.0 SDK models state it
 * (`@microsoft/msgraph-sdk`, pinned in package.json), read from the generated code itself: each
 * `deserializeInto<Type>({})` lists a type's properties, and calling each property's parser on a recording parse
 * node shows its kind (primitive, enum, object or collection of which type); each `<Enum>Object` lists an enum's
 * members; each `create<Type>FromDiscriminatorValue` maps discriminators to derived types.
 */

// Loaded with require: the package is an ES module of 7 MB whose typings ts-node need not check.
const models: Readonly<Record<string, unknown>> = require("@microsoft/msgraph-sdk/models/index.js");
const identityGovernance: Readonly<Record<string, unknown>> = require("@microsoft/msgraph-sdk/models/identityGovernance/index.js");

type Parser = (node: unknown) => void;
type Factory = (node: unknown) => Parser;

/** What one property holds. */
export type PropertyKind =
    | { kind: "primitive"; parser: string }
    | { kind: "enum"; members: string[] }
    | { kind: "enumCollection"; members: string[] }
    | { kind: "object"; type: string; derived: string[] }
    | { kind: "collection"; type: string; derived: string[] };

/** One type: its properties (without the SDK's `backingStoreEnabled` and `@odata.type`), by name. */
export type GraphType = ReadonlyMap<string, PropertyKind>;

/** `AccessPackageApprovalStage` → `accessPackageApprovalStage`, Graph's spelling. */
function graphName(sdkName: string): string {
    return sdkName[0].toLowerCase() + sdkName.slice(1);
}

// Type names by their generated deserializer, qualified for types outside microsoft.graph.
const TYPE_OF_DESERIALIZER = new Map<unknown, string>([
    ...Object.entries(models)
        .filter(([name]) => name.startsWith("deserializeInto"))
        .map(([name, fn]) => [fn, graphName(name.slice("deserializeInto".length))] as const),
    ...Object.entries(identityGovernance)
        .filter(([name]) => name.startsWith("deserializeInto"))
        .map(([name, fn]) => [fn, `identityGovernance.${graphName(name.slice("deserializeInto".length))}`] as const),
]);

/** Records what a property's parser asks the parse node for. */
function kindOf(parse: Parser): PropertyKind {
    let kind: PropertyKind | undefined;
    const node = new Proxy(
        {},
        {
            get: (_target, method: string) => (argument: unknown) => {
                if (method === "getObjectValue" || method === "getCollectionOfObjectValues") {
                    const factory = argument as Factory;
                    const [type, derived] = [baseOf(factory), derivedOf(factory)];
                    kind = method === "getObjectValue" ? { kind: "object", type, derived } : { kind: "collection", type, derived };
                } else if (method === "getEnumValue" || method === "getCollectionOfEnumValues") {
                    const members = Object.values(argument as Record<string, string>);
                    kind = method === "getEnumValue" ? { kind: "enum", members } : { kind: "enumCollection", members };
                } else {
                    kind = { kind: "primitive", parser: method };
                }
                return undefined;
            },
        },
    );
    parse(node);
    if (kind === undefined) throw new Error("a property parser asked the parse node for nothing");
    return kind;
}

/** The type a factory makes without a discriminator. */
function baseOf(factory: Factory): string {
    return TYPE_OF_DESERIALIZER.get(factory({ getChildNode: () => undefined })) as string;
}

/**
 * The derived types a factory maps discriminators to: the `#microsoft.graph.…` values its generated switch names,
 * each confirmed by calling the factory with it.
 */
function derivedOf(factory: Factory): string[] {
    const base = baseOf(factory);
    const discriminators = [...String(factory).matchAll(/"#microsoft\.graph\.([\w.]+)"/g)].map((match) => match[1]);
    return discriminators.filter((name) => {
        const made = TYPE_OF_DESERIALIZER.get(factory({ getChildNode: () => ({ getStringValue: () => `#microsoft.graph.${name}` }) }));
        return made === name && made !== base;
    });
}

/** A type's properties by name. */
export function graphType(name: string): GraphType {
    const deserializer = models[`deserializeInto${name[0].toUpperCase()}${name.slice(1)}`] as
        ((model: object) => Record<string, Parser>) | undefined;
    if (deserializer === undefined) throw new Error(`@microsoft/msgraph-sdk has no type ${name}`);
    const parsers = Object.entries(deserializer({})).filter(
        ([property]) => property !== "backingStoreEnabled" && property !== "@odata.type",
    );
    return new Map(parsers.map(([property, parse]) => [property, kindOf(parse)]));
}

/**
 * Every type reachable from `root` through properties, derived types included, except those in `references`
 * (entities a policy only points at) and theirs. Maps each type to its properties.
 */
export function reachableTypes(root: string, references: ReadonlySet<string>): Map<string, GraphType> {
    const types = new Map<string, GraphType>();
    const pending = [root];
    while (pending.length > 0) {
        const name = pending.pop() as string;
        // Types outside microsoft.graph (identityGovernance.…) belong to other features; the test lists them.
        if (types.has(name) || name.includes(".")) continue;
        const type = graphType(name);
        types.set(name, type);
        for (const kind of type.values()) {
            if ((kind.kind === "object" || kind.kind === "collection") && !references.has(kind.type))
                pending.push(kind.type, ...kind.derived);
        }
    }
    return types;
}
