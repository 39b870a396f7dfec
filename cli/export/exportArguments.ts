/** The command line of `export`. */

import { HELP, UsageError } from "../environment";
import type { TenantScope } from "../tenant";

/** Which policies to export. */
export type ExportScope = TenantScope;

/** A parsed `export` command line. */
export interface ExportArguments {
    /** Which policies to export. */
    scope: ExportScope;
    /** Directory to write the program to (relative to the working directory). */
    out: string;
    /** Graph root to read from (`entra:graphEndpoint`); the provider's default resolution when absent. */
    endpoint?: string;
    /** Bearer token (`entra:token`); the provider's default credentials when absent. */
    token?: string;
    /** The language of the program; TypeScript when absent. */
    language?: ExportLanguage;
}

/** The languages `export` writes programs in. */
export const EXPORT_LANGUAGES = ["typescript", "yaml", "python", "go"] as const;

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
                         Programs on the plugin also get a package.json that installs it and a Pulumi.yaml that
                         points at it (plugins.providers: ./node_modules/.bin).
  --out <dir>            directory to write to (default: ${DEFAULT_OUT}); existing program files are not overwritten
  --endpoint <url>       Graph root, e.g. https://graph.microsoft.com (default: as the provider resolves it:
                         ENTRA_GRAPH_ENDPOINT, ARM_ENVIRONMENT, public cloud)
  --token <token>        bearer token (default: as the provider authenticates: ENTRA_GRAPH_TOKEN, ARM_*, AZURE_*,
                         managed identity, Azure CLI); prefer ENTRA_GRAPH_TOKEN, which stays out of process lists
  -h, --help             show this help
`;

const VALUE_OPTIONS = ["--access-package", "--catalog", "--out", "--endpoint", "--token", "--language"] as const;
type ValueOption = (typeof VALUE_OPTIONS)[number];

/** Parses `argv` (the words after `export`); accepts `--option value` and `--option=value`. */
export function parseExportArguments(argv: readonly string[]): ExportArguments | typeof HELP {
    const values = new Map<ValueOption, string>();
    let all = false;
    for (let i = 0; i < argv.length; i++) {
        const word = argv[i];
        if (word === "-h" || word === "--help") {
            return HELP;
        }
        if (word === "--all") {
            all = true;
            continue;
        }
        const [option, inline] =
            word.startsWith("--") && word.includes("=")
                ? [word.slice(0, word.indexOf("=")), word.slice(word.indexOf("=") + 1)]
                : [word, undefined];
        if (!(VALUE_OPTIONS as readonly string[]).includes(option)) {
            throw new UsageError(`unknown argument ${JSON.stringify(word)}`);
        }
        const value = inline ?? argv[++i];
        if (value === undefined || value.trim() === "" || (inline === undefined && value.startsWith("--"))) {
            throw new UsageError(`${option} needs a value`);
        }
        if (values.has(option as ValueOption)) {
            throw new UsageError(`${option} is given twice`);
        }
        values.set(option as ValueOption, value.trim());
    }
    const accessPackageId = values.get("--access-package");
    const catalogId = values.get("--catalog");
    const chosen = [accessPackageId, catalogId, all ? "all" : undefined].filter((choice) => choice !== undefined);
    if (chosen.length !== 1) {
        throw new UsageError("give exactly one of --access-package <id>, --catalog <id> or --all");
    }
    const scope: ExportScope =
        accessPackageId !== undefined
            ? { kind: "accessPackage", accessPackageId }
            : catalogId !== undefined
              ? { kind: "catalog", catalogId }
              : { kind: "all" };
    const language = values.get("--language");
    if (language !== undefined && !(EXPORT_LANGUAGES as readonly string[]).includes(language)) {
        throw new UsageError(`--language must be one of ${EXPORT_LANGUAGES.join(", ")}, not ${JSON.stringify(language)}`);
    }
    return {
        scope,
        out: values.get("--out") ?? DEFAULT_OUT,
        endpoint: values.get("--endpoint"),
        token: values.get("--token"),
        ...(language === undefined ? {} : { language: language as ExportLanguage }),
    };
}
