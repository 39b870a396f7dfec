/**
 * A syntax check of .NET regular expressions, the dialect Graph matches `regexPattern` answers with. JavaScript's
 * `RegExp` is no judge: it refuses valid .NET such as `(?i)abc`, `(?>a+)b`, `(?'name'x)` or `(?#comment)`. This scanner
 * accepts .NET's grouping constructs, inline options (including `x` mode comments, scoped like .NET's to the group
 * that sets them) and character-class subtraction, and reports only what .NET's parser refuses in the pattern's
 * structure. It does not resolve backreferences or check escape letters, so it may pass a pattern .NET refuses, but
 * never refuses one .NET accepts.
 */

/** `{n}`, `{n,}` or `{n,m}`; any other `{` is a literal in .NET. */
const BRACES = /^\{(\d+)(,(\d*))?\}/;
/** Inline options after `(?`: any of `imnsx` in either case, turned off after `-` and on again after `+`. */
const OPTIONS = /^([imnsx+-]*)([:)])/i;
/** What .NET counts as a word character in a group name. */
const WORD = "[\\p{L}\\p{M}\\p{Nd}\\p{Pc}\\u200C\\u200D]";
/** A group name after `(?<` or `(?'`, including balancing groups `name1-name2` and `-name2`. */
const GROUP_NAME = new RegExp(`^(?:${WORD}+(?:-${WORD}+)?|-${WORD}+)$`, "u");
/** Escapes in a class that stand for a set of characters: `\d`, `\w`, `\s`, `\p{…}` and their negations. */
const CLASS_SHORTHAND = /^\\(?:[dDwWsS]|[pP](?:\{[^}]*\})?)/;
/** Escapes of one character longer than a backslash and a letter: `\x2B`, `\u00E9`, `\cA`, octal `\101`. */
const LONG_ESCAPE = /^\\(?:x[0-9a-fA-F]{0,2}|u[0-9a-fA-F]{0,4}|c.|[0-7]{1,3})/;

const CONSTRUCTS =
    "(?:…), (?<name>…), (?'name'…), (?=…), (?!…), (?<=…), (?<!…), (?>…), (?(condition)yes|no), (?#comment) or inline options such as (?i)";

/** What the scanner expects of the next character: whether a quantifier may follow. */
type After = "nothing" | "atom" | "quantifier";

interface GroupOpening {
    /** Index just past the opening (past `(?:`, `(?<name>`, or the options of `(?i)`). */
    next: number;
    /** The construct closed itself: a comment or options alone, `(?#…)` or `(?i)`. */
    closed?: boolean;
    /** The inline options it sets, e.g. `i-x` of `(?i-x:…)`. */
    options?: string;
}

/** Reads the construct after `(?` at `at`; `start` is the index of its `(`. */
function groupOpening(pattern: string, at: number, start: number): GroupOpening | string {
    const rest = pattern.slice(at);
    if (rest.startsWith("#")) {
        const close = pattern.indexOf(")", at);
        return close < 0 ? `has an unterminated (?#…) comment at index ${start}` : { next: close + 1, closed: true };
    }
    if (/^[:=!>]/.test(rest)) {
        return { next: at + 1 };
    }
    if (/^<[=!]/.test(rest)) {
        return { next: at + 2 };
    }
    if (rest.startsWith("<") || rest.startsWith("'")) {
        const close = pattern.indexOf(rest[0] === "<" ? ">" : "'", at + 1);
        if (close < 0) {
            return `has an unterminated group name at index ${start}`;
        }
        const name = pattern.slice(at + 1, close);
        return GROUP_NAME.test(name)
            ? { next: close + 1 }
            : `has an invalid group name ${JSON.stringify(name)} at index ${start} (names are letters, digits and _)`;
    }
    if (rest.startsWith("(")) {
        // A conditional: its condition is scanned as the group that follows.
        return { next: at };
    }
    const options = OPTIONS.exec(rest);
    // `(?)` is no options group: .NET reads it as `(` followed by a quantifier with nothing to repeat.
    if (options && options[0].length > 1) {
        return { next: at + options[0].length, closed: options[2] === ")", options: options[1] };
    }
    return `has an unrecognised construct "(?${rest.slice(0, 1)}" at index ${start}; .NET groups are ${CONSTRUCTS}`;
}

/** Whether `x` mode (whitespace ignored, `#` comments) is on after the inline options `options`. */
function extendedAfter(options: string, extended: boolean): boolean {
    let on = true;
    for (const option of options.toLowerCase()) {
        if (option === "-" || option === "+") {
            on = option === "+";
        } else if (option === "x") {
            extended = on;
        }
    }
    return extended;
}

interface ClassElement {
    /** Index just past it. */
    end: number;
    /** A shorthand such as `\d` stands for a set, so it cannot bound a range. */
    shorthand: boolean;
    /** The character, when it is written as itself (escapes are not decoded, so their ranges are not ordered). */
    literal?: string;
}

/** The character or escape at `i` inside a class, or `undefined` for a backslash that ends the pattern. */
function classElement(pattern: string, i: number): ClassElement | undefined {
    if (pattern[i] !== "\\") {
        return { end: i + 1, shorthand: false, literal: pattern[i] };
    }
    if (i + 1 >= pattern.length) {
        return undefined;
    }
    const rest = pattern.slice(i);
    const shorthand = CLASS_SHORTHAND.exec(rest);
    if (shorthand) {
        return { end: i + shorthand[0].length, shorthand: true };
    }
    return { end: i + (LONG_ESCAPE.exec(rest)?.[0].length ?? 2), shorthand: false };
}

// .NET's own parser recurses into each subtraction too; a limit turns a pathological pattern into a failure.
const MAX_SUBTRACTION_DEPTH = 100;

/** Index just past the character class opening at `start` (`depth` subtractions deep), or what is wrong with it. */
function classEnd(pattern: string, start: number, depth = 0): number | string {
    if (depth > MAX_SUBTRACTION_DEPTH) {
        return `nests character class subtractions more than ${MAX_SUBTRACTION_DEPTH} deep at index ${start}`;
    }
    let i = start + 1;
    if (pattern[i] === "^") i++;
    // A `]` right after `[` or `[^` is a literal in .NET.
    const first = i;
    while (i < pattern.length) {
        if (pattern[i] === "]" && i > first) {
            return i + 1;
        }
        if (pattern[i] === "-" && pattern[i + 1] === "[" && i > first) {
            const end = classEnd(pattern, i + 1, depth + 1);
            if (typeof end === "string") return end;
            if (end === pattern.length) break;
            return pattern[end] === "]" ? end + 1 : `has a class subtraction at index ${i} that is not the last element of its class`;
        }
        const from = classElement(pattern, i);
        if (from === undefined) break;
        const dash = from.end;
        // A `-` after a shorthand, before `]` or before a subtraction's `[` is a literal; otherwise it makes a range.
        if (from.shorthand || pattern[dash] !== "-" || dash + 1 >= pattern.length || "][".includes(pattern[dash + 1])) {
            i = from.end;
            continue;
        }
        const to = classElement(pattern, dash + 1);
        if (to === undefined) break;
        const range = pattern.slice(i, to.end);
        if (to.shorthand)
            return `has the range ${range} at index ${i} ending in a class shorthand, which is a set, not a character (write \\- for a literal -)`;
        if (from.literal !== undefined && to.literal !== undefined && from.literal > to.literal)
            return `has the range ${range} in reverse order at index ${i}`;
        i = to.end;
    }
    return `has an unterminated character class "[" at index ${start}`;
}

/** What is wrong with `pattern` as a .NET regular expression, or `undefined` if its syntax is sound. */
export function dotNetRegexProblem(pattern: string): string | undefined {
    /** Each open group's `(` and the `x` mode to restore when it closes. */
    const open: { at: number; extended: boolean }[] = [];
    let after: After = "nothing";
    let extended = false;
    let i = 0;
    while (i < pattern.length) {
        const c = pattern[i];
        if (c === "\\") {
            if (i + 1 >= pattern.length) return "ends with a lone backslash (write \\\\ for a backslash)";
            i += 2;
            after = "atom";
        } else if (c === "[") {
            const end = classEnd(pattern, i);
            if (typeof end === "string") return end;
            i = end;
            after = "atom";
        } else if (c === "(") {
            if (pattern[i + 1] === "?") {
                const opening = groupOpening(pattern, i + 2, i);
                if (typeof opening === "string") return opening;
                if (!opening.closed) {
                    open.push({ at: i, extended });
                    after = "nothing";
                }
                extended = extendedAfter(opening.options ?? "", extended);
                i = opening.next;
            } else {
                open.push({ at: i, extended });
                after = "nothing";
                i++;
            }
        } else if (c === ")") {
            const group = open.pop();
            if (group === undefined) return `has an unmatched ")" at index ${i}`;
            extended = group.extended;
            after = "atom";
            i++;
        } else if (c === "|") {
            after = "nothing";
            i++;
        } else if ("*+?".includes(c) || (c === "{" && BRACES.test(pattern.slice(i)))) {
            const braces = c === "{" ? BRACES.exec(pattern.slice(i)) : null;
            const quantifier = braces ? braces[0] : c;
            if (after === "nothing") return `has the quantifier ${quantifier} at index ${i} with nothing before it to repeat`;
            if (after === "quantifier")
                return `has the quantifier ${quantifier} at index ${i} right after another quantifier (.NET has no possessive quantifiers)`;
            if (braces && braces[3] !== undefined && braces[3] !== "" && Number(braces[3]) < Number(braces[1])) {
                return `has the quantifier ${quantifier} at index ${i} with its numbers in reverse order`;
            }
            i += quantifier.length;
            // A trailing `?` makes the quantifier lazy.
            if (pattern[i] === "?") i++;
            after = "quantifier";
        } else if (c === "#" && extended) {
            const newline = pattern.indexOf("\n", i);
            i = newline < 0 ? pattern.length : newline + 1;
        } else {
            after = "atom";
            i++;
        }
    }
    const unclosed = open.pop();
    return unclosed === undefined ? undefined : `has an unclosed "(" at index ${unclosed.at}`;
}
