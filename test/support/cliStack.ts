/**
 * A project's whole life through the real `pulumi` CLI against the emulator: preview, up, a no-op up and destroy,
 * with the emulator's request log and records checked at each step. Shared by the consumer projects and the examples.
 */
import * as assert from "node:assert/strict";
import type { AssignmentPolicyRecord, RunningGraphEmulator } from "../../emulator";
import type { PulumiCli } from "../harness";
import { graphCalls, POLICY_TYPE } from "../e2e/lifecycle/lifecycleStack";

/** A resource of `pulumi stack export` or a step of `pulumi preview --json`, as far as these checks read it. */
interface UrnHolder {
    urn: string;
}

/** The resource name of a policy URN, or undefined for any other type. */
function policyName(urn: string): string | undefined {
    const [, , type, name] = urn.split("::");
    return type === POLICY_TYPE ? name : undefined;
}

/** The emulator's record of each policy in the CLI's state, by resource name. */
async function deployedPolicies(emulator: RunningGraphEmulator, cli: PulumiCli): Promise<Map<string, AssignmentPolicyRecord>> {
    const exported = (await cli.exportState()) as { deployment?: { resources?: (UrnHolder & { id: string })[] } };
    const policies = new Map<string, AssignmentPolicyRecord>();
    for (const resource of exported.deployment?.resources ?? []) {
        const name = policyName(resource.urn);
        if (name === undefined) continue;
        const record = await emulator.admin.get("assignmentPolicies", resource.id);
        assert.ok(record, `policy ${resource.urn} (${resource.id}) is in state but not in the emulator`);
        policies.set(name, record);
    }
    return policies;
}

/**
 * Previews a new stack (every policy in `names` planned for create, not one Graph request), creates it, lets
 * `afterCreate` inspect the emulator's records, runs `up` again (no Graph write, the same policy ids) and destroys
 * it (state and emulator empty of its policies).
 */
export async function deployAndDestroyWithCli(
    emulator: RunningGraphEmulator,
    cli: PulumiCli,
    names: string[],
    afterCreate?: (policies: Map<string, AssignmentPolicyRecord>) => Promise<void> | void,
): Promise<void> {
    const expected = [...names].sort();
    await emulator.admin.resetLog();
    const plan = (await cli.preview()) as { steps?: (UrnHolder & { op: string })[] };
    const planned = (plan.steps ?? []).filter((step) => policyName(step.urn) !== undefined);
    assert.deepEqual(
        planned.map((step) => `${policyName(step.urn)} ${step.op}`).sort(),
        expected.map((name) => `${name} create`),
    );
    assert.deepEqual(await graphCalls(emulator), [], "preview of a new stack sent Graph requests");

    await cli.up();
    const created = await deployedPolicies(emulator, cli);
    assert.deepEqual([...created.keys()].sort(), expected);
    await afterCreate?.(created);

    await emulator.admin.resetLog();
    await cli.up();
    assert.deepEqual(
        (await graphCalls(emulator)).filter((call) => !call.startsWith("GET ")),
        [],
        "a no-op up wrote to Graph",
    );
    const again = await deployedPolicies(emulator, cli);
    assert.deepEqual(
        new Map([...again].map(([name, record]) => [name, record.id])),
        new Map([...created].map(([name, record]) => [name, record.id])),
    );

    await cli.destroy();
    assert.deepEqual([...(await deployedPolicies(emulator, cli)).keys()], []);
    for (const [name, record] of created) {
        assert.equal(await emulator.admin.get("assignmentPolicies", record.id), undefined, `${name} survived destroy`);
    }
}
