/**
 * The plugin's lifecycle scenario with a Python program on the SDK generated from the schema, in one venv per suite
 * with `pulumi` from PyPI and the SDK pip-installed from its generated directory. The program `pulumi import` prints is
 * run in that venv under Pulumi's mocks (programs/python/run_mocked.py).
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { writeProjectFile } from "./pluginProject";
import { describePluginLifecycle } from "./pluginScenario";
import { generateSdks, PROGRAMS, PULUMI_VERSION, sdkLanguage, temporaryDirectory } from "./sdkLanguage";

let venv = "";

describePluginLifecycle(
    sdkLanguage("Python", "python", "pyplugin", {
        prepare: async (directory) => {
            const sdks = generateSdks(directory("entra-sdks"));
            venv = directory("entra-venv");
            execFileSync("python3", ["-m", "venv", venv], { stdio: "inherit" });
            execFileSync(
                path.join(venv, "bin", "pip"),
                ["install", "--quiet", "--disable-pip-version-check", `pulumi==${PULUMI_VERSION}`, path.join(sdks, "python")],
                { stdio: "inherit" },
            );
            return venv;
        },
        create: (project, pluginDir) => {
            const dir = temporaryDirectory(project);
            fs.copyFileSync(path.join(PROGRAMS, "python", "__main__.py"), path.join(dir, "__main__.py"));
            writeProjectFile(dir, project, `\n  name: python\n  options:\n    virtualenv: ${JSON.stringify(venv)}`, pluginDir);
            return dir;
        },
    }),
);
