/**
 * What a plugin serves and a dynamic provider cannot, through the real CLI: a resource's `customTimeouts` (the engine
 * sends them to a plugin only), which bound a write instead of `entra:operationTimeout`; and a policy read by id into
 * another program (`get`, a static `get` in the SDKs), which manages nothing.
 */
import assert from "node:assert/strict";
import * as fs from "node:fs";
import { startGraphEmulator, type RunningGraphEmulator } from "../../emulator";
import { PulumiCli } from "../harness";
import { graphCalls, POLICY, seedAccessPackage } from "../e2e/lifecycle/lifecycleStack";
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

/** A program that reads the policy `policyId` names and exports two of its properties. */
const GET_PROGRAM = `config:
  policyId:
    type: string
resources:
  existing:
    type: ${TOKEN}
    get:
      id: \${policyId}
outputs:
  description: \${existing.description}
  accessPackageId: \${existing.accessPackageId}
`;

describeWithYaml("plugin: customTimeouts and get through the real pulumi CLI", function () {
    let emulator: RunningGraphEmulator | undefined;
    let cli: PulumiCli | undefined;
    let accessPackageId = "";
    let pluginDir = "";
    const clis: PulumiCli[] = [];
    const dirs: string[] = [];

    before(async function () {
        this.timeout(5 * 60_000);
        pluginDir = pluginDirectory();
        const projectDir = yamlProject(PROJECT, pluginDir, PROGRAM);
        dirs.push(pluginDir, projectDir);
        emulator = await startGraphEmulator();
        accessPackageId = await seedAccessPackage(emulator, `${PROJECT}-package`);
        cli = await PulumiCli.create({ projectDir, config: emulatorStackConfig(emulator) });
        clis.push(cli);
        await cli.setConfig({ [`${PROJECT}:accessPackageId`]: accessPackageId, [`${PROJECT}:description`]: "First" });
        await cli.up();
    });
    after(async () => {
        for (const stack of clis) await stack.dispose();
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

    it("reads a policy by id into another program with one GET, managing nothing", async () => {
        const graph = emulator!;
        const [policy] = await graph.admin.policies();
        const projectDir = yamlProject("getplugin", pluginDir, GET_PROGRAM);
        dirs.push(projectDir);
        const reader = await PulumiCli.create({ projectDir, config: emulatorStackConfig(graph) });
        clis.push(reader);
        await reader.setConfig({ "getplugin:policyId": policy.id });
        await graph.admin.resetLog();
        await reader.up();
        assert.deepEqual(await graphCalls(graph), [`GET ${POLICY}`]);
        type Exported = { type: string; external?: boolean; outputs?: Record<string, unknown> };
        const { resources } = ((await reader.exportState()) as { deployment: { resources: Exported[] } }).deployment;
        assert.deepEqual(
            resources.filter((resource) => resource.type === TOKEN).map((resource) => resource.external),
            [true],
        );
        const stack = resources.find((resource) => resource.type === "pulumi:pulumi:Stack");
        assert.deepEqual(stack?.outputs, { description: policy.properties.description, accessPackageId });

        await graph.admin.resetLog();
        await reader.destroy();
        assert.deepEqual(await graphCalls(graph), []);
        assert.ok(await graph.admin.get("assignmentPolicies", policy.id), "destroying the reader deleted the policy");
    });
});
