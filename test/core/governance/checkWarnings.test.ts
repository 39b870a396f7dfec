import assert from "node:assert/strict";
import { checkWarningLine, checkWarnings } from "../../../provider/core/governance";
import { checkPolicy, UNKNOWN } from "../../../provider/core/model";
import type { PolicyInputs } from "../../../provider/core/types";

const MANAGER = { "@odata.type": "#microsoft.graph.requestorManager", managerLevel: 1 };
const USER = { "@odata.type": "#microsoft.graph.singleUser", userId: "e6bf4d7d-6824-4dd0-809d-5bf42d4817c2" };

function policyWithStages(stages: unknown): PolicyInputs {
    const { inputs, failures } = checkPolicy(
        {},
        {
            accessPackageId: "49d2c59b-0a81-463d-a8ec-ddad3935d8a0",
            displayName: "Managers approve",
            description: "d",
            allowedTargetScope: "allMemberUsers",
            requestorSettings: { enableTargetsToSelfAddAccess: true },
            requestApprovalSettings: { isApprovalRequiredForAdd: true, stages },
        },
    );
    assert.deepEqual(failures, []);
    return inputs as PolicyInputs;
}

function policyWithStage(stage: Record<string, unknown>): PolicyInputs {
    return policyWithStages([{ durationBeforeAutomaticDenial: "P2D", ...stage }]);
}

describe("check warnings", () => {
    it("warns on a stage only the requestor's manager approves, with no fallback, giving the admin center's reason", () => {
        const warnings = checkWarnings(policyWithStage({ primaryApprovers: [MANAGER] }));
        assert.deepEqual(
            warnings.map((warning) => warning.property),
            ["requestApprovalSettings.stages[0].fallbackPrimaryApprovers"],
        );
        assert.match(warnings[0].message, /requestorManager/);
        assert.match(warnings[0].message, /Graph accepts this, but the Entra admin center requires a fallback approver/);
        assert.match(warnings[0].message, /fallbackPrimaryApprovers/);
    });

    it("does not warn when the stage has a fallback, or names a user", () => {
        assert.deepEqual(checkWarnings(policyWithStage({ primaryApprovers: [MANAGER], fallbackPrimaryApprovers: [USER] })), []);
        assert.deepEqual(checkWarnings(policyWithStage({ primaryApprovers: [USER] })), []);
    });

    it("does not warn while the stages are unknown until apply", () => {
        assert.deepEqual(checkWarnings(policyWithStages(UNKNOWN)), []);
        assert.deepEqual(checkWarnings(policyWithStage({ primaryApprovers: UNKNOWN })), []);
    });

    it("writes one line naming the policy and the property", () => {
        const [warning] = checkWarnings(policyWithStage({ primaryApprovers: [MANAGER] }));
        const line = checkWarningLine("Managers approve", warning);
        assert.match(
            line,
            /^warning: assignment policy "Managers approve": requestApprovalSettings\.stages\[0\]\.fallbackPrimaryApprovers: /,
        );
        assert.ok(line.endsWith("\n") && !line.slice(0, -1).includes("\n"));
    });
});
