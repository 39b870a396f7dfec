/**
 * A resource's `customTimeouts` through the real CLI: the engine sends them to a plugin (never to a dynamic provider),
 * and the plugin bounds the write by them instead of by `entra:operationTimeout`.
 */
import assert from "node:assert/strict";
import * as fs from "node:fs";
import { startGraphEmulator, type RunningGraphEmulator } from "../../emulator";
import { PulumiCli } from "../harness";
import { seedAccessPackage } from "../e2e/lifecycle/lifecycleStack";
import { emulatorStackConfig } from "../support/emulatorStackConfig";
import { describeWithYaml, pluginDirectory, yamlProject } from "./pluginProject";
import { TOKEN } from "./pluginScenario";

const PROJECT = "timedplugin";

const PROGRAM = `config:
  accessPackageId:
    type: string
  description:
    type: string
resources:
  policy:
    type: ${TOKEN}
    properties:
      accessPackageId: \${accessPackageId}
      displayName: Timed policy
      description: \${description}
      allowedTargetScope: allMemberUsers
      requestorSettings: {}
      requestApprovalSettings: {}
    options:
      customTimeouts:
        update: 1s
`;

describeWithYaml("plugin: customTimeouts through the real pulumi CLI", function () {
    let emulator: RunningGraphEmulator | undefined;
    let cli: PulumiCli | undefined;
    const dirs: string[] = [];

    before(async function () {
        this.timeout(5 * 60_000);
        const pluginDir = pluginDirectory();
        const projectDir = yamlProject(PROJECT, pluginDir, PROGRAM);
        dirs.push(pluginDir, projectDir);
        emulator = await startGraphEmulator();
        const accessPackageId = await seedAccessPackage(emulator, `${PROJECT}-package`);
        cli = await PulumiCli.create({ projectDir, config: emulatorStackConfig(emulator) });
        await cli.setConfig({ [`${PROJECT}:accessPackageId`]: accessPackageId, [`${PROJECT}:description`]: "First" });
        await cli.up();
    });
    after(async () => {
        await cli?.dispose();
        await emulator?.close();
        for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
    });

    it("an update whose PUT Graph answers after the custom timeout fails within it, and succeeds once Graph is quick", async () => {
        const [stack, graph] = [cli!, emulator!];
        // Within entra:requestTimeout (5 s) and entra:operationTimeout (15 s), beyond the program's `update: 1s`.
        const slow = await graph.admin.addFault({ kind: "latency", ms: 2000, method: "PUT", pathRegex: "/assignmentPolicies/[^/]+$" });
        await stack.setConfig({ [`${PROJECT}:description`]: "Second" });
        try {
            const before = stack.transcript.length;
            await assert.rejects(stack.up());
            assert.match(
                stack.transcript.slice(before),
                /updating access package assignment policy "Timed policy".*timed out after 1 attempt/,
            );
        } finally {
            await graph.admin.removeFault(slow.id);
        }
        // Graph may still apply the PUT the client gave up on (the same body); the next up must succeed all the same.
        await stack.up();
        const [policy] = await graph.admin.policies();
        assert.equal(policy.properties.description, "Second");
    });
});
