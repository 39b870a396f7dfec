/**
 * Graph matches `regexPattern` answers with .NET's `Regex`, so the service refuses a pattern .NET cannot parse and
 * takes every one it can, `(?i)^[a-z]+$` included, which JavaScript's `RegExp` refuses. This recursive-descent
 * reader follows .NET's grammar for what decides whether a pattern parses (groups and their constructs, classes with
 * subtraction, quantifiers, escapes at the end) and answers with .NET's own wording. It leaves backreference
 * targets and escape letters to the service, so it errs towards accepting.
 */

/** `{n}`, `{n,}` or `{n,m}` at the start of a string; any other `{` is a literal in .NET. */
const QUANTIFIER_BRACES = /^\{(\d+)(?:,(\d*))?\}/;
/** Inline options `(?imnsx-imnsx)` or `(?imnsx-imnsx:…)`, after the `(?`. */
const INLINE_OPTIONS = /^[imnsx]*(?:-[imnsx]*)?[:)]/i;
/** A group name, or a balancing pair `a-b` / `-b`, between `<>` or `''`. */
const NAME = /^(?:[\p{L}\p{N}_]+(?:-[\p{L}\p{N}_]+)?|-[\p{L}\p{N}_]+)$/u;

class PatternError extends Error {}

class Reader {
    private at = 0;

    constructor(private readonly text: string) {}

    /** The pattern's parse error in .NET's words, or `undefined` when .NET parses it. */
    problem(): string | undefined {
        try {
            this.alternation();
            if (this.at < this.text.length) throw new PatternError("Too many )'s.");
            return undefined;
        } catch (error) {
            if (error instanceof PatternError) return error.message;
            throw error;
        }
    }

    private peek(offset = 0): string | undefined {
        return this.text[this.at + offset];
    }

    private rest(): string {
        return this.text.slice(this.at);
    }

    /** Alternatives separated by `|`, up to a `)` or the end. */
    private alternation(): void {
        this.sequence();
        while (this.peek() === "|") {
            this.at++;
            this.sequence();
        }
    }

    /** Atoms, each optionally quantified. */
    private sequence(): void {
        let quantifiable = false;
        while (this.at < this.text.length && this.peek() !== "|" && this.peek() !== ")") {
            const quantifier = this.quantifierLength();
            if (quantifier > 0) {
                if (!quantifiable)
                    throw new PatternError(`Quantifier '${this.text.slice(this.at, this.at + quantifier)}' following nothing.`);
                this.at += quantifier;
                if (this.peek() === "?") this.at++;
                if (this.quantifierLength() > 0) throw new PatternError("Nested quantifier.");
                quantifiable = false;
                continue;
            }
            quantifiable = this.atom();
        }
    }

    /** Length of the quantifier at the cursor, 0 when there is none. */
    private quantifierLength(): number {
        const c = this.peek();
        if (c === "*" || c === "+" || c === "?") return 1;
        if (c !== "{") return 0;
        const braces = QUANTIFIER_BRACES.exec(this.rest());
        if (braces === null) return 0;
        if (braces[2] !== undefined && braces[2] !== "" && Number(braces[2]) < Number(braces[1])) {
            throw new PatternError("Illegal {x,y} with x > y.");
        }
        return braces[0].length;
    }

    /** One atom; whether a quantifier may follow it. */
    private atom(): boolean {
        const c = this.peek();
        if (c === "(") return this.group();
        if (c === "[") {
            this.characterClass();
            return true;
        }
        if (c === "\\") {
            this.escape();
            return true;
        }
        this.at++;
        return true;
    }

    private escape(): void {
        if (this.at + 1 >= this.text.length) throw new PatternError("Illegal \\ at end of pattern.");
        const letter = this.peek(1);
        this.at += 2;
        const argument = letter === "p" || letter === "P" ? /^\{[^}]+\}/ : letter === "k" ? /^(?:<[^>]+>|'[^']+')/ : undefined;
        if (argument === undefined) return;
        const match = argument.exec(this.rest());
        if (match === null)
            throw new PatternError(
                letter === "k" ? "Malformed \\k<...> named back reference." : `Incomplete \\${letter}{X} character escape.`,
            );
        this.at += match[0].length;
    }

    /** `(`…`)` in any of .NET's grouping constructs; whether a quantifier may follow. */
    private group(): boolean {
        this.at++;
        if (this.peek() === "?") {
            this.at++;
            const rest = this.rest();
            if (rest.startsWith("#")) {
                const end = this.text.indexOf(")", this.at);
                if (end < 0) throw new PatternError("Unterminated (?#...) comment.");
                this.at = end + 1;
                return false;
            }
            const options = INLINE_OPTIONS.exec(rest);
            if (options !== null) {
                this.at += options[0].length;
                if (options[0].endsWith(")")) return false;
            } else if (/^(?:[:=!>]|<[=!])/.test(rest)) {
                this.at += rest.startsWith("<") ? 2 : 1;
            } else if (rest.startsWith("<") || rest.startsWith("'")) {
                const close = rest.startsWith("<") ? ">" : "'";
                const end = rest.indexOf(close, 1);
                if (end < 0 || !NAME.test(rest.slice(1, end)))
                    throw new PatternError("Invalid group name: Group names must begin with a word character.");
                this.at += end + 1;
            } else if (rest.startsWith("(")) {
                // (?(condition)yes|no): the condition is a name or a lookahead pattern.
                this.group();
            } else {
                throw new PatternError("Unrecognized grouping construct.");
            }
        }
        this.alternation();
        if (this.peek() !== ")") throw new PatternError("Not enough )'s.");
        this.at++;
        return true;
    }

    /** `[`…`]`, with ranges and `-[…]` subtraction. */
    private characterClass(): void {
        this.at++;
        if (this.peek() === "^") this.at++;
        let first = true;
        // The last single character read, which may start a range; after a shorthand (\d) or a range a `-` is a literal.
        let previous: string | null = null;
        while (this.at < this.text.length) {
            const c = this.peek() as string;
            if (c === "]" && !first) {
                this.at++;
                return;
            }
            if (c === "-" && this.peek(1) === "[" && !first) {
                this.at++;
                this.characterClass();
                if (this.peek() !== "]") throw new PatternError("A subtraction must be the last element in a character class.");
                continue;
            }
            if (c === "-" && previous !== null && this.peek(1) !== undefined && this.peek(1) !== "]") {
                this.at++;
                const end = this.classCharacter();
                if (end === null) throw new PatternError("Cannot include class \\d, \\w, \\s or \\p{X} in character range.");
                if (end < previous) throw new PatternError("[x-y] range in reverse order.");
                previous = null;
            } else {
                previous = this.classCharacter();
            }
            first = false;
        }
        throw new PatternError("Unterminated [] set.");
    }

    /** One character of a class; `null` for a shorthand such as `\d`, which cannot be either end of a range. */
    private classCharacter(): string | null {
        if (this.peek() !== "\\") return this.text[this.at++];
        if (this.at + 1 >= this.text.length) throw new PatternError("Unterminated [] set.");
        const letter = this.peek(1) as string;
        this.at += 2;
        if (/[dDwWsS]/.test(letter)) return null;
        if (letter === "p" || letter === "P") {
            const braces = /^\{[^}]+\}/.exec(this.rest());
            if (braces === null) throw new PatternError(`Incomplete \\${letter}{X} character escape.`);
            this.at += braces[0].length;
            return null;
        }
        const hex = letter === "x" ? /^[0-9a-fA-F]{2}/.exec(this.rest()) : letter === "u" ? /^[0-9a-fA-F]{4}/.exec(this.rest()) : null;
        if (hex !== null) {
            this.at += hex[0].length;
            return String.fromCharCode(parseInt(hex[0], 16));
        }
        return letter;
    }
}

/** Why .NET cannot parse `pattern`, in its own words, or `undefined` when it can. */
export function dotNetPatternProblem(pattern: string): string | undefined {
    return new Reader(pattern).problem();
}
