/**
 * Installs the azuread plugin double the way a user installs a downloaded azuread: a release-shaped tarball
 * (`pulumi-resource-azuread-v<version>-<os>-<arch>.tar.gz`, an executable `pulumi-resource-azuread` at its root) given to
 * `pulumi plugin install resource azuread <version> --file`, into `pulumiHome`. The version is the one the program's
 * @pulumi/azuread registers its resources with, so the engine takes the double without a `plugins` entry in the
 * project. The executable is a launcher of the double's TypeScript in this checkout (ts-node, transpile only).
 */
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { promisify } from "node:util";
import { azureadVersion } from "./azureadVersion";

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, "../../../..");

function launcher(): string {
    return [
        "#!/bin/sh",
        "# The azuread TEST DOUBLE of pulumi-entra-assignment-policy's tests (test/support/fakes/azureadPlugin), not azuread.",
        `TS_NODE_PROJECT='${path.join(ROOT, "tsconfig.json")}' TS_NODE_TRANSPILE_ONLY=true exec node \\`,
        `    -r '${require.resolve("ts-node/register", { paths: [ROOT] })}' '${path.join(__dirname, "main.ts")}' "$@"`,
        "",
    ].join("\n");
}

/** Installs the double into `pulumiHome` for the program in `projectDir`; returns the version it is installed as. */
export async function installAzureadPlugin(pulumiHome: string, projectDir: string): Promise<string> {
    const version = azureadVersion(projectDir);
    const stage = fs.mkdtempSync(path.join(os.tmpdir(), "azuread-double-"));
    try {
        fs.writeFileSync(path.join(stage, "pulumi-resource-azuread"), launcher(), { mode: 0o755 });
        const arch = os.arch() === "x64" ? "amd64" : os.arch();
        const tarball = path.join(stage, `pulumi-resource-azuread-v${version}-${os.platform()}-${arch}.tar.gz`);
        await run("tar", ["-C", stage, "-czf", tarball, "pulumi-resource-azuread"]);
        await run("pulumi", ["plugin", "install", "resource", "azuread", version, "--file", tarball], {
            env: { ...process.env, PULUMI_HOME: pulumiHome },
        });
    } finally {
        fs.rmSync(stage, { recursive: true, force: true });
    }
    return version;
}
