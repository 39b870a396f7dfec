/**
 * Spells a literal tree as Go against the generated SDK: `&entra.<Type>Args{...}`, typed arrays and `pulumi.String`
 * style inputs, laid out as gofmt lays out a composite literal so that `gofmt -l` has nothing to say.
 */
import type { LiteralEntry, LiteralNode } from "./literalTree";
import type { SchemaType } from "./pluginSchema";
import { LONG_U_ESCAPE, quotedString } from "./quotedString";
import { numberLiteral } from "./typescriptLiteral";

const INDENT = "\t";

const PULUMI_INPUTS: Readonly<Record<string, string>> = {
    string: "String",
    boolean: "Bool",
    integer: "Int",
    number: "Float64",
};

/** A Go string literal that evaluates to exactly `text`. */
export function goString(text: string): string {
    return quotedString(text, LONG_U_ESCAPE);
}

function scalarInput(type: SchemaType, source: string, value: unknown): string {
    if (type.kind === "enum") {
        return `entra.${type.name}(${source})`;
    }
    const kind = type.kind in PULUMI_INPUTS ? type.kind : typeof value === "number" ? "number" : typeof value;
    const input = PULUMI_INPUTS[kind];
    if (input === undefined) {
        throw new TypeError(`Go has no input for a ${String(value)} value`);
    }
    return `pulumi.${input}(${source})`;
}

/** The array type for elements of `items`: the SDK's `<Type>Array`, pulumi's typed arrays, or `pulumi.Array`. */
function arrayType(items: SchemaType): string {
    if (items.kind === "object" || items.kind === "enum") {
        return `entra.${items.name}Array`;
    }
    const input = PULUMI_INPUTS[items.kind];
    return input === undefined ? "pulumi.Array" : `pulumi.${input}Array`;
}

function isMultiLine(node: LiteralNode): boolean {
    return (node.kind === "list" && node.elements.length > 0) || (node.kind === "object" && node.entries.length > 0);
}

/**
 * `Field: value,` lines at `depth`. gofmt aligns the values of consecutive one-line fields in a column; a multi-line
 * value ends the run. (gofmt also breaks a run where key lengths differ wildly, but only for keys over 40
 * characters, which no field of the schema has.)
 */
export function goFields(entries: readonly LiteralEntry[], depth: number): string {
    const pad = INDENT.repeat(depth);
    const fields = entries.map(({ key, property, value }) => {
        if (property === undefined) {
            throw new TypeError(`the plugin's schema has no property ${JSON.stringify(key)}`);
        }
        return { name: `${property.go}:`, value: goLiteral(value, depth), multiLine: isMultiLine(value) };
    });
    const widths = fields.map(() => 0);
    for (let start = 0; start < fields.length;) {
        let end = start;
        while (end < fields.length && !fields[end].multiLine) end++;
        const width = Math.max(0, ...fields.slice(start, end).map((field) => field.name.length));
        widths.fill(width, start, end);
        start = end + 1;
    }
    return fields.map(({ name, value }, i) => `${pad}${name.padEnd(widths[i])} ${value},\n`).join("");
}

/** The Go expression for `node`, multi-line with tab indentation; `depth` is the indentation of its first line. */
export function goLiteral(node: LiteralNode, depth: number): string {
    const outer = INDENT.repeat(depth);
    switch (node.kind) {
        case "constant":
            return scalarInput(node.type, node.name, "");
        case "scalar":
            if (node.value === null) {
                throw new TypeError("Go cannot declare a null input");
            }
            return scalarInput(
                node.type,
                typeof node.value === "string"
                    ? goString(node.value)
                    : typeof node.value === "number"
                      ? numberLiteral(node.value)
                      : String(node.value),
                node.value,
            );
        case "list": {
            const type = arrayType(node.type.kind === "array" ? node.type.items : { kind: "any" });
            const elements = node.elements.map((element) => `${outer}${INDENT}${goLiteral(element, depth + 1)},\n`).join("");
            return node.elements.length === 0 ? `${type}{}` : `${type}{\n${elements}${outer}}`;
        }
        case "object":
            if (node.type.kind !== "object") {
                throw new TypeError("the plugin's schema has no type for an object the policy holds");
            }
            return node.entries.length === 0
                ? `&entra.${node.type.name}Args{}`
                : `&entra.${node.type.name}Args{\n${goFields(node.entries, depth + 1)}${outer}}`;
    }
}
