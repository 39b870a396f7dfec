/** Spells a literal tree as Pulumi YAML: block mappings and sequences, strings double-quoted and never interpolated. */
import type { LiteralNode } from "./literalTree";
import { LONG_U_ESCAPE, quotedString } from "./quotedString";
import { numberLiteral } from "./typescriptLiteral";

const INDENT = "  ";

/** A double-quoted YAML string that Pulumi YAML reads as exactly `text`: `$` doubled, so `${...}` is not a reference. */
export function yamlString(text: string): string {
    return quotedString(text.split("$").join("$$"), LONG_U_ESCAPE);
}

/** A mapping key: bare when plain, quoted otherwise (`"@odata.type"`). */
export function yamlKey(key: string): string {
    return /^[A-Za-z_][A-Za-z0-9_-]*$/.test(key) ? key : yamlString(key);
}

/** A reference to a `variables` entry. */
export function yamlReference(name: string): string {
    return `\${${name}}`;
}

/** The node on one line, or undefined when it takes a block of lines. */
function inline(node: LiteralNode): string | undefined {
    switch (node.kind) {
        case "constant":
            return yamlReference(node.name);
        case "scalar":
            return node.value === null
                ? "null"
                : typeof node.value === "string"
                  ? yamlString(node.value)
                  : typeof node.value === "number"
                    ? numberLiteral(node.value)
                    : String(node.value);
        case "list":
            return node.elements.length === 0 ? "[]" : undefined;
        case "object":
            return node.entries.length === 0 ? "{}" : undefined;
    }
}

/**
 * The lines of a list or object node at `depth`. A list element that is a block starts on the dash's line: its first
 * line, one level deeper, has exactly the dash's width of indentation to give up.
 */
export function yamlBlock(node: LiteralNode, depth: number): string[] {
    const pad = INDENT.repeat(depth);
    if (node.kind === "list") {
        return node.elements.flatMap((element) => {
            const text = inline(element);
            if (text !== undefined) {
                return [`${pad}- ${text}`];
            }
            const [first, ...rest] = yamlBlock(element, depth + 1);
            return [`${pad}- ${first.trimStart()}`, ...rest];
        });
    }
    if (node.kind !== "object") {
        throw new TypeError(`a ${node.kind} node is not a block`);
    }
    return node.entries.flatMap(({ key, value }) => {
        const text = inline(value);
        return text !== undefined ? [`${pad}${yamlKey(key)}: ${text}`] : [`${pad}${yamlKey(key)}:`, ...yamlBlock(value, depth + 1)];
    });
}
