/**
 * Spells a literal tree as C# against the generated .NET SDK: `new Entra.Inputs.<Type>Args { ... }` object
 * initializers, enum members as the SDK names them, and lists as the SDK's `InputList` takes them. Allman braces and
 * four-space indentation, as `dotnet format` lays C# out.
 */
import { csharpConstant, csharpEnumMember } from "./csharpNames";
import type { LiteralEntry, LiteralNode } from "./literalTree";
import { ANY, type SchemaType } from "./pluginSchema";
import { LONG_U_ESCAPE, quotedString } from "./quotedString";
import { numberLiteral } from "./typescriptLiteral";

const INDENT = "    ";

/** The alias the program gives the SDK's namespace. */
export const SDK_ALIAS = "Entra";

const SCALAR_TYPES: Readonly<Record<string, string>> = {
    string: "string",
    boolean: "bool",
    integer: "int",
    number: "double",
    any: "object",
};

/** A C# string literal that evaluates to exactly `text` (C# has C's escapes, `\u` and `\U` with eight digits). */
export function csharpString(text: string): string {
    return quotedString(text, LONG_U_ESCAPE);
}

/**
 * The C# type of a value of schema type `type` in an `InputList`, as the .NET generator's `typeString` spells it:
 * a union of two distinct types is `Union<A, B>`, of more `object`.
 */
export function csharpType(type: SchemaType): string {
    switch (type.kind) {
        case "enum":
            return `${SDK_ALIAS}.${type.name}`;
        case "object":
            return `${SDK_ALIAS}.Inputs.${type.name}Args`;
        case "union": {
            const members = [...new Set(type.members.map(csharpType))];
            return members.length === 1 ? members[0] : members.length === 2 ? `Union<${members.join(", ")}>` : "object";
        }
        case "array":
            throw new TypeError("the plugin's schema has no list of lists");
        default:
            return SCALAR_TYPES[type.kind];
    }
}

function scalar(node: Extract<LiteralNode, { kind: "scalar" }>): string {
    const { value, type } = node;
    if (type.kind === "enum" && typeof value === "string") {
        return `${SDK_ALIAS}.${type.name}.${csharpEnumMember(type.names.get(value) ?? value, type.name)}`;
    }
    return value === null
        ? "null"
        : typeof value === "string"
          ? csharpString(value)
          : typeof value === "number"
            ? numberLiteral(value)
            : String(value);
}

/** `{`, one `element,` line each, `}`: the body of a collection or array initializer. */
function block(lines: readonly string[], depth: number): string {
    const outer = INDENT.repeat(depth);
    return `\n${outer}{\n${lines.map((line) => `${outer}${INDENT}${line},\n`).join("")}${outer}}`;
}

/**
 * A list. Its elements go in a collection initializer, which adds them to the `InputList` the property already holds,
 * except where that cannot compile or declare: a list of unions is an array of its element type (`Union<A, B>`
 * converts from each member; with `object` elements, `InputList<object>`'s two `Add` overloads are ambiguous,
 * pulumi/pulumi-dotnet#626), and so is an empty list: it must be declared empty, not left unset, and an empty
 * collection initializer calls no `Add`; whether it even reads the property (whose getter creates the list) is not
 * something to rest a declaration on.
 */
function list(node: Extract<LiteralNode, { kind: "list" }>, depth: number): string {
    const items = node.type.kind === "array" ? node.type.items : ANY;
    const elements = node.elements.map((element) => csharpLiteral(element, depth + 1));
    const elementType = csharpType(items);
    if (elements.length === 0) {
        return `new ${elementType}[] { }`;
    }
    const union = elementType === "object" || elementType.startsWith("Union<");
    return `${union ? `new ${elementType}[]` : ""}${block(elements, depth)}`;
}

/** `Property = value` lines for the entries of an object node, at `depth`. */
export function csharpProperties(entries: readonly LiteralEntry[], depth: number): string[] {
    return entries.map(({ key, property, value }) => {
        if (property === undefined) {
            throw new TypeError(`the plugin's schema has no property ${JSON.stringify(key)}`);
        }
        const literal = csharpLiteral(value, depth);
        // A collection initializer starts on the next line.
        return `${property.csharp} =${literal.startsWith("\n") ? "" : " "}${literal}`;
    });
}

/** The C# expression for `node`; `depth` is the indentation of the line it starts on. */
export function csharpLiteral(node: LiteralNode, depth: number): string {
    switch (node.kind) {
        case "constant":
            return csharpConstant(node.name);
        case "scalar":
            return scalar(node);
        case "list":
            return list(node, depth);
        case "object":
            if (node.type.kind !== "object") {
                throw new TypeError("the plugin's schema has no type for an object the policy holds");
            }
            return node.entries.length === 0
                ? `new ${csharpType(node.type)}()`
                : `new ${csharpType(node.type)}${block(csharpProperties(node.entries, depth + 1), depth)}`;
    }
}
