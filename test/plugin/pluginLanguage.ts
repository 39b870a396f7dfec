/**
 * What the plugin's lifecycle scenario (pluginScenario.ts) needs from a language: a project running the policy program
 * written in it, and how a policy imported by `pulumi import` becomes part of a program.
 */
import type { PulumiCli } from "../harness";

export interface PluginLanguage {
    /** The language as the suite's titles and the program's display name say it: `YAML`, `TypeScript`, `Python`, `Go`. */
    label: string;
    /** The project's name, which qualifies its config keys. */
    project: string;
    /** `describeWithCli`, skipped (failed under CI) when the language's toolchain is missing. */
    describe(title: string, body: (this: Mocha.Suite) => void): Mocha.Suite;
    /** Work done once per suite before its first stack (a venv, an SDK, a build); allowed minutes. */
    prepare(): Promise<void>;
    /** Removes what `prepare` made, after the suite's stacks are gone. */
    dispose(): void;
    /**
     * A new project directory named `project` whose program declares the policy `policy` from the stack's config:
     * `accessPackageId`, and optionally `description` and `selfAdd`.
     */
    createProject(pluginDir: string): string;
    /**
     * Makes the program in `dir` declare `expiration.duration: P2X`, which check refuses; the returned function
     * undoes it.
     */
    breakDuration(dir: string, pluginDir: string, stack: PulumiCli): Promise<() => Promise<void>>;
    /**
     * The project to `pulumi import` the policy `imported` into, the config of its stack, and the import's flags
     * beyond `--yes`; `settings` are the policy's program config values (unqualified) at the time of the import.
     */
    importProject(pluginDir: string, settings: Record<string, string>): { dir: string; config: Record<string, string>; flags: string[] };
    /** After the import: makes the program in `dir` declare the imported policy, from the import's `output` if need be. */
    adoptImport(dir: string, pluginDir: string, output: string, accessPackageId: string): void | Promise<void>;
}
