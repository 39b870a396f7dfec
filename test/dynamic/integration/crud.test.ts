/**
 * The provider's create/read/update/delete against the independent emulator, for every documented policy shape:
 * what Graph stores and returns must diff as no change against the declared inputs after each operation, which is
 * the no-perpetual-diff guarantee checked against a Graph the provider's own model did not write.
 */
import * as assert from "node:assert/strict";
import { startGraphEmulator, type RunningGraphEmulator } from "../../../emulator";
import type { PolicyInputs, PolicyOutputs } from "../../../provider/core/types";
import {
    DOCUMENTED_CATALOG_ID,
    DOCUMENTED_POLICY_FIXTURES,
    documentedInputs,
    seedDocumentedTenant,
} from "../../support/documentedPolicies";
import { assertNoChange, checked, operationsOn, tenantPolicyNames, type PolicyOperations } from "../../support/providerOnEmulator";

const POLICIES = "/v1.0/identityGovernance/entitlementManagement/assignmentPolicies";
const ACCESS_PACKAGES = "/v1.0/identityGovernance/entitlementManagement/accessPackages";

/** `METHOD route` of every logged Graph request, oldest first. */
async function routes(emulator: RunningGraphEmulator): Promise<string[]> {
    return (await emulator.admin.requests()).map((entry) => `${entry.method} ${entry.route ?? entry.path}`);
}

/** Outputs without the ids Graph generates for questions and custom extension stage settings. */
function withoutGeneratedIds(outputs: PolicyOutputs): unknown {
    const strip = (items: unknown[] | undefined) => items?.map((item) => ({ ...(item as Record<string, unknown>), id: undefined }));
    return JSON.parse(
        JSON.stringify({
            ...outputs,
            questions: strip(outputs.questions),
            customExtensionStageSettings: strip(outputs.customExtensionStageSettings),
        }),
    );
}

describe("integration: provider CRUD against the emulator", () => {
    let emulator: RunningGraphEmulator;
    let operations: PolicyOperations;

    before(async () => {
        emulator = await startGraphEmulator();
        await seedDocumentedTenant(emulator);
        operations = operationsOn(emulator);
    });
    after(() => emulator?.close());
    afterEach(async () => {
        assert.deepEqual(await tenantPolicyNames(emulator), [], "every test deletes what it created");
    });

    for (const fixture of DOCUMENTED_POLICY_FIXTURES) {
        it(`creates, reads, updates and deletes ${fixture} with no diff after each step`, async () => {
            const inputs = await checked(operations, documentedInputs(fixture));

            await emulator.admin.resetLog();
            const created = await operations.create(inputs);
            assert.deepEqual(
                await routes(emulator),
                [`GET ${ACCESS_PACKAGES}/{id}`, `POST ${POLICIES}`, `PUT ${POLICIES}/{id}`],
                "the name lookup, the POST and the PUT that takes the mark off, no read-back",
            );
            const outs = created.outs as PolicyOutputs;
            assert.equal(outs.id, created.id);
            assert.equal(outs.accessPackageId, inputs.accessPackageId);
            assert.equal(outs.catalogId, DOCUMENTED_CATALOG_ID);
            await assertNoChange(operations, created.id, outs, inputs, "after create");
            const stored = await emulator.admin.get("assignmentPolicies", created.id);
            assert.equal(stored?.properties.displayName, inputs.displayName);

            const read = await operations.read(created.id, outs);
            assert.equal(read.id, created.id);
            await assertNoChange(operations, created.id, read.props as PolicyOutputs, inputs, "after read");
            // What the answer to the create's PUT gave matches what Graph returns when read, but for the ids Graph
            // generates for questions and custom extension stages, which it does not carry (and a diff ignores when
            // undeclared).
            assert.deepEqual(withoutGeneratedIds(outs), withoutGeneratedIds(read.props as PolicyOutputs));
            // What refresh writes back as inputs must check to the same declared inputs (no diff on the next up).
            const refreshedInputs = await checked(operations, (read as { inputs?: Record<string, unknown> }).inputs ?? {});
            await assertNoChange(operations, created.id, read.props as PolicyOutputs, refreshedInputs, "after refresh's inputs");

            const changed = await checked(operations, { ...inputs, description: `${inputs.description} (updated)` }, inputs);
            const planned = await operations.diff(created.id, read.props as PolicyOutputs, changed);
            assert.equal(planned.changes, true, "a changed description is a change");
            assert.deepEqual(planned.replaces ?? [], [], "and an in-place one");
            await emulator.admin.resetLog();
            const updated = await operations.update(created.id, read.props as PolicyOutputs, changed);
            assert.deepEqual(await routes(emulator), [`PUT ${POLICIES}/{id}`], "the PUT's answer gives the outputs");
            await assertNoChange(operations, created.id, updated.outs as PolicyOutputs, changed, "after update");
            const reread = await operations.read(created.id, updated.outs as PolicyOutputs);
            await assertNoChange(operations, created.id, reread.props as PolicyOutputs, changed, "after update and read");
            assert.equal((await emulator.admin.get("assignmentPolicies", created.id))?.properties.description, changed.description);

            await operations.delete(created.id, updated.outs as PolicyOutputs);
            assert.equal(await emulator.admin.get("assignmentPolicies", created.id), undefined);
            assert.deepEqual(
                await operations.read(created.id, updated.outs as PolicyOutputs),
                {},
                "read of a deleted policy says it is gone",
            );
        });
    }

    it("removes every custom extension stage with an update to [] (documented PUT example 2)", async () => {
        const withStage = await checked(operations, documentedInputs("seed-004-custom-extension-at-request-created.json"));
        const created = await operations.create(withStage);
        assert.equal((created.outs as PolicyOutputs).customExtensionStageSettings?.length, 1);
        const withoutStages = await checked(operations, documentedInputs("seed-004-remove-custom-extensions.json"), withStage);
        assert.equal((await operations.diff(created.id, created.outs as PolicyOutputs, withoutStages)).changes, true);

        const updated = await operations.update(created.id, created.outs as PolicyOutputs, withoutStages);
        assert.deepEqual((updated.outs as PolicyOutputs).customExtensionStageSettings ?? [], []);
        await assertNoChange(operations, created.id, updated.outs as PolicyOutputs, withoutStages, "after removing the stages");
        const stored = await emulator.admin.get("assignmentPolicies", created.id);
        assert.deepEqual(stored?.customExtensionStageSettings, []);
        await operations.delete(created.id, updated.outs as PolicyOutputs);
    });

    it("makes no Graph request for check and diff", async () => {
        await emulator.admin.resetLog();
        const inputs = await checked(operations, documentedInputs("seed-000-all-users.json"));
        await operations.diff(
            "87e1c7f7-c7f7-87e1-f7c7-e187f7c7e187",
            { ...inputs, id: "87e1c7f7-c7f7-87e1-f7c7-e187f7c7e187" } as PolicyOutputs,
            inputs as PolicyInputs,
        );
        assert.deepEqual(await emulator.admin.requests(), []);
    });
});
