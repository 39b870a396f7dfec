/** The command line of `export`, read with `node:util`'s `parseArgs`. */

import { parseArgs } from "node:util";
import { GRAPH_OPTIONS, HELP_OPTION, SCOPE_OPTIONS, scopesGiven } from "../commandOptions";
import { HELP, UsageError } from "../environment";
import type { GraphFlags, TenantScope } from "../tenant";

/** Which policies to export. */
export type ExportScope = TenantScope;

/** A parsed `export` command line. */
export interface ExportArguments extends GraphFlags {
    /** Which policies to export. */
    scope: ExportScope;
    /** Directory to write the program to (relative to the working directory). */
    out: string;
    /** The language of the program; TypeScript when absent. */
    language?: ExportLanguage;
}

/** The languages `export` writes programs in. */
export const EXPORT_LANGUAGES = ["typescript", "yaml", "python", "go", "csharp"] as const;

/** One of {@link EXPORT_LANGUAGES}. */
export type ExportLanguage = (typeof EXPORT_LANGUAGES)[number];

export { HELP, UsageError } from "../environment";

/** Default output directory. */
export const DEFAULT_OUT = "entra-assignment-policies";

/** Usage text shown with `--help` and after a usage error. */
export const USAGE = `Usage: pulumi-entra-assignment-policy export (--access-package <id> | --catalog <id> | --all) [options]

Writes a Pulumi program that adopts the existing access package assignment policies by id, with every Microsoft Graph
v1.0 property declared, so that \`pulumi up\` takes them over without re-creating or changing them.

Options:
  --access-package <id>  export the policies of one access package
  --catalog <id>         export the policies of every access package in a catalog
  --all                  export every policy of the tenant
  --language <language>  the program's language (default: typescript):
                           typescript  index.ts on this package's dynamic provider (package.json, tsconfig.json)
                           yaml        a Pulumi YAML program in Pulumi.yaml on the provider plugin
                           python      __main__.py on the plugin's generated SDK, pulumi_entra (requirements.txt)
                           go          main.go on the plugin's generated SDK (go.mod)
                           csharp      Program.cs on the plugin's generated .NET SDK (a .csproj referencing it
                                       in sdks/dotnet, where the printed next steps generate it)
                         Programs on the plugin also get a package.json that installs it and a Pulumi.yaml that
                         points at it (plugins.providers: ./node_modules/.bin).
  --out <dir>            directory to write to (default: ${DEFAULT_OUT}); existing program files are not overwritten
  --endpoint <url>       Graph root, e.g. https://graph.microsoft.com (default: as the provider resolves it:
                         ENTRA_GRAPH_ENDPOINT, ARM_ENVIRONMENT, public cloud)
  --token <token>        bearer token (default: as the provider authenticates: ENTRA_GRAPH_TOKEN, ARM_*, AZURE_*,
                         managed identity, Azure CLI); prefer ENTRA_GRAPH_TOKEN, which stays out of process lists
  -h, --help             show this help
`;

const OPTIONS = { ...SCOPE_OPTIONS, out: { type: "string" }, language: { type: "string" }, ...GRAPH_OPTIONS, ...HELP_OPTION } as const;
type Option = keyof typeof OPTIONS;
type ValueOption = { [O in Option]: (typeof OPTIONS)[O]["type"] extends "string" ? O : never }[Option];

/** A word (or part of one) as lenient `parseArgs` reads it. */
type Token =
    | { kind: "option"; index: number; name: string; rawName: string; value?: string; inlineValue?: boolean }
    | { kind: "positional"; index: number; value: string }
    | { kind: "option-terminator"; index: number };
type OptionToken = Extract<Token, { kind: "option" }> & { name: Option };

function isOption(name: string): name is Option {
    return Object.hasOwn(OPTIONS, name);
}

/**
 * The token of an option `export` takes, as written; anything else is refused with the whole word: a positional,
 * `--`, an unknown option, and a flag given a value or grouped with another (`--all=yes`, `-hx`).
 */
function knownOption(token: Token, word: string): OptionToken {
    if (token.kind === "option" && isOption(token.name) && (OPTIONS[token.name].type === "string" || word === token.rawName)) {
        return { ...token, name: token.name };
    }
    throw new UsageError(`unknown argument ${JSON.stringify(word)}`);
}

/** `--option value` or `--option=value`, trimmed; a missing or blank value, or another option in its place, is refused. */
function valueOf({ value, inlineValue, rawName }: OptionToken): string {
    if (value === undefined || value.trim() === "" || (!inlineValue && value.startsWith("--"))) {
        throw new UsageError(`${rawName} needs a value`);
    }
    return value.trim();
}

/**
 * Parses `argv` (the words after `export`); accepts `--option value` and `--option=value`. `parseArgs` only splits
 * the words, leniently, so that each refusal keeps its own message; they are read in order, so `--help` wins over a
 * mistake after it but not over one before it.
 */
export function parseExportArguments(argv: readonly string[]): ExportArguments | typeof HELP {
    const { tokens } = parseArgs({ args: [...argv], options: OPTIONS, strict: false, allowPositionals: true, tokens: true });
    const values: Partial<Record<ValueOption, string>> & { all?: boolean } = {};
    for (const token of tokens) {
        const option = knownOption(token, argv[token.index]);
        if (option.name === "help") {
            return HELP;
        }
        if (option.name === "all") {
            values.all = true;
            continue;
        }
        const value = valueOf(option);
        if (values[option.name] !== undefined) {
            throw new UsageError(`${option.rawName} is given twice`);
        }
        values[option.name] = value;
    }
    const scopes = scopesGiven(values);
    if (scopes.length !== 1) {
        throw new UsageError("give exactly one of --access-package <id>, --catalog <id> or --all");
    }
    const { language } = values;
    if (language !== undefined && !(EXPORT_LANGUAGES as readonly string[]).includes(language)) {
        throw new UsageError(`--language must be one of ${EXPORT_LANGUAGES.join(", ")}, not ${JSON.stringify(language)}`);
    }
    return {
        scope: scopes[0],
        out: values.out ?? DEFAULT_OUT,
        endpoint: values.endpoint,
        token: values.token,
        ...(language === undefined ? {} : { language: language as ExportLanguage }),
    };
}
