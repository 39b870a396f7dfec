/** The command line of `lint`, read with `node:util`'s `parseArgs`. */
import { parseArgs } from "node:util";
import { SEVERITIES, type Severity } from "../../provider/core/governance";
import { GRAPH_OPTIONS, HELP_OPTION, SCOPE_OPTIONS, scopesGiven } from "../commandOptions";
import { HELP, UsageError } from "../environment";
import type { GraphFlags, TenantScope } from "../tenant";

/** Where the policies come from: a tenant through Graph, or a file (`export`'s program, or Graph JSON). */
export type LintSource = { kind: "tenant"; scope: TenantScope } | { kind: "file"; path: string };

/** A parsed `lint` command line. */
export interface LintArguments extends GraphFlags {
    source: LintSource;
    /** Exit 1 when a finding is this severe or more; `none` never fails. */
    failOn: Severity | "none";
    /** Where to write the JSON report, if anywhere. */
    json?: string;
    /** Where to write the SARIF 2.1.0 log, if anywhere. */
    sarif?: string;
    /** The repository file SARIF results of a tenant point at (code scanning needs a file for every result). */
    sarifAnchor: string;
    /** A JSON file of `{ "settings": {...}, "severities": {...} }`. */
    config?: string;
    /** Skip the checks that read users and groups from the tenant. */
    skipDirectory: boolean;
}

export const USAGE = `Usage: pulumi-entra-assignment-policy lint (--access-package <id> | --catalog <id> | --all | --from <path>) [options]

Checks access package assignment policies against the governance rules (the same rules as the policy pack) and
prints a table of findings. Exits 1 when a finding is at least as severe as --fail-on, 2 when it cannot lint.

Source (exactly one):
  --access-package <id>  the policies of one access package, read from Microsoft Graph
  --catalog <id>         the policies of every access package in a catalog
  --all                  every policy of the tenant
  --from <path>          a program written by \`export\` (its directory or index.ts), or Graph JSON (one policy,
                         an array, or a { "value": [...] } list response); read locally, without Graph

Options:
  --fail-on <severity>   high, medium, low or none (default: high)
  --json <file>          also write the findings as JSON
  --sarif <file>         also write them as SARIF 2.1.0, for code scanning
  --sarif-anchor <file>  the repository file that SARIF results of a tenant point at, since code scanning needs
                         one for every result (default: Pulumi.yaml); --from results point at the program
  --config <file>        JSON: { "settings": { "maxExternalAssignmentDays": 180, ... },
                         "severities": { "<rule id>": "high" | "medium" | "low" | "off" } }
  --skip-directory       do not look up the users and groups policies name (tenant sources only)
  --endpoint <url>       Graph root (default: as the provider resolves it: ENTRA_GRAPH_ENDPOINT, ARM_ENVIRONMENT)
  --token <token>        bearer token (default: as the provider authenticates); prefer ENTRA_GRAPH_TOKEN
  -h, --help             show this help
`;

/** Parses `argv` (the words after `lint`). */
export function parseLintArguments(argv: readonly string[]): LintArguments | typeof HELP {
    let parsed;
    try {
        parsed = parseArgs({
            args: [...argv],
            strict: true,
            allowPositionals: false,
            options: {
                ...SCOPE_OPTIONS,
                from: { type: "string" },
                "fail-on": { type: "string", default: "high" },
                json: { type: "string" },
                sarif: { type: "string" },
                "sarif-anchor": { type: "string", default: "Pulumi.yaml" },
                config: { type: "string" },
                "skip-directory": { type: "boolean", default: false },
                ...GRAPH_OPTIONS,
                ...HELP_OPTION,
            },
        });
    } catch (error) {
        throw new UsageError((error as Error).message);
    }
    const { values } = parsed;
    if (values.help) {
        return HELP;
    }
    const sources: LintSource[] = [
        ...scopesGiven(values).map((scope) => ({ kind: "tenant", scope }) as const),
        ...(values.from !== undefined ? [{ kind: "file", path: values.from } as const] : []),
    ];
    if (sources.length !== 1) {
        throw new UsageError("give exactly one of --access-package <id>, --catalog <id>, --all or --from <path>");
    }
    const failOn = values["fail-on"];
    if (failOn !== "none" && !(SEVERITIES as readonly string[]).includes(failOn)) {
        throw new UsageError(`--fail-on must be one of ${[...SEVERITIES, "none"].join(", ")}; got ${JSON.stringify(failOn)}`);
    }
    return {
        source: sources[0],
        failOn: failOn as Severity | "none",
        json: values.json,
        sarif: values.sarif,
        sarifAnchor: values["sarif-anchor"],
        config: values.config,
        skipDirectory: values["skip-directory"],
        endpoint: values.endpoint,
        token: values.token,
    };
}
