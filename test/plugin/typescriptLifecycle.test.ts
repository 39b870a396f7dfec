/**
 * The plugin's lifecycle scenario with a TypeScript program on the Node.js SDK generated from the schema, run by our
 * Node.js language host. The SDK is compiled once per suite with the repository's tsc into a node_modules shared by
 * every project, beside links to the repository's own modules: the tested @pulumi/pulumi (whose runner the host
 * starts), TypeScript and @types/node. There is no npm install per project. The program is type-checked once, in
 * `prepare`, and the projects' runs only transpile it: ts-node would otherwise check the same file again in each of
 * the scenario's dozen runs, some 5 s each.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { execFileSync } from "node:child_process";
import { writeProjectFile } from "./pluginProject";
import { describePluginLifecycle } from "./pluginScenario";
import { generateSdks, PROGRAMS, PULUMI_VERSION, sdkLanguage, temporaryDirectory, TSC, typeCheck, typescriptProject } from "./sdkLanguage";

const REPO_MODULES = path.resolve(__dirname, "../../node_modules");
const SDK_PACKAGE = "@pulumi-entra/entra";
const PROGRAM = path.join(PROGRAMS, "typescript", "index.ts");
let nodeModules = "";

/**
 * A node_modules in `dir` linking every package of the repository's and holding the Node.js SDK generated in `sdk`,
 * compiled.
 */
function installModules(dir: string, sdk: string): string {
    const modules = path.join(dir, "node_modules");
    fs.mkdirSync(modules);
    for (const name of fs.readdirSync(REPO_MODULES)) {
        if (name !== ".bin") fs.symlinkSync(path.join(REPO_MODULES, name), path.join(modules, name), "dir");
    }
    const installed = path.join(modules, SDK_PACKAGE);
    // The SDK compiles against the same modules it then runs beside.
    fs.symlinkSync(modules, path.join(sdk, "node_modules"), "dir");
    execFileSync(TSC, ["-p", sdk, "--outDir", installed], { stdio: "pipe" });
    fs.copyFileSync(path.join(sdk, "package.json"), path.join(installed, "package.json"));
    return modules;
}

describePluginLifecycle(
    sdkLanguage("TypeScript", "nodejs", "tsplugin", {
        prepare: async (directory) => {
            const sdks = generateSdks(directory("entra-sdks"));
            nodeModules = installModules(directory("tsplugin-modules"), path.join(sdks, "nodejs"));
            const checked = directory("tsplugin-checked");
            fs.copyFileSync(PROGRAM, path.join(checked, "index.ts"));
            await typeCheck(checked, nodeModules);
            return nodeModules;
        },
        create: (project, pluginDir) => {
            const dir = temporaryDirectory(project);
            fs.copyFileSync(PROGRAM, path.join(dir, "index.ts"));
            const { version } = JSON.parse(fs.readFileSync(path.join(nodeModules, SDK_PACKAGE, "package.json"), "utf8")) as {
                version: string;
            };
            const dependencies = { "@pulumi/pulumi": PULUMI_VERSION, [SDK_PACKAGE]: version };
            fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: project, main: "index.ts", dependencies }, null, 4));
            typescriptProject(dir, nodeModules, { transpileOnly: true });
            writeProjectFile(dir, project, " nodejs", pluginDir);
            return dir;
        },
    }),
);
