/**
 * Languages whose programs use an SDK generated from the plugin's schema by scripts/generate-sdks.sh (Python, Go):
 * the program reads its policy from the stack's config, so one program file serves every step of the scenario.
 */
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

/**
 * The scenario's language for a program on a generated SDK: its check failure is a config value (`duration`), and the
 * policy is imported into a stack whose program declares it under the name `resourceName` says.
 */
export function sdkLanguage(label: string, host: string, project: string, projects: SdkProjects): PluginLanguage {
    const temporary: string[] = [];
    const duration = `${project}:duration`;
    return {
        label,
        project,
        describe: describeWithHost(host),
        prepare: () =>
            projects.prepare((prefix) => {
                const dir = temporaryDirectory(prefix);
                temporary.push(dir);
                return dir;
            }),
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
            // Our Python and Go hosts (tools/) do not implement GenerateProgram, which writing the code would need; the
            // program already declares the policy.
            flags: ["--generate-code=false"],
        }),
        adoptImport: () => {},
    };
}
