import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describeWithCli, PulumiCli } from "..";
import { LABEL_SECRET, TOKEN_SECRET, TOY_PROJECT } from "./toy-stack";

describeWithCli("engine harness: the toy stack through the real pulumi CLI", function () {
    let dir: string | undefined;
    let cli: PulumiCli | undefined;

    before(async function () {
        dir = fs.mkdtempSync(path.join(os.tmpdir(), "toy-cli-"));
        cli = await PulumiCli.create({
            projectDir: TOY_PROJECT,
            // Upstream is a mocked package in the harness; the CLI has no plugin for it.
            config: { "toy:upstream": "false", "toy:label": { secret: LABEL_SECRET }, "toy:apiToken": { secret: TOKEN_SECRET } },
            env: { TOY_STORE_FILE: path.join(dir, "store.json") },
        });
    });
    // After-hooks run even when the suite was skipped for want of a CLI.
    after(async () => {
        await cli?.dispose();
        if (dir) fs.rmSync(dir, { recursive: true, force: true });
    });

    it("creates, exports state without plaintext secrets, and destroys", async () => {
        const [stack, storeDir] = [cli!, dir!];
        await stack.up();
        const exported = JSON.stringify(await stack.exportState());
        assert.match(exported, /pulumi-nodejs:dynamic\/toy:Object::alpha/);
        assert.ok(!exported.includes(LABEL_SECRET));
        assert.ok(!exported.includes(TOKEN_SECRET));
        await stack.destroy();
        const store = JSON.parse(fs.readFileSync(path.join(storeDir, "store.json"), "utf8"));
        assert.deepEqual(store.objects, {});
    });

    it("sets config values that start with a dash, as the emulator's random tokens sometimes do", async () => {
        await cli!.setConfig({ "toy:note": "-starts-with-a-dash", "toy:other": { secret: "-a-secret-with-a-dash" } });
    });
});
