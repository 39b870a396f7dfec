/**
 * Renders JSON data as TypeScript source: object literals with keys in the order given, strings escaped so that no
 * value, whatever characters it holds, can end the literal, break a line or hide source (bidi controls).
 */

/** A JSON value, the only data an exported program holds. */
export type LiteralValue = null | boolean | number | string | LiteralValue[] | { [key: string]: LiteralValue };

const INDENT = "    ";

const SHORT_ESCAPES: Readonly<Record<string, string>> = {
    '"': '\\"',
    "\\": "\\\\",
    "\b": "\\b",
    "\f": "\\f",
    "\n": "\\n",
    "\r": "\\r",
    "\t": "\\t",
    "\v": "\\v",
};

// Control, format (bidi overrides, zero-width), private-use, unassigned and lone-surrogate code points, and every
// separator but the plain space: characters that end lines or are invisible in a review of the generated code.
const NEEDS_ESCAPE = /["\\]|[\p{C}\p{Z}]/gu;

function escapeCodePoint(char: string): string {
    const short = SHORT_ESCAPES[char];
    if (short !== undefined) {
        return short;
    }
    if (char === " ") {
        return char;
    }
    const codePoint = char.codePointAt(0) as number;
    return codePoint > 0xffff ? `\\u{${codePoint.toString(16)}}` : `\\u${codePoint.toString(16).padStart(4, "0")}`;
}

/** A double-quoted string literal that evaluates to exactly `text` (lone surrogates included). */
export function stringLiteral(text: string): string {
    return `"${text.replace(NEEDS_ESCAPE, escapeCodePoint)}"`;
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

function numberLiteral(value: number): string {
    if (!Number.isFinite(value)) {
        throw new TypeError(`cannot render ${value}: not a JSON number`);
    }
    // -0 is not JSON; it reads back as 0, which is what Graph sent.
    return Object.is(value, -0) ? "0" : String(value);
}

/**
 * The TypeScript expression for `value`, multi-line with 4-space indentation starting at `depth`. Object keys keep
 * their insertion order, so the caller decides the (stable) order. A string that `constants` maps to an identifier
 * is written as that identifier (a constant the caller declares).
 */
export function typescriptLiteral(value: LiteralValue, depth = 0, constants: ReadonlyMap<string, string> = new Map()): string {
    if (value === null) {
        return "null";
    }
    switch (typeof value) {
        case "boolean":
            return String(value);
        case "number":
            return numberLiteral(value);
        case "string":
            return constants.get(value) ?? stringLiteral(value);
    }
    const inner = INDENT.repeat(depth + 1);
    const outer = INDENT.repeat(depth);
    if (Array.isArray(value)) {
        if (value.length === 0) {
            return "[]";
        }
        return `[\n${value.map((element) => `${inner}${typescriptLiteral(element, depth + 1, constants)},\n`).join("")}${outer}]`;
    }
    const entries = Object.entries(value);
    if (entries.length === 0) {
        return "{}";
    }
    return `{\n${entries.map(([key, element]) => `${inner}${propertyKey(key)}: ${typescriptLiteral(element, depth + 1, constants)},\n`).join("")}${outer}}`;
}
