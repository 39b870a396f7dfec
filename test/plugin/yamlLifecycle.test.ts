/**
 * The `entra` plugin through the real CLI with a Pulumi YAML program against the emulator: the dynamic provider's
 * lifecycle and request economy, plus what only a plugin can serve (property-level diffs, `pulumi import`).
 */
import assert from "node:assert/strict";
import * as fs from "node:fs";
import { startGraphEmulator, type RunningGraphEmulator } from "../../emulator";
import { PulumiCli } from "../harness";
import { ACCESS_PACKAGE, graphCalls, POLICIES, POLICY, seedAccessPackage } from "../e2e/lifecycle/lifecycleStack";
import { emulatorStackConfig } from "../support/emulatorStackConfig";
import { describeWithYaml, pluginDirectory, writeProgram, yamlProject } from "./pluginProject";

const TOKEN = "entra:index:AccessPackageAssignmentPolicy";
const PROJECT = "yamlplugin";

const PROGRAM = `config:
  accessPackageId:
    type: string
  description:
    type: string
    default: Created by the YAML program
  selfAdd:
    type: boolean
    default: true
resources:
  policy:
    type: ${TOKEN}
    properties:
      accessPackageId: \${accessPackageId}
      displayName: YAML policy
      description: \${description}
      allowedTargetScope: allMemberUsers
      requestorSettings:
        enableTargetsToSelfAddAccess: \${selfAdd}
      requestApprovalSettings:
        isApprovalRequiredForAdd: false
outputs:
  policyId: \${policy.id}
`;

interface Exported {
    type: string;
    id: string;
    outputs: Record<string, unknown>;
}

async function policiesInState(cli: PulumiCli): Promise<Exported[]> {
    const state = (await cli.exportState()) as { deployment?: { resources?: Exported[] } };
    return (state.deployment?.resources ?? []).filter((resource) => resource.type === TOKEN);
}

/** The steps of `pulumi preview --json --show-sames` for the policy type, as `name op`. */
async function plannedSteps(cli: PulumiCli): Promise<string[]> {
    const plan = (await cli.preview()) as { steps?: { urn: string; op: string }[] };
    return (plan.steps ?? []).filter((step) => step.urn.includes(`::${TOKEN}::`)).map((step) => `${step.urn.split("::")[3]} ${step.op}`);
}

/** `pulumi preview --diff`'s text, which must succeed. */
async function previewDiff(cli: PulumiCli): Promise<string> {
    const { code, stdout, stderr } = await cli.tryPreview(["--diff"]);
    assert.equal(code, 0, stderr);
    return stdout;
}

describeWithYaml("plugin: a Pulumi YAML program through the real pulumi CLI", function () {
    let emulator: RunningGraphEmulator | undefined;
    let cli: PulumiCli | undefined;
    const clis: PulumiCli[] = [];
    const pluginDir = pluginDirectory();
    const projectDir = yamlProject(PROJECT, pluginDir, PROGRAM);
    // Removed only after every stack on them is, since the CLI runs in the project directory.
    const dirs = [pluginDir, projectDir];
    let accessPackageId = "";

    /** Another stack on its own project directory, pointed at the emulator. */
    async function stackOn(dir: string): Promise<PulumiCli> {
        const created = await PulumiCli.create({ projectDir: dir, config: emulatorStackConfig(emulator!) });
        clis.push(created);
        return created;
    }

    before(async function () {
        emulator = await startGraphEmulator();
        accessPackageId = await seedAccessPackage(emulator, "yaml-package");
        cli = await stackOn(projectDir);
        await cli.setConfig({ [`${PROJECT}:accessPackageId`]: accessPackageId });
    });
    beforeEach(() => emulator?.admin.resetLog());
    after(async () => {
        for (const stack of clis) await stack.dispose();
        await emulator?.close();
        for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
    });

    it("previews without a Graph request, creates with the dynamic provider's requests, and a second up sends none", async () => {
        const [stack, graph] = [cli!, emulator!];
        assert.deepEqual(await plannedSteps(stack), ["policy create"]);
        assert.deepEqual(await graphCalls(graph), []);

        await stack.up();
        assert.deepEqual(await graphCalls(graph), [`GET ${ACCESS_PACKAGE}`, `POST ${POLICIES}`, `PUT ${POLICY}`]);
        const [policy] = await policiesInState(stack);
        assert.equal((await graph.admin.get("assignmentPolicies", policy.id))?.properties.displayName, "YAML policy");

        await graph.admin.resetLog();
        await stack.up();
        assert.deepEqual(await graphCalls(graph), []);
        assert.deepEqual(await plannedSteps(stack), ["policy same"]);
    });

    it("previews an update as the property path that changes, then applies it with one PUT", async () => {
        const [stack, graph] = [cli!, emulator!];
        await stack.setConfig({ [`${PROJECT}:selfAdd`]: "false" });

        const diff = await previewDiff(stack);
        assert.match(diff, /~ requestorSettings: \{\s+~ enableTargetsToSelfAddAccess: true => false\s+\}/);
        assert.doesNotMatch(diff, /description/);
        assert.deepEqual(await graphCalls(graph), []);

        await stack.up();
        assert.deepEqual(await graphCalls(graph), [`PUT ${POLICY}`]);
        const [policy] = await policiesInState(stack);
        assert.equal((policy.outputs.requestorSettings as Record<string, unknown>).enableTargetsToSelfAddAccess, false);
    });

    it("previews a move to another access package as a replacement marked on accessPackageId", async () => {
        const [stack, graph] = [cli!, emulator!];
        const other = await seedAccessPackage(graph, "yaml-package-2");
        await graph.admin.resetLog();
        await stack.setConfig({ [`${PROJECT}:accessPackageId`]: other });
        try {
            const diff = await previewDiff(stack);
            assert.match(diff, /\+-\s*entra:index:AccessPackageAssignmentPolicy: \(replace\)/);
            assert.match(diff, /~ accessPackageId: "[^"]+" => "[^"]+"/);
            assert.deepEqual(await graphCalls(graph), []);
        } finally {
            await stack.setConfig({ [`${PROJECT}:accessPackageId`]: accessPackageId });
        }
    });

    it("refresh takes drift into state with one GET, preview names the drifted property and up reverts it with one PUT", async () => {
        const [stack, graph] = [cli!, emulator!];
        const [policy] = await policiesInState(stack);
        await graph.admin.modify("assignmentPolicies", policy.id, { description: "Changed in the portal" });

        await stack.refresh();
        assert.deepEqual(await graphCalls(graph), [`GET ${POLICY}`]);
        assert.equal((await policiesInState(stack))[0].outputs.description, "Changed in the portal");

        assert.match(await previewDiff(stack), /~ description: "Changed in the portal" => "Created by the YAML program"/);
        await graph.admin.resetLog();
        await stack.up();
        assert.deepEqual(await graphCalls(graph), [`PUT ${POLICY}`]);
        assert.equal((await graph.admin.get("assignmentPolicies", policy.id))?.properties.description, "Created by the YAML program");
    });

    it("imports an existing policy by id, one GET for its preview and one for itself, and its generated code previews clean", async () => {
        const [stack, graph] = [cli!, emulator!];
        const [policy] = await policiesInState(stack);
        const importDir = yamlProject(`${PROJECT}-import`, pluginDir, "");
        dirs.push(importDir);
        const importer = await stackOn(importDir);
        await graph.admin.resetLog();
        const output = await importer.importResource(TOKEN, "imported", policy.id);
        assert.deepEqual(await graphCalls(graph), [`GET ${POLICY}`, `GET ${POLICY}`]);
        const code = output.slice(output.indexOf("resources:"), output.lastIndexOf("protect: true") + "protect: true".length);
        assert.match(code, /^resources:\n {2}imported:\n {4}type: entra:AccessPackageAssignmentPolicy\n/);
        assert.match(code, new RegExp(`accessPackageId: ${accessPackageId}`));
        assert.equal((await policiesInState(importer))[0].id, policy.id);

        writeProgram(importDir, `${PROJECT}-import`, pluginDir, `${code}\n`);
        await graph.admin.resetLog();
        assert.deepEqual(await plannedSteps(importer), ["imported same"]);
        assert.deepEqual(await graphCalls(graph), []);
    });

    it("fails preview on a check failure that names the property path, before any Graph request", async () => {
        const [stack, graph] = [cli!, emulator!];
        writeProgram(
            projectDir,
            PROJECT,
            pluginDir,
            PROGRAM.replace(
                "      allowedTargetScope:",
                "      expiration:\n        type: afterDuration\n        duration: P2X\n      allowedTargetScope:",
            ),
        );
        try {
            const { code, stdout, stderr } = await stack.tryPreview([]);
            assert.notEqual(code, 0);
            assert.match(stdout + stderr, /expiration\.duration/);
            assert.deepEqual(await graphCalls(graph), []);
        } finally {
            writeProgram(projectDir, PROJECT, pluginDir, PROGRAM);
        }
    });

    it("destroys with at most two requests", async () => {
        const [stack, graph] = [cli!, emulator!];
        const [policy] = await policiesInState(stack);
        await stack.destroy();
        assert.deepEqual(await graphCalls(graph), [`DELETE ${POLICY}`, `GET ${POLICY}`]);
        assert.deepEqual(await policiesInState(stack), []);
        assert.equal(await graph.admin.get("assignmentPolicies", policy.id), undefined);
    });
});
