import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describeWithCli, PulumiCli } from "../../harness/pulumi-cli";
import { assertOutputLifecycle, PROGRAMS } from "./outputLifecycle";

/** The `pulumi` package from PyPI at the version of the CLI and of @pulumi/pulumi. */
const PULUMI_VERSION: string = JSON.parse(fs.readFileSync(path.join(__dirname, "../../../package.json"), "utf8")).devDependencies[
    "@pulumi/pulumi"
];

/** A project of its own in a temporary directory: the program, and a venv with the SDK that Pulumi.yaml names. */
function createPythonProject(dir: string): void {
    fs.copyFileSync(path.join(PROGRAMS, "python", "__main__.py"), path.join(dir, "__main__.py"));
    fs.writeFileSync(path.join(dir, "Pulumi.yaml"), "name: python-outputs\nruntime:\n  name: python\n  options:\n    virtualenv: venv\n");
    execFileSync("python3", ["-m", "venv", path.join(dir, "venv")], { stdio: "inherit" });
    execFileSync(path.join(dir, "venv", "bin", "pip"), ["install", "--quiet", "--disable-pip-version-check", `pulumi==${PULUMI_VERSION}`], {
        stdio: "inherit",
    });
}

describeWithCli("languages: a Python program through tools/pulumi-language-python and the real CLI", function () {
    let dir: string | undefined;
    let cli: PulumiCli | undefined;

    before(async function () {
        // pip downloads the SDK and grpcio from PyPI unless its cache has them.
        this.timeout(10 * 60_000);
        dir = fs.mkdtempSync(path.join(os.tmpdir(), "python-program-"));
        createPythonProject(dir);
        cli = await PulumiCli.create({ projectDir: dir, config: { "python-outputs:who": "tester" } });
    });
    after(async () => {
        await cli?.dispose();
        if (dir) fs.rmSync(dir, { recursive: true, force: true });
    });

    it("runs in the project's venv: previews, creates the stack with its output from config, and destroys", async () => {
        await assertOutputLifecycle(cli!, "hello from python, tester");
    });
});
