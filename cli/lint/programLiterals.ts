/**
 * Reads the policies out of a program `export` wrote: each `new AccessPackageAssignmentPolicy("name", { ... })`
 * with a literal argument, where a value may also be a top-level `const` holding a literal (export names ids so).
 * The literals are parsed, never evaluated, so linting a program runs none of its code; a value that is neither (a
 * variable, a call) is refused with its line, since its value is unknown here.
 */
import type { LiteralValue } from "../export/typescriptLiteral";

/** One declaration: its resource name, its literal inputs, and the line of `new`. */
export interface DeclaredPolicy {
    name: string;
    inputs: { [key: string]: LiteralValue };
    line: number;
}

/** The program has something this reader cannot take as data; the message names the line. */
export class ProgramReadError extends Error {
    override readonly name = "ProgramReadError";
}

const DECLARATION = /\bnew\s+AccessPackageAssignmentPolicy\s*\(/g;
const SIMPLE_ESCAPES: Readonly<Record<string, string>> = { n: "\n", r: "\r", t: "\t", b: "\b", f: "\f", v: "\v", "0": "\0" };

/** A recursive-descent reader of the JSON-like literals `typescriptLiteral` writes (plus comments and single quotes). */
class LiteralReader {
    constructor(
        private readonly text: string,
        private at: number,
        private readonly constants: ReadonlyMap<string, LiteralValue> = new Map(),
    ) {}

    get position(): number {
        return this.at;
    }

    fail(what: string): never {
        const line = this.text.slice(0, this.at).split("\n").length;
        throw new ProgramReadError(`line ${line}: ${what}`);
    }

    skipSpace(): void {
        for (;;) {
            const rest = this.text.slice(this.at);
            const space = /^(\s+|\/\/[^\n]*|\/\*[\s\S]*?\*\/)/.exec(rest);
            if (space === null) {
                return;
            }
            this.at += space[0].length;
        }
    }

    expect(token: string): void {
        this.skipSpace();
        if (!this.text.startsWith(token, this.at)) {
            this.fail(`expected ${JSON.stringify(token)}`);
        }
        this.at += token.length;
    }

    /** Consumes `token` if it comes next. */
    accept(token: string): boolean {
        this.skipSpace();
        if (this.text.startsWith(token, this.at)) {
            this.at += token.length;
            return true;
        }
        return false;
    }

    value(): LiteralValue {
        this.skipSpace();
        const char = this.text[this.at];
        if (char === "{") return this.object();
        if (char === "[") return this.array();
        if (char === '"' || char === "'") return this.string();
        const word = /^(true|false|null|-?\d+(\.\d+)?([eE][+-]?\d+)?)(?![\w$])/.exec(this.text.slice(this.at));
        if (word === null) {
            return this.constant();
        }
        this.at += word[0].length;
        return word[1] === "true" ? true : word[1] === "false" ? false : word[1] === "null" ? null : Number(word[1]);
    }

    /** A name the program declared as `const name = <literal>;` (export names ids this way), read as that literal. */
    private constant(): LiteralValue {
        const name = /^[A-Za-z_$][\w$]*(?![\w$.(])/.exec(this.text.slice(this.at))?.[0];
        const value = name === undefined ? undefined : this.constants.get(name);
        if (value === undefined) {
            this.fail(
                "expected a literal value (a string, number, boolean, null, array or object) or a constant holding one; the lint reads data, not code",
            );
        }
        this.at += (name as string).length;
        return value;
    }

    string(): string {
        const quote = this.text[this.at++];
        let result = "";
        while (this.at < this.text.length && this.text[this.at] !== quote) {
            const char = this.text[this.at++];
            if (char === "\n") this.fail("unterminated string");
            if (char !== "\\") {
                result += char;
                continue;
            }
            const escape = this.text[this.at++];
            const braced = escape === "u" && this.text[this.at] === "{" ? /^\{([0-9a-fA-F]+)\}/.exec(this.text.slice(this.at)) : null;
            const fixed =
                escape === "u"
                    ? /^[0-9a-fA-F]{4}/.exec(this.text.slice(this.at))
                    : escape === "x"
                      ? /^[0-9a-fA-F]{2}/.exec(this.text.slice(this.at))
                      : null;
            if (braced) {
                result += String.fromCodePoint(parseInt(braced[1], 16));
                this.at += braced[0].length;
            } else if (fixed) {
                result += String.fromCharCode(parseInt(fixed[0], 16));
                this.at += fixed[0].length;
            } else if (escape === "u" || escape === "x") {
                this.fail("invalid escape in a string");
            } else {
                result += SIMPLE_ESCAPES[escape] ?? escape;
            }
        }
        if (this.at >= this.text.length) this.fail("unterminated string");
        this.at++;
        return result;
    }

    array(): LiteralValue[] {
        this.expect("[");
        const items: LiteralValue[] = [];
        while (!this.accept("]")) {
            items.push(this.value());
            if (!this.accept(",")) {
                this.expect("]");
                break;
            }
        }
        return items;
    }

    key(): string {
        this.skipSpace();
        const char = this.text[this.at];
        if (char === '"' || char === "'") return this.string();
        if (this.accept("[")) {
            this.skipSpace();
            const computed = this.string();
            this.expect("]");
            return computed;
        }
        const identifier = /^[A-Za-z_$][\w$]*/.exec(this.text.slice(this.at));
        if (identifier === null) this.fail("expected a property name");
        this.at += identifier[0].length;
        return identifier[0];
    }

    object(): { [key: string]: LiteralValue } {
        this.expect("{");
        // Own data properties only: a key such as __proto__ must not reach the prototype.
        const result: { [key: string]: LiteralValue } = Object.create(null);
        while (!this.accept("}")) {
            const key = this.key();
            this.expect(":");
            result[key] = this.value();
            if (!this.accept(",")) {
                this.expect("}");
                break;
            }
        }
        return { ...result };
    }
}

const CONSTANT = /^const\s+([A-Za-z_$][\w$]*)\s*=\s*/gm;

/**
 * The program's top-level `const name = <literal>;` declarations. A constant whose value is code is left out: it
 * only fails the lint if a policy uses it.
 */
function literalConstants(source: string): Map<string, LiteralValue> {
    const constants = new Map<string, LiteralValue>();
    for (const match of source.matchAll(CONSTANT)) {
        try {
            constants.set(match[1], new LiteralReader(source, (match.index as number) + match[0].length, constants).value());
        } catch (error) {
            if (!(error instanceof ProgramReadError)) throw error;
        }
    }
    return constants;
}

/** Every `new AccessPackageAssignmentPolicy(...)` of `source`, in order. */
export function declaredPolicies(source: string): DeclaredPolicy[] {
    const constants = literalConstants(source);
    return [...source.matchAll(DECLARATION)].map((match): DeclaredPolicy => {
        const reader = new LiteralReader(source, (match.index as number) + match[0].length, constants);
        reader.skipSpace();
        const name = reader.value();
        if (typeof name !== "string") reader.fail("the resource name must be a string literal");
        reader.expect(",");
        const inputs = reader.value();
        if (inputs === null || typeof inputs !== "object" || Array.isArray(inputs)) reader.fail("the inputs must be an object literal");
        reader.accept(",");
        reader.expect(")");
        return { name: name as string, inputs: inputs as DeclaredPolicy["inputs"], line: source.slice(0, match.index).split("\n").length };
    });
}
