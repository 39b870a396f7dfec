import * as assert from "node:assert/strict";
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { promisify } from "node:util";

const REPO_ROOT = path.resolve(__dirname, "..", "..");

/** `npm run docs` with typedoc.json, rendered into `out` instead of docs/api so the test leaves the checkout alone. */
async function runDocs(out: string): Promise<{ code: number; output: string }> {
    try {
        const { stdout, stderr } = await promisify(execFile)("npm", ["run", "-s", "docs", "--", "--out", out], {
            cwd: REPO_ROOT,
            maxBuffer: 16 * 1024 * 1024,
        });
        return { code: 0, output: stdout + stderr };
    } catch (error) {
        const { code, stdout = "", stderr = "" } = error as { code: number; stdout?: string; stderr?: string };
        return { code, output: stdout + stderr };
    }
}

describe("npm run docs: the TypeDoc API reference", function () {
    this.timeout(90_000);
    let out: string;

    before(() => {
        out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "typedoc-")), "api");
    });

    after(() => {
        if (out) fs.rmSync(path.dirname(out), { recursive: true, force: true });
    });

    it("builds from the TSDoc with the project's config, without a warning or an error, and documents the resource", async () => {
        const { code, output } = await runDocs(out);

        assert.deepEqual(
            output.split("\n").filter((line) => /\[(warning|error)\]/.test(line)),
            [],
            output,
        );
        assert.equal(code, 0, output);
        const classes = fs.readdirSync(path.join(out, "classes"));
        assert.ok(classes.includes("AccessPackageAssignmentPolicy.html"), `no page for the resource among ${classes.join(", ")}`);
    });
});
