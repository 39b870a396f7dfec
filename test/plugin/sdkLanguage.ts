/**
 * Languages whose programs use an SDK generated from the plugin's schema by scripts/generate-sdks.sh (TypeScript,
 * Python, Go): the program reads its policy from the stack's config, so one program file serves every step of the
 * scenario.
 */
import assert from "node:assert/strict";
import { execFile, execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { promisify } from "node:util";
import type { PluginLanguage } from "./pluginLanguage";
import { describeWithHost } from "./pluginProject";
import { TOKEN } from "./pluginScenario";

/** The programs the SDK suites run. */
export const PROGRAMS = path.join(__dirname, "programs");

/** The Pulumi SDK version every language's program uses: the CLI's and @pulumi/pulumi's. */
export const PULUMI_VERSION: string = (require("../../package.json") as { devDependencies: Record<string, string> }).devDependencies[
    "@pulumi/pulumi"
];

const ROOT = path.resolve(__dirname, "../..");
const GENERATE_SDKS = path.join(ROOT, "scripts", "generate-sdks.sh");

/** The repository's TypeScript compiler, which compiles the Node.js SDK and type-checks programs on it. */
export const TSC = path.join(ROOT, "node_modules", ".bin", "tsc");

/**
 * Runs `command` and gives its stdout. Checks run this way, not synchronously: a blocked event loop also blocks the
 * emulator's server in this process, which then drops the admin client's kept-alive connection as it is reused.
 */
async function run(command: string, args: string[], cwd?: string): Promise<string> {
    return (await promisify(execFile)(command, args, { cwd, encoding: "utf8" })).stdout;
}

/** A new temporary directory named for `prefix`. */
export function temporaryDirectory(prefix: string): string {
    return fs.mkdtempSync(path.join(os.tmpdir(), `${prefix}-`));
}

/** scripts/generate-sdks.sh into `out`, which then holds nodejs/, python/, go/ and dotnet/. */
export function generateSdks(out: string): string {
    execFileSync(GENERATE_SDKS, [out], { stdio: "pipe" });
    return out;
}

/**
 * Makes `dir` a TypeScript project on the modules in `nodeModules` (@pulumi/pulumi, the compiled SDK, @types/node):
 * a link to them and a tsconfig.json for its index.ts. With `transpileOnly` the tsconfig says `noCheck`, Pulumi's
 * switch for a project type-checked by a build step of its own: @pulumi/pulumi's runner then only transpiles it.
 */
export function typescriptProject(dir: string, nodeModules: string, { transpileOnly = false } = {}): void {
    fs.symlinkSync(nodeModules, path.join(dir, "node_modules"), "dir");
    const compilerOptions = {
        target: "ES2022",
        module: "commonjs",
        moduleResolution: "node",
        strict: true,
        types: ["node"],
        ...(transpileOnly ? { noCheck: true } : {}),
    };
    fs.writeFileSync(path.join(dir, "tsconfig.json"), JSON.stringify({ compilerOptions, files: ["index.ts"] }, null, 4));
}

/** Type-checks the index.ts of `dir` against `nodeModules` with the repository's tsc. */
export async function typeCheck(dir: string, nodeModules: string): Promise<void> {
    typescriptProject(dir, nodeModules);
    await run(TSC, ["-p", dir, "--noEmit"]);
}

/**
 * What a suite's `prepare` made that its language's generated program is proven against: the node_modules holding
 * @pulumi/pulumi and the compiled SDK (Node.js), the venv (Python), or a Go module directory whose go.mod and go.sum
 * take the SDK through a `replace` (Go).
 */
export type SdkEnvironment = string;

/** How a language's suite sets up and lays out its projects. */
export interface SdkProjects {
    /**
     * Once per suite: generates the SDK and what the projects share, in directories from `directory` (a new temporary
     * one, which the suite removes at its end even when `prepare` fails).
     */
    prepare(directory: (prefix: string) => string): Promise<SdkEnvironment>;
    /** A new project directory named `project` running the language's policy program with the plugin at `pluginDir`. */
    create(project: string, pluginDir: string): string;
}

/**
 * The program's values when the policy is imported, which the code `pulumi import` prints must declare. The import
 * follows the update to `selfAdd: false`, Graph's default, so that code declares the requestor settings empty.
 */
interface ImportedPolicy {
    label: string;
    accessPackageId: string;
}

/** How a language's host writes the program that declares the imported policy, and how that program is checked. */
interface GeneratedCode {
    /** The program's first line, which follows the import's report. */
    start: string;
    /** The name the program is checked under. */
    file: string;
    /**
     * Throws unless the program in `file` holds against the SDK in `environment` (every name, enum member and Args
     * type it uses must exist there) and, for Go, is gofmt's output.
     */
    check(file: string, environment: SdkEnvironment): Promise<void>;
    /** Lines the program must hold to declare `policy` under the name `imported`. */
    declares(policy: ImportedPolicy): RegExp[];
}

/** `text` matched literally in a regular expression. */
function literal(text: string): string {
    return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** A whole line of the program: `text`, however indented. */
function line(text: string): RegExp {
    return new RegExp(`^\\s*${literal(text)}$`, "m");
}

/** A Go struct field's line, whose value gofmt aligns with its neighbours'. */
function goField(name: string, value: string): RegExp {
    return new RegExp(`^\\s*${name}:\\s+${literal(value)},$`, "m");
}

/** Runs a Python program under Pulumi's mocks, printing each resource it registers as `type name`. */
const RUN_MOCKED = path.join(PROGRAMS, "python", "run_mocked.py");

const GENERATED_CODE: Record<string, GeneratedCode> = {
    nodejs: {
        start: 'import * as pulumi from "@pulumi/pulumi";\n',
        file: "index.ts",
        check: (file, nodeModules) => typeCheck(path.dirname(file), nodeModules),
        declares: ({ label, accessPackageId }) => [
            line('const imported = new entra.AccessPackageAssignmentPolicy("imported", {'),
            line(`accessPackageId: "${accessPackageId}",`),
            line(`description: "Created by the ${label} program",`),
            line(`displayName: "${label} policy",`),
            line("allowedTargetScope: entra.AllowedTargetScope.AllMemberUsers,"),
            line("requestorSettings: {},"),
            line("protect: true,"),
        ],
    },
    python: {
        start: "import pulumi\n",
        file: "__main__.py",
        check: async (file, venv) => {
            const registered = await run(path.join(venv, "bin", "python"), [RUN_MOCKED, file]);
            assert.match(registered, new RegExp(`^${literal(TOKEN)} imported$`, "m"));
        },
        declares: ({ label, accessPackageId }) => [
            line('imported = entra.AccessPackageAssignmentPolicy("imported",'),
            line(`access_package_id="${accessPackageId}",`),
            line(`description="Created by the ${label} program",`),
            line(`display_name="${label} policy",`),
            line("allowed_target_scope=entra.AllowedTargetScope.ALL_MEMBER_USERS,"),
            line("requestor_settings={},"),
            line("opts = pulumi.ResourceOptions(protect=True))"),
        ],
    },
    go: {
        start: "package main\n",
        file: "main.go",
        check: async (file, goModule) => {
            assert.equal(await run("gofmt", ["-l", file]), "");
            for (const name of ["go.mod", "go.sum"]) fs.copyFileSync(path.join(goModule, name), path.join(path.dirname(file), name));
            await run("go", ["vet", "."], path.dirname(file));
        },
        declares: ({ label, accessPackageId }) => [
            line('_, err := entra.NewAccessPackageAssignmentPolicy(ctx, "imported", &entra.AccessPackageAssignmentPolicyArgs{'),
            goField("AccessPackageId", `pulumi.String("${accessPackageId}")`),
            goField("Description", `pulumi.String("Created by the ${label} program")`),
            goField("DisplayName", `pulumi.String("${label} policy")`),
            goField("AllowedTargetScope", "entra.AllowedTargetScopeAllMemberUsers"),
            goField("RequestorSettings", "&entra.RequestorSettingsArgs{}"),
            line("}, pulumi.Protect(true))"),
        ],
    },
};

/**
 * Asserts that `output`, what `pulumi import` printed, ends with `host`'s program declaring `policy`, and that the
 * program passes the language's check in `directory`.
 */
async function assertGeneratedCode(
    host: string,
    output: string,
    policy: ImportedPolicy,
    directory: string,
    environment: SdkEnvironment,
): Promise<void> {
    const generated = GENERATED_CODE[host];
    const start = output.indexOf(generated.start);
    assert.notEqual(start, -1, `pulumi import printed no ${policy.label} program:\n${output}`);
    const code = output.slice(start);
    for (const declaration of generated.declares(policy)) assert.match(code, declaration);
    // Read answers an import with only what check does not fill in, so Graph's defaults are not spelled out.
    assert.doesNotMatch(code, /questions|customExtensionStageSettings|custom_extension_stage_settings/i);
    const file = path.join(directory, generated.file);
    fs.writeFileSync(file, code);
    await generated.check(file, environment);
}

/**
 * The scenario's language for a program on a generated SDK: its check failure is a config value (`duration`), and the
 * policy is imported into a stack whose program declares it under the name `resourceName` says.
 */
export function sdkLanguage(label: string, host: string, project: string, projects: SdkProjects): PluginLanguage {
    const temporary: string[] = [];
    const duration = `${project}:duration`;
    const newDirectory = (prefix: string): string => {
        const dir = temporaryDirectory(prefix);
        temporary.push(dir);
        return dir;
    };
    let environment: SdkEnvironment = "";
    return {
        label,
        project,
        describe: describeWithHost(host),
        prepare: async () => {
            environment = await projects.prepare(newDirectory);
        },
        dispose: () => {
            for (const dir of temporary) fs.rmSync(dir, { recursive: true, force: true });
        },
        createProject: (pluginDir) => projects.create(project, pluginDir),
        breakDuration: async (_dir, _pluginDir, stack) => {
            await stack.setConfig({ [duration]: "P2X" });
            return () => stack.setConfig({ [duration]: "" });
        },
        importProject: (pluginDir, settings) => ({
            dir: projects.create(project, pluginDir),
            config: Object.fromEntries(
                Object.entries({ ...settings, resourceName: "imported" }).map(([key, value]) => [`${project}:${key}`, value]),
            ),
            flags: [],
        }),
        // The program already declares the policy, from its config; the code the host generated is checked against the SDK.
        adoptImport: (_dir, _pluginDir, output, accessPackageId) =>
            assertGeneratedCode(host, output, { label, accessPackageId }, newDirectory(`${project}-generated`), environment),
    };
}
