/**
 * What a provider costs the dynamic-provider host at start: from spawning the host to the first `Check` answered,
 * then the first `Create` (which loads whatever the provider defers until it talks to its backend) and a second,
 * warm `Create` for comparison. Ours against a provider that does no I/O; medians over several runs.
 */
import { performance } from "node:perf_hooks";
import type { RunningGraphEmulator } from "../../emulator";
import { Engine, ProviderHost, type CapturedResource, type PropertyMap, type StackConfig } from "../../test/harness";
import { BENCH_STACK, emulatorEnv, policiesConfig, POLICIES_PROGRAM, TRIVIAL_PROGRAM, type BenchProgram } from "../support/benchPrograms";
import { seedAccessPackages } from "../support/benchTenant";
import { withHostUsage } from "../support/hostUsage";
import { median } from "../support/stats";

/** Medians of one provider's start-up, in milliseconds (RSS in MiB). */
export interface HostStartup {
    /** Which provider. */
    provider: string;
    /** Runs the medians are taken over. */
    runs: number;
    /** Spawn to `Configure` answered (the host itself; no provider code runs yet). */
    readyMs: number;
    /** Spawn to the first `Check` answered (the provider is deserialized and configured here). */
    firstCheckMs: number;
    /** `Configure` answered to the first `Check` answered: what loading the provider costs. */
    providerLoadMs: number;
    /** The first `Create` call alone. */
    firstCreateMs: number;
    /** The second `Create` call alone, with everything loaded. */
    secondCreateMs: number;
    /** Peak resident memory of the host. */
    peakRssMiB?: number;
}

interface Run {
    readyMs: number;
    firstCheckMs: number;
    firstCreateMs: number;
    secondCreateMs: number;
    peakRssMiB?: number;
}

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
    const started = performance.now();
    const value = await work();
    return { value, ms: performance.now() - started };
}

/** One cold host: spawn, Check + Create twice, then delete what it created (untimed) and stop. */
async function runOnce(program: BenchProgram, config: StackConfig, env: NodeJS.ProcessEnv, resources: CapturedResource[]): Promise<Run> {
    const started = performance.now();
    const host = await ProviderHost.start({ projectDir: program.projectDir, project: program.project, stack: BENCH_STACK, config, env });
    const readyMs = performance.now() - started;
    const created: { urn: string; id: string; inputs: PropertyMap; outputs: PropertyMap }[] = [];
    const checkedAt: number[] = [];
    const createMs: number[] = [];
    try {
        for (const resource of resources) {
            const { inputs, failures } = await host.check(resource.urn, {}, resource.inputs);
            checkedAt.push(performance.now() - started);
            if (failures.length > 0) throw new Error(`${resource.name}: ${JSON.stringify(failures)}`);
            const { value, ms } = await timed(() => host.create(resource.urn, inputs));
            createMs.push(ms);
            created.push({ urn: resource.urn, id: value.id, inputs, outputs: value.outputs });
        }
        // Ours refuses a second policy with the same display name, so each run leaves the tenant as it found it.
        for (const { urn, id, inputs, outputs } of created) await host.delete(urn, id, outputs, inputs);
    } finally {
        await host.stop();
    }
    return { readyMs, firstCheckMs: checkedAt[0], firstCreateMs: createMs[0], secondCreateMs: createMs[1] };
}

interface Case {
    label: string;
    program: BenchProgram;
    config: StackConfig;
    resources: CapturedResource[];
    runs: Run[];
}

async function prepare(label: string, program: BenchProgram, config: StackConfig, env: NodeJS.ProcessEnv): Promise<Case> {
    const engine = new Engine({ projectDir: program.projectDir, project: program.project, stack: BENCH_STACK, config, env });
    const resources = (await engine.capture()).resources.filter((r) => r.dynamic);
    if (resources.length !== 2) throw new Error(`${label}: expected 2 dynamic resources, got ${resources.length}`);
    return { label, program, config, resources, runs: [] };
}

function summarize({ label, runs }: Case): HostStartup {
    const of = (pick: (run: Run) => number | undefined): number[] => runs.map(pick).filter((v): v is number => v !== undefined);
    const rss = of((r) => r.peakRssMiB);
    return {
        provider: label,
        runs: runs.length,
        readyMs: median(of((r) => r.readyMs)),
        firstCheckMs: median(of((r) => r.firstCheckMs)),
        providerLoadMs: median(of((r) => r.firstCheckMs - r.readyMs)),
        firstCreateMs: median(of((r) => r.firstCreateMs)),
        secondCreateMs: median(of((r) => r.secondCreateMs)),
        ...(rss.length > 0 ? { peakRssMiB: median(rss) } : {}),
    };
}

/**
 * Start-up of the trivial provider and of ours (two policies in two access packages of the emulator). Runs of the
 * two alternate, so that load from other processes on the machine falls on both alike.
 */
export async function measureHostStartup(emulator: RunningGraphEmulator, runs: number): Promise<HostStartup[]> {
    const packages = await seedAccessPackages(emulator.admin, 2, "startup");
    const env = emulatorEnv(emulator);
    const cases = [
        await prepare("trivial dynamic provider (no I/O)", TRIVIAL_PROGRAM, {}, env),
        await prepare("AccessPackageAssignmentPolicy", POLICIES_PROGRAM, policiesConfig(2, packages), env),
    ];
    for (let i = 0; i < runs; i++) {
        for (const c of cases) {
            const { result, usage } = await withHostUsage(() => runOnce(c.program, c.config, env, c.resources));
            c.runs.push({ ...result, peakRssMiB: usage.peakRssMiB });
        }
    }
    return cases.map(summarize);
}
