/**
 * Languages whose programs use an SDK generated from the plugin's schema by scripts/generate-sdks.sh (Python, Go):
 * the program reads its policy from the stack's config, so one program file serves every step of the scenario.
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { PluginLanguage } from "./pluginLanguage";
import { describeWithHost } from "./pluginProject";

/** The programs the SDK suites run. */
export const PROGRAMS = path.join(__dirname, "programs");

/** The Pulumi SDK version every language's program uses: the CLI's and @pulumi/pulumi's. */
export const PULUMI_VERSION: string = (require("../../package.json") as { devDependencies: Record<string, string> }).devDependencies[
    "@pulumi/pulumi"
];

const GENERATE_SDKS = path.resolve(__dirname, "../../scripts/generate-sdks.sh");

/** A new temporary directory named for `prefix`. */
export function temporaryDirectory(prefix: string): string {
    return fs.mkdtempSync(path.join(os.tmpdir(), `${prefix}-`));
}

/** scripts/generate-sdks.sh into `out`, which then holds nodejs/, python/ and go/. */
export function generateSdks(out: string): string {
    execFileSync(GENERATE_SDKS, [out], { stdio: "pipe" });
    return out;
}

/** How a language's suite sets up and lays out its projects. */
export interface SdkProjects {
    /**
     * Once per suite: generates the SDK and what the projects share, in directories from `directory` (a new temporary
     * one, which the suite removes at its end even when `prepare` fails).
     */
    prepare(directory: (prefix: string) => string): Promise<void>;
    /** A new project directory named `project` running the language's policy program with the plugin at `pluginDir`. */
    create(project: string, pluginDir: string): string;
}

/** The program's values when the policy is imported, which the code `pulumi import` prints must declare. */
interface ImportedPolicy {
    label: string;
    accessPackageId: string;
    selfAdd: string;
}

/** How a language's host writes the program that declares the imported policy, and how that program is checked. */
interface GeneratedCode {
    /** The program's first line, which follows the import's report. */
    start: string;
    /** The name the program is checked under. */
    file: string;
    /** Throws when the program in `file` does not compile (Python) or is not gofmt's output (Go). */
    check(file: string): void;
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

const GENERATED_CODE: Record<string, GeneratedCode> = {
    python: {
        start: "import pulumi\n",
        file: "__main__.py",
        check: (file) => execFileSync("python3", ["-m", "py_compile", file], { stdio: "pipe" }),
        declares: ({ label, accessPackageId, selfAdd }) => [
            line('imported = entra.AccessPackageAssignmentPolicy("imported",'),
            line(`access_package_id="${accessPackageId}",`),
            line(`description="Created by the ${label} program",`),
            line(`display_name="${label} policy",`),
            line("allowed_target_scope=entra.AllowedTargetScope.ALL_MEMBER_USERS,"),
            line(`"enable_targets_to_self_add_access": ${selfAdd === "true" ? "True" : "False"},`),
            line("opts = pulumi.ResourceOptions(protect=True))"),
        ],
    },
    go: {
        start: "package main\n",
        file: "main.go",
        check: (file) => assert.equal(execFileSync("gofmt", ["-l", file], { encoding: "utf8" }), ""),
        declares: ({ label, accessPackageId, selfAdd }) => [
            line('_, err := entra.NewAccessPackageAssignmentPolicy(ctx, "imported", &entra.AccessPackageAssignmentPolicyArgs{'),
            goField("AccessPackageId", `pulumi.String("${accessPackageId}")`),
            goField("Description", `pulumi.String("Created by the ${label} program")`),
            goField("DisplayName", `pulumi.String("${label} policy")`),
            goField("AllowedTargetScope", "entra.AllowedTargetScopeAllMemberUsers"),
            goField("EnableTargetsToSelfAddAccess", `pulumi.Bool(${selfAdd})`),
            line("}, pulumi.Protect(true))"),
        ],
    },
};

/**
 * Asserts that `output`, what `pulumi import` printed, ends with `host`'s program declaring `policy`, and that the
 * program passes the language's check in `directory`.
 */
function assertGeneratedCode(host: string, output: string, policy: ImportedPolicy, directory: string): void {
    const generated = GENERATED_CODE[host];
    const start = output.indexOf(generated.start);
    assert.notEqual(start, -1, `pulumi import printed no ${policy.label} program:\n${output}`);
    const code = output.slice(start);
    for (const declaration of generated.declares(policy)) assert.match(code, declaration);
    const file = path.join(directory, generated.file);
    fs.writeFileSync(file, code);
    generated.check(file);
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
    let selfAdd = "";
    return {
        label,
        project,
        describe: describeWithHost(host),
        prepare: () => projects.prepare(newDirectory),
        dispose: () => {
            for (const dir of temporary) fs.rmSync(dir, { recursive: true, force: true });
        },
        createProject: (pluginDir) => projects.create(project, pluginDir),
        breakDuration: async (_dir, _pluginDir, stack) => {
            await stack.setConfig({ [duration]: "P2X" });
            return () => stack.setConfig({ [duration]: "" });
        },
        importProject: (pluginDir, settings) => {
            selfAdd = settings.selfAdd;
            return {
                dir: projects.create(project, pluginDir),
                config: Object.fromEntries(
                    Object.entries({ ...settings, resourceName: "imported" }).map(([key, value]) => [`${project}:${key}`, value]),
                ),
                flags: [],
            };
        },
        // The program already declares the policy, from its config; the code the host generated is only checked.
        adoptImport: (_dir, _pluginDir, output, accessPackageId) =>
            assertGeneratedCode(host, output, { label, accessPackageId, selfAdd }, newDirectory(`${project}-generated`)),
    };
}
