/**
 * The scale scenario through the real `pulumi` CLI (file backends, against the emulator with its added latency):
 * the same policies through the dynamic provider and through the `entra` plugin, both from a TypeScript program, and
 * `up`, `refresh` and `destroy` of as many resources of a dynamic provider that does no I/O. What the CLI, its
 * language host, the program and a provider host cost with any dynamic provider is in the trivial stack; the ratio of
 * the walls is what our provider and Graph add to it, and the plugin's ratio to the dynamic provider what the door
 * changes.
 */
import { execFileSync } from "node:child_process";
import type { RunningGraphEmulator } from "../../emulator";
import { isPulumiCliAvailable, NO_CLI_REASON, PulumiCli, type StackConfig } from "../../test/harness";
import {
    BENCH_STACK,
    emulatorEnv,
    PLUGIN_PROGRAM,
    policiesConfig,
    POLICIES_PROGRAM,
    TRIVIAL_PROGRAM,
    type BenchProgram,
} from "../support/benchPrograms";
import type { BenchSettings } from "../support/benchSettings";
import { seedAccessPackages } from "../support/benchTenant";
import { withGraphTraffic } from "../support/graphTraffic";
import { withHostUsage, type HostUsage } from "../support/hostUsage";
import { stateSizeOf, type ExportedResource, type ResourceStateSize } from "../support/stateSize";

/** The stacks, in the order each command runs on them. */
export const CLI_STACKS = [
    "trivial dynamic provider (no I/O)",
    "AccessPackageAssignmentPolicy (dynamic provider)",
    "AccessPackageAssignmentPolicy (plugin entra)",
] as const;

/** Which stack a step ran on. */
export type CliStackName = (typeof CLI_STACKS)[number];

/** The commands, in the order they run. */
export const CLI_OPERATIONS = ["up", "no-op up", "preview", "update", "refresh", "destroy"] as const;

/** One of the commands: `preview` plans an in-place update of every policy, which `update` then applies. */
export type CliOperation = (typeof CLI_OPERATIONS)[number];

/** The commands the trivial stack runs too: it has nothing to update. */
export const TRIVIAL_OPERATIONS: readonly CliOperation[] = ["up", "refresh", "destroy"];

/** The Graph requests per policy each command must make, on either policies stack (issue #17). */
export const REQUESTS_PER_POLICY: Record<CliOperation, number> = { up: 3, "no-op up": 0, preview: 0, update: 1, refresh: 1, destroy: 2 };

/** One CLI command over one whole stack. */
export interface CliStep {
    /** The command: every `up` and `refresh` with `--skip-preview`; `destroy` previews first, as `pulumi destroy --yes` does. */
    operation: CliOperation;
    /** The stack it ran on. */
    stack: CliStackName;
    /** From starting the command to its exit, ms. */
    wallMs: number;
    /** `wallMs ÷` the trivial stack's wall for the same command; absent for the commands the trivial stack does not run. */
    ratioToTrivial?: number;
    /** `wallMs ÷` the dynamic provider's wall for the same command; only on the plugin's steps. */
    ratioToDynamic?: number;
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

/** One stack's state per resource, measured right after its first `up`. */
export interface CliStateSize extends ResourceStateSize {
    /** The stack. */
    stack: CliStackName;
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
          /** Each command in turn on each stack that runs it, stacks in the order of {@link CLI_STACKS}. */
          steps: CliStep[];
          /** State per resource of each stack. */
          stateSizes: CliStateSize[];
      }
    | { skipped: string };

interface Stack {
    name: CliStackName;
    cli: PulumiCli;
    /** How the type token of the stack's resources begins in state. */
    resourceType: string;
    operations: readonly CliOperation[];
}

const UPDATED_DESCRIPTION = "Benchmark policy, updated.";

/** Runs one command; a preview must plan the update of every resource, or its zero requests would prove nothing. */
async function runCommand(stack: Stack, operation: CliOperation, resources: number): Promise<void> {
    if (operation === "preview") {
        const plan = (await stack.cli.preview()) as { steps?: { op: string }[] };
        const updates = (plan.steps ?? []).filter((step) => step.op === "update").length;
        if (updates !== resources) throw new Error(`${stack.name}: preview planned ${updates} updates of ${resources} resources`);
    } else if (operation === "refresh" || operation === "destroy") {
        await stack.cli[operation]();
    } else {
        await stack.cli.up();
    }
}

/** The stack's resources of its type; throws unless there are `expected`: the command must have done what its figure claims. */
async function expectResources(stack: Stack, operation: string, expected: number): Promise<ExportedResource[]> {
    const exported = (await stack.cli.exportState()) as { deployment?: { resources?: ExportedResource[] } };
    const found = (exported.deployment?.resources ?? []).filter((r) => r.type.startsWith(stack.resourceType));
    if (found.length !== expected)
        throw new Error(`${stack.name}: expected ${expected} resources after ${operation}, found ${found.length}`);
    return found;
}

async function measureStep(
    emulator: RunningGraphEmulator,
    stack: Stack,
    operation: CliOperation,
    n: number,
): Promise<{ step: CliStep; resources: ExportedResource[] }> {
    const { result, usage } = await withHostUsage(
        () => withGraphTraffic(emulator.admin, () => runCommand(stack, operation, n)),
        "process tree",
    );
    const { total, wallMs, graphWindowMs, beforeFirstRequestMs, complete } = result.traffic;
    if (!complete) throw new Error(`${operation}: the emulator's request log overflowed (${total} requests); lower BENCH_POLICIES`);
    if (stack.name === CLI_STACKS[0] && total > 0) throw new Error(`${stack.name}: ${operation} made ${total} Graph requests`);
    const resources = await expectResources(stack, operation, operation === "destroy" ? 0 : n);
    const step: CliStep = {
        operation,
        stack: stack.name,
        wallMs,
        requests: total,
        beforeFirstRequestMs,
        graphWindowMs,
        afterLastResponseMs: total === 0 ? 0 : wallMs - beforeFirstRequestMs - graphWindowMs,
        host: usage,
    };
    return { step, resources };
}

/** Each step's wall over the trivial stack's and, for the plugin, over the dynamic provider's, for the same command. */
function withRatios(steps: CliStep[]): CliStep[] {
    const wallOf = (stack: CliStackName, operation: CliOperation): number | undefined =>
        steps.find((s) => s.stack === stack && s.operation === operation)?.wallMs;
    return steps.map((step) => {
        const trivial = wallOf(CLI_STACKS[0], step.operation);
        const dynamic = wallOf(CLI_STACKS[1], step.operation);
        return {
            ...step,
            ...(trivial === undefined ? {} : { ratioToTrivial: step.wallMs / trivial }),
            ...(step.stack === CLI_STACKS[2] && dynamic !== undefined ? { ratioToDynamic: step.wallMs / dynamic } : {}),
        };
    });
}

async function createStack(
    name: CliStackName,
    program: BenchProgram,
    config: StackConfig,
    env: NodeJS.ProcessEnv,
    resourceType: string,
): Promise<Stack> {
    const cli = await PulumiCli.create({ projectDir: program.projectDir, stack: BENCH_STACK, config, env });
    return { name, cli, resourceType, operations: name === CLI_STACKS[0] ? TRIVIAL_OPERATIONS : CLI_OPERATIONS };
}

/** The three stacks of `n` resources each, in their own file backends; the policies stacks over their own packages. */
async function createStacks(emulator: RunningGraphEmulator, settings: BenchSettings, stacks: Stack[]): Promise<void> {
    const n = settings.policies;
    // The CLI takes its default `--parallel` from PULUMI_PARALLEL; without it, 4 × the cores (8 here), not the setting.
    const env = { ...emulatorEnv(emulator), PULUMI_PARALLEL: String(settings.parallel) };
    stacks.push(await createStack(CLI_STACKS[0], TRIVIAL_PROGRAM, { "bench:count": String(n) }, env, "pulumi-nodejs:dynamic"));
    const dynamicPackages = await seedAccessPackages(emulator.admin, settings.packages, "cli");
    stacks.push(await createStack(CLI_STACKS[1], POLICIES_PROGRAM, policiesConfig(n, dynamicPackages), env, "pulumi-nodejs:dynamic"));
    const pluginPackages = await seedAccessPackages(emulator.admin, settings.packages, "cli-plugin");
    const pluginType = "entra:index:AccessPackageAssignmentPolicy";
    stacks.push(await createStack(CLI_STACKS[2], PLUGIN_PROGRAM, policiesConfig(n, pluginPackages), env, pluginType));
}

/**
 * Each command runs on the trivial stack, then through the dynamic provider, then through the plugin, so that load
 * from other processes on the machine falls on all alike. Skipped, with the reason, when no `pulumi` is on PATH.
 */
export async function measureCliScale(emulator: RunningGraphEmulator, settings: BenchSettings): Promise<CliScale> {
    if (!isPulumiCliAvailable()) return { skipped: NO_CLI_REASON };
    const n = settings.policies;
    const stacks: Stack[] = [];
    const steps: CliStep[] = [];
    const stateSizes: CliStateSize[] = [];
    try {
        await createStacks(emulator, settings, stacks);
        for (const operation of CLI_OPERATIONS) {
            const running = stacks.filter((stack) => stack.operations.includes(operation));
            if (operation === "preview")
                for (const stack of running) await stack.cli.setConfig({ "bench:description": UPDATED_DESCRIPTION });
            for (const stack of running) {
                const { step, resources } = await measureStep(emulator, stack, operation, n);
                steps.push(step);
                if (operation === "up") stateSizes.push({ stack: stack.name, ...stateSizeOf(resources) });
            }
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
        steps: withRatios(steps),
        stateSizes,
    };
}
