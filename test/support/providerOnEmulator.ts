/**
 * The provider's operations (`bindOperations`) pointed at a running emulator with short retry timings, plus the
 * little tenant setup most provider-level tests need. Used by test/dynamic/integration and test/e2e/reliability.
 */
import * as assert from "node:assert/strict";
import type { RunningGraphEmulator } from "../../emulator";
import { bindOperations } from "../../provider/dynamic/implementation";
import type { PolicyInputs, PolicyOutputs } from "../../provider/core/types";

/** The provider operations as bound for one host process. */
export type PolicyOperations = ReturnType<typeof bindOperations>;

/**
 * Retry timings small enough for tests (seconds, as stack config takes them): backoff of 10–50 ms, 2 s per attempt
 * and 5 s per operation. The minimum the provider accepts for the two timeouts is 1 s.
 */
export const FAST_RETRY_CONFIG: Readonly<Record<string, string>> = {
    "entra:retryBaseDelay": "0.01",
    "entra:retryMaxDelay": "0.05",
    "entra:requestTimeout": "2",
    "entra:operationTimeout": "5",
};

/**
 * Operations bound as the host binds them in `configure`, with stack config reaching the emulator with its token and
 * {@link FAST_RETRY_CONFIG}; `overrides` win. (Programs run through the harness use `emulatorStackConfig`.)
 */
export function operationsOn(emulator: RunningGraphEmulator, overrides: Record<string, string> = {}): PolicyOperations {
    const config: Record<string, string> = {
        "entra:graphEndpoint": emulator.url,
        "entra:token": emulator.token,
        ...FAST_RETRY_CONFIG,
        ...overrides,
    };
    return bindOperations({ get: (key) => config[key] });
}

/** `check` of new inputs, asserting that they are valid; returns the checked inputs the engine would pass on. */
export async function checked(
    operations: PolicyOperations,
    news: Record<string, unknown>,
    olds: Record<string, unknown> = {},
): Promise<PolicyInputs> {
    const result = await operations.check(olds as PolicyInputs, news as PolicyInputs);
    assert.deepEqual(result.failures ?? [], [], `check failed for ${JSON.stringify(news)}`);
    return result.inputs as PolicyInputs;
}

/** Asserts that the provider's diff finds nothing to change between stored outputs and checked inputs. */
export async function assertNoChange(
    operations: PolicyOperations,
    id: string,
    outputs: PolicyOutputs,
    inputs: PolicyInputs,
    when: string,
): Promise<void> {
    const diff = await operations.diff(id, outputs, inputs);
    assert.equal(diff.changes, false, `perpetual diff ${when}: ${JSON.stringify(diff)}`);
    assert.deepEqual(diff.replaces ?? [], [], `replacement planned ${when}`);
}

/** A new catalog and access package, made through the emulator's validation; returns the package id. */
export async function newAccessPackage(emulator: RunningGraphEmulator, name: string): Promise<string> {
    const catalog = await emulator.admin.seed("catalogs", { displayName: `${name} catalog` });
    const accessPackage = await emulator.admin.seed("accessPackages", { displayName: name, catalog: { id: catalog.id } });
    return accessPackage.id;
}

/** The smallest valid request-based policy inputs for an access package. */
export function minimalInputs(accessPackageId: string, displayName: string): Record<string, unknown> {
    return {
        accessPackageId,
        displayName,
        description: `${displayName} (test)`,
        allowedTargetScope: "allMemberUsers",
        requestorSettings: { enableTargetsToSelfAddAccess: true },
        requestApprovalSettings: {},
    };
}

/** Display names of the policies stored in the tenant, sorted; duplicates show up twice. */
export async function tenantPolicyNames(emulator: RunningGraphEmulator, accessPackageId?: string): Promise<string[]> {
    const policies = await emulator.admin.policies();
    return policies
        .filter((policy) => accessPackageId === undefined || policy.accessPackageId === accessPackageId)
        .map((policy) => String(policy.properties.displayName))
        .sort();
}
