/**
 * Double-quoted string literals for every language an export writes, escaped so that no value, whatever characters
 * it holds, can end the literal, break a line or hide source (bidi controls) in a review.
 */

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

/** How a language spells a code point beyond U+FFFF: TypeScript `\u{1f600}`, YAML, Python and Go `\U0001f600`. */
export type AstralEscape = (codePoint: number) => string;

/** `\U` and eight hex digits. */
export const LONG_U_ESCAPE: AstralEscape = (codePoint) => `\\U${codePoint.toString(16).padStart(8, "0")}`;

/** A double-quoted literal that evaluates to exactly `text` in a language whose escapes are C's plus `\u`. */
export function quotedString(text: string, astralEscape: AstralEscape): string {
    const escape = (char: string): string => {
        const short = SHORT_ESCAPES[char];
        if (short !== undefined || char === " ") {
            return short ?? char;
        }
        const codePoint = char.codePointAt(0) as number;
        return codePoint > 0xffff ? astralEscape(codePoint) : `\\u${codePoint.toString(16).padStart(4, "0")}`;
    };
    return `"${text.replace(NEEDS_ESCAPE, escape)}"`;
}
