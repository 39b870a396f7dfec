/**
 * `@odata.type` as programs write it: the argument type accepts the spellings check accepts that TypeScript can list
 * (with or without `#` and `microsoft.graph.`, the name as Graph writes it, lower-case or capitalised), and refuses
 * the ones check refuses.
 */
import * as assert from "node:assert/strict";
import { checkPolicy } from "../../../provider/core/model";
import { allUsers, EXTENSION_ID, GROUP_ID, salesAutoAssignment, USER_ID, type JsonObject } from "../../support/policies";
import { sourceTypeErrors } from "../../support/strictTypeCheck";

const HEADER = `import type { AccessPackageAssignmentPolicyArgs } from "pulumi-entra-assignment-policy";\n`;

/** Spellings of `#microsoft.graph.<name>` the written type lists. */
function spellings(name: string): string[] {
    const capitalised = name[0].toUpperCase() + name.slice(1);
    return [`#microsoft.graph.${name}`, `microsoft.graph.${name}`, name, name.toLowerCase(), `#Microsoft.Graph.${capitalised}`, `#${name}`];
}

/** A request-based policy with every kind of tag, each in the `i`th spelling (cycling) of its type. */
function spelledPolicy(i: number): JsonObject {
    const tag = (name: string): string => spellings(name)[i % spellings(name).length];
    const policy = allUsers();
    policy.allowedTargetScope = "specificDirectoryUsers";
    policy.specificAllowedTargets = [{ "@odata.type": tag("groupMembers"), groupId: GROUP_ID }];
    policy.expiration = { "@odata.type": tag("expirationPattern"), type: "noExpiration" };
    policy.requestApprovalSettings["@odata.type"] = tag("accessPackageAssignmentApprovalSettings");
    const stage = policy.requestApprovalSettings.stages[0];
    stage["@odata.type"] = tag("accessPackageDynamicApprovalStage");
    stage.fallbackPrimaryApprovers = [{ "@odata.type": tag("singleUser"), userId: USER_ID }];
    policy.questions = [{ "@odata.type": tag("accessPackageTextInputQuestion"), text: "Why?" }];
    // A custom extension's type is read with its namespace: `#` may go, `microsoft.graph.` may not.
    const extensionType = spellings("accessPackageAssignmentRequestWorkflowExtension")[i % 2];
    policy.customExtensionStageSettings = [
        { stage: "assignmentRequestCreated", customExtension: { id: EXTENSION_ID, "@odata.type": extensionType } },
    ];
    return policy;
}

function program(policies: readonly JsonObject[]): string {
    return (
        HEADER +
        policies.map((policy, i) => `export const p${i}: AccessPackageAssignmentPolicyArgs = ${JSON.stringify(policy)};\n`).join("")
    );
}

describe("@odata.type spellings: what check accepts, the argument type accepts", () => {
    const policies = [0, 1, 2, 3, 4, 5].map(spelledPolicy);

    it("check accepts every spelling the type lists", () => {
        for (const policy of policies) assert.deepEqual(checkPolicy({}, policy).failures, []);
    });

    it("the type accepts them in a strictly compiled program", () => {
        assert.deepEqual(sourceTypeErrors(program(policies)), []);
    });

    it("check and the type both refuse a misspelled type and a custom extension type without its namespace", () => {
        const misspelled = salesAutoAssignment();
        misspelled.specificAllowedTargets[0]["@odata.type"] = "#microsoft.graph.attributeRuleMember";
        const bareExtension = spelledPolicy(0);
        bareExtension.customExtensionStageSettings[0].customExtension["@odata.type"] = "accessPackageAssignmentRequestWorkflowExtension";
        for (const policy of [misspelled, bareExtension]) assert.notDeepEqual(checkPolicy({}, policy).failures, []);
        const errors = sourceTypeErrors(program([misspelled, bareExtension]));
        assert.equal(errors.length, 2, errors.join("\n"));
        assert.match(errors[0], /^index\.ts:2 .*"#microsoft\.graph\.attributeRuleMember"/);
        assert.match(errors[1], /^index\.ts:3 .*"accessPackageAssignmentRequestWorkflowExtension"/);
    });
});
