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
 * What a user does: `npm install` the packed tarball next to `@pulumi/pulumi` in a Pulumi project outside this
 * repository, and run a TypeScript and a JavaScript program that know the package only by name. The two projects share
 * one install (`<workDir>/node_modules`), the way projects of a monorepo do.
 */
describe("the packed package installed into a user's Pulumi projects", function () {
    this.timeout(300_000);
    let emulator: RunningGraphEmulator;
    let accessPackageId: string;
    let workDir: string;

    before(async () => {
        emulator = await startGraphEmulator();
        accessPackageId = await newAccessPackage(emulator, "consumer");
        workDir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "entra-consumer-")));
        const { filename } = await packRepository(workDir);
        const manifest = {
            name: "entra-consumer",
            private: true,
            dependencies: { [PACKAGE]: `file:./${filename}`, "@pulumi/pulumi": devDependencies["@pulumi/pulumi"] },
            devDependencies: { typescript: devDependencies.typescript, "@types/node": devDependencies["@types/node"] },
        };
        fs.writeFileSync(path.join(workDir, "package.json"), JSON.stringify(manifest, null, 2));
        await npm(["install", "--prefer-offline", "--no-audit", "--no-fund"], workDir);
        fs.cpSync(PROGRAMS, workDir, { recursive: true });
    });

    after(async () => {
        await emulator?.close();
        if (workDir) fs.rmSync(workDir, { recursive: true, force: true });
    });

    it("installs a copy of the package (not a link here) beside one @pulumi/pulumi, without running the clone-only prepare script", () => {
        const installed = path.join(workDir, "node_modules", PACKAGE);
        assert.equal(fs.lstatSync(installed).isSymbolicLink(), false);
        // prepare (scripts/link-self.js) is not shipped; had npm run it, it would have failed or linked here.
        assert.equal(fs.existsSync(path.join(installed, "node_modules")), false);
        assert.deepEqual(installedCopies(path.join(workDir, "node_modules"), "@pulumi/pulumi"), [path.join(workDir, "node_modules", "@pulumi", "pulumi")]);
        const fromPackage = require.resolve("@pulumi/pulumi", { paths: [installed] });
        assert.equal(fromPackage, require.resolve("@pulumi/pulumi", { paths: [path.join(workDir, "ts")] }));
    });

    it("type-checks a TypeScript program against the shipped declarations with the user's compiler", async () => {
        const tsc = path.join(workDir, "node_modules", "typescript", "bin", "tsc");
        await promisify(execFile)(process.execPath, [tsc, "--noEmit", "-p", path.join(workDir, "ts")], { cwd: workDir }).catch((error: { stdout?: string; message: string }) => {
            throw new Error(`tsc failed: ${error.stdout || error.message}`);
        });
    });

    for (const [variant, program] of [["TypeScript", "ts/index.ts"], ["JavaScript", "js/index.js"]] as const) {
        it(`runs preview, up, a no-op up and destroy of a ${variant} program through the installed package`, async () => {
            const projectDir = path.join(workDir, path.dirname(program));
            const engine = new Engine({
                projectDir,
                program: path.join(workDir, program),
                config: emulatorStackConfig(emulator),
                env: { CONSUMER_ACCESS_PACKAGE_ID: accessPackageId },
            });
            const displayName = `entra-consumer-${path.dirname(program)} dev`;
            const context = (): string => `host stderr:\n${engine.hostStderr}`;

            // A second @pulumi/pulumi would register the resource with a runtime the program's mocks never see.
            const plan = await engine.preview();
            assert.deepEqual(plan.errors, [], context());
            assert.deepEqual(plan.steps.map((step) => step.op), ["create"]);

            const created = await engine.up();
            assert.deepEqual(created.errors, [], context());
            assert.deepEqual(await tenantPolicyNames(emulator, accessPackageId).then((names) => names.filter((name) => name === displayName)), [displayName]);
            const [entry] = engine.state.resources;
            const serialized = engine.reveal(entry.inputs).value.__provider;
            assert.equal(typeof serialized, "string");
            assert.match(serialized as string, /"pulumi-entra-assignment-policy\/implementation"/);
            for (const local of [REPO_ROOT, workDir, "/dist/"]) assert.ok(!(serialized as string).includes(local), `__provider names ${local}`);
            assert.equal(engine.reveal(entry.outputs).value.__provider, serialized);

            await emulator.admin.resetLog();
            const again = await engine.up();
            assert.deepEqual(again.steps.map((step) => step.op), ["same"]);
            assert.deepEqual((await emulator.admin.requests()).filter((request) => request.method !== "GET"), []);

            await withoutRepositoryBuild(() => engine.destroy());
            assert.deepEqual(engine.state.resources, []);
            assert.ok(!(await tenantPolicyNames(emulator, accessPackageId)).includes(displayName));
        });
    }

    it("runs its bin through npx: --version, export --help, and an emulator serving Graph until SIGTERM", async () => {
        const cwd = path.join(workDir, "ts");
        const { stdout: version } = await promisify(execFile)("npx", ["--no", "--", PACKAGE, "--version"], { cwd });
        assert.equal(version.trim(), (JSON.parse(fs.readFileSync(path.join(workDir, "node_modules", PACKAGE, "package.json"), "utf8")) as { version: string }).version);
        const { stdout: exportHelp } = await promisify(execFile)("npx", ["--no", "--", PACKAGE, "export", "--help"], { cwd });
        assert.match(exportHelp, /^Usage: pulumi-entra-assignment-policy export /);

        // Its own process group, so one signal reaches npx, its shell and the emulator behind them.
        const child = spawn("npx", ["--no", "--", PACKAGE, "emulator"], { cwd, detached: true, stdio: ["ignore", "pipe", "pipe"] });
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
});
