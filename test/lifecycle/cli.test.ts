import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { startGraphEmulator, type RunningGraphEmulator } from "../../emulator";
import { describeWithCli, PulumiCli } from "../harness";
import { emulatorStackConfig } from "../support/emulatorStackConfig";
import { ACCESS_PACKAGE, graphCalls, LIFECYCLE_PROJECT, POLICIES, POLICY, POLICY_TYPE } from "./lifecycleStack";

/** What `pulumi stack export` says about the policy. */
interface ExportedPolicy {
  id: string;
  outputs: Record<string, unknown>;
}

async function exportedPolicies(cli: PulumiCli): Promise<ExportedPolicy[]> {
  const exported = (await cli.exportState()) as { deployment?: { resources?: (ExportedPolicy & { type: string })[] } };
  return (exported.deployment?.resources ?? []).filter((r) => r.type === POLICY_TYPE);
}

// The real CLI runs the program without mocks, so the access package comes from stack config instead of azuread.
describeWithCli("lifecycle: the policy through the real pulumi CLI", function () {
  let emulator: RunningGraphEmulator | undefined;
  let cli: PulumiCli | undefined;

  before(async function () {
    emulator = await startGraphEmulator();
    const catalog = await emulator.admin.seed("catalogs", { displayName: "cli" });
    const accessPackage = await emulator.admin.seed("accessPackages", { displayName: "cli-package", catalog: { id: catalog.id } });
    cli = await PulumiCli.create({
      projectDir: LIFECYCLE_PROJECT,
      config: { ...emulatorStackConfig(emulator), "lifecycle:accessPackageId": accessPackage.id },
    });
  });
  beforeEach(() => emulator?.admin.resetLog());
  // After-hooks run even when the suite was skipped for want of a CLI.
  after(async () => {
    await cli?.dispose();
    await emulator?.close();
  });

  it("previews without a Graph request, creates with lookup + POST, and a second up writes nothing", async () => {
    const [stack, graph] = [cli!, emulator!];
    const preview = JSON.stringify(await stack.preview());
    assert.match(preview, /"op":\s*"create"/);
    assert.deepEqual(await graphCalls(graph), []);

    await stack.up();
    assert.deepEqual(await graphCalls(graph), [`GET ${ACCESS_PACKAGE}`, `POST ${POLICIES}`, `PUT ${POLICY}`]);
    const [stored] = await graph.admin.policies();
    assert.deepEqual((await exportedPolicies(stack)).map((p) => p.id), [stored.id]);

    await graph.admin.resetLog();
    await stack.up();
    assert.deepEqual((await graphCalls(graph)).filter((call) => !call.startsWith("GET ")), []);
  });

  it("refresh takes drift into state and up reverts it with one PUT", async () => {
    const [stack, graph] = [cli!, emulator!];
    const [policy] = await exportedPolicies(stack);
    await graph.admin.modify("assignmentPolicies", policy.id, { description: "Changed in the portal" });

    await stack.refresh();
    assert.deepEqual(await graphCalls(graph), [`GET ${POLICY}`]);
    assert.equal((await exportedPolicies(stack))[0].outputs.description, "Changed in the portal");

    await graph.admin.resetLog();
    await stack.up();
    assert.deepEqual(await graphCalls(graph), [`PUT ${POLICY}`]);
    assert.notEqual((await graph.admin.get("assignmentPolicies", policy.id))?.properties.description, "Changed in the portal");
  });

  it("updates in place with one PUT when the program changes the description", async () => {
    const [stack, graph] = [cli!, emulator!];
    const [before] = await exportedPolicies(stack);
    await stack.setConfig({ "lifecycle:description": "Changed by the program" });

    await stack.up();
    assert.deepEqual(await graphCalls(graph), [`PUT ${POLICY}`]);
    const [after] = await exportedPolicies(stack);
    assert.equal(after.id, before.id);
    assert.equal(after.outputs.description, "Changed by the program");
  });

  it("replaces the policy, create before delete, when the program moves it to another access package", async () => {
    const [stack, graph] = [cli!, emulator!];
    const [before] = await exportedPolicies(stack);
    const catalog = await graph.admin.seed("catalogs", { displayName: "cli-2" });
    const other = await graph.admin.seed("accessPackages", { displayName: "cli-package-2", catalog: { id: catalog.id } });
    await graph.admin.resetLog();
    await stack.setConfig({ "lifecycle:accessPackageId": other.id });

    await stack.up();
    assert.deepEqual(await graphCalls(graph), [`GET ${ACCESS_PACKAGE}`, `POST ${POLICIES}`, `PUT ${POLICY}`, `DELETE ${POLICY}`, `GET ${POLICY}`]);
    const [after] = await exportedPolicies(stack);
    assert.notEqual(after.id, before.id);
    assert.equal(after.outputs.accessPackageId, other.id);
    assert.deepEqual((await graph.admin.policies()).map((policy) => policy.id), [after.id]);
  });

  it("destroy refuses while assignments exist and keeps the policy, then deletes it once they are removed", async () => {
    const [stack, graph] = [cli!, emulator!];
    const [policy] = await exportedPolicies(stack);
    const assignment = await graph.admin.seedAssignment({ targetId: randomUUID(), assignmentPolicyId: policy.id });

    await assert.rejects(stack.destroy(), /assignments/);
    assert.deepEqual((await exportedPolicies(stack)).map((p) => p.id), [policy.id]);

    await graph.admin.remove("assignments", assignment.id);
    await graph.admin.resetLog();
    await stack.destroy();
    assert.deepEqual(await graphCalls(graph), [`DELETE ${POLICY}`, `GET ${POLICY}`]);
    assert.deepEqual(await exportedPolicies(stack), []);
    assert.deepEqual(await graph.admin.policies(), []);
  });
});
