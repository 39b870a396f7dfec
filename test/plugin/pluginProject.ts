/**
 * Pulumi YAML projects that use the `entra` plugin built in dist/, for the real CLI. The engine finds the plugin
 * through the project's `plugins.providers` path rather than through PATH: the path names exactly this build for
 * this project, whatever else is installed or on PATH, and the engine warns about every plugin it takes from PATH.
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

/** Why the YAML suites are skipped when the language host is missing. */
export const NO_YAML_REASON = "pulumi-language-yaml not on PATH (github.com/pulumi/pulumi-yaml/cmd/pulumi-language-yaml, a Go module)";

/**
 * `describeWithCli` for programs written in Pulumi YAML: also needs `pulumi-language-yaml` on PATH. Under CI a
 * missing host fails the suite, as a missing CLI does.
 */
export function describeWithYaml(title: string, body: (this: Mocha.Suite) => void): Mocha.Suite {
    const available = spawnSync("pulumi-language-yaml", ["--help"], { stdio: "ignore" }).error === undefined;
    return describeWithCli(available ? title : `${title} (skipped: ${NO_YAML_REASON})`, function () {
        before(function () {
            if (available) return;
            if (process.env.CI) throw new Error(`CI is set but the suite cannot run: ${NO_YAML_REASON}`);
            this.skip();
        });
        body.call(this);
    });
}

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

/** Rewrites the program of the project in `dir`. */
export function writeProgram(dir: string, name: string, pluginDir: string, program: string): void {
    const header = [
        `name: ${name}`,
        "runtime: yaml",
        "plugins:",
        "  providers:",
        "    - name: entra",
        `      path: ${JSON.stringify(pluginDir)}`,
        "",
    ].join("\n");
    fs.writeFileSync(path.join(dir, "Pulumi.yaml"), header + program);
}
