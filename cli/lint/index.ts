/**
 * `lint`: the governance rules over policies that already exist, read from a tenant through Graph or from a file,
 * with the same rules, settings and severities as the policy pack applies at `pulumi preview`.
 */
import type * as Graph from "@microsoft/microsoft-graph-types";
import * as fs from "node:fs";
import * as path from "node:path";
import {
    atLeast,
    checkSeverityOverrides,
    evaluatePolicy,
    GovernanceSettingsError,
    governanceSettings,
    principalReferences,
    type DirectorySnapshot,
    type GovernanceSettings,
    type Severity,
} from "../../provider/core/governance";
import { GraphRequestError, GraphSettingsError, type GraphSettings } from "../../provider/core/graph";
import { createDirectoryApi, type GroupState } from "../../provider/core/operations";
import { checkPolicy, inputsFromOutputs, outputsFromGraph, type PolicyInputs } from "../../provider/core/model";
import { processEnvironment, readCommandLine, type CommandEnvironment } from "../environment";
import { describeScope, graphSettingsOf, listTenantPolicies } from "../tenant";
import { parseLintArguments, USAGE, type LintArguments, type LintSource } from "./lintArguments";
import { declaredPolicies, ProgramReadError } from "./programLiterals";
import { renderJson, renderSarif, renderTable, type LintedPolicy, type LintFinding, type LintReport } from "./reports";

export { parseLintArguments, USAGE as LINT_USAGE, type LintArguments } from "./lintArguments";
export { declaredPolicies } from "./programLiterals";

/** Exit status: nothing at `--fail-on`, a finding at `--fail-on` or above, could not lint. */
const EXIT = { clean: 0, findings: 1, failed: 2 } as const;

/** A source that does not hold lintable policies; the message names the policy or file. */
class LintSourceError extends Error {
    override readonly name = "LintSourceError";
}

/** A policy ready for the rules. */
interface LoadedPolicy {
    policy: LintedPolicy;
    inputs: PolicyInputs;
}

interface LintConfig {
    settings: GovernanceSettings;
    severities: Record<string, Severity | "off">;
}

function readConfig(file: string | undefined, cwd: string): LintConfig {
    if (file === undefined) {
        return { settings: governanceSettings(), severities: {} };
    }
    const parsed = JSON.parse(fs.readFileSync(path.resolve(cwd, file), "utf8")) as {
        settings?: Record<string, unknown>;
        severities?: Record<string, string>;
    };
    const { settings = {}, severities = {}, ...unknown } = parsed;
    if (Object.keys(unknown).length > 0) {
        throw new GovernanceSettingsError(
            `${file}: unknown key ${Object.keys(unknown)
                .map((key) => JSON.stringify(key))
                .join(", ")}; expected "settings" and "severities"`,
        );
    }
    checkSeverityOverrides(severities);
    return { settings: governanceSettings(settings), severities: severities as LintConfig["severities"] };
}

function fromGraph(graphPolicy: Graph.AccessPackageAssignmentPolicy): LoadedPolicy {
    const inputs = inputsFromOutputs(outputsFromGraph(graphPolicy));
    return {
        policy: { displayName: inputs.displayName, id: graphPolicy.id ?? undefined, accessPackageId: inputs.accessPackageId },
        inputs,
    };
}

/** Graph JSON: one policy, an array of them, or a list response. */
function graphPoliciesIn(json: unknown): Graph.AccessPackageAssignmentPolicy[] {
    if (Array.isArray(json)) return json;
    const list = (json as { value?: unknown }).value;
    return Array.isArray(list) ? list : [json as Graph.AccessPackageAssignmentPolicy];
}

/** An exported program's declarations, each through the provider's own check so hand edits are canonicalised too. */
function fromProgram(source: string, file: string): LoadedPolicy[] {
    return declaredPolicies(source).map((declared) => {
        const checked = checkPolicy({}, declared.inputs);
        const { failures } = checked;
        if (failures.length > 0) {
            const reasons = failures.map((failure) => `${failure.property}: ${failure.reason}`).join("; ");
            throw new LintSourceError(`${file}:${declared.line}: ${JSON.stringify(declared.name)} is not a valid policy: ${reasons}`);
        }
        // Without failures, check returns the canonical inputs.
        const inputs = checked.inputs as PolicyInputs;
        const adopted = typeof inputs.adopt === "string" ? inputs.adopt : undefined;
        return {
            policy: {
                displayName: inputs.displayName,
                id: adopted,
                accessPackageId: inputs.accessPackageId,
                location: { file, line: declared.line },
            },
            inputs,
        };
    });
}

function readFile(source: Extract<LintSource, { kind: "file" }>, cwd: string): LoadedPolicy[] {
    const given = path.resolve(cwd, source.path);
    const file = fs.statSync(given).isDirectory() ? path.join(given, "index.ts") : given;
    const text = fs.readFileSync(file, "utf8");
    const shown = path.relative(cwd, file) || path.basename(file);
    if (file.endsWith(".json")) {
        return graphPoliciesIn(JSON.parse(text)).map(fromGraph);
    }
    return fromProgram(text, shown);
}

/** Looks up every user and group the policies name, once each. */
async function directoryOf(policies: readonly LoadedPolicy[], settings: GraphSettings): Promise<DirectorySnapshot> {
    const api = createDirectoryApi(settings);
    const deadline = Date.now() + settings.operationTimeoutMs;
    const users = new Map<string, boolean>();
    const groups = new Map<string, GroupState>();
    for (const { policy, inputs } of policies) {
        const about = { displayName: policy.displayName, id: policy.id };
        for (const reference of principalReferences(inputs)) {
            const id = reference.id.toLowerCase();
            if (reference.kind === "user" && !users.has(id)) users.set(id, await api.userExists(id, deadline, about));
            if (reference.kind === "group" && !groups.has(id)) groups.set(id, await api.group(id, deadline, about));
        }
    }
    return { userExists: (id) => users.get(id.toLowerCase()), group: (id) => groups.get(id.toLowerCase()) };
}

function toolInfo(): LintReport["tool"] {
    const manifest = require("pulumi-entra-assignment-policy/package.json") as { name: string; version: string; homepage: string };
    return { name: `${manifest.name} lint`, version: manifest.version, informationUri: manifest.homepage };
}

async function lint(args: LintArguments, config: LintConfig, environment: CommandEnvironment): Promise<LintReport> {
    const { source } = args;
    let loaded: LoadedPolicy[];
    let directory: DirectorySnapshot | undefined;
    let described: string;
    if (source.kind === "tenant") {
        const settings = graphSettingsOf(args, environment.env);
        loaded = (await listTenantPolicies(settings, source.scope)).map(fromGraph);
        directory = args.skipDirectory ? undefined : await directoryOf(loaded, settings);
        described = describeScope(source.scope);
    } else {
        loaded = readFile(source, environment.cwd);
        described = source.path;
    }
    const findings: LintFinding[] = loaded.flatMap(({ policy, inputs }) =>
        evaluatePolicy(inputs, { settings: config.settings, severities: config.severities, directory }).map((finding) => ({
            ...finding,
            policy,
        })),
    );
    return {
        source: described,
        policies: loaded.map((entry) => entry.policy),
        findings,
        settings: config.settings,
        directoryChecked: directory !== undefined,
        tool: toolInfo(),
    };
}

function write(file: string, content: string, cwd: string): void {
    const target = path.resolve(cwd, file);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, content);
}

/**
 * Runs `lint` with the words after it; resolves to the exit status (0 clean, 1 findings at `--fail-on` or above,
 * 2 usage error or nothing could be linted). Expected failures are reported on `stderr`, never thrown.
 */
export async function runLint(argv: string[], environment: CommandEnvironment = processEnvironment()): Promise<number> {
    const { cwd, stdout, stderr } = environment;
    const commandLine = readCommandLine("lint", argv, parseLintArguments, USAGE, environment);
    if ("exit" in commandLine) {
        return commandLine.exit;
    }
    const { args } = commandLine;
    try {
        const report = await lint(args, readConfig(args.config, cwd), environment);
        stdout(renderTable(report));
        if (args.json !== undefined) write(args.json, renderJson(report), cwd);
        if (args.sarif !== undefined) write(args.sarif, renderSarif(report, args.sarifAnchor), cwd);
        const { failOn } = args;
        return failOn !== "none" && report.findings.some((finding) => atLeast(finding.severity, failOn)) ? EXIT.findings : EXIT.clean;
    } catch (error) {
        const expected = [GraphSettingsError, GraphRequestError, GovernanceSettingsError, ProgramReadError, LintSourceError, SyntaxError];
        if (expected.some((type) => error instanceof type) || (error as NodeJS.ErrnoException).code === "ENOENT") {
            stderr(`lint: ${(error as Error).message}\n`);
            return EXIT.failed;
        }
        throw error;
    }
}
