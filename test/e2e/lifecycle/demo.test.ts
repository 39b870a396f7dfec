import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import * as path from "node:path";
import { isPulumiCliAvailable } from "../../harness";

const ROOT = path.resolve(__dirname, "../../..");

describe("npm start (scripts/demo.ts): the quickstart against the emulator", function () {
    it("deploys the All Users policy with no configuration, prints plan, policy and Graph requests, and exits 0", async () => {
        // What `npm start` runs after its build (the suite's pretest builds).
        const { code, stdout, stderr } = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
            const child = execFile(
                process.execPath,
                ["-r", "ts-node/register", path.join("scripts", "demo.ts")],
                {
                    cwd: ROOT,
                    maxBuffer: 16 * 1024 * 1024,
                },
                (_error, out, err) => resolve({ code: child.exitCode, stdout: out, stderr: err }),
            );
        });

        assert.equal(code, 0, stderr);
        assert.match(stdout, /^\+ create AccessPackageAssignmentPolicy all-users$/m);
        // It says which engine ran: the real CLI when one is on PATH, else the harness.
        assert.match(
            stdout,
            isPulumiCliAvailable()
                ? /^=== Plan \(pulumi preview, the real engine: v\d+\.\d+\.\d+\)$/m
                : /^=== Plan \(preview through the engine harness/m,
        );
        const policy = JSON.parse(/^\{\n[\s\S]*?^\}$/m.exec(stdout)![0]);
        assert.equal(policy.displayName, "All Users");
        assert.equal(policy.allowedTargetScope, "allDirectoryUsers");
        assert.equal(policy.requestApprovalSettings.stages[0].durationBeforeAutomaticDenial, "P2D");
        assert.deepEqual(policy.requestApprovalSettings.stages[0].fallbackPrimaryApprovers, [
            { "@odata.type": "#microsoft.graph.singleUser", userId: "e6bf4d7d-6824-4dd0-809d-5bf42d4817c2", description: "user" },
        ]);
        // The second preview, after up, plans no change; its requests (none) are among those listed below.
        const secondPreview = stdout.slice(stdout.indexOf("=== Second preview"), stdout.indexOf("=== The policy as Graph"));
        assert.match(secondPreview, /^ {2}same AccessPackageAssignmentPolicy all-users$/m);
        assert.match(secondPreview, /^No changes: the deployed policy matches the program\.$/m);
        assert.match(stdout, /=== The program\n.*examples\/quickstart\/index\.ts \(the Pulumi project is .*Pulumi\.yaml\)\.$/m);
        const requests = stdout
            .slice(stdout.indexOf("=== Graph requests"), stdout.indexOf("=== The program"))
            .split("\n")
            .slice(1)
            .filter((line) => line.trim() !== "");
        assert.deepEqual(
            requests.map((line) => line.split(/\s+/).slice(0, 2).join(" ")),
            ["GET 200", "POST 201", "PUT 200"],
        );
    });
});
