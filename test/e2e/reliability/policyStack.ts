/**
 * Stacks of the config-driven program in `program/`, run by the engine harness against an emulator: what the
 * end-to-end reliability, property and secret tests drive through the real dynamic-provider host.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { RunningGraphEmulator } from "../../../emulator";
import { Engine, type StackConfig } from "../../harness";
import { FAST_RETRY_CONFIG } from "../../support/providerOnEmulator";

/** The project every stack here runs. */
export const PROGRAM_DIR = path.join(__dirname, "program");

/** A policy of the program: resource name and `AccessPackageAssignmentPolicyArgs` as plain JSON. */
export interface DeclaredPolicy {
    name: string;
    args: Record<string, unknown>;
}

/** Options of {@link policyStack}. */
export interface PolicyStackOptions {
    /** Stack config besides the policies; by default the emulator's endpoint and token plus fast retries. */
    config?: StackConfig;
    /** Environment of the program and the host. */
    env?: NodeJS.ProcessEnv;
    /** `pulumi up --parallel`. */
    parallel?: number;
    /** Stack name, to run several stacks of the project at once. */
    stack?: string;
}

/** Stack config pointing the host at the emulator with fast retries (the token as secret config). */
export function emulatorConfig(emulator: RunningGraphEmulator): StackConfig {
    return { "entra:graphEndpoint": emulator.url, "entra:token": { secret: emulator.token }, ...FAST_RETRY_CONFIG };
}

/** Sets the policies a stack's program declares. */
export function declarePolicies(engine: Engine, policies: DeclaredPolicy[]): void {
    engine.config["reliability:policies"] = JSON.stringify(policies);
}

/** A stack's engine and the file its state is saved to. */
export interface PolicyStack {
    engine: Engine;
    stateFile: string;
    /** Removes the state directory. */
    dispose(): void;
}

/** An engine for a new stack of the program, with its state saved in a fresh temporary directory. */
export function policyStack(emulator: RunningGraphEmulator, policies: DeclaredPolicy[], options: PolicyStackOptions = {}): PolicyStack {
    const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), "reliability-stack-"));
    const stateFile = path.join(stateDir, "state.json");
    const engine = new Engine({
        projectDir: PROGRAM_DIR,
        stack: options.stack,
        config: options.config ?? emulatorConfig(emulator),
        env: options.env,
        parallel: options.parallel,
        stateFile,
    });
    declarePolicies(engine, policies);
    return { engine, stateFile, dispose: () => fs.rmSync(stateDir, { recursive: true, force: true }) };
}

/** The `reliability` program's URN of a policy resource. */
export function policyUrn(name: string, stack = "dev"): string {
    return `urn:pulumi:${stack}::reliability::pulumi-nodejs:dynamic/entitlementManagement:AccessPackageAssignmentPolicy::${name}`;
}
