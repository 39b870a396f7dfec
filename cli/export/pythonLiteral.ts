/** Spells a literal tree as Python against the generated SDK: `entra.<Type>Args(...)` with snake_case keywords. */
import type { LiteralEntry, LiteralNode } from "./literalTree";
import { LONG_U_ESCAPE, quotedString } from "./quotedString";
import { numberLiteral } from "./typescriptLiteral";

const INDENT = "    ";

/** The module-level constant for a camelCase constant name: `accessPackageFoo` → `ACCESS_PACKAGE_FOO`. */
export function pythonConstant(name: string): string {
    return name.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toUpperCase();
}

/** A Python string literal that evaluates to exactly `text`. */
export function pythonString(text: string): string {
    return quotedString(text, LONG_U_ESCAPE);
}

/** `keyword=value` lines for the entries of an object node, at `depth`. */
export function pythonKeywords(entries: readonly LiteralEntry[], depth: number): string {
    const pad = INDENT.repeat(depth);
    return entries
        .map(({ key, property, value }) => {
            if (property === undefined) {
                throw new TypeError(`the plugin's schema has no property ${JSON.stringify(key)}`);
            }
            return `${pad}${property.python}=${pythonLiteral(value, depth)},\n`;
        })
        .join("");
}

/** The Python expression for `node`, multi-line with 4-space indentation starting at `depth`. */
export function pythonLiteral(node: LiteralNode, depth: number): string {
    const outer = INDENT.repeat(depth);
    switch (node.kind) {
        case "constant":
            return pythonConstant(node.name);
        case "scalar":
            return node.value === null
                ? "None"
                : typeof node.value === "string"
                  ? pythonString(node.value)
                  : typeof node.value === "number"
                    ? numberLiteral(node.value)
                    : node.value
                      ? "True"
                      : "False";
        case "list":
            return node.elements.length === 0
                ? "[]"
                : `[\n${node.elements.map((element) => `${outer}${INDENT}${pythonLiteral(element, depth + 1)},\n`).join("")}${outer}]`;
        case "object":
            if (node.type.kind !== "object") {
                throw new TypeError("the plugin's schema has no type for an object the policy holds");
            }
            return node.entries.length === 0
                ? `entra.${node.type.name}Args()`
                : `entra.${node.type.name}Args(\n${pythonKeywords(node.entries, depth + 1)}${outer})`;
    }
}
