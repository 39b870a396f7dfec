/** Renders JSON data as TypeScript source: object literals with keys in the order given, strings safely escaped. */
import { literalTree, type LiteralNode, type LiteralValue } from "./literalTree";
import { quotedString } from "./quotedString";

export type { LiteralValue } from "./literalTree";

const INDENT = "    ";

/** A double-quoted string literal that evaluates to exactly `text` (lone surrogates included). */
export function stringLiteral(text: string): string {
    return quotedString(text, (codePoint) => `\\u{${codePoint.toString(16)}}`);
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** An object literal key: bare when it is a plain identifier, quoted otherwise (e.g. `"@odata.type"`). */
export function propertyKey(key: string): string {
    if (key === "__proto__") {
        // A literal `__proto__:` (quoted or not) sets the prototype instead of defining a property; a computed key does not.
        return `[${stringLiteral(key)}]`;
    }
    return IDENTIFIER.test(key) ? key : stringLiteral(key);
}

/** A JSON number's source text; shared by the writers whose number syntax is JSON's. */
export function numberLiteral(value: number): string {
    if (!Number.isFinite(value)) {
        throw new TypeError(`cannot render ${value}: not a JSON number`);
    }
    // -0 is not JSON; it reads back as 0, which is what Graph sent.
    return Object.is(value, -0) ? "0" : String(value);
}

function write(node: LiteralNode, depth: number): string {
    const inner = INDENT.repeat(depth + 1);
    const outer = INDENT.repeat(depth);
    switch (node.kind) {
        case "constant":
            return node.name;
        case "scalar":
            return node.value === null
                ? "null"
                : typeof node.value === "string"
                  ? stringLiteral(node.value)
                  : typeof node.value === "number"
                    ? numberLiteral(node.value)
                    : String(node.value);
        case "list":
            return node.elements.length === 0
                ? "[]"
                : `[\n${node.elements.map((element) => `${inner}${write(element, depth + 1)},\n`).join("")}${outer}]`;
        case "object":
            return node.entries.length === 0
                ? "{}"
                : `{\n${node.entries.map(({ key, value }) => `${inner}${propertyKey(key)}: ${write(value, depth + 1)},\n`).join("")}${outer}}`;
    }
}

/**
 * The TypeScript expression for `value`, multi-line with 4-space indentation starting at `depth`. Object keys keep
 * their insertion order, so the caller decides the (stable) order. A string that `constants` maps to an identifier
 * is written as that identifier (a constant the caller declares).
 */
export function typescriptLiteral(value: LiteralValue, depth = 0, constants: ReadonlyMap<string, string> = new Map()): string {
    return write(literalTree(value, undefined, constants), depth);
}
