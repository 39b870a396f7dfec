/**
 * The input reference of `PolicyInputs`, read from provider/core/types with the TypeScript compiler: every property path
 * (arrays as `[]`, the members of polymorphic unions merged), its type, whether it is required, and its TSDoc.
 * The README's "Input reference" is rendered from it: `npx ts-node test/docs/policyInputReference.ts` prints it, and
 * with `--write` replaces the block between README.md's input-reference markers.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import * as ts from "typescript";

/** One documented input property. */
export interface InputReferenceRow {
    /** Dotted path from the policy, e.g. `requestApprovalSettings.stages[].primaryApprovers[].userId`. */
    path: string;
    /** The type as a reader needs it: literal unions spelled out, otherwise the declared type. */
    type: string;
    /** Whether the property must be present wherever its parent is (false if optional in any variant). */
    required: boolean;
    /** The TSDoc of the property; for union members that document it differently, each variant's text. */
    doc: string;
    /** For properties of some variants only (subject sets, questions): the interfaces that have it. */
    variants?: string[];
}

const TYPES_INDEX = path.resolve(__dirname, "../../provider/core/types/index.ts");

interface Declared {
    symbol: ts.Symbol;
    owner: string;
}

function withoutNullish(type: ts.Type): ts.Type[] {
    const members = type.isUnion() ? type.types : [type];
    return members.filter((member) => !(member.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Null)));
}

function isObject(type: ts.Type): boolean {
    return (type.flags & ts.TypeFlags.Object) !== 0;
}

/**
 * Reads every input property path of `PolicyInputs` from provider/core/types, depth first, in declaration order.
 */
export function policyInputReference(): InputReferenceRow[] {
    const program = ts.createProgram([TYPES_INDEX], {
        strict: true,
        target: ts.ScriptTarget.ES2022,
        module: ts.ModuleKind.CommonJS,
        skipLibCheck: true,
    });
    const checker = program.getTypeChecker();
    const source = program.getSourceFile(TYPES_INDEX);
    if (!source) throw new Error(`cannot read ${TYPES_INDEX}`);
    const moduleSymbol = checker.getSymbolAtLocation(source);
    const policyInputs = moduleSymbol && checker.getExportsOfModule(moduleSymbol).find((symbol) => symbol.name === "PolicyInputs");
    if (!policyInputs) throw new Error("provider/core/types does not export PolicyInputs");
    const exported = new Map(checker.getExportsOfModule(moduleSymbol).map((symbol) => [symbol.name, symbol]));
    const rows: InputReferenceRow[] = [];

    const plainDoc = (symbol: ts.Symbol): string =>
        ts.displayPartsToString(symbol.getDocumentationComment(checker)).replace(/\s+/g, " ").trim();
    /** The property's TSDoc, with the TSDoc of each type it links to appended (e.g. the meaning of each enum value). */
    const docOf = (symbol: ts.Symbol): string => {
        const text = plainDoc(symbol);
        const linked = [...text.matchAll(/\{@link (\w+)\}/g)]
            .map((match) => exported.get(match[1]))
            .filter((s): s is ts.Symbol => s !== undefined);
        const own = text.replace(/;? ?see \{@link \w+\}/g, "").replace(/\{@link (\w+)\}/g, "$1");
        return [own, ...linked.map(plainDoc)].join(" ");
    };

    const literals = (types: readonly ts.Type[]): string[] | undefined =>
        types.length > 1 && types.every((t) => t.isStringLiteral())
            ? types.map((t) => `"${(t as ts.StringLiteralType).value}"`)
            : undefined;
    /** A list of an enum spelled out, `("a" | "b")[]`, rather than by the alias name a reader cannot look up. */
    const spelledList = (type: ts.Type): string | undefined => {
        if (!checker.isArrayType(type)) return undefined;
        const element = checker.getTypeArguments(type as ts.TypeReference)[0];
        const values = literals(element.isUnion() ? element.types : [element]);
        return values && `(${values.join(" | ")})[]`;
    };
    const render = (types: ts.Type[]): string => {
        const values = literals(types);
        if (values) {
            return values.map((value) => `\`${value}\``).join(" | ");
        }
        const names = types.map((t) => spelledList(t) ?? checker.typeToString(t));
        // A union with boolean arrives split into its two literals.
        const merged =
            names.includes("true") && names.includes("false") ? [...names.filter((n) => n !== "true" && n !== "false"), "boolean"] : names;
        return `\`${merged.join(" | ")}\``;
    };

    const walk = (objectTypes: ts.Type[], prefix: string): void => {
        const byName = new Map<string, Declared[]>();
        for (const objectType of objectTypes) {
            const owner = objectType.aliasSymbol?.name ?? objectType.getSymbol()?.name ?? "";
            for (const symbol of checker.getPropertiesOfType(objectType)) {
                byName.set(symbol.name, [...(byName.get(symbol.name) ?? []), { symbol, owner }]);
            }
        }
        for (const [name, declared] of byName) {
            const propertyPath = prefix === "" ? name : `${prefix}.${name}`;
            const valueTypes = declared.flatMap(({ symbol }) => withoutNullish(checker.getTypeOfSymbol(symbol)));
            const distinct = [...new Map(valueTypes.map((t) => [checker.typeToString(t), t])).values()];
            const docs = declared.map(({ symbol, owner }) => ({ owner, text: docOf(symbol) }));
            const partial = objectTypes.length > 1 && declared.length < objectTypes.length;
            rows.push({
                path: propertyPath,
                type: render(distinct),
                required: declared.every(({ symbol }) => (symbol.flags & ts.SymbolFlags.Optional) === 0),
                doc: mergeDocs(docs),
                ...(partial ? { variants: declared.map(({ owner }) => owner) } : {}),
            });
            const arrays = distinct.filter((t) => checker.isArrayType(t));
            if (arrays.length > 0) {
                const elements = arrays.flatMap((t) => withoutNullish(checker.getTypeArguments(t as ts.TypeReference)[0]));
                const objects = elements.flatMap((t) => (t.isUnion() ? t.types : [t])).filter(isObject);
                if (objects.length > 0) walk(objects, `${propertyPath}[]`);
                continue;
            }
            const objects = distinct.flatMap((t) => (t.isUnion() ? t.types : [t])).filter(isObject);
            if (objects.length > 0) walk(objects, propertyPath);
        }
    };

    walk([checker.getDeclaredTypeOfSymbol(policyInputs)], "");
    return rows;
}

/**
 * One description for a property several variants declare: the longest text when the others are its beginnings
 * ("Discriminator." and "Discriminator. The provider also accepts…"), otherwise each text once with its variants.
 */
function mergeDocs(docs: { owner: string; text: string }[]): string {
    const longest = docs.reduce((a, b) => (b.text.length > a.text.length ? b : a)).text;
    if (docs.every((doc) => longest.startsWith(doc.text))) {
        return longest;
    }
    const owners = new Map<string, string[]>();
    for (const doc of docs) owners.set(doc.text, [...(owners.get(doc.text) ?? []), doc.owner]);
    return [...owners].map(([text, names]) => `${names.join(", ")}: ${text}`).join(" ");
}

function cell(text: string): string {
    return text.replace(/\|/g, "\\|").replace(/\\\\\|/g, "\\|");
}

/** The README's input reference: one table per top-level property, in declaration order. */
export function renderInputReference(rows: InputReferenceRow[] = policyInputReference()): string {
    const sections = new Map<string, InputReferenceRow[]>();
    for (const row of rows) {
        const top = row.path.split(/[.[]/)[0];
        const hasChildren = rows.some((other) => other.path.startsWith(`${top}.`) || other.path.startsWith(`${top}[]`));
        const section = hasChildren ? top : "";
        sections.set(section, [...(sections.get(section) ?? []), row]);
    }
    const out: string[] = [];
    for (const [section, sectionRows] of sections) {
        out.push(
            `## ${section === "" ? "Top-level properties" : `\`${section}\``}`,
            "",
            "| Property | Type | Required | Description |",
            "|---|---|---|---|",
        );
        for (const row of sectionRows) {
            const variants = row.variants ? `(${row.variants.join(", ")} only) ` : "";
            out.push(`| \`${row.path}\` | ${cell(row.type)} | ${row.required ? "yes" : "no"} | ${cell(variants + row.doc)} |`);
        }
        out.push("");
    }
    return out.join("\n");
}

const README = path.resolve(__dirname, "../../docs/inputs.md");
/** The markers around docs/inputs.md's generated input reference. */
export const MARKERS = { start: "<!-- input-reference:start -->", end: "<!-- input-reference:end -->" } as const;

/** The text between docs/inputs.md's markers that `reference` renders to. */
export function readmeBlock(reference: string): string {
    return `\n${reference}`;
}

if (require.main === module) {
    const reference = renderInputReference();
    if (process.argv.includes("--write")) {
        const readme = fs.readFileSync(README, "utf8");
        const from = readme.indexOf(MARKERS.start) + MARKERS.start.length;
        const to = readme.indexOf(MARKERS.end, from);
        if (from < MARKERS.start.length || to < 0) throw new Error(`docs/inputs.md has no ${MARKERS.start} … ${MARKERS.end} block`);
        fs.writeFileSync(README, readme.slice(0, from) + readmeBlock(reference) + readme.slice(to));
    } else {
        process.stdout.write(reference);
    }
}
