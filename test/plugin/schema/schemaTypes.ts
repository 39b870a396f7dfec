/**
 * Pulumi schema type specs read from provider/core/types with the TypeScript compiler: interfaces become object
 * types, named string-literal unions become enums, unions of interfaces become `oneOf` with their `@odata.type`
 * discriminator, and every description is the TSDoc of the declaration. Property names are the schema's
 * (provider/plugin/wireNames.ts: `@odata.type` is `odataType`, which every SDK generator can take as it is).
 */
import * as ts from "typescript";
import { schemaName } from "../../../provider/plugin/wireNames";

/** A Pulumi schema type spec (the subset this package needs). */
export type TypeSpec = {
    type?: "string" | "number" | "integer" | "boolean" | "array" | "object";
    items?: TypeSpec;
    additionalProperties?: TypeSpec;
    $ref?: string;
    oneOf?: TypeSpec[];
    discriminator?: { propertyName: string; mapping: Record<string, string> };
};

/** A property spec: its type plus description, and `const` for a discriminator. */
export type PropertySpec = TypeSpec & { description?: string; const?: string };

/** An object type or an enum under the schema's `types`. */
export type ComplexTypeSpec =
    | { type: "object"; description?: string; properties: Record<string, PropertySpec>; required?: string[] }
    | { type: "string"; description?: string; enum: { value: string }[] };

/** The package's type tokens, `entra:index:<Name>`. */
export const typeToken = (name: string): string => `entra:index:${name}`;

const DISCRIMINATOR = "@odata.type";

function withoutNullish(type: ts.Type): ts.Type[] {
    const members = type.isUnion() ? type.types : [type];
    return members.filter((member) => !(member.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Null)));
}

/**
 * The alias a property is declared with (`expirationBehavior?: AccessReviewExpirationBehavior`): the checker reads an
 * optional member as `T | undefined`, a new union that no longer carries the alias.
 */
function declaredAlias(symbol: ts.Symbol): string | undefined {
    const declaration = symbol.valueDeclaration;
    const node = declaration && ts.isPropertySignature(declaration) ? declaration.type : undefined;
    return node && ts.isTypeReferenceNode(node) ? node.typeName.getText() : undefined;
}

/** Reads types and registers every named type it meets into `types`. */
export class SchemaTypeReader {
    readonly types: Record<string, ComplexTypeSpec> = {};

    constructor(
        private readonly checker: ts.TypeChecker,
        private readonly exported: ReadonlyMap<string, ts.Symbol>,
    ) {}

    /** The TSDoc of `symbol`, with `{@link X}` as code. */
    description(symbol: ts.Symbol | undefined): string | undefined {
        const text = symbol && ts.displayPartsToString(symbol.getDocumentationComment(this.checker)).trim();
        return text ? text.replace(/\{@link (\w+)\}/g, "`$1`") : undefined;
    }

    /** The properties and required names of an object type (or of `type` as a whole, for the resource). */
    objectProperties(type: ts.Type): { properties: Record<string, PropertySpec>; required: string[] } {
        const properties: Record<string, PropertySpec> = {};
        const required: string[] = [];
        for (const symbol of this.checker.getPropertiesOfType(type)) {
            const valueType = this.checker.getTypeOfSymbol(symbol);
            const members = withoutNullish(valueType);
            const single = members.length === 1 && members[0].isStringLiteral() ? members[0].value : undefined;
            const spec =
                single !== undefined && !members[0].aliasSymbol
                    ? { type: "string" as const, const: single }
                    : this.spec(valueType, declaredAlias(symbol));
            properties[schemaName(symbol.name)] = { ...spec, ...this.described(symbol) };
            if ((symbol.flags & ts.SymbolFlags.Optional) === 0) {
                required.push(schemaName(symbol.name));
            }
        }
        return { properties, required };
    }

    private described(symbol: ts.Symbol): { description?: string } {
        const description = this.description(symbol);
        return description === undefined ? {} : { description };
    }

    /** The spec of a value of `type`; `aliasName` names an enum whose alias the checker dropped (optional members). */
    spec(type: ts.Type, aliasName?: string): TypeSpec {
        const members = withoutNullish(type);
        if (members.length > 1 && members.every((member) => member.flags & ts.TypeFlags.BooleanLiteral)) {
            return { type: "boolean" };
        }
        if (members.length > 1 && members.every((member) => member.isStringLiteral())) {
            return this.enumSpec(type.aliasSymbol?.name ?? aliasName, members as ts.StringLiteralType[]);
        }
        if (members.length > 1) {
            return this.unionSpec(members);
        }
        return this.memberSpec(members[0]);
    }

    private memberSpec(type: ts.Type): TypeSpec {
        const { checker } = this;
        if (type.flags & (ts.TypeFlags.String | ts.TypeFlags.StringLiteral)) return { type: "string" };
        if (type.flags & ts.TypeFlags.Number) return { type: "number" };
        if (type.flags & (ts.TypeFlags.Boolean | ts.TypeFlags.BooleanLiteral)) return { type: "boolean" };
        if (checker.isArrayType(type)) {
            return { type: "array", items: this.spec(checker.getTypeArguments(type as ts.TypeReference)[0]) };
        }
        if (type.flags & ts.TypeFlags.Object && checker.getIndexInfosOfType(type).length > 0) {
            return { type: "object", additionalProperties: { $ref: "pulumi.json#/Any" } };
        }
        if (type.flags & ts.TypeFlags.Object) {
            return { $ref: this.objectRef(type) };
        }
        return { $ref: "pulumi.json#/Any" };
    }

    /** A union of interfaces discriminated by `@odata.type`, or of scalars (e.g. `boolean | string`). */
    private unionSpec(members: ts.Type[]): TypeSpec {
        const boolean = members.some((member) => member.flags & ts.TypeFlags.BooleanLiteral);
        const rest = members.filter((member) => !(member.flags & ts.TypeFlags.BooleanLiteral));
        const oneOf = [...(boolean ? [{ type: "boolean" as const }] : []), ...rest.map((member) => this.memberSpec(member))];
        const mapping: Record<string, string> = {};
        for (const member of rest) {
            const tag = member.getProperty(DISCRIMINATOR);
            const tagType = tag && this.checker.getTypeOfSymbol(tag);
            if (tagType?.isStringLiteral() && member.flags & ts.TypeFlags.Object) {
                mapping[tagType.value] = this.objectRef(member);
            }
        }
        return Object.keys(mapping).length === rest.length && !boolean
            ? { oneOf, discriminator: { propertyName: schemaName(DISCRIMINATOR), mapping } }
            : { oneOf };
    }

    private enumSpec(name: string | undefined, members: ts.StringLiteralType[]): TypeSpec {
        if (!name || !this.exported.has(name)) {
            return { type: "string" };
        }
        const token = typeToken(name);
        const description = this.description(this.exported.get(name));
        this.types[token] ??= {
            type: "string",
            ...(description === undefined ? {} : { description }),
            enum: members.map((member) => ({ value: member.value })),
        };
        return { $ref: `#/types/${token}` };
    }

    private objectRef(type: ts.Type): string {
        const symbol = type.aliasSymbol ?? type.getSymbol();
        const token = typeToken(symbol?.name ?? "");
        if (!symbol || symbol.name.startsWith("__")) {
            throw new Error(`an anonymous object type has no schema name: ${this.checker.typeToString(type)}`);
        }
        if (!this.types[token]) {
            const description = this.description(symbol);
            // Registered before its properties are read, so that a type that contains itself terminates.
            const spec: ComplexTypeSpec = { type: "object", ...(description === undefined ? {} : { description }), properties: {} };
            this.types[token] = spec;
            const { properties, required } = this.objectProperties(type);
            spec.properties = properties;
            if (required.length > 0) spec.required = required;
        }
        return `#/types/${token}`;
    }
}
