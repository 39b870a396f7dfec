/**
 * The `entra` plugin through the real CLI against the emulator, for a program in any language: the dynamic provider's
 * lifecycle and request economy, plus what only a plugin can serve (property-level diffs, `pulumi import`).
 */
import assert from "node:assert/strict";
import * as fs from "node:fs";
import { startGraphEmulator, type RunningGraphEmulator } from "../../emulator";
import { PulumiCli } from "../harness";
import { ACCESS_PACKAGE, graphCalls, POLICIES, POLICY, seedAccessPackage } from "../e2e/lifecycle/lifecycleStack";
import { emulatorStackConfig } from "../support/emulatorStackConfig";
import type { PluginLanguage } from "./pluginLanguage";
import { pluginDirectory } from "./pluginProject";

export const TOKEN = "entra:index:AccessPackageAssignmentPolicy";

/** The program's `selfAdd` from the update on, which a program that declares the imported policy must say too. */
const UPDATED_SELF_ADD = "false";

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

/** The scenario's suite for `language`'s program. */
export function describePluginLifecycle(language: PluginLanguage): Mocha.Suite {
    const { label, project } = language;
    const description = `Created by the ${label} program`;
    return language.describe(`plugin: a ${label} program through the real pulumi CLI`, function () {
        let emulator: RunningGraphEmulator | undefined;
        let cli: PulumiCli | undefined;
        const clis: PulumiCli[] = [];
        // Removed only after every stack on them is, since the CLI runs in the project directory.
        const dirs: string[] = [];
        let pluginDir = "";
        let projectDir = "";
        let accessPackageId = "";

        /** Another stack on its own project directory, pointed at the emulator. */
        async function stackOn(dir: string): Promise<PulumiCli> {
            const created = await PulumiCli.create({ projectDir: dir, config: emulatorStackConfig(emulator!) });
            clis.push(created);
            return created;
        }

        before(async function () {
            this.timeout(15 * 60_000);
            await language.prepare();
            pluginDir = pluginDirectory();
            projectDir = language.createProject(pluginDir);
            dirs.push(pluginDir, projectDir);
            emulator = await startGraphEmulator();
            accessPackageId = await seedAccessPackage(emulator, `${project}-package`);
            cli = await stackOn(projectDir);
            await cli.setConfig({ [`${project}:accessPackageId`]: accessPackageId });
        });
        beforeEach(() => emulator?.admin.resetLog());
        after(async () => {
            for (const stack of clis) await stack.dispose();
            await emulator?.close();
            for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
            language.dispose();
        });

        it("previews without a Graph request, creates with the dynamic provider's requests, and a second up sends none", async () => {
            const [stack, graph] = [cli!, emulator!];
            assert.deepEqual(await plannedSteps(stack), ["policy create"]);
            assert.deepEqual(await graphCalls(graph), []);

            await stack.up();
            assert.deepEqual(await graphCalls(graph), [`GET ${ACCESS_PACKAGE}`, `POST ${POLICIES}`, `PUT ${POLICY}`]);
            const [policy] = await policiesInState(stack);
            assert.equal((await graph.admin.get("assignmentPolicies", policy.id))?.properties.displayName, `${label} policy`);

            await graph.admin.resetLog();
            await stack.up();
            assert.deepEqual(await graphCalls(graph), []);
            assert.deepEqual(await plannedSteps(stack), ["policy same"]);
        });

        it("previews an update as the property path that changes, then applies it with one PUT", async () => {
            const [stack, graph] = [cli!, emulator!];
            await stack.setConfig({ [`${project}:selfAdd`]: UPDATED_SELF_ADD });

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
            const other = await seedAccessPackage(graph, `${project}-package-2`);
            await graph.admin.resetLog();
            await stack.setConfig({ [`${project}:accessPackageId`]: other });
            try {
                const diff = await previewDiff(stack);
                assert.match(diff, /\+-\s*entra:index:AccessPackageAssignmentPolicy: \(replace\)/);
                assert.match(diff, /~ accessPackageId: "[^"]+" => "[^"]+"/);
                assert.deepEqual(await graphCalls(graph), []);
            } finally {
                await stack.setConfig({ [`${project}:accessPackageId`]: accessPackageId });
            }
        });

        it("refresh takes drift into state with one GET, preview names the drifted property and up reverts it with one PUT", async () => {
            const [stack, graph] = [cli!, emulator!];
            const [policy] = await policiesInState(stack);
            await graph.admin.modify("assignmentPolicies", policy.id, { description: "Changed in the portal" });

            await stack.refresh();
            assert.deepEqual(await graphCalls(graph), [`GET ${POLICY}`]);
            assert.equal((await policiesInState(stack))[0].outputs.description, "Changed in the portal");

            assert.match(await previewDiff(stack), new RegExp(`~ description: "Changed in the portal" => "${description}"`));
            await graph.admin.resetLog();
            await stack.up();
            assert.deepEqual(await graphCalls(graph), [`PUT ${POLICY}`]);
            assert.equal((await graph.admin.get("assignmentPolicies", policy.id))?.properties.description, description);
        });

        it("imports an existing policy by id, one GET for its preview and one for itself, and then previews clean", async () => {
            const [stack, graph] = [cli!, emulator!];
            const [policy] = await policiesInState(stack);
            const {
                dir: importDir,
                config,
                flags,
            } = language.importProject(pluginDir, {
                accessPackageId,
                selfAdd: UPDATED_SELF_ADD,
            });
            dirs.push(importDir);
            const importer = await stackOn(importDir);
            await importer.setConfig(config);
            await graph.admin.resetLog();
            const output = await importer.importResource(TOKEN, "imported", policy.id, flags);
            assert.deepEqual(await graphCalls(graph), [`GET ${POLICY}`, `GET ${POLICY}`]);
            assert.equal((await policiesInState(importer))[0].id, policy.id);

            await language.adoptImport(importDir, pluginDir, output, accessPackageId);
            await graph.admin.resetLog();
            assert.deepEqual(await plannedSteps(importer), ["imported same"]);
            assert.deepEqual(await graphCalls(graph), []);
        });

        it("fails preview on a check failure that names the property path, before any Graph request", async () => {
            const [stack, graph] = [cli!, emulator!];
            const restore = await language.breakDuration(projectDir, pluginDir, stack);
            try {
                const { code, stdout, stderr } = await stack.tryPreview([]);
                assert.notEqual(code, 0);
                assert.match(stdout + stderr, /expiration\.duration/);
                assert.deepEqual(await graphCalls(graph), []);
            } finally {
                await restore();
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
}
