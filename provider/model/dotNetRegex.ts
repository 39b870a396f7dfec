/**
 * A syntax check of .NET regular expressions, the dialect Graph matches `regexPattern` answers with. JavaScript's
 * `RegExp` is no judge: it refuses valid .NET such as `(?i)abc`, `(?>a+)b`, `(?'name'x)` or `(?#comment)`. This scanner
 * accepts .NET's grouping constructs, inline options (including `x` mode comments) and character-class subtraction,
 * and reports only what .NET's parser refuses in the pattern's structure. It does not resolve backreferences or
 * check escape letters, so it may pass a pattern .NET refuses, but never refuses one .NET accepts.
 */

/** `{n}`, `{n,}` or `{n,m}`; any other `{` is a literal in .NET. */
const BRACES = /^\{(\d+)(,(\d*))?\}/;
/** Inline options after `(?`: `(?imnsx-imnsx)` or `(?imnsx-imnsx:...)`. */
const OPTIONS = /^([imnsx]*)(?:-[imnsx]*)?([:)])/;
/** A group name after `(?<` or `(?'`, including balancing groups `name1-name2` and `-name2`. */
const GROUP_NAME = /^(?:\w+(?:-\w+)?|-\w+)$/;

const CONSTRUCTS = "(?:…), (?<name>…), (?'name'…), (?=…), (?!…), (?<=…), (?<!…), (?>…), (?(condition)yes|no), (?#comment) or inline options such as (?i)";

/** What the scanner expects of the next character: whether a quantifier may follow. */
type After = "nothing" | "atom" | "quantifier";

interface GroupOpening {
    /** Index just past the opening (past `(?:`, `(?<name>`, or the options of `(?i)`). */
    next: number;
    /** The construct closed itself: a comment or options alone, `(?#…)` or `(?i)`. */
    closed?: boolean;
    /** The options turn on `x`: `#` starts a comment to the end of the line from here on. */
    extended?: boolean;
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
        return GROUP_NAME.test(name) ? { next: close + 1 } : `has an invalid group name ${JSON.stringify(name)} at index ${start} (names are letters, digits and _)`;
    }
    if (rest.startsWith("(")) {
        // A conditional: its condition is scanned as the group that follows.
        return { next: at };
    }
    const options = OPTIONS.exec(rest);
    if (options && options[0].length > 1) {
        return { next: at + options[0].length, closed: options[2] === ")", extended: options[1].includes("x") };
    }
    return `has an unrecognised construct "(?${rest.slice(0, 1)}" at index ${start}; .NET groups are ${CONSTRUCTS}`;
}

/** Index just past the character class opening at `start`, or what is wrong with it. */
function classEnd(pattern: string, start: number): number | string {
    let i = start + 1;
    if (pattern[i] === "^") i++;
    // A `]` right after `[` or `[^` is a literal in .NET.
    const first = i;
    while (i < pattern.length) {
        const c = pattern[i];
        if (c === "\\") {
            if (i + 1 >= pattern.length) break;
            i += 2;
            continue;
        }
        if (c === "]" && i > first) {
            return i + 1;
        }
        if (c === "-" && pattern[i + 1] === "[" && i > first) {
            const end = classEnd(pattern, i + 1);
            if (typeof end === "string") return end;
            return pattern[end] === "]" ? end + 1 : `has a class subtraction at index ${i} that is not the last element of its class`;
        }
        const to = pattern[i + 2];
        if (pattern[i + 1] === "-" && to !== undefined && !"]\\[".includes(to)) {
            if (c > to) return `has the range ${c}-${to} in reverse order at index ${i}`;
            i += 3;
            continue;
        }
        i++;
    }
    return `has an unterminated character class "[" at index ${start}`;
}

/** What is wrong with `pattern` as a .NET regular expression, or `undefined` if its syntax is sound. */
export function dotNetRegexProblem(pattern: string): string | undefined {
    const open: number[] = [];
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
                extended ||= opening.extended === true;
                if (!opening.closed) {
                    open.push(i);
                    after = "nothing";
                }
                i = opening.next;
            } else {
                open.push(i);
                after = "nothing";
                i++;
            }
        } else if (c === ")") {
            if (open.pop() === undefined) return `has an unmatched ")" at index ${i}`;
            after = "atom";
            i++;
        } else if (c === "|") {
            after = "nothing";
            i++;
        } else if ("*+?".includes(c) || (c === "{" && BRACES.test(pattern.slice(i)))) {
            const braces = c === "{" ? BRACES.exec(pattern.slice(i)) : null;
            const quantifier = braces ? braces[0] : c;
            if (after === "nothing") return `has the quantifier ${quantifier} at index ${i} with nothing before it to repeat`;
            if (after === "quantifier") return `has the quantifier ${quantifier} at index ${i} right after another quantifier (.NET has no possessive quantifiers)`;
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
    return unclosed === undefined ? undefined : `has an unclosed "(" at index ${unclosed}`;
}
