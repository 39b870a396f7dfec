import * as assert from "node:assert/strict";
import { execFile, spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { promisify } from "node:util";
import { startGraphEmulator, type RunningGraphEmulator } from "../../../emulator";
import { describeWithCli, Engine, PulumiCli } from "../../harness";
import { graphCalls } from "../lifecycle/lifecycleStack";
import { deployAndDestroyWithCli } from "../../support/cliStack";
import { emulatorStackConfig } from "../../support/emulatorStackConfig";
import { newAccessPackage, tenantPolicyNames } from "../../support/providerOnEmulator";
import { npm, packRepository, REPO_ROOT } from "./npmPack";

const PACKAGE = "pulumi-entra-assignment-policy";
const PROGRAMS = path.join(__dirname, "consumer-programs");
const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "package.json"), "utf8")) as {
    version: string;
    repository: { url: string };
    scripts: Record<string, string>;
    devDependencies: Record<string, string>;
};
const TESTED_PULUMI = manifest.devDependencies["@pulumi/pulumi"];

/** A user's project of each kind: its folder under consumer-programs/ and the program `pulumi up` would run. */
const TYPESCRIPT = { name: "TypeScript", folder: "ts", program: "index.ts", typeScript: true } as const;
const JAVASCRIPT = { name: "JavaScript", folder: "js", program: "index.js", typeScript: false } as const;
type Variant = typeof TYPESCRIPT | typeof JAVASCRIPT;

/** Where README's Install section gets the package from: the repository's git URL, or a tarball `npm pack` made. */
type Source = "git" | "tarball";

/**
 * The projects under test. Both kinds install the tarball; a git install clones, installs devDependencies and builds
 * (about a minute), so one TypeScript project stands for it.
 */
const PROJECTS: { variant: Variant; source: Source }[] = [
    { variant: TYPESCRIPT, source: "tarball" },
    { variant: JAVASCRIPT, source: "tarball" },
    { variant: TYPESCRIPT, source: "git" },
];

/** Whether an `npm install` argument is the package argument of a command of this source. */
const IS_PACKAGE_ARGUMENT: Record<Source, (arg: string) => boolean> = {
    git: (arg) => arg.startsWith("git+"),
    tarball: (arg) => arg.endsWith(".tgz"),
};

/** The `npm install` commands of README's "Install" section, as npm arguments (without the leading `npm`), by source. */
function readmeInstallArgs(): Record<Source, string[]> {
    const readme = fs.readFileSync(path.join(REPO_ROOT, "README.md"), "utf8");
    const section = /^## Install\n([\s\S]*?)^## /m.exec(readme)?.[1] ?? "";
    const commands = [...section.matchAll(/^```sh\n(npm install [^\n]+)\n/gm)].map((match) => match[1].trim().split(/\s+/).slice(1));
    const git = commands.find((args) => args.some(IS_PACKAGE_ARGUMENT.git));
    const tarball = commands.find((args) => args.some(IS_PACKAGE_ARGUMENT.tarball));
    if (!git || !tarball)
        throw new Error("README.md's ## Install section needs a ```sh block with npm install from a git+ URL and one from a .tgz");
    return { git, tarball };
}

/**
 * A clone of the commit under test, as the `git+file:` URL npm installs from. It holds HEAD, so only committed work
 * is installed.
 */
async function cloneOfHead(dir: string): Promise<string> {
    const git = async (args: string[], cwd: string): Promise<string> => (await promisify(execFile)("git", args, { cwd })).stdout.trim();
    const head = await git(["rev-parse", "HEAD"], REPO_ROOT);
    await git(["init", "--quiet", dir], REPO_ROOT);
    await git(["fetch", "--quiet", REPO_ROOT, "HEAD:refs/heads/under-test"], dir);
    // npm reads the clone's refs through its HEAD, which `git init` leaves pointing at an unborn branch.
    await git(["symbolic-ref", "HEAD", "refs/heads/under-test"], dir);
    return `git+file://${dir}#${head}`;
}

/**
 * A fresh Pulumi project in `dir`, as `pulumi new` leaves it (Pulumi.yaml, an `npm init` package.json, the program;
 * for TypeScript also tsconfig.json and the compiler as devDependencies), into which README's install command for
 * `source` is run with `spec` (the local tarball or clone) in place of the package argument. Resolves with what npm
 * printed on stderr.
 */
async function createProject(dir: string, variant: Variant, source: Source, spec: string): Promise<string> {
    fs.cpSync(path.join(PROGRAMS, variant.folder), dir, { recursive: true });
    await npm(["init", "-y"], dir);
    const manifestFile = path.join(dir, "package.json");
    const project = JSON.parse(fs.readFileSync(manifestFile, "utf8")) as Record<string, unknown>;
    project.main = variant.program;
    if (variant.typeScript)
        project.devDependencies = {
            typescript: manifest.devDependencies.typescript,
            "@types/node": manifest.devDependencies["@types/node"],
        };
    fs.writeFileSync(manifestFile, JSON.stringify(project, null, 2) + "\n");
    const install = readmeInstallArgs()[source].map((arg) => (IS_PACKAGE_ARGUMENT[source](arg) ? spec : arg));
    // The local npm cache serves what it holds, so the test needs no registry round trip for it.
    const { stderr } = await npm([...install, "--prefer-offline", "--no-audit", "--no-fund"], dir);
    return stderr;
}

/** Every installed copy of `name` in a node_modules tree, following nested node_modules folders only. */
function installedCopies(nodeModules: string, name: string): string[] {
    if (!fs.existsSync(nodeModules)) return [];
    const found = fs.existsSync(path.join(nodeModules, name, "package.json")) ? [path.join(nodeModules, name)] : [];
    for (const entry of fs.readdirSync(nodeModules)) {
        const packages = entry.startsWith("@")
            ? fs.readdirSync(path.join(nodeModules, entry)).map((scoped) => path.join(entry, scoped))
            : [entry];
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
 * What a user does: run one of README's `npm install` commands in an existing Pulumi project outside this repository,
 * then deploy a TypeScript or a JavaScript program that knows the package only by name. Each project is its own
 * install.
 */
describe("the package installed from its git repository or its packed tarball into a user's Pulumi projects", function () {
    this.timeout(600_000);
    let emulator: RunningGraphEmulator;
    let accessPackageId: string;
    let workDir: string;
    const specs = {} as Record<Source, string>;

    before(async () => {
        emulator = await startGraphEmulator();
        accessPackageId = await newAccessPackage(emulator, "consumer");
        workDir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "entra-consumer-")));
        const packDir = path.join(workDir, "pack");
        fs.mkdirSync(packDir);
        specs.tarball = path.join(packDir, (await packRepository(packDir)).filename);
        specs.git = await cloneOfHead(path.join(workDir, "clone"));
    });

    after(async () => {
        await emulator?.close();
        if (workDir) fs.rmSync(workDir, { recursive: true, force: true });
    });

    it("shows in README one install command from the repository's git URL and one from the npm pack tarball, each pinning the tested @pulumi/pulumi exactly", () => {
        const commands = readmeInstallArgs();
        const packages: Record<Source, string> = { git: manifest.repository.url, tarball: `./${path.basename(specs.tarball)}` };
        for (const source of ["git", "tarball"] as const) {
            const args = commands[source];
            assert.deepEqual(
                args.filter((arg) => !arg.startsWith("-")),
                ["install", packages[source], `@pulumi/pulumi@${TESTED_PULUMI}`],
            );
            assert.ok(args.includes("--save-exact"), `README installs without --save-exact: npm ${args.join(" ")}`);
        }
        assert.equal(path.basename(specs.tarball), `${PACKAGE}-${manifest.version}.tgz`);
    });

    it("packs a manifest without scripts, and leaves the repository's package.json as it was", async () => {
        const packed = JSON.parse((await promisify(execFile)("tar", ["-xOzf", specs.tarball, "package/package.json"])).stdout) as Record<
            string,
            unknown
        >;
        assert.equal(packed.scripts, undefined);
        const { scripts, ...rest } = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "package.json"), "utf8")) as Record<string, unknown>;
        assert.deepEqual(scripts, manifest.scripts, "package.json lost its scripts in the work tree");
        assert.deepEqual(packed, rest);
    });

    for (const { variant, source } of PROJECTS) {
        describe(`a ${variant.name} project installed from the ${source === "git" ? "git repository" : "tarball"}`, () => {
            let projectDir: string;
            let installWarnings: string;

            before(async () => {
                projectDir = path.join(workDir, `entra-consumer-${variant.folder}-${source}`);
                fs.mkdirSync(projectDir);
                installWarnings = await createProject(projectDir, variant, source, specs[source]);
            });

            it("installs a built copy of the package (not a link here) beside one @pulumi/pulumi at the pinned version", () => {
                const installed = path.join(projectDir, "node_modules", PACKAGE);
                assert.equal(fs.lstatSync(installed).isSymbolicLink(), false);
                assert.ok(fs.existsSync(path.join(installed, "dist", "provider", "index.js")), "dist/ was not built");
                // prepare (link-self, build) runs where npm builds a git source, never in the installed copy.
                assert.equal(fs.existsSync(path.join(installed, "node_modules")), false);
                const pulumiDir = path.join(projectDir, "node_modules", "@pulumi", "pulumi");
                assert.deepEqual(installedCopies(path.join(projectDir, "node_modules"), "@pulumi/pulumi"), [pulumiDir]);
                assert.equal(
                    require.resolve("@pulumi/pulumi", { paths: [installed] }),
                    require.resolve("@pulumi/pulumi", { paths: [projectDir] }),
                );
                const { dependencies } = JSON.parse(fs.readFileSync(path.join(projectDir, "package.json"), "utf8")) as {
                    dependencies: Record<string, string>;
                };
                assert.equal(dependencies["@pulumi/pulumi"], TESTED_PULUMI);
                assert.equal(dependencies[PACKAGE], source === "git" ? specs.git : `file:${path.relative(projectDir, specs.tarball)}`);
                assert.equal(
                    (JSON.parse(fs.readFileSync(path.join(pulumiDir, "package.json"), "utf8")) as { version: string }).version,
                    TESTED_PULUMI,
                );
            });

            if (source === "tarball") {
                it("installs without npm naming the package among those with install scripts", () => {
                    assert.ok(!installWarnings.includes(`${PACKAGE}@`), installWarnings);
                });
            }

            if (variant.typeScript) {
                it("type-checks the program against the shipped declarations with the user's compiler", async () => {
                    const tsc = path.join(projectDir, "node_modules", "typescript", "bin", "tsc");
                    await promisify(execFile)(process.execPath, [tsc, "--noEmit", "-p", projectDir], { cwd: projectDir }).catch(
                        (error: { stdout?: string; message: string }) => {
                            throw new Error(`tsc failed: ${error.stdout || error.message}`);
                        },
                    );
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

                await emulator.admin.resetLog();
                // A second @pulumi/pulumi would register the resource with a runtime the program's mocks never see.
                const plan = await engine.preview();
                assert.deepEqual(plan.errors, [], context());
                assert.deepEqual(
                    plan.steps.map((step) => step.op),
                    ["create"],
                );
                assert.deepEqual(await graphCalls(emulator), [], "preview of a new stack sent Graph requests");

                const created = await engine.up();
                assert.deepEqual(created.errors, [], context());
                assert.deepEqual(
                    await tenantPolicyNames(emulator, accessPackageId).then((names) => names.filter((name) => name === displayName)),
                    [displayName],
                );
                const [entry] = engine.state.resources;
                const serialized = engine.reveal(entry.inputs).value.__provider;
                assert.equal(typeof serialized, "string");
                assert.match(serialized as string, /"pulumi-entra-assignment-policy\/implementation"/);
                for (const local of [REPO_ROOT, workDir, "/dist/"])
                    assert.ok(!(serialized as string).includes(local), `__provider names ${local}`);
                assert.equal(engine.reveal(entry.outputs).value.__provider, serialized);

                // Without a refresh an unchanged policy is decided from state alone: not even a GET.
                await emulator.admin.resetLog();
                const again = await engine.up();
                assert.deepEqual(
                    again.steps.map((step) => step.op),
                    ["same"],
                );
                assert.deepEqual(await graphCalls(emulator), [], "a no-op up sent Graph requests");

                await withoutRepositoryBuild(() => engine.destroy());
                assert.deepEqual(engine.state.resources, []);
                assert.ok(!(await tenantPolicyNames(emulator, accessPackageId)).includes(displayName));
            });

            describeWithCli("through the real pulumi CLI", () => {
                let cli: PulumiCli | undefined;

                before(async () => {
                    cli = await PulumiCli.create({
                        projectDir,
                        config: emulatorStackConfig(emulator),
                        env: { CONSUMER_ACCESS_PACKAGE_ID: accessPackageId },
                    });
                });
                // After-hooks run even when the suite was skipped for want of a CLI.
                after(() => cli?.dispose());

                it("previews without a Graph request, creates the policy, writes nothing on a second up, and destroys it, all through the installed copy", async () => {
                    await withoutRepositoryBuild(() =>
                        deployAndDestroyWithCli(emulator, cli!, ["consumer-policy"], async (policies) => {
                            assert.equal(policies.get("consumer-policy")?.accessPackageId, accessPackageId);
                            assert.deepEqual(await tenantPolicyNames(emulator, accessPackageId), [`entra-consumer-${variant.folder} dev`]);
                        }),
                    );
                });
            });

            if (!variant.typeScript) {
                it("runs its bin through npx: --version, export --help, and an emulator serving Graph until SIGTERM", async () => {
                    const { stdout: version } = await promisify(execFile)("npx", ["--no", "--", PACKAGE, "--version"], { cwd: projectDir });
                    assert.equal(
                        version.trim(),
                        (
                            JSON.parse(fs.readFileSync(path.join(projectDir, "node_modules", PACKAGE, "package.json"), "utf8")) as {
                                version: string;
                            }
                        ).version,
                    );
                    const { stdout: exportHelp } = await promisify(execFile)("npx", ["--no", "--", PACKAGE, "export", "--help"], {
                        cwd: projectDir,
                    });
                    assert.match(exportHelp, /^Usage: pulumi-entra-assignment-policy export /);

                    // Its own process group, so one signal reaches npx, its shell and the emulator behind them.
                    const child = spawn("npx", ["--no", "--", PACKAGE, "emulator"], {
                        cwd: projectDir,
                        detached: true,
                        stdio: ["ignore", "pipe", "pipe"],
                    });
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
                            child.once("exit", (code) =>
                                reject(new Error(`emulator exited with ${code} before printing its URL and token: ${out}${err}`)),
                            );
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
