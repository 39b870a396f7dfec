/** The Pulumi projects the benchmark drives, and engines over them wired to an emulator. */
import * as path from "node:path";
import type { RunningGraphEmulator } from "../../emulator";
import { Engine, type StackConfig } from "../../test/harness";

/** A Pulumi project directory and its name (from its Pulumi.yaml). */
export interface BenchProgram {
    /** Project directory: cwd of the program and of the provider host. */
    projectDir: string;
    /** Project name. */
    project: string;
}

/** N policies spread over access packages (`bench:count`, `bench:packages`, `bench:description`). */
export const POLICIES_PROGRAM: BenchProgram = {
    projectDir: path.join(__dirname, "..", "programs", "policies"),
    project: "entra-policy-bench",
};

/** The same policies through the `entra` plugin, which the project's `plugins.providers` points the engine at. */
export const PLUGIN_PROGRAM: BenchProgram = {
    projectDir: path.join(__dirname, "..", "programs", "plugin"),
    project: "entra-plugin-bench",
};

/** Two resources of a dynamic provider that does no I/O. */
export const TRIVIAL_PROGRAM: BenchProgram = {
    projectDir: path.join(__dirname, "..", "programs", "trivial"),
    project: "trivial-dynamic-bench",
};

/** The stack every benchmark engine uses. */
export const BENCH_STACK = "bench";

/** The environment the provider host finds the emulator by (the provider's test contract). */
export function emulatorEnv(emulator: RunningGraphEmulator): NodeJS.ProcessEnv {
    return { ENTRA_GRAPH_ENDPOINT: emulator.url, ENTRA_GRAPH_TOKEN: emulator.token };
}

/** Stack config of the policies program. */
export function policiesConfig(count: number, packages: string[], description?: string): StackConfig {
    return {
        "bench:count": String(count),
        "bench:packages": JSON.stringify(packages),
        ...(description === undefined ? {} : { "bench:description": description }),
    };
}

/** An engine over the policies program, talking to `emulator` with the provider's default retry behaviour. */
export function policiesEngine(emulator: RunningGraphEmulator, config: StackConfig, parallel = 1): Engine {
    return new Engine({
        projectDir: POLICIES_PROGRAM.projectDir,
        project: POLICIES_PROGRAM.project,
        stack: BENCH_STACK,
        config,
        env: emulatorEnv(emulator),
        parallel,
    });
}
