/**
 * `pulumi package add <plugin executable>` through the real CLI and this repository's language hosts: the CLI asks the
 * plugin for its schema, the host generates the SDK into sdks/entra, the CLI records the package in Pulumi.yaml, the
 * host's Link ties the SDK into the project's own dependency file and its InstallDependencies installs it. The
 * lifecycle programs of the SDK suites then run on that SDK against the emulator, with the plugin's usual requests.
 */
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { promisify } from "node:util";
import { startGraphEmulator, type RunningGraphEmulator } from "../../emulator";
import { PulumiCli } from "../harness";
import { ACCESS_PACKAGE, graphCalls, POLICIES, POLICY, seedAccessPackage } from "../e2e/lifecycle/lifecycleStack";
import { emulatorStackConfig } from "../support/emulatorStackConfig";
import { describeWithHost, pluginDirectory, writeProjectFile } from "./pluginProject";
import { PROGRAMS, PULUMI_VERSION, temporaryDirectory } from "./sdkLanguage";

/** The plugin's version, which the CLI writes into Pulumi.yaml's `packages` entry. */
const PLUGIN_VERSION = (require("../../package.json") as { version: string }).version;

/** A language `pulumi package add` links the SDK into, and what it must leave in the project. */
interface LinkedLanguage {
    host: string;
    label: string;
    /** Writes the lifecycle program and the project's dependency file, before the package is added. */
    setUp(dir: string): void;
    /** The runtime key of Pulumi.yaml. */
    runtime: string;
    /** Throws unless the project's dependency file takes the SDK from sdks/entra. */
    checkLinked(dir: string): void;
    /** What the CLI must print from the host's Link. */
    instructions: string;
}

const GO: LinkedLanguage = {
    host: "go",
    label: "Go",
    runtime: " go",
    setUp: (dir) => {
        fs.copyFileSync(path.join(PROGRAMS, "go", "main.go"), path.join(dir, "main.go"));
        const goMod = `module example.com/goadd\n\ngo 1.25\n\nrequire github.com/pulumi/pulumi/sdk/v3 v${PULUMI_VERSION}\n`;
        fs.writeFileSync(path.join(dir, "go.mod"), goMod);
    },
    checkLinked: (dir) => {
        const sdkModule = /^module (.+)$/m.exec(fs.readFileSync(path.join(dir, "sdks", "entra", "go.mod"), "utf8"))![1];
        const goMod = fs.readFileSync(path.join(dir, "go.mod"), "utf8");
        assert.match(goMod, new RegExp(`^\\t${sdkModule} v0\\.0\\.0$`, "m"));
        assert.match(goMod, new RegExp(`^replace ${sdkModule} => \\./sdks/entra$`, "m"));
        assert.ok(fs.existsSync(path.join(dir, "go.sum")), "InstallDependencies tidies the module");
    },
    instructions: 'import "github.com/pulumi-entra/pulumi-entra-assignment-policy/sdk/go/entra"',
};

const PYTHON: LinkedLanguage = {
    host: "python",
    label: "Python",
    runtime: "\n  name: python\n  options:\n    virtualenv: venv",
    setUp: (dir) => {
        fs.copyFileSync(path.join(PROGRAMS, "python", "__main__.py"), path.join(dir, "__main__.py"));
        fs.writeFileSync(path.join(dir, "requirements.txt"), `pulumi==${PULUMI_VERSION}\n`);
    },
    checkLinked: (dir) => {
        assert.equal(fs.readFileSync(path.join(dir, "requirements.txt"), "utf8"), `pulumi==${PULUMI_VERSION}\n./sdks/entra\n`);
        const site = fs.readdirSync(path.join(dir, "venv", "lib")).map((python) => path.join(dir, "venv", "lib", python, "site-packages"));
        assert.ok(
            site.some((packages) => fs.existsSync(path.join(packages, "pulumi_entra", "__init__.py"))),
            "InstallDependencies pip-installs the SDK into the project's virtualenv",
        );
    },
    instructions: "import pulumi_entra as entra",
};

const NODEJS: LinkedLanguage = {
    host: "nodejs",
    label: "TypeScript",
    runtime: " nodejs",
    setUp: (dir) => {
        fs.copyFileSync(path.join(PROGRAMS, "typescript", "index.ts"), path.join(dir, "index.ts"));
        const manifest = { name: "nodejsadd", main: "index.ts", dependencies: { "@pulumi/pulumi": PULUMI_VERSION } };
        fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify(manifest, null, 4));
    },
    checkLinked: (dir) => {
        const { dependencies } = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8")) as { dependencies: object };
        assert.deepEqual(dependencies, { "@pulumi-entra/entra": "file:./sdks/entra", "@pulumi/pulumi": PULUMI_VERSION });
        assert.ok(
            fs.existsSync(path.join(dir, "node_modules", "@pulumi-entra", "entra", "bin", "index.js")),
            "InstallDependencies installs the SDK with npm, whose postinstall compiles it",
        );
    },
    instructions: 'import * as entra from "@pulumi-entra/entra";',
};

/** `pulumi package add <plugin>` in `dir`: the CLI's output. */
async function packageAdd(dir: string, plugin: string): Promise<string> {
    const env = { ...process.env, PULUMI_SKIP_UPDATE_CHECK: "true", PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true" };
    const { stdout, stderr } = await promisify(execFile)("pulumi", ["package", "add", plugin, "--non-interactive"], {
        cwd: dir,
        env,
        encoding: "utf8",
    });
    return stdout + stderr;
}

function describePackageAdd(language: LinkedLanguage): Mocha.Suite {
    const project = `${language.host}add`;
    return describeWithHost(language.host)(`plugin: pulumi package add into a ${language.label} project`, function () {
        let emulator: RunningGraphEmulator | undefined;
        let cli: PulumiCli | undefined;
        const dirs: string[] = [];
        let dir = "";
        let output = "";

        before(async function () {
            this.timeout(10 * 60_000);
            const pluginDir = pluginDirectory();
            dir = temporaryDirectory(project);
            dirs.push(pluginDir, dir);
            writeProjectFile(dir, project, language.runtime, pluginDir);
            language.setUp(dir);
            output = await packageAdd(dir, path.join(pluginDir, "pulumi-resource-entra"));
        });
        after(async () => {
            await cli?.dispose();
            await emulator?.close();
            for (const removed of dirs) fs.rmSync(removed, { recursive: true, force: true });
        });

        it("generates sdks/entra, records the package in Pulumi.yaml and links the SDK into the project", () => {
            assert.ok(fs.statSync(path.join(dir, "sdks", "entra")).isDirectory());
            assert.match(
                fs.readFileSync(path.join(dir, "Pulumi.yaml"), "utf8"),
                new RegExp(`^packages:\\n  entra: entra@${PLUGIN_VERSION}$`, "m"),
            );
            language.checkLinked(dir);
            assert.ok(output.includes(language.instructions), output);
        });

        it("previews, creates and destroys a policy with the program on the linked SDK", async function () {
            this.timeout(10 * 60_000);
            emulator = await startGraphEmulator();
            cli = await PulumiCli.create({ projectDir: dir, config: emulatorStackConfig(emulator) });
            await cli.setConfig({ [`${project}:accessPackageId`]: await seedAccessPackage(emulator, "package-add") });
            await emulator.admin.resetLog();
            await cli.preview();
            assert.deepEqual(await graphCalls(emulator), []);
            await cli.up();
            assert.deepEqual(await graphCalls(emulator), [`GET ${ACCESS_PACKAGE}`, `POST ${POLICIES}`, `PUT ${POLICY}`]);
            await emulator.admin.resetLog();
            await cli.destroy();
            assert.deepEqual(await graphCalls(emulator), [`DELETE ${POLICY}`, `GET ${POLICY}`]);
        });
    });
}

describePackageAdd(NODEJS);
describePackageAdd(GO);
describePackageAdd(PYTHON);
