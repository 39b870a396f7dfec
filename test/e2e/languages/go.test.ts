import { execFileSync } from "node:child_process";
import * as path from "node:path";
import { describeWithCli, PulumiCli } from "../../harness/pulumi-cli";
import { assertOutputLifecycle, PROGRAMS } from "./outputLifecycle";

describeWithCli("languages: a Go program through tools/pulumi-language-go and the real CLI", function () {
    let cli: PulumiCli | undefined;

    before(async function () {
        // The host runs `go build` in the program directory before every preview and up. The committed go.sum pins
        // the Go SDK (the CLI's version) and its dependencies at the versions the CLI's build compiled, so the Go
        // build cache mostly has them; this first build fills in the rest, outside the timed steps.
        this.timeout(10 * 60_000);
        execFileSync("go", ["build", "-o", "/dev/null", "."], { cwd: path.join(PROGRAMS, "go"), stdio: "inherit" });
        cli = await PulumiCli.create({ projectDir: path.join(PROGRAMS, "go"), config: { "go-outputs:who": "gopher" } });
    });
    after(async () => {
        await cli?.dispose();
    });

    it("builds the program, previews, creates the stack with its output from config, and destroys", async () => {
        await assertOutputLifecycle(cli!, "hello from go, gopher");
    });
});
