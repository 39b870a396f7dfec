/**
 * The plugin's lifecycle scenario with a Go program on the SDK generated from the schema, which the program's go.mod
 * takes through a `replace`; the Go build cache is the user's, so the Pulumi Go SDK the CLI's build compiled is reused.
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { writeProjectFile } from "./pluginProject";
import { describePluginLifecycle } from "./pluginScenario";
import { generateSdks, PROGRAMS, PULUMI_VERSION, sdkLanguage, temporaryDirectory } from "./sdkLanguage";

let goSdk = "";

describePluginLifecycle(
    sdkLanguage("Go", "go", "goplugin", {
        prepare: async () => {
            const sdks = generateSdks();
            goSdk = path.join(sdks, "go");
            return [sdks];
        },
        create: (project, pluginDir) => {
            const dir = temporaryDirectory(project);
            fs.copyFileSync(path.join(PROGRAMS, "go", "main.go"), path.join(dir, "main.go"));
            const sdkModule = /^module (.+)$/m.exec(fs.readFileSync(path.join(goSdk, "go.mod"), "utf8"))![1];
            const goMod = [
                `module example.com/${project}`,
                "",
                "go 1.25",
                "",
                `require github.com/pulumi/pulumi/sdk/v3 v${PULUMI_VERSION}`,
                `require ${sdkModule} v0.0.0`,
                "",
                `replace ${sdkModule} => ${goSdk}`,
                "",
            ].join("\n");
            fs.writeFileSync(path.join(dir, "go.mod"), goMod);
            writeProjectFile(dir, project, " go", pluginDir);
            // The host runs `go build` before every preview and up; this first one fills the build cache outside them.
            execFileSync("go", ["mod", "tidy"], { cwd: dir, stdio: "inherit" });
            execFileSync("go", ["build", "-o", "/dev/null", "."], { cwd: dir, stdio: "inherit" });
            return dir;
        },
    }),
);
