import * as assert from "node:assert/strict";
import { execFile, spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { promisify } from "node:util";
import { startGraphEmulator, type RunningGraphEmulator } from "../../emulator";
import { Engine } from "../harness";
import { emulatorStackConfig } from "../support/emulatorStackConfig";
import { newAccessPackage, tenantPolicyNames } from "../support/providerOnEmulator";
import { npm, packRepository, REPO_ROOT } from "./npmPack";

const PACKAGE = "pulumi-entra-assignment-policy";
const PROGRAMS = path.join(__dirname, "consumer-programs");
const devDependencies = (JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "package.json"), "utf8")) as { devDependencies: Record<string, string> }).devDependencies;
const TESTED_PULUMI = devDependencies["@pulumi/pulumi"];

/** A user's project of each kind: its folder under consumer-programs/ and the program `pulumi up` would run. */
const VARIANTS = [
    { name: "TypeScript", folder: "ts", program: "index.ts", typeScript: true },
    { name: "JavaScript", folder: "js", program: "index.js", typeScript: false },
] as const;

/** The `npm install` command of README's "Install" section, as npm arguments (without the leading `npm`). */
function readmeInstallArgs(): string[] {
    const readme = fs.readFileSync(path.join(REPO_ROOT, "README.md"), "utf8");
    const section = /^## Install\n([\s\S]*?)^## /m.exec(readme)?.[1] ?? "";
    const command = /^```sh\n(npm install [^\n]+)\n/m.exec(section)?.[1];
    if (!command) throw new Error("README.md has no ```sh block starting with npm install in its ## Install section");
    return command.trim().split(/\s+/).slice(1);
}

/**
 * A fresh Pulumi project in `dir`, as `pulumi new` leaves it (Pulumi.yaml, an `npm init` package.json, the program;
 * for TypeScript also tsconfig.json and the compiler as devDependencies), into which README's install command is run
 * with the packed tarball in place of the registry name.
 */
async function createProject(dir: string, variant: (typeof VARIANTS)[number], tarball: string): Promise<void> {
    fs.cpSync(path.join(PROGRAMS, variant.folder), dir, { recursive: true });
    await npm(["init", "-y"], dir);
    const manifestFile = path.join(dir, "package.json");
    const manifest = JSON.parse(fs.readFileSync(manifestFile, "utf8")) as Record<string, unknown>;
    manifest.main = variant.program;
    if (variant.typeScript) manifest.devDependencies = { typescript: devDependencies.typescript, "@types/node": devDependencies["@types/node"] };
    fs.writeFileSync(manifestFile, JSON.stringify(manifest, null, 2) + "\n");
    const install = readmeInstallArgs().map((arg) => (arg === PACKAGE ? tarball : arg));
    // The local npm cache serves what it holds, so the test needs no registry round trip for it.
    await npm([...install, "--prefer-offline", "--no-audit", "--no-fund"], dir);
}

/** Every installed copy of `name` in a node_modules tree, following nested node_modules folders only. */
function installedCopies(nodeModules: string, name: string): string[] {
    if (!fs.existsSync(nodeModules)) return [];
    const found = fs.existsSync(path.join(nodeModules, name, "package.json")) ? [path.join(nodeModules, name)] : [];
    for (const entry of fs.readdirSync(nodeModules)) {
        const packages = entry.startsWith("@") ? fs.readdirSync(path.join(nodeModules, entry)).map((scoped) => path.join(entry, scoped)) : [entry];
        for (const pkg of packages) found.push(...installedCopies(path.join(nodeModules, pkg, "node_modules"), name));
    }
    return found;
}

/** Runs `fn` while this repository's build output is out of reach, so only the installed copy can serve. */
async function withoutRepositoryBuild<T>(fn: () => Promise<T>): Promise<T> {
    const dist = path.join(REPO_ROOT, "dist");
    const hidden = `${dist}.hidden-by-consumer-test-${process.pid}`;
    fs.renameSync(dist, hidden);
    try {
        return await fn();
    } finally {
        fs.renameSync(hidden, dist);
    }
}

/**
 * What a user does: run README's `npm install` in an existing Pulumi project outside this repository, then deploy a
 * TypeScript or a JavaScript program that knows the package only by name. Each project is its own install.
 */
describe("the packed package installed into a user's Pulumi projects", function () {
    this.timeout(300_000);
    let emulator: RunningGraphEmulator;
    let accessPackageId: string;
    let workDir: string;
    let tarball: string;

    before(async () => {
        emulator = await startGraphEmulator();
        accessPackageId = await newAccessPackage(emulator, "consumer");
        workDir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "entra-consumer-")));
        const packDir = path.join(workDir, "pack");
        fs.mkdirSync(packDir);
        tarball = path.join(packDir, (await packRepository(packDir)).filename);
    });

    after(async () => {
        await emulator?.close();
        if (workDir) fs.rmSync(workDir, { recursive: true, force: true });
    });

    it("shows in README an install command that pins the tested @pulumi/pulumi exactly", () => {
        const args = readmeInstallArgs();
        assert.deepEqual(args.filter((arg) => !arg.startsWith("-")), ["install", PACKAGE, `@pulumi/pulumi@${TESTED_PULUMI}`]);
        assert.ok(args.includes("--save-exact"), `README installs without --save-exact: npm ${args.join(" ")}`);
    });

    for (const variant of VARIANTS) {
        describe(`a ${variant.name} project`, () => {
            let projectDir: string;

            before(async () => {
                projectDir = path.join(workDir, `entra-consumer-${variant.folder}`);
                fs.mkdirSync(projectDir);
                await createProject(projectDir, variant, tarball);
            });

            it("installs a copy of the package (not a link here) beside one @pulumi/pulumi at the pinned version, without running the clone-only prepare script", () => {
                const installed = path.join(projectDir, "node_modules", PACKAGE);
                assert.equal(fs.lstatSync(installed).isSymbolicLink(), false);
                // prepare (scripts/link-self.js) is not shipped; had npm run it, it would have failed or linked here.
                assert.equal(fs.existsSync(path.join(installed, "node_modules")), false);
                const pulumiDir = path.join(projectDir, "node_modules", "@pulumi", "pulumi");
                assert.deepEqual(installedCopies(path.join(projectDir, "node_modules"), "@pulumi/pulumi"), [pulumiDir]);
                assert.equal(require.resolve("@pulumi/pulumi", { paths: [installed] }), require.resolve("@pulumi/pulumi", { paths: [projectDir] }));
                const { dependencies } = JSON.parse(fs.readFileSync(path.join(projectDir, "package.json"), "utf8")) as { dependencies: Record<string, string> };
                assert.equal(dependencies["@pulumi/pulumi"], TESTED_PULUMI);
                assert.match(dependencies[PACKAGE], /^file:.*\.tgz$/);
                assert.equal((JSON.parse(fs.readFileSync(path.join(pulumiDir, "package.json"), "utf8")) as { version: string }).version, TESTED_PULUMI);
            });

            if (variant.typeScript) {
                it("type-checks the program against the shipped declarations with the user's compiler", async () => {
                    const tsc = path.join(projectDir, "node_modules", "typescript", "bin", "tsc");
                    await promisify(execFile)(process.execPath, [tsc, "--noEmit", "-p", projectDir], { cwd: projectDir }).catch((error: { stdout?: string; message: string }) => {
                        throw new Error(`tsc failed: ${error.stdout || error.message}`);
                    });
                });
            }

            it("runs preview, up, a no-op up and destroy through the installed package", async () => {
                const engine = new Engine({
                    projectDir,
                    program: path.join(projectDir, variant.program),
                    config: emulatorStackConfig(emulator),
                    env: { CONSUMER_ACCESS_PACKAGE_ID: accessPackageId },
                });
                const displayName = `entra-consumer-${variant.folder} dev`;
                const context = (): string => `host stderr:\n${engine.hostStderr}`;
                const graphCalls = async (): Promise<string[]> => (await emulator.admin.requests()).map((entry) => `${entry.method} ${entry.route ?? entry.path}`);

                await emulator.admin.resetLog();
                // A second @pulumi/pulumi would register the resource with a runtime the program's mocks never see.
                const plan = await engine.preview();
                assert.deepEqual(plan.errors, [], context());
                assert.deepEqual(plan.steps.map((step) => step.op), ["create"]);
                assert.deepEqual(await graphCalls(), [], "preview of a new stack sent Graph requests");

                const created = await engine.up();
                assert.deepEqual(created.errors, [], context());
                assert.deepEqual(await tenantPolicyNames(emulator, accessPackageId).then((names) => names.filter((name) => name === displayName)), [displayName]);
                const [entry] = engine.state.resources;
                const serialized = engine.reveal(entry.inputs).value.__provider;
                assert.equal(typeof serialized, "string");
                assert.match(serialized as string, /"pulumi-entra-assignment-policy\/implementation"/);
                for (const local of [REPO_ROOT, workDir, "/dist/"]) assert.ok(!(serialized as string).includes(local), `__provider names ${local}`);
                assert.equal(engine.reveal(entry.outputs).value.__provider, serialized);

                // Without a refresh an unchanged policy is decided from state alone: not even a GET.
                await emulator.admin.resetLog();
                const again = await engine.up();
                assert.deepEqual(again.steps.map((step) => step.op), ["same"]);
                assert.deepEqual(await graphCalls(), [], "a no-op up sent Graph requests");

                await withoutRepositoryBuild(() => engine.destroy());
                assert.deepEqual(engine.state.resources, []);
                assert.ok(!(await tenantPolicyNames(emulator, accessPackageId)).includes(displayName));
            });

            if (!variant.typeScript) {
                it("runs its bin through npx: --version, export --help, and an emulator serving Graph until SIGTERM", async () => {
                    const { stdout: version } = await promisify(execFile)("npx", ["--no", "--", PACKAGE, "--version"], { cwd: projectDir });
                    assert.equal(version.trim(), (JSON.parse(fs.readFileSync(path.join(projectDir, "node_modules", PACKAGE, "package.json"), "utf8")) as { version: string }).version);
                    const { stdout: exportHelp } = await promisify(execFile)("npx", ["--no", "--", PACKAGE, "export", "--help"], { cwd: projectDir });
                    assert.match(exportHelp, /^Usage: pulumi-entra-assignment-policy export /);

                    // Its own process group, so one signal reaches npx, its shell and the emulator behind them.
                    const child = spawn("npx", ["--no", "--", PACKAGE, "emulator"], { cwd: projectDir, detached: true, stdio: ["ignore", "pipe", "pipe"] });
                    const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
                    try {
                        const { url, token } = await new Promise<{ url: string; token: string }>((resolve, reject) => {
                            let out = "";
                            let err = "";
                            child.stderr.setEncoding("utf8").on("data", (chunk: string) => (err += chunk));
                            child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
                                out += chunk;
                                const url = /^GRAPH_URL=(\S+)$/m.exec(out)?.[1];
                                const token = /^GRAPH_TOKEN=(\S+)$/m.exec(out)?.[1];
                                if (url && token) resolve({ url, token });
                            });
                            child.once("exit", (code) => reject(new Error(`emulator exited with ${code} before printing its URL and token: ${out}${err}`)));
                        });
                        const policies = `${url}/v1.0/identityGovernance/entitlementManagement/assignmentPolicies`;
                        const authorized = await fetch(policies, { headers: { Authorization: `Bearer ${token}` } });
                        assert.equal(authorized.status, 200);
                        assert.ok(Array.isArray(((await authorized.json()) as { value: unknown }).value));
                        assert.equal((await fetch(policies)).status, 401);
                    } finally {
                        if (child.exitCode === null) process.kill(-child.pid!, "SIGTERM");
                    }
                    await exited;
                });
            }
        });
    }
});
