/**
 * The plugin through the real CLI with two tenants in one program (two emulators: the stack's `entra:*` config for one,
 * an explicit `pulumi:providers:entra` for the other, which a dynamic provider cannot have), and sentinel credentials
 * in stack config, the explicit provider's inputs and the environment: none reaches a state file or the CLI's output.
 */
import assert from "node:assert/strict";
import * as fs from "node:fs";
import { startGraphEmulator, type RunningGraphEmulator } from "../../emulator";
import { PulumiCli } from "../harness";
import { graphCalls, POLICIES, POLICY, ACCESS_PACKAGE, seedAccessPackage } from "../e2e/lifecycle/lifecycleStack";
import { emulatorStackConfig } from "../support/emulatorStackConfig";
import { credentialsAround, filesUnder, secret, sentinelSecrets } from "../support/sentinelSecrets";
import { describeWithYaml, pluginDirectory, yamlProject } from "./pluginProject";
import { TOKEN } from "./pluginScenario";

const PROJECT = "twotenants";

const PROGRAM = `config:
  accessPackageId:
    type: string
  tenantBEndpoint:
    type: string
  tenantBToken:
    type: string
  tenantBAccessPackageId:
    type: string
  description:
    type: string
resources:
  tenantB:
    type: pulumi:providers:entra
    properties:
      graphEndpoint: \${tenantBEndpoint}
      token: \${tenantBToken}
  policyA:
    type: ${TOKEN}
    properties:
      accessPackageId: \${accessPackageId}
      displayName: Tenant A policy
      description: \${description}
      allowedTargetScope: allMemberUsers
      requestorSettings: {}
      requestApprovalSettings: {}
  policyB:
    type: ${TOKEN}
    properties:
      accessPackageId: \${tenantBAccessPackageId}
      displayName: Tenant B policy
      description: \${description}
      allowedTargetScope: allMemberUsers
      requestorSettings: {}
      requestApprovalSettings: {}
    options:
      provider: \${tenantB}
`;

describeWithYaml("plugin: two tenants in one program, and credentials kept out of state and output", function () {
    const secrets = { ...sentinelSecrets(), tenantBToken: secret("tenant-b-token") };
    let tenantA: RunningGraphEmulator | undefined;
    let tenantB: RunningGraphEmulator | undefined;
    let cli: PulumiCli | undefined;
    const dirs: string[] = [];

    before(async function () {
        this.timeout(5 * 60_000);
        tenantA = await startGraphEmulator({ token: secrets.token });
        tenantB = await startGraphEmulator({ token: secrets.tenantBToken });
        const pluginDir = pluginDirectory();
        const projectDir = yamlProject(PROJECT, pluginDir, PROGRAM);
        dirs.push(pluginDir, projectDir);
        const { config, env } = credentialsAround(secrets);
        cli = await PulumiCli.create({ projectDir, config: { ...emulatorStackConfig(tenantA), ...config }, env });
        await cli.setConfig({
            [`${PROJECT}:accessPackageId`]: await seedAccessPackage(tenantA, "tenant-a-package"),
            [`${PROJECT}:tenantBEndpoint`]: tenantB.url,
            [`${PROJECT}:tenantBToken`]: { secret: secrets.tenantBToken },
            [`${PROJECT}:tenantBAccessPackageId`]: await seedAccessPackage(tenantB, "tenant-b-package"),
            [`${PROJECT}:description`]: "First",
        });
    });
    after(async () => {
        await cli?.dispose();
        await tenantA?.close();
        await tenantB?.close();
        for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
    });

    it("creates, updates, refreshes and destroys one policy in each tenant with its own credentials, none of them leaking", async function () {
        this.timeout(10 * 60_000);
        const [stack, a, b] = [cli!, tenantA!, tenantB!];
        const inBoth = async (expected: string[]) => {
            assert.deepEqual(await graphCalls(a), expected, "tenant A");
            assert.deepEqual(await graphCalls(b), expected, "tenant B");
            await a.admin.resetLog();
            await b.admin.resetLog();
        };
        await stack.preview();
        await inBoth([]);
        await stack.up();
        await inBoth([`GET ${ACCESS_PACKAGE}`, `POST ${POLICIES}`, `PUT ${POLICY}`]);
        const names = async (tenant: RunningGraphEmulator) => (await tenant.admin.policies()).map((p) => p.properties.displayName);
        assert.deepEqual([await names(a), await names(b)], [["Tenant A policy"], ["Tenant B policy"]]);

        await stack.setConfig({ [`${PROJECT}:description`]: "Second" });
        await stack.up();
        await inBoth([`PUT ${POLICY}`]);
        await stack.refresh();
        await inBoth([`GET ${POLICY}`]);
        const kept = filesUnder(stack.dir);
        await stack.destroy();
        await inBoth([`DELETE ${POLICY}`, `GET ${POLICY}`]);
        assert.deepEqual([await names(a), await names(b)], [[], []]);

        kept.push(...filesUnder(stack.dir), stack.transcript);
        assert.ok(
            kept.some((text) => text.includes("Tenant B policy") && text.includes(b.url)),
            "the scan sees the state's plain values",
        );
        for (const [name, value] of Object.entries(secrets)) {
            assert.ok(!kept.some((text) => text.includes(value)), `${name} leaked into a state file or the CLI's output`);
        }
    });
});
