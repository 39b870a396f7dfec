import * as path from "node:path";
import { describeWithCli, PulumiCli } from "../../harness/pulumi-cli";
import { assertOutputLifecycle, PROGRAMS } from "./outputLifecycle";

describeWithCli("languages: a YAML program through Pulumi's pulumi-language-yaml and the real CLI", function () {
    let cli: PulumiCli | undefined;

    before(async function () {
        cli = await PulumiCli.create({ projectDir: path.join(PROGRAMS, "yaml"), config: { "yaml-outputs:who": "tester" } });
    });
    after(async () => {
        await cli?.dispose();
    });

    it("previews, creates the stack with its output from config, and destroys", async () => {
        await assertOutputLifecycle(cli!, "hello from yaml, tester");
    });
});
