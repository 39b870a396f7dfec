/**
 * `export`: brownfield adoption. Reads existing access package assignment policies from Microsoft Graph and writes a
 * ready-to-run Pulumi program (TypeScript, YAML, Python, Go or C#) that adopts each one by id with all of its settings.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { GraphRequestError, GraphSettingsError } from "../../provider/core/graph";
import { processEnvironment, readCommandLine, type CommandEnvironment } from "../environment";
import { describeScope, graphSettingsOf, listTenantPolicies } from "../tenant";
import { parseExportArguments, USAGE, type ExportArguments } from "./exportArguments";
import { exportedPolicy, PolicyExportError, type ExportedPolicy } from "./exportedPolicy";
import { LANGUAGE_PROGRAMS } from "./languagePrograms";
import { installedPackageVersions, projectNameOf } from "./programFiles";

export {
    EXPORT_LANGUAGES,
    parseExportArguments,
    USAGE,
    UsageError,
    type ExportArguments,
    type ExportLanguage,
    type ExportScope,
} from "./exportArguments";
export { csharpProgramFiles, renderCsharpProgram } from "./csharpProgram";
export { exportedPolicy, PolicyExportError, type ExportedPolicy } from "./exportedPolicy";
export { goProgramFiles, renderGoProgram } from "./goProgram";
export { LANGUAGE_PROGRAMS, type LanguageProgram } from "./languagePrograms";
export { programFiles, renderIndex, type PackageVersions, type ProgramFiles } from "./programFiles";
export { pythonProgramFiles, renderPythonProgram } from "./pythonProgram";
export { renderYamlProgram, yamlProgramFiles } from "./yamlProgram";
export { resourceNames, slugOf } from "./resourceNames";
export { stringLiteral, typescriptLiteral } from "./typescriptLiteral";

/** Where `runExport` reads its settings and writes its messages; the process's own by default. */
export type ExportEnvironment = CommandEnvironment;

/** Exit status: success, a failure reading or writing (a command line that cannot run exits 2). */
const EXIT = { ok: 0, failed: 1 } as const;

async function readPolicies(args: ExportArguments, env: NodeJS.ProcessEnv): Promise<ExportedPolicy[]> {
    const policies = await listTenantPolicies(graphSettingsOf(args, env), args.scope);
    const exported: ExportedPolicy[] = [];
    const refused: string[] = [];
    for (const policy of policies) {
        try {
            exported.push(exportedPolicy(policy));
        } catch (error) {
            if (!(error instanceof PolicyExportError)) {
                throw error;
            }
            refused.push(error.message);
        }
    }
    if (refused.length > 0) {
        // All or nothing: a program missing some policies would look complete.
        throw new PolicyExportError(
            `nothing was written; ${refused.length} of ${policies.length} policies cannot be exported:\n  ${refused.join("\n  ")}`,
        );
    }
    return exported;
}

/** Writes the files, refusing to overwrite any (an earlier export may have been edited since). */
function writeProgram(directory: string, files: Record<string, string>): void {
    const existing = Object.keys(files).filter((name) => fs.existsSync(path.join(directory, name)));
    if (existing.length > 0) {
        throw new PolicyExportError(
            `nothing was written; ${directory} already has ${existing.join(", ")}. Choose another --out or remove them.`,
        );
    }
    fs.mkdirSync(directory, { recursive: true });
    for (const [name, content] of Object.entries(files)) {
        fs.writeFileSync(path.join(directory, name), content, { flag: "wx" });
    }
}

/**
 * Runs `export` with the words after it; resolves to the exit status (0 written, 1 failed, 2 usage error). Never
 * rejects for expected failures: Graph errors, settings errors and policies that cannot be exported are reported on
 * `stderr`.
 */
export async function runExport(argv: string[], environment: ExportEnvironment = processEnvironment()): Promise<number> {
    const { env, cwd, stdout, stderr } = environment;
    const commandLine = readCommandLine("export", argv, parseExportArguments, USAGE, environment);
    if ("exit" in commandLine) {
        return commandLine.exit;
    }
    const { args } = commandLine;
    try {
        const policies = await readPolicies(args, env);
        if (policies.length === 0) {
            stderr(`export: ${describeScope(args.scope)} has no access package assignment policies; nothing was written.\n`);
            return EXIT.failed;
        }
        const directory = path.resolve(cwd, args.out);
        const program = LANGUAGE_PROGRAMS[args.language ?? "typescript"];
        writeProgram(directory, program.files(policies, projectNameOf(path.basename(directory)), installedPackageVersions()));
        stdout(
            `Exported ${policies.length} access package assignment ${policies.length === 1 ? "policy" : "policies"} of ${describeScope(args.scope)} to ${directory}.\n` +
                `Next: cd ${JSON.stringify(directory)} && ${program.nextSteps}\n` +
                `The first up adopts each policy with one PUT of its current settings; nothing is created.\n`,
        );
        return EXIT.ok;
    } catch (error) {
        if (error instanceof GraphSettingsError || error instanceof GraphRequestError || error instanceof PolicyExportError) {
            stderr(`export: ${error.message}\n`);
            return EXIT.failed;
        }
        throw error;
    }
}
