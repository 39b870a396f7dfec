/**
 * Shared setup of the in-process fault tests: one emulator per suite, a fresh access package and an empty request
 * log and fault list per test, and a compact view of the policy requests Graph saw.
 */
import * as assert from "node:assert/strict";
import { startGraphEmulator, type RequestLogEntry, type RunningGraphEmulator } from "../../../emulator";
import type { PolicyInputs } from "../../../provider/core/types";
import { checked, minimalInputs, newAccessPackage, operationsOn, type PolicyOperations } from "../../support/providerOnEmulator";

/** What a fault test works with; filled in by the hooks {@link useFaultEmulator} registers. */
export interface FaultSuite {
    emulator: RunningGraphEmulator;
    /** A fresh access package for the current test. */
    accessPackageId: string;
    /** Operations with the fast retry timings, `overrides` (stack config keys) on top. */
    operations(overrides?: Record<string, string>): PolicyOperations;
    /** Checked minimal inputs for a policy named `displayName` in the test's access package. */
    inputs(displayName: string, extra?: Record<string, unknown>): Promise<PolicyInputs>;
}

/** Registers mocha hooks for one emulator per suite and a clean tenant per test. */
export function useFaultEmulator(): FaultSuite {
    const suite = {} as FaultSuite;
    before(async () => {
        suite.emulator = await startGraphEmulator();
        suite.operations = (overrides = {}) => operationsOn(suite.emulator, overrides);
        suite.inputs = (displayName, extra = {}) =>
            checked(suite.operations(), { ...minimalInputs(suite.accessPackageId, displayName), ...extra });
    });
    after(() => suite.emulator?.close());
    beforeEach(async () => {
        await suite.emulator.admin.clearFaults();
        await suite.emulator.admin.reset();
        suite.accessPackageId = await newAccessPackage(suite.emulator, "faults");
        await suite.emulator.admin.resetLog();
    });
    return suite;
}

/** The regular expression of the policy collection and item paths, for fault rules. */
export const POLICY_COLLECTION = "/assignmentPolicies$";
export const POLICY_ITEM = "/assignmentPolicies/[^/]+$";
/** The regular expression of one access package's path, where the provider looks up display names. */
export const ACCESS_PACKAGE_ITEM = "/accessPackages/[^/]+$";

/** What a logged request was about: the policy collection, one policy, or a name lookup through the access package. */
function targetOf(route: string): "list" | "item" | "lookup" | undefined {
    if (route.endsWith("/accessPackages/{id}")) return "lookup";
    if (route.endsWith("/assignmentPolicies/{id}")) return "item";
    return route.endsWith("/assignmentPolicies") ? "list" : undefined;
}

/**
 * Policy requests as `METHOD target status`, oldest first: target `list` (the collection: a POST), `item` (one
 * policy) or `lookup` (the access package's policies, read to find a display name); status `dropped` when the
 * connection was cut.
 */
export async function policyTraffic(emulator: RunningGraphEmulator): Promise<string[]> {
    return (await emulator.admin.requests())
        .map((entry: RequestLogEntry) => ({ entry, target: entry.route === null ? undefined : targetOf(entry.route) }))
        .filter(({ target }) => target !== undefined)
        .map(({ entry, target }) => `${entry.method} ${target} ${entry.status ?? "dropped"}`);
}

/**
 * Asserts what follows a POST repeated after one whose outcome was unknown: the PUT that takes the create's mark off
 * its policy, then only lookups (at least one), which watch for a policy the lost POST might still make.
 */
export function assertWatchedAfterRepost(traffic: string[]): void {
    const reposted = traffic.lastIndexOf("POST list 201");
    assert.equal(traffic[reposted + 1], "PUT item 200", traffic.join(", "));
    const watch = traffic.slice(reposted + 2);
    assert.ok(watch.length > 0 && watch.every((line) => line === "GET lookup 200"), traffic.join(", "));
}

/**
 * Asserts that the tenant and the stacks agree: every policy in the tenant is in exactly one stack's state (or among
 * `foreign`, ids another writer owns), and every policy in a state exists.
 */
export async function assertTenantAndStatesAgree(
    emulator: RunningGraphEmulator,
    states: Array<{ resources: Array<{ type: string; id: string }> }>,
    foreign: string[] = [],
): Promise<void> {
    const tenant = (await emulator.admin.policies()).map((policy) => policy.id).sort();
    const recorded = states.flatMap((state) =>
        state.resources.filter((resource) => resource.type !== "pulumi:pulumi:Stack").map((resource) => resource.id),
    );
    assert.equal(new Set(recorded).size, recorded.length, `no policy is in two states: ${recorded.join(", ")}`);
    assert.deepEqual(
        [...recorded, ...foreign].sort(),
        tenant,
        "each policy in the tenant is known to exactly one state, and each one in a state exists",
    );
}

/** Asserts the tenant holds exactly these policy display names (sorted), nothing more: no duplicates, no orphans. */
export async function assertTenantHolds(emulator: RunningGraphEmulator, displayNames: string[]): Promise<void> {
    const stored = (await emulator.admin.policies()).map((policy) => String(policy.properties.displayName)).sort();
    assert.deepEqual(stored, [...displayNames].sort());
}

/** Asserts that an error message is one a user can act on and that it leaks no token. */
export function assertExplains(
    error: unknown,
    expected: { operation: string; displayName?: string; id?: string; status?: number; code: string; requestId?: string },
    emulator: RunningGraphEmulator,
): void {
    assert.ok(error instanceof Error, `expected an Error, got ${String(error)}`);
    const message = error.message;
    assert.ok(message.startsWith(`${expected.operation} access package assignment polic`), `names the operation: ${message}`);
    if (expected.displayName !== undefined) assert.ok(message.includes(`"${expected.displayName}"`), `names the policy: ${message}`);
    if (expected.id !== undefined) assert.ok(message.includes(expected.id), `names the id: ${message}`);
    if (expected.status !== undefined)
        assert.ok(message.includes(`Graph returned ${expected.status} ${expected.code}`), `status and code: ${message}`);
    else assert.ok(message.includes(expected.code), `code: ${message}`);
    if (expected.requestId !== undefined) assert.ok(message.includes(`request-id ${expected.requestId}`), `request-id: ${message}`);
    assert.ok(!message.includes(emulator.token), "the message holds no token");
}
