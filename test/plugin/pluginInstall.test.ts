/**
 * The plugin as a user of another Pulumi language installs it: scripts/pack-plugin.sh packs the release tarball,
 * `pulumi plugin install --file` unpacks it into PULUMI_HOME, and a YAML program whose project names no plugin path
 * runs with it against the emulator.
 */
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { startGraphEmulator, type RunningGraphEmulator } from "../../emulator";
import { PulumiCli } from "../harness";
import { ACCESS_PACKAGE, graphCalls, POLICIES, POLICY, seedAccessPackage } from "../e2e/lifecycle/lifecycleStack";
import { emulatorStackConfig } from "../support/emulatorStackConfig";
import { describeWithYaml } from "./pluginProject";
import { TOKEN } from "./pluginScenario";

const ROOT = path.resolve(__dirname, "../..");
const VERSION = (require("../../package.json") as { version: string }).version;
const PLUGIN = "pulumi-resource-entra";
const PROJECT = "installedplugin";

// No `plugins` key: the engine has to find `entra` among the installed plugins.
const PROJECT_FILE = `name: ${PROJECT}
runtime: yaml
config:
  accessPackageId:
    type: string
resources:
  policy:
    type: ${TOKEN}
    properties:
      accessPackageId: \${accessPackageId}
      displayName: Installed plugin policy
      description: Created through the installed plugin
      allowedTargetScope: allMemberUsers
      requestorSettings:
        enableTargetsToSelfAddAccess: true
      requestApprovalSettings:
        isApprovalRequiredForAdd: false
outputs:
  policyId: \${policy.id}
`;

/** Runs `command`; its stdout, or a rejection carrying its stderr. */
function run(command: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<string> {
    return new Promise((resolve, reject) => {
        execFile(command, args, { env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
            if (error) reject(new Error(`${command} ${args.join(" ")} failed: ${stderr || stdout || error.message}`));
            else resolve(stdout);
        });
    });
}

/**
 * PATH without the directories that hold a `pulumi-resource-entra` (npx puts this package's own node_modules/.bin
 * there), since the engine would take the plugin from PATH before the installed one.
 */
function pathWithoutPlugin(): string {
    const dirs = (process.env.PATH ?? "").split(path.delimiter);
    return dirs.filter((dir) => dir !== "" && !fs.existsSync(path.join(dir, PLUGIN))).join(path.delimiter);
}

describeWithYaml("plugin: installed from the release tarball by pulumi plugin install", function () {
    const dirs: string[] = [];
    let env: NodeJS.ProcessEnv = {};
    let emulator: RunningGraphEmulator | undefined;
    let cli: PulumiCli | undefined;
    let projectDir = "";

    function tempDir(prefix: string): string {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
        dirs.push(dir);
        return dir;
    }

    before(async function () {
        this.timeout(15 * 60_000);
        const packed = await run(path.join(ROOT, "scripts/pack-plugin.sh"), [tempDir("entra-release-")]);
        const tarball = packed.trim().split("\n").pop()!;
        assert.equal(path.basename(tarball), `${PLUGIN}-v${VERSION}-${os.platform()}-${os.arch() === "x64" ? "amd64" : os.arch()}.tar.gz`);

        env = { PULUMI_HOME: tempDir("pulumi-home-"), PATH: pathWithoutPlugin() };
        await run("pulumi", ["plugin", "install", "resource", "entra", VERSION, "--file", tarball], env);

        projectDir = tempDir(`${PROJECT}-`);
        fs.writeFileSync(path.join(projectDir, "Pulumi.yaml"), PROJECT_FILE);
        emulator = await startGraphEmulator();
        const accessPackageId = await seedAccessPackage(emulator, `${PROJECT}-package`);
        const config = { ...emulatorStackConfig(emulator), [`${PROJECT}:accessPackageId`]: accessPackageId };
        cli = await PulumiCli.create({ projectDir, env, config });
    });
    beforeEach(() => emulator?.admin.resetLog());
    after(async () => {
        await cli?.dispose();
        await emulator?.close();
        for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
    });

    it("is listed by pulumi plugin ls, with no other copy on the PATH the CLI runs with", async () => {
        const listed = await run("pulumi", ["plugin", "ls", "--json"], env);
        const plugins = (JSON.parse(listed) as { name: string; kind: string; version: string }[]).map(
            (plugin) => `${plugin.kind} ${plugin.name} ${plugin.version}`,
        );
        assert.deepEqual(plugins, [`resource entra ${VERSION}`]);
        const onPath = env.PATH!.split(path.delimiter).filter((dir) => fs.existsSync(path.join(dir, PLUGIN)));
        assert.deepEqual(onPath, []);
        assert.ok(fs.statSync(path.join(env.PULUMI_HOME!, "plugins", `resource-entra-v${VERSION}`, PLUGIN)).mode & 0o100);
    });

    it("is what the engine runs: with an empty PULUMI_HOME the same program finds no plugin", async () => {
        const bare = await PulumiCli.create({
            projectDir,
            env: { ...env, PULUMI_HOME: tempDir("pulumi-home-empty-") },
            config: { [`${PROJECT}:accessPackageId`]: "never-read" },
        });
        try {
            const { code, stdout, stderr } = await bare.tryPreview([]);
            assert.notEqual(code, 0);
            assert.match(stdout + stderr, new RegExp(`no resource plugin '${PLUGIN}' found in the workspace`));
        } finally {
            await bare.dispose();
        }
    });

    it("previews without a Graph request, creates the policy, and destroys it", async () => {
        const [stack, graph] = [cli!, emulator!];
        const plan = (await stack.preview()) as { steps?: { urn: string; op: string }[] };
        assert.deepEqual(
            (plan.steps ?? []).filter((step) => step.urn.endsWith(`::${TOKEN}::policy`)).map((step) => step.op),
            ["create"],
        );
        assert.deepEqual(await graphCalls(graph), []);

        await stack.up();
        assert.deepEqual(await graphCalls(graph), [`GET ${ACCESS_PACKAGE}`, `POST ${POLICIES}`, `PUT ${POLICY}`]);
        const [created] = await graph.admin.list("assignmentPolicies");
        assert.equal(created.properties.displayName, "Installed plugin policy");

        await stack.destroy();
        assert.deepEqual(await graph.admin.list("assignmentPolicies"), []);
    });
});
