import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { startGraphEmulator, type RunningGraphEmulator } from "../../../emulator";
import { describeWithCli, PulumiCli, type Engine } from "../../harness";
import {
    ACCESS_PACKAGE,
    graphCalls,
    LIFECYCLE_PROJECT,
    lifecycleCli,
    lifecycleEngine,
    POLICIES,
    POLICY,
    policyInState,
    policyUrn,
} from "./lifecycleStack";

const REPO = path.resolve(__dirname, "../../..");
const PACKAGE = "pulumi-entra-assignment-policy";

/**
 * A Pulumi project outside the repository, as a user has it: the lifecycle program, and a `node_modules` holding a
 * copy of the built package (package.json and dist/provider) next to links to the repository's other dependencies.
 */
class InstalledProject {
    readonly dir = fs.mkdtempSync(path.join(os.tmpdir(), "lifecycle-upgrade-"));
    private readonly installed = path.join(this.dir, "node_modules", PACKAGE);

    constructor() {
        fs.mkdirSync(path.join(this.dir, "node_modules"));
        for (const name of fs.readdirSync(path.join(REPO, "node_modules"))) {
            if (name === PACKAGE || name === ".bin") continue;
            fs.symlinkSync(path.join(REPO, "node_modules", name), path.join(this.dir, "node_modules", name), "dir");
        }
        for (const file of ["Pulumi.yaml", "index.ts", "knownAfterCreate.ts"])
            fs.copyFileSync(path.join(LIFECYCLE_PROJECT, file), path.join(this.dir, file));
        // Without a tsconfig.json ts-node falls back to settings TypeScript 5.9 rejects; a user's project has one too.
        fs.writeFileSync(
            path.join(this.dir, "tsconfig.json"),
            JSON.stringify({
                compilerOptions: { target: "ES2022", module: "commonjs", moduleResolution: "node", strict: true, esModuleInterop: true },
            }),
        );
    }

    /** Installs the repository's build as `version`, replacing whatever version was installed. */
    install(version: string): void {
        fs.rmSync(this.installed, { recursive: true, force: true });
        fs.mkdirSync(this.installed, { recursive: true });
        const manifest = JSON.parse(fs.readFileSync(path.join(REPO, "package.json"), "utf8"));
        fs.writeFileSync(path.join(this.installed, "package.json"), JSON.stringify({ ...manifest, version }, null, 2));
        fs.cpSync(path.join(REPO, "dist", "provider"), path.join(this.installed, "dist", "provider"), { recursive: true });
    }

    dispose(): void {
        fs.rmSync(this.dir, { recursive: true, force: true });
    }
}

describe("lifecycle: upgrading the provider package between up and destroy", function () {
    const stack = "upgrade";
    const urn = policyUrn(stack);
    let emulator: RunningGraphEmulator;
    let project: InstalledProject;
    let engine: Engine;

    before(async () => {
        emulator = await startGraphEmulator();
        project = new InstalledProject();
        engine = lifecycleEngine(emulator, stack, { projectDir: project.dir });
    });
    after(async () => {
        await emulator?.close();
        project?.dispose();
    });

    it("runs the delete with the new code: __provider names the package, so state needs no migration", async () => {
        project.install("1.0.0");
        await engine.up();
        const created = await emulator.admin.requests();
        assert.deepEqual(
            created.map((r) => `${r.method} ${r.route}`),
            [`GET ${ACCESS_PACKAGE}`, `POST ${POLICIES}`, `PUT ${POLICY}`],
        );
        assert.ok(
            created.every((r) => r.userAgent?.startsWith(`${PACKAGE}/1.0.0 `)),
            "version A created the policy",
        );
        const { id, outputs } = policyInState(engine, urn);
        const serialized = outputs.__provider as string;
        assert.match(serialized, new RegExp(`"${PACKAGE}/implementation"`));
        for (const location of [project.dir, REPO, os.tmpdir()]) assert.ok(!serialized.includes(location), `__provider names ${location}`);

        project.install("1.1.0");
        await emulator.admin.resetLog();
        // The program, now importing version B, serializes the same provider text: nothing to update, nothing sent.
        const same = await engine.up();
        assert.deepEqual(
            same.steps.map((s) => s.op),
            ["same"],
        );
        assert.deepEqual(await graphCalls(emulator), []);
        assert.equal(policyInState(engine, urn).inputs.__provider, serialized, "version B serializes the same __provider");

        await engine.destroy();

        const deleted = await emulator.admin.requests();
        assert.deepEqual(
            deleted.map((r) => `${r.method} ${r.route}`),
            [`DELETE ${POLICY}`, `GET ${POLICY}`],
        );
        assert.ok(deleted[0].path.endsWith(id));
        for (const request of deleted)
            assert.match(request.userAgent ?? "", new RegExp(`^${PACKAGE}/1\\.1\\.0 `), "version B ran the delete");
        assert.deepEqual(engine.state.resources, []);
        assert.deepEqual(await emulator.admin.policies(), []);
    });
});

describeWithCli("lifecycle: upgrading the provider package between up and destroy, through the real pulumi CLI", function () {
    let emulator: RunningGraphEmulator | undefined;
    let project: InstalledProject | undefined;
    let cli: PulumiCli | undefined;

    before(async () => {
        emulator = await startGraphEmulator();
        project = new InstalledProject();
        ({ cli } = await lifecycleCli(emulator, "upgrade-package", { projectDir: project.dir }));
    });
    after(async () => {
        await cli?.dispose();
        await emulator?.close();
        project?.dispose();
    });

    it("shows no diff after the upgrade, sends nothing on up, and runs the delete with the new version", async () => {
        const [stack, graph, installed] = [cli!, emulator!, project!];
        installed.install("1.0.0");
        await stack.up();
        const created = await graph.admin.requests();
        assert.ok(
            created.every((r) => r.userAgent?.startsWith(`${PACKAGE}/1.0.0 `)),
            "version A created the policy",
        );

        installed.install("1.1.0");
        await graph.admin.resetLog();
        const plan = (await stack.preview()) as { steps?: { op: string; urn: string }[] };
        assert.deepEqual(
            (plan.steps ?? []).filter((s) => s.urn.endsWith("::policy")).map((s) => s.op),
            ["same"],
        );
        await stack.up();
        assert.deepEqual(await graphCalls(graph), []);

        await stack.destroy();
        const deleted = await graph.admin.requests();
        assert.deepEqual(
            deleted.map((r) => `${r.method} ${r.route}`),
            [`DELETE ${POLICY}`, `GET ${POLICY}`],
        );
        for (const request of deleted)
            assert.match(request.userAgent ?? "", new RegExp(`^${PACKAGE}/1\\.1\\.0 `), "version B ran the delete");
        assert.deepEqual(await graph.admin.policies(), []);
    });
});
