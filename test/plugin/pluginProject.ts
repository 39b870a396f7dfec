/**
 * Projects that use the `entra` plugin built in dist/, for the real CLI. The engine finds the plugin through the
 * project's `plugins.providers` path rather than through PATH: the path names exactly this build for this project,
 * whatever else is installed or on PATH, and the engine warns about every plugin it takes from PATH.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describeWithCli } from "../harness";

/** The plugin executable as package.json's `bin` names it, so that the tests run what npm installs for a user. */
export const PLUGIN_MAIN = path.resolve(
    __dirname,
    "../..",
    (require("../../package.json") as { bin: Record<string, string> }).bin["pulumi-resource-entra"],
);

/** Where each language host the suites need comes from, for the reason a suite is skipped. */
const HOST_SOURCES: Record<string, string> = {
    yaml: "github.com/pulumi/pulumi-yaml/cmd/pulumi-language-yaml, a Go module",
    nodejs: "tools/pulumi-language-nodejs, built by scripts/build-pulumi-cli.sh",
    python: "tools/pulumi-language-python, built by scripts/build-pulumi-cli.sh",
    go: "tools/pulumi-language-go, built by scripts/build-pulumi-cli.sh",
    dotnet: "tools/pulumi-language-dotnet (C# codegen only), built by scripts/build-pulumi-cli.sh",
};

/** Why a suite for programs in `language` is skipped when its language host is missing. */
export function noHostReason(language: string): string {
    return `pulumi-language-${language} not on PATH (${HOST_SOURCES[language]})`;
}

/**
 * `describeWithCli` for programs in `language`: also needs `pulumi-language-<language>` on PATH. Under CI a missing
 * host fails the suite, as a missing CLI does.
 */
export function describeWithHost(language: string): (title: string, body: (this: Mocha.Suite) => void) => Mocha.Suite {
    return (title, body) => {
        const available = spawnSync(`pulumi-language-${language}`, ["--help"], { stdio: "ignore" }).error === undefined;
        const reason = noHostReason(language);
        return describeWithCli(available ? title : `${title} (skipped: ${reason})`, function () {
            before(function () {
                if (available) return;
                if (process.env.CI) throw new Error(`CI is set but the suite cannot run: ${reason}`);
                this.skip();
            });
            body.call(this);
        });
    };
}

/** `describeWithHost` for Pulumi YAML programs. */
export const describeWithYaml = describeWithHost("yaml");

/**
 * A directory holding `pulumi-resource-entra` as npm installs it for a user: a launcher of the package's compiled
 * plugin (so run `npm run build` first).
 */
export function pluginDirectory(): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "entra-plugin-"));
    const launcher = path.join(dir, "pulumi-resource-entra");
    fs.writeFileSync(launcher, `#!/bin/sh\nexec node ${JSON.stringify(PLUGIN_MAIN)} "$@"\n`, { mode: 0o755 });
    return dir;
}

/** A YAML project named `name` in a new temporary directory: its header, then `program` (YAML text). */
export function yamlProject(name: string, pluginDir: string, program: string): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `${name}-`));
    writeProgram(dir, name, pluginDir, program);
    return dir;
}

/**
 * Writes the Pulumi.yaml of project `name` in `dir`, with the plugin's path: `runtime` is the YAML of its `runtime`
 * key's value, and `rest` what follows the header (a YAML program's text).
 */
export function writeProjectFile(dir: string, name: string, runtime: string, pluginDir: string, rest = ""): void {
    const header = [
        `name: ${name}`,
        `runtime:${runtime}`,
        "plugins:",
        "  providers:",
        "    - name: entra",
        `      path: ${JSON.stringify(pluginDir)}`,
        "",
    ].join("\n");
    fs.writeFileSync(path.join(dir, "Pulumi.yaml"), header + rest);
}

/** Rewrites the program of the YAML project in `dir`. */
export function writeProgram(dir: string, name: string, pluginDir: string, program: string): void {
    writeProjectFile(dir, name, " yaml", pluginDir, program);
}
