/**
 * The plugin's lifecycle scenario with a Go program on the SDK generated from the schema, which the program's go.mod
 * takes through a `replace`. The program is built once per suite, with the user's Go build cache (which holds the
 * Pulumi Go SDK the CLI's build compiled), and every project runs that binary through the `binary` runtime option: the
 * host would otherwise rebuild the same program before every preview and up (test/e2e/languages/go.test.ts covers
 * that path). The program `pulumi import` prints is vetted beside a copy of that build's go.mod and go.sum.
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { writeProjectFile } from "./pluginProject";
import { describePluginLifecycle } from "./pluginScenario";
import { generateSdks, PROGRAMS, PULUMI_VERSION, sdkLanguage, temporaryDirectory } from "./sdkLanguage";

const PROJECT = "goplugin";
let program = "";

/** Builds the program against the generated Go SDK in `sdk` into `dir`, and gives the binary's path. */
function buildProgram(dir: string, sdk: string): string {
    fs.copyFileSync(path.join(PROGRAMS, "go", "main.go"), path.join(dir, "main.go"));
    const sdkModule = /^module (.+)$/m.exec(fs.readFileSync(path.join(sdk, "go.mod"), "utf8"))![1];
    const goMod = [
        `module example.com/${PROJECT}`,
        "",
        "go 1.25",
        "",
        `require github.com/pulumi/pulumi/sdk/v3 v${PULUMI_VERSION}`,
        `require ${sdkModule} v0.0.0`,
        "",
        `replace ${sdkModule} => ${sdk}`,
        "",
    ].join("\n");
    fs.writeFileSync(path.join(dir, "go.mod"), goMod);
    execFileSync("go", ["mod", "tidy"], { cwd: dir, stdio: "pipe" });
    execFileSync("go", ["build", "-o", PROJECT, "."], { cwd: dir, stdio: "pipe" });
    return path.join(dir, PROJECT);
}

describePluginLifecycle(
    sdkLanguage("Go", "go", PROJECT, {
        prepare: async (directory) => {
            const sdks = generateSdks(directory("entra-sdks"));
            const module = directory(`${PROJECT}-build`);
            program = buildProgram(module, path.join(sdks, "go"));
            return module;
        },
        create: (project, pluginDir) => {
            const dir = temporaryDirectory(project);
            writeProjectFile(dir, project, `\n  name: go\n  options:\n    binary: ${JSON.stringify(program)}`, pluginDir);
            return dir;
        },
    }),
);
