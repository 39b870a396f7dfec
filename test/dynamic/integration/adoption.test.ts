/**
 * Brownfield adoption and the display-name clash refusal, against the emulator: which requests create sends, and
 * what the tenant holds afterwards.
 */
import * as assert from "node:assert/strict";
import { startGraphEmulator, type RunningGraphEmulator } from "../../../emulator";
import type { PolicyOutputs } from "../../../provider/core/types";
import {
    assertNoChange,
    checked,
    minimalInputs,
    newAccessPackage,
    operationsOn,
    tenantPolicyNames,
    type PolicyOperations,
} from "../../support/providerOnEmulator";

/** `METHOD path-without-query` of every logged Graph request, oldest first. */
async function requestLine(emulator: RunningGraphEmulator): Promise<string[]> {
    return (await emulator.admin.requests()).map((entry) => `${entry.method} ${entry.route ?? entry.path}`);
}

const POLICIES = "/v1.0/identityGovernance/entitlementManagement/assignmentPolicies";
const ACCESS_PACKAGES = "/v1.0/identityGovernance/entitlementManagement/accessPackages";

describe("integration: adoption and name clashes", () => {
    let emulator: RunningGraphEmulator;
    let operations: PolicyOperations;
    let accessPackageId: string;
    let existingId: string;

    before(async () => {
        emulator = await startGraphEmulator();
        operations = operationsOn(emulator);
    });
    after(() => emulator?.close());
    beforeEach(async () => {
        await emulator.admin.reset();
        accessPackageId = await newAccessPackage(emulator, "adoption");
        // Made out of band, as in a tenant configured in the portal before Pulumi.
        const existing = await emulator.admin.seed("assignmentPolicies", {
            displayName: "Portal policy",
            description: "made in the portal",
            allowedTargetScope: "allDirectoryUsers",
            accessPackage: { id: accessPackageId },
        });
        existingId = existing.id;
        await emulator.admin.resetLog();
    });

    it("refuses to create a second policy with a taken display name, explains adopt, and creates nothing", async () => {
        const inputs = await checked(operations, minimalInputs(accessPackageId, "Portal policy"));
        await assert.rejects(operations.create(inputs), (error: Error) => {
            assert.match(error.message, /already has an assignment policy named "Portal policy"/);
            assert.ok(error.message.includes(existingId), "names the existing policy");
            assert.match(error.message, /adopt: true/);
            assert.match(error.message, /Nothing was created/);
            return true;
        });
        assert.deepEqual(await tenantPolicyNames(emulator), ["Portal policy"]);
        assert.ok(!(await requestLine(emulator)).includes(`POST ${POLICIES}`), "no POST was sent");
    });

    it("refuses a display name that differs from a taken one only in case, naming the policy as Graph spells it", async () => {
        const inputs = await checked(operations, minimalInputs(accessPackageId, "PORTAL POLICY"));
        await assert.rejects(operations.create(inputs), (error: Error) => {
            assert.match(
                error.message,
                new RegExp(
                    `already has an assignment policy named "Portal policy" \\(${existingId}\\)\\. Graph compares display names ignoring case`,
                ),
            );
            assert.match(error.message, /adopt: true/);
            return true;
        });
        assert.deepEqual(await tenantPolicyNames(emulator), ["Portal policy"]);
        assert.ok(!(await requestLine(emulator)).includes(`POST ${POLICIES}`), "no POST was sent");
    });

    it("adopt: true takes over a policy whose name differs only in case, spelling it as declared, with no POST", async () => {
        const inputs = await checked(operations, { ...minimalInputs(accessPackageId, "portal Policy"), adopt: true });
        const created = await operations.create(inputs);
        assert.equal(created.id, existingId);
        await assertNoChange(operations, created.id, created.outs as PolicyOutputs, inputs, "after adoption");
        assert.deepEqual(
            (await requestLine(emulator)).filter((line) => !line.startsWith("GET")),
            [`PUT ${POLICIES}/{id}`],
        );
        assert.deepEqual(await tenantPolicyNames(emulator), ["portal Policy"]);
    });

    it("adopt: true takes the same-named policy over with one PUT and no POST", async () => {
        const inputs = await checked(operations, { ...minimalInputs(accessPackageId, "Portal policy"), adopt: true });
        const created = await operations.create(inputs);
        assert.equal(created.id, existingId);
        await assertNoChange(operations, created.id, created.outs as PolicyOutputs, inputs, "after adoption");
        assert.equal((created.outs as PolicyOutputs).adopt, true, "adopt stays in the outputs so it does not diff");
        const lines = await requestLine(emulator);
        // The lookup finds the policy and the PUT's answer is the policy: nothing is read back.
        assert.deepEqual(lines, [`GET ${ACCESS_PACKAGES}/{id}`, `PUT ${POLICIES}/{id}`]);
        assert.equal((created.outs as PolicyOutputs).catalogId, (await emulator.admin.get("accessPackages", accessPackageId))?.catalogId);
        assert.deepEqual(await tenantPolicyNames(emulator), ["Portal policy"]);
        assert.equal((await emulator.admin.get("assignmentPolicies", existingId))?.properties.allowedTargetScope, "allMemberUsers");
    });

    it("adopt: true creates the policy when none has the name", async () => {
        const inputs = await checked(operations, { ...minimalInputs(accessPackageId, "Fresh policy"), adopt: true });
        const created = await operations.create(inputs);
        assert.notEqual(created.id, existingId);
        await assertNoChange(operations, created.id, created.outs as PolicyOutputs, inputs, "after create with adopt: true");
        assert.deepEqual(await tenantPolicyNames(emulator), ["Fresh policy", "Portal policy"]);
    });

    it('adopt: "<id>" takes over that policy, renaming it, with no POST', async () => {
        const inputs = await checked(operations, { ...minimalInputs(accessPackageId, "Renamed by Pulumi"), adopt: existingId });
        const created = await operations.create(inputs);
        assert.equal(created.id, existingId);
        await assertNoChange(operations, created.id, created.outs as PolicyOutputs, inputs, "after adoption by id");
        assert.ok(!(await requestLine(emulator)).includes(`POST ${POLICIES}`));
        assert.deepEqual(await tenantPolicyNames(emulator), ["Renamed by Pulumi"]);
    });

    it('adopt: "<id>" of a missing policy fails with advice and creates nothing', async () => {
        const missing = "0badc0de-0000-4000-8000-000000000000";
        const inputs = await checked(operations, { ...minimalInputs(accessPackageId, "Ghost"), adopt: missing });
        await assert.rejects(
            operations.create(inputs),
            new RegExp(`no access package assignment policy with id ${missing}.*Remove \`adopt\``),
        );
        assert.deepEqual(await tenantPolicyNames(emulator), ["Portal policy"]);
    });

    it('adopt: "<id>" of a policy in another access package is refused', async () => {
        const otherPackage = await newAccessPackage(emulator, "other");
        const inputs = await checked(operations, { ...minimalInputs(otherPackage, "Portal policy"), adopt: existingId });
        await assert.rejects(operations.create(inputs), /cannot move between access packages/);
        assert.equal((await emulator.admin.get("assignmentPolicies", existingId))?.accessPackageId, accessPackageId);
        assert.ok(!(await requestLine(emulator)).some((line) => line.startsWith("PUT") || line.startsWith("POST")));
    });
});
