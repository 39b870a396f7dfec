/**
 * A warning at preview through the real CLI: the lifecycle program's approval stage names only the requestor's
 * manager and no fallback, which Graph accepts and the Entra admin center refuses. Preview succeeds and shows why.
 */
import assert from "node:assert/strict";
import { startGraphEmulator, type RunningGraphEmulator } from "../../../emulator";
import { describeWithCli, type PulumiCli } from "../../harness";
import { graphCalls, lifecycleCli } from "./lifecycleStack";

describeWithCli("lifecycle: check warnings through the real pulumi CLI", function () {
    let emulator: RunningGraphEmulator | undefined;
    let cli: PulumiCli | undefined;

    before(async function () {
        emulator = await startGraphEmulator();
        ({ cli } = await lifecycleCli(emulator, "warning-package"));
    });
    after(async () => {
        await cli?.dispose();
        await emulator?.close();
    });

    it("previews a manager-only stage with the admin center's reason for a fallback, and sends nothing", async () => {
        const preview = await cli!.tryPreview([]);
        const output = preview.stdout + preview.stderr;
        assert.equal(preview.code, 0, output);
        assert.match(
            output,
            /warning: assignment policy "Lifecycle requests": requestApprovalSettings\.stages\[0\]\.fallbackPrimaryApprovers: primaryApprovers has requestorManager/,
        );
        assert.match(output, /the Entra admin center requires a fallback approver/);
        assert.deepEqual(await graphCalls(emulator!), []);
    });
});
