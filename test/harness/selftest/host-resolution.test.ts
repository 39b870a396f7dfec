import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { ProviderHost } from "..";

const REAL_HOST = require.resolve("@pulumi/pulumi/cmd/dynamic-provider");

/**
 * Installs in `projectDir` an `@pulumi/pulumi` whose dynamic-provider host records where it was started from and
 * then runs the real host, so a test can tell which copy the harness started.
 */
function installRecordingPulumi(projectDir: string): string {
    const pulumiDir = path.join(projectDir, "node_modules", "@pulumi", "pulumi");
    const record = path.join(pulumiDir, "host-started.json");
    fs.mkdirSync(path.join(pulumiDir, "cmd", "dynamic-provider"), { recursive: true });
    fs.writeFileSync(path.join(pulumiDir, "package.json"), JSON.stringify({ name: "@pulumi/pulumi", version: "3.248.0" }));
    fs.writeFileSync(
        path.join(pulumiDir, "cmd", "dynamic-provider", "index.js"),
        [
            `require("node:fs").writeFileSync(${JSON.stringify(record)}, JSON.stringify({ cwd: process.cwd() }));`,
            `require(${JSON.stringify(REAL_HOST)});`,
        ].join("\n"),
    );
    return record;
}

async function startAndStop(projectDir: string): Promise<void> {
    const host = await ProviderHost.start({ projectDir, project: "host-resolution", stack: "dev", config: {} });
    await host.stop();
}

describe("engine harness: which @pulumi/pulumi runs the dynamic-provider host", () => {
    let dir: string;

    before(() => {
        dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "host-resolution-")));
    });

    after(() => {
        if (dir) fs.rmSync(dir, { recursive: true, force: true });
    });

    it("starts the copy installed in the project, not the harness's own, as the engine's plugin shim does", async () => {
        const project = path.join(dir, "own-copy");
        const record = installRecordingPulumi(project);

        await startAndStop(project);

        assert.ok(fs.existsSync(record), "the harness started its own @pulumi/pulumi instead of the project's");
        assert.deepEqual(JSON.parse(fs.readFileSync(record, "utf8")), { cwd: project });
    });

    it("finds the copy in a folder above the project directory, the way Node resolves from the program", async () => {
        const workspace = path.join(dir, "workspace");
        const record = installRecordingPulumi(workspace);
        const project = path.join(workspace, "stacks", "dev");
        fs.mkdirSync(project, { recursive: true });

        await startAndStop(project);

        assert.deepEqual(JSON.parse(fs.readFileSync(record, "utf8")), { cwd: project });
    });

    it("refuses to start a host for a project without @pulumi/pulumi, naming the directory", async () => {
        const project = path.join(dir, "no-pulumi");
        fs.mkdirSync(project);

        await assert.rejects(startAndStop(project), (error: Error) => {
            assert.match(error.message, /@pulumi\/pulumi is not installed in /);
            assert.ok(error.message.includes(project), error.message);
            return true;
        });
    });
});
