/**
 * `pulumi import` into a .NET project through the real CLI: our .NET host (tools/pulumi-language-dotnet, pkg v3.163.0's
 * C# codegen) prints the program that declares the imported policy. No .NET toolchain exists here, so the program is
 * checked for its declarations and its syntax, not compiled, and no .NET program is run.
 */
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { startGraphEmulator, type RunningGraphEmulator } from "../../emulator";
import { PulumiCli } from "../harness";
import { graphCalls, POLICY } from "../e2e/lifecycle/lifecycleStack";
import { emulatorStackConfig } from "../support/emulatorStackConfig";
import { checked, minimalInputs, newAccessPackage, operationsOn } from "../support/providerOnEmulator";
import { csharpParser, syntaxErrors } from "./csharpSyntax";
import { describeWithHost, pluginDirectory, writeProjectFile } from "./pluginProject";
import { TOKEN } from "./pluginScenario";
import { temporaryDirectory } from "./sdkLanguage";

describeWithHost("dotnet")("plugin: pulumi import into a .NET project through the real pulumi CLI", function () {
    let emulator: RunningGraphEmulator | undefined;
    let cli: PulumiCli | undefined;
    const dirs: string[] = [];

    before(async () => {
        emulator = await startGraphEmulator();
        const pluginDir = pluginDirectory();
        const projectDir = temporaryDirectory("dotnetimport");
        dirs.push(pluginDir, projectDir);
        writeProjectFile(projectDir, "dotnetimport", " dotnet", pluginDir);
        cli = await PulumiCli.create({ projectDir, config: emulatorStackConfig(emulator) });
    });
    after(async () => {
        await cli?.dispose();
        await emulator?.close();
        for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
    });

    it("takes the policy into state with one GET each for its preview and itself, and prints C# that declares it and parses", async () => {
        const [stack, graph] = [cli!, emulator!];
        const accessPackageId = await newAccessPackage(graph, "dotnet-import-package");
        const operations = operationsOn(graph);
        const { id } = await operations.create(await checked(operations, minimalInputs(accessPackageId, ".NET policy")));
        await graph.admin.resetLog();

        const output = await stack.importResource(TOKEN, "imported", id);
        assert.deepEqual(await graphCalls(graph), [`GET ${POLICY}`, `GET ${POLICY}`]);
        const code = output.slice(output.indexOf("using "));
        for (const declared of [
            'var imported = new Entra.AccessPackageAssignmentPolicy("imported", new()',
            `AccessPackageId = "${accessPackageId}",`,
            'DisplayName = ".NET policy",',
            "AllowedTargetScope = Entra.AllowedTargetScope.AllMemberUsers,",
            "EnableTargetsToSelfAddAccess = true,",
        ]) {
            assert.ok(code.includes(declared), `the printed program lacks ${declared}:\n${code}`);
        }
        const file = path.join(dirs[1], "Program.cs");
        fs.writeFileSync(file, code);
        assert.deepEqual(syntaxErrors(await csharpParser(), file), []);
    });
});
