/**
 * The walk every language's literal writer shares: from the data a program declares to a tree that says, at each
 * node, which schema type it has and which id constant stands in for a string. Writers only spell the tree.
 */
import { schemaName } from "../../provider/plugin/wireNames";
import { ANY, type SchemaProperty, type SchemaType } from "./pluginSchema";

/** A JSON value, the only data an exported program holds. */
export type LiteralValue = null | boolean | number | string | LiteralValue[] | { [key: string]: LiteralValue };

/** A property of an object node: its schema name, its names in the SDKs when the schema knows it, its value. */
export interface LiteralEntry {
    key: string;
    property?: SchemaProperty;
    value: LiteralNode;
}

/** One node of the tree; `type` is {@link ANY} where the schema says nothing (or was not asked). */
export type LiteralNode =
    | { kind: "scalar"; value: null | boolean | number | string; type: SchemaType }
    | { kind: "constant"; name: string; type: SchemaType }
    | { kind: "list"; elements: LiteralNode[]; type: SchemaType }
    | { kind: "object"; entries: LiteralEntry[]; type: SchemaType };

/** The member of a union that `value` is: by the discriminator for objects, by the JSON type for scalars. */
function unionMember(type: Extract<SchemaType, { kind: "union" }>, value: LiteralValue): SchemaType {
    if (type.discriminator !== undefined && typeof value === "object" && value !== null && !Array.isArray(value)) {
        // The data has Graph's names (`@odata.type`); the schema may name the discriminator otherwise (`odataType`).
        const tagKey = Object.keys(value).find((key) => schemaName(key) === type.discriminator?.propertyName);
        const tag = tagKey === undefined ? undefined : value[tagKey];
        // check accepts a type name without `#` and in any letter case; the mapping has Graph's spelling.
        const wanted = typeof tag === "string" ? `#${tag.replace(/^#/, "")}`.toLowerCase() : undefined;
        const match = [...type.discriminator.mapping].find(([name]) => name.toLowerCase() === wanted);
        return match?.[1] ?? ANY;
    }
    const scalarKinds: Record<string, string[]> = { boolean: ["boolean"], string: ["string", "enum"], number: ["number", "integer"] };
    return type.members.find((member) => scalarKinds[typeof value]?.includes(member.kind)) ?? ANY;
}

/**
 * The tree for `value` of schema type `type`. A string that `constants` maps to an identifier becomes a constant
 * node (a constant the program declares).
 */
export function literalTree(value: LiteralValue, type: SchemaType = ANY, constants: ReadonlyMap<string, string> = new Map()): LiteralNode {
    const resolved = type.kind === "union" ? unionMember(type, value) : type;
    if (typeof value === "string" && constants.has(value)) {
        return { kind: "constant", name: constants.get(value) as string, type: resolved };
    }
    if (value === null || typeof value !== "object") {
        return { kind: "scalar", value, type: resolved };
    }
    if (Array.isArray(value)) {
        const items = resolved.kind === "array" ? resolved.items : ANY;
        return { kind: "list", elements: value.map((element) => literalTree(element, items, constants)), type: resolved };
    }
    const properties = resolved.kind === "object" ? resolved.properties : undefined;
    // Under a schema, keys take the schema's names (the plugin's SDKs and YAML know `odataType`, not `@odata.type`).
    const entries = Object.entries(value).map(([graphKey, element]): LiteralEntry => {
        const key = properties === undefined ? graphKey : schemaName(graphKey);
        const property = properties?.get(key);
        return { key, ...(property ? { property } : {}), value: literalTree(element, property?.type ?? ANY, constants) };
    });
    return { kind: "object", entries, type: resolved };
}
