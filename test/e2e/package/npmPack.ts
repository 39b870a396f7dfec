/** Runs `npm pack` on this repository the way a release does (its `prepack` builds `dist/` first). */
import { execFile } from "node:child_process";
import * as path from "node:path";
import { promisify } from "node:util";

/** The repository root, whose package.json is the package under test. */
export const REPO_ROOT = path.resolve(__dirname, "../../..");

/** One entry of `npm pack --json`. */
export interface PackResult {
    /** Tarball file name, e.g. `pulumi-entra-assignment-policy-0.1.0.tgz`. */
    filename: string;
    /** Files in the tarball, paths relative to the package root. */
    files: { path: string; size: number }[];
}

/** Runs npm with `args` in `cwd`; resolves with what it printed (warnings go to stderr), rejects with its stderr when it fails. */
export async function npm(args: string[], cwd: string): Promise<{ stdout: string; stderr: string }> {
    try {
        return await promisify(execFile)("npm", args, { cwd, maxBuffer: 64 * 1024 * 1024 });
    } catch (error) {
        const { stderr, message } = error as { stderr?: string; message: string };
        throw new Error(`npm ${args.join(" ")} failed in ${cwd}: ${stderr || message}`, { cause: error });
    }
}

/** Packs the repository; with a `destination` the tarball is written there, otherwise it is a dry run. */
export async function packRepository(destination?: string): Promise<PackResult> {
    const args = destination ? ["pack", "--json", "--pack-destination", destination] : ["pack", "--json", "--dry-run"];
    const { stdout } = await npm(args, REPO_ROOT);
    // Lifecycle scripts (prepack's build) may print before npm's JSON document.
    const start = stdout.indexOf("[");
    if (start < 0) throw new Error(`npm pack printed no JSON: ${stdout}`);
    const [result] = JSON.parse(stdout.slice(start)) as PackResult[];
    return result;
}
