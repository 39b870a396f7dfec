/**
 * The scale scenario through the real `pulumi` CLI (file backend, against the emulator with its added latency):
 * `up`, `refresh` and `destroy` of the policies stack, each next to the same command on a stack of as many resources
 * of a dynamic provider that does no I/O. What the CLI, its language host, the program and the provider host cost
 * with any dynamic provider is in both; the ratio of the two walls is what our provider and Graph add to it.
 */
import { execFileSync } from "node:child_process";
import type { RunningGraphEmulator } from "../../emulator";
import { isPulumiCliAvailable, NO_CLI_REASON, PulumiCli, type StackConfig } from "../../test/harness";
import { BENCH_STACK, emulatorEnv, policiesConfig, POLICIES_PROGRAM, TRIVIAL_PROGRAM, type BenchProgram } from "../support/benchPrograms";
import type { BenchSettings } from "../support/benchSettings";
import { seedAccessPackages } from "../support/benchTenant";
import { withGraphTraffic } from "../support/graphTraffic";
import { withHostUsage, type HostUsage } from "../support/hostUsage";

/** The stacks, in the order each command runs on them. */
export const CLI_STACKS = ["trivial dynamic provider (no I/O)", "AccessPackageAssignmentPolicy"] as const;

/** Which stack a step ran on. */
export type CliStackName = (typeof CLI_STACKS)[number];

/** One CLI command over one whole stack. */
export interface CliStep {
    /** The command (`up` and `refresh` with `--skip-preview`; `destroy` previews first, as `pulumi destroy --yes` does). */
    operation: "up" | "refresh" | "destroy";
    /** The stack it ran on. */
    stack: CliStackName;
    /** From starting the command to its exit, ms. */
    wallMs: number;
    /** `wallMs ÷` the trivial stack's wall for the same command. */
    ratioToTrivial: number;
    /** Graph requests it made (0 for the trivial stack). */
    requests: number;
    /** From starting the command to the first Graph request, ms (0 without requests). */
    beforeFirstRequestMs: number;
    /** From the first Graph request's arrival to the last response, ms (0 without requests). */
    graphWindowMs: number;
    /** From the last Graph response to the command's exit, ms (0 without requests). */
    afterLastResponseMs: number;
    /** CPU time and peak memory of the CLI and every process it started. */
    host: HostUsage;
}

/** The real-CLI scale scenario's results, or why it did not run. */
export type CliScale =
    | {
          /** `pulumi version`. */
          cliVersion: string;
          /** Resources in each stack. */
          policies: number;
          /** Access packages the policies are spread over. */
          packages: number;
          /** `PULUMI_PARALLEL`, the engine's parallelism. */
          parallel: number;
          /** Latency the emulator adds to every Graph request, ms. */
          latencyMs: number;
          /** Each command on the trivial stack, then on ours. */
          steps: CliStep[];
      }
    | { skipped: string };

/** How the type token of every `pulumi.dynamic.Resource` begins in state (`pulumi-nodejs:dynamic/<module>:<type>`). */
const DYNAMIC_RESOURCE_TYPE = "pulumi-nodejs:dynamic";

interface Stack {
    name: CliStackName;
    cli: PulumiCli;
}

/** Throws unless the stack holds `expected` dynamic resources: the command must have done what its figure claims. */
async function expectResources(stack: Stack, operation: string, expected: number): Promise<void> {
    const exported = (await stack.cli.exportState()) as { deployment?: { resources?: { type: string }[] } };
    const found = (exported.deployment?.resources ?? []).filter((r) => r.type.startsWith(DYNAMIC_RESOURCE_TYPE)).length;
    if (found !== expected) throw new Error(`${stack.name}: expected ${expected} dynamic resources after ${operation}, found ${found}`);
}

async function measureStep(
    emulator: RunningGraphEmulator,
    stack: Stack,
    operation: CliStep["operation"],
    expected: number,
): Promise<Omit<CliStep, "ratioToTrivial">> {
    const { result, usage } = await withHostUsage(() => withGraphTraffic(emulator.admin, () => stack.cli[operation]()), "process tree");
    const { total, wallMs, graphWindowMs, beforeFirstRequestMs, complete } = result.traffic;
    if (!complete) throw new Error(`${operation}: the emulator's request log overflowed (${total} requests); lower BENCH_POLICIES`);
    if (stack.name === CLI_STACKS[0] && total > 0) throw new Error(`${stack.name}: ${operation} made ${total} Graph requests`);
    await expectResources(stack, operation, expected);
    return {
        operation,
        stack: stack.name,
        wallMs,
        requests: total,
        beforeFirstRequestMs,
        graphWindowMs,
        afterLastResponseMs: total === 0 ? 0 : wallMs - beforeFirstRequestMs - graphWindowMs,
        host: usage,
    };
}

async function createStack(name: CliStackName, program: BenchProgram, config: StackConfig, env: NodeJS.ProcessEnv): Promise<Stack> {
    return { name, cli: await PulumiCli.create({ projectDir: program.projectDir, stack: BENCH_STACK, config, env }) };
}

/**
 * Both stacks of `settings.policies` resources in their own file backends; each command runs on the trivial stack,
 * then on ours, so that load from other processes on the machine falls on both alike. Skipped, with the reason,
 * when no `pulumi` is on PATH.
 */
export async function measureCliScale(emulator: RunningGraphEmulator, settings: BenchSettings): Promise<CliScale> {
    if (!isPulumiCliAvailable()) return { skipped: NO_CLI_REASON };
    const n = settings.policies;
    const packages = await seedAccessPackages(emulator.admin, settings.packages, "cli");
    // The CLI takes its default `--parallel` from PULUMI_PARALLEL; without it, 4 × the cores (8 here), not the setting.
    const env = { ...emulatorEnv(emulator), PULUMI_PARALLEL: String(settings.parallel) };
    const stacks: Stack[] = [];
    const steps: CliStep[] = [];
    try {
        stacks.push(await createStack(CLI_STACKS[0], TRIVIAL_PROGRAM, { "bench:count": String(n) }, env));
        stacks.push(await createStack(CLI_STACKS[1], POLICIES_PROGRAM, policiesConfig(n, packages), env));
        for (const [operation, expected] of [
            ["up", n],
            ["refresh", n],
            ["destroy", 0],
        ] as const) {
            const [trivial, ours] = [
                await measureStep(emulator, stacks[0], operation, expected),
                await measureStep(emulator, stacks[1], operation, expected),
            ];
            steps.push({ ...trivial, ratioToTrivial: 1 }, { ...ours, ratioToTrivial: ours.wallMs / trivial.wallMs });
        }
    } finally {
        for (const stack of stacks) await stack.cli.dispose();
    }
    return {
        cliVersion: execFileSync("pulumi", ["version"], { encoding: "utf8" }).trim(),
        policies: n,
        packages: settings.packages,
        parallel: settings.parallel,
        latencyMs: settings.latencyMs,
        steps,
    };
}
