/**
 * The lifecycle program driven the same way through either engine: the harness (with the azuread mocks) or the real
 * `pulumi` CLI (no azuread plugin there: the access package is seeded in the emulator and its id passed in config).
 * Each driver owns a stack on its own emulator, so the differential suite can run one scenario through both and
 * compare what Graph saw and what state kept.
 */
import type { RunningGraphEmulator } from "../../../emulator";
import type { Engine, PropertyMap } from "../../harness";
import { lifecycleCli, lifecycleEngine, policyInState, policyUrn, POLICY_TYPE, seedAccessPackage } from "./lifecycleStack";

/** The policy as one engine's state holds it. */
export interface PolicyInState {
    id: string;
    outputs: PropertyMap;
}

/** One stack of the lifecycle program, whichever engine runs it. */
export interface LifecycleDriver {
    /** The operations a preview plans for the policy resource. */
    previewPolicyOps(): Promise<string[]>;
    up(): Promise<void>;
    refresh(): Promise<void>;
    destroy(): Promise<void>;
    /** Changes `lifecycle:*` config for the next operation. */
    setConfig(config: Record<string, string>): Promise<void>;
    /** Moves the policy to a new access package named `displayName` (a replace on the next `up`). */
    moveToPackage(displayName: string): Promise<void>;
    /** The policy in state, if any. */
    policy(): Promise<PolicyInState | undefined>;
    dispose(): Promise<void>;
}

const STACK = "differential";

/** The harness, with the azuread mocks creating the catalog and the access package on `up`. */
export function harnessDriver(emulator: RunningGraphEmulator, packageName: string): LifecycleDriver {
    const engine: Engine = lifecycleEngine(emulator, STACK, { config: { "lifecycle:packageName": packageName } });
    const urn = policyUrn(STACK);
    const failOn = async (operation: Promise<{ errors: string[] }>): Promise<void> => {
        const { errors } = await operation;
        if (errors.length > 0) throw new Error(errors.join("\n"));
    };
    return {
        previewPolicyOps: async () => (await engine.preview()).steps.filter((s) => s.urn === urn).map((s) => s.op),
        up: () => failOn(engine.up()),
        refresh: () => failOn(engine.refresh()),
        destroy: () => failOn(engine.destroy()),
        setConfig: async (config) => void Object.assign(engine.config, prefixed(config)),
        moveToPackage: async (displayName) => void (engine.config["lifecycle:packageName"] = displayName),
        policy: async () => (engine.state.get(urn) ? policyInState(engine, urn) : undefined),
        dispose: async () => undefined,
    };
}

/** The real CLI on a file backend, with the access package seeded in the emulator the way the mocks would. */
export async function cliDriver(emulator: RunningGraphEmulator, packageName: string): Promise<LifecycleDriver> {
    const { cli } = await lifecycleCli(emulator, packageName, { stack: STACK });
    return {
        previewPolicyOps: async () => {
            const preview = (await cli.preview()) as { steps?: { op: string; urn: string }[] };
            // The CLI lists a replace as three steps (create-replacement, replace, delete-replaced); the harness as one.
            const policySteps = (preview.steps ?? []).filter((s) => s.urn.endsWith(`${POLICY_TYPE}::policy`));
            return policySteps.map((s) => s.op).filter((op) => op !== "create-replacement" && op !== "delete-replaced");
        },
        up: async () => void (await cli.up()),
        refresh: async () => void (await cli.refresh()),
        destroy: async () => void (await cli.destroy()),
        setConfig: (config) => cli.setConfig(prefixed(config)),
        moveToPackage: async (displayName) =>
            cli.setConfig({ "lifecycle:accessPackageId": await seedAccessPackage(emulator, displayName) }),
        policy: async () => {
            const exported = (await cli.exportState()) as { deployment?: { resources?: (PolicyInState & { type: string })[] } };
            const found = (exported.deployment?.resources ?? []).find((r) => r.type === POLICY_TYPE);
            return found && { id: found.id, outputs: found.outputs };
        },
        dispose: () => cli.dispose(),
    };
}

function prefixed(config: Record<string, string>): Record<string, string> {
    return Object.fromEntries(Object.entries(config).map(([key, value]) => [`lifecycle:${key}`, value]));
}
