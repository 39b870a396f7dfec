/**
 * Shared pieces of the lifecycle suite: engines on the lifecycle program (test/e2e/lifecycle/project) against one
 * emulator, the Graph routes the provider uses, and readers of the request log and of the policy in state.
 */
import * as path from "node:path";
import type { AssignmentPolicyRecord, RunningGraphEmulator } from "../../../emulator";
import {
    Engine,
    PulumiCli,
    type HarnessOptions,
    type PropertyMap,
    type PulumiCliOptions,
    type StackConfig,
    type StateResource,
} from "../../harness";
import { emulatorStackConfig } from "../../support/emulatorStackConfig";
import { EMULATOR_URL_ENV } from "./project/mocks";

/** The lifecycle program's project directory. */
export const LIFECYCLE_PROJECT = path.join(__dirname, "project");

/** Route template of the policy collection (list and create). */
export const POLICIES = "/v1.0/identityGovernance/entitlementManagement/assignmentPolicies";
/** Route template of one access package, read with its policies to look up a display name before a create. */
export const ACCESS_PACKAGE = "/v1.0/identityGovernance/entitlementManagement/accessPackages/{id}";
/** Route template of one policy (read, replace, delete). */
export const POLICY = `${POLICIES}/{id}`;

/** The policy's resource type token. */
export const POLICY_TYPE = "pulumi-nodejs:dynamic/entitlementManagement:AccessPackageAssignmentPolicy";

/** The URN of the program's policy in `stack`. */
export function policyUrn(stack: string, project = "lifecycle"): string {
    return `urn:pulumi:${stack}::${project}::${POLICY_TYPE}::policy`;
}

/**
 * An engine for the lifecycle program on its own stack, whose access package (created by the azuread mocks) is
 * named `packageName`. The stack name doubles as a unique prefix, so stacks of one suite never share a package.
 */
export function lifecycleEngine(
    emulator: RunningGraphEmulator,
    stack: string,
    options: { config?: StackConfig; env?: NodeJS.ProcessEnv } & Partial<HarnessOptions> = {},
): Engine {
    const { config, env, ...rest } = options;
    return new Engine({
        projectDir: LIFECYCLE_PROJECT,
        stack,
        mocks: `${path.join(LIFECYCLE_PROJECT, "mocks.ts")}#mocks`,
        ...rest,
        config: { "lifecycle:packageName": `${stack}-package`, ...emulatorStackConfig(emulator), ...config },
        env: { [EMULATOR_URL_ENV]: emulator.url, ...env },
    });
}

/** The Graph requests since the last `resetLog`, as `METHOD route-template`. */
export async function graphCalls(emulator: RunningGraphEmulator): Promise<string[]> {
    return (await emulator.admin.requests()).map((entry) => `${entry.method} ${entry.route ?? entry.path}`);
}

/** A state entry with its inputs and outputs in the clear. */
export interface OpenedEntry {
    /** The state entry as kept (secrets sealed). */
    entry: StateResource;
    /** Its id. */
    id: string;
    /** Inputs in the clear. */
    inputs: PropertyMap;
    /** Outputs in the clear. */
    outputs: PropertyMap;
}

/** The live policy in `engine`'s state, opened; fails the test when there is none. */
export function policyInState(engine: Engine, urn: string): OpenedEntry {
    const entry = engine.state.get(urn);
    if (!entry) throw new Error(`${urn} is not in state`);
    return { entry, id: entry.id, inputs: engine.reveal(entry.inputs).value, outputs: engine.reveal(entry.outputs).value };
}

/** Id of the access package named `displayName` (the mocks create one per package name). */
export async function packageIdOf(emulator: RunningGraphEmulator, displayName: string): Promise<string> {
    const found = (await emulator.admin.list("accessPackages")).find((record) => record.properties.displayName === displayName);
    if (!found) throw new Error(`no access package named ${displayName}`);
    return found.id;
}

/** The policies the emulator holds in the access package named `displayName`, so stacks of one suite stay apart. */
export async function policiesInPackage(emulator: RunningGraphEmulator, displayName: string): Promise<AssignmentPolicyRecord[]> {
    const accessPackageId = await packageIdOf(emulator, displayName);
    return (await emulator.admin.policies()).filter((policy) => policy.accessPackageId === accessPackageId);
}

/**
 * An access package named `displayName` seeded in the emulator, in the catalog named "lifecycle" (made on first use),
 * as the program's azuread mocks would make it, so that CLI and harness runs agree on `catalogId` too; its id.
 */
export async function seedAccessPackage(emulator: RunningGraphEmulator, displayName: string): Promise<string> {
    const existing = (await emulator.admin.list("catalogs")).find((record) => record.properties.displayName === "lifecycle");
    const catalogId = existing?.id ?? (await emulator.admin.seed("catalogs", { displayName: "lifecycle" })).id;
    return (await emulator.admin.seed("accessPackages", { displayName, catalog: { id: catalogId } })).id;
}

/**
 * A stack of the lifecycle program under the real CLI. The CLI has no azuread plugin, so the access package named
 * `packageName` is seeded in the emulator and its id passed in config, next to the emulator's settings and `config`.
 */
export async function lifecycleCli(
    emulator: RunningGraphEmulator,
    packageName: string,
    options: Omit<PulumiCliOptions, "projectDir"> & { projectDir?: string } = {},
): Promise<{ cli: PulumiCli; accessPackageId: string }> {
    const accessPackageId = await seedAccessPackage(emulator, packageName);
    const cli = await PulumiCli.create({
        projectDir: LIFECYCLE_PROJECT,
        ...options,
        config: { ...emulatorStackConfig(emulator), "lifecycle:accessPackageId": accessPackageId, ...options.config },
    });
    return { cli, accessPackageId };
}
