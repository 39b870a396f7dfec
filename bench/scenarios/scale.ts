/**
 * Many policies through the real host at engine parallelism, against an emulator that adds a fixed latency to every
 * Graph request: wall time next to the ideal `requests × latency ÷ parallelism`, and the host's peak RSS. Then the
 * same `up` against a token-bucket throttle, with the provider's default retry behaviour (it honours Retry-After).
 */
import type { RunningGraphEmulator } from "../../emulator";
import { EngineError, type CapturedProgram, type Engine, type OperationResult } from "../../test/harness";
import type { BenchSettings } from "../support/benchSettings";
import { policiesConfig, policiesEngine } from "../support/benchPrograms";
import { seedAccessPackages } from "../support/benchTenant";
import { expectSteps } from "../support/expectSteps";
import { withGraphTraffic } from "../support/graphTraffic";
import { withHostUsage, type HostUsage } from "../support/hostUsage";

/** One operation over all policies. */
export interface ScaleOperation {
    /** Engine operation. */
    operation: "up" | "refresh" | "destroy";
    /** Graph requests it made. */
    requests: number;
    /** Wall time of the whole engine operation (host start, checks and gRPC included), ms. */
    wallMs: number;
    /** `requests × latency ÷ parallelism`, ms: Graph time alone if every slot were always busy. */
    idealMs: number;
    /** `wallMs ÷ idealMs`. */
    ratio: number;
    /** From the first Graph request to the last response, ms: the operation without host start-up and checks. */
    graphWindowMs: number;
    /** `graphWindowMs ÷ idealMs`. */
    graphWindowRatio: number;
    /** Peak memory and CPU time of the provider host. */
    host: HostUsage;
    /** CPU time of this process, which runs the engine harness and the emulator, seconds. */
    benchProcessCpuSeconds: number;
}

/** The throttled `up`. */
export interface ThrottledUp {
    /** Token-bucket rate, requests per second. */
    ratePerSecond: number;
    /** Policies that failed to be created (failed steps plus those never started after a failure). */
    failures: number;
    /** The first error the engine reported, when any. */
    firstError?: string;
    /** Requests Graph served (anything but 429). */
    served: number;
    /** Requests answered 429. */
    throttled: number;
    /** Wall time of the engine operation, ms. */
    wallMs: number;
    /** From the first request's arrival to the last response, ms: the span the throttle governs. */
    graphWindowMs: number;
    /** `served ÷ graphWindow`, requests per second. */
    throughputPerSecond: number;
    /** `throughput ÷ rate`. */
    fractionOfRate: number;
    /** Peak memory and CPU time of the provider host. */
    host: HostUsage;
}

/** The scale scenario's results. */
export interface Scale {
    /** Policies. */
    policies: number;
    /** Access packages they are spread over. */
    packages: number;
    /** Engine parallelism. */
    parallel: number;
    /** Latency added per Graph request, ms. */
    latencyMs: number;
    /** up, refresh, destroy. */
    operations: ScaleOperation[];
    /** The throttled up. */
    throttled: ThrottledUp;
}

async function scaleOperation(
    emulator: RunningGraphEmulator,
    settings: BenchSettings,
    operation: ScaleOperation["operation"],
    run: () => Promise<OperationResult>,
    expected: Parameters<typeof expectSteps>[2],
): Promise<ScaleOperation> {
    const cpuBefore = process.cpuUsage();
    const { result, usage } = await withHostUsage(() => withGraphTraffic(emulator.admin, run));
    const cpu = process.cpuUsage(cpuBefore);
    expectSteps(operation, result.result.steps, expected);
    const { total, wallMs, graphWindowMs, complete } = result.traffic;
    if (!complete) throw new Error(`${operation}: the emulator's request log overflowed (${total} requests); lower BENCH_POLICIES`);
    const idealMs = (total * settings.latencyMs) / settings.parallel;
    return {
        operation,
        requests: total,
        wallMs,
        idealMs,
        ratio: wallMs / idealMs,
        graphWindowMs,
        graphWindowRatio: graphWindowMs / idealMs,
        host: usage,
        benchProcessCpuSeconds: (cpu.user + cpu.system) / 1e6,
    };
}

/** An `up` that may fail part-way: the failures are a measured figure here, not an error of the benchmark. */
async function upAllowingFailures(engine: Engine, program: CapturedProgram): Promise<OperationResult> {
    try {
        return await engine.up(program);
    } catch (error) {
        if (error instanceof EngineError) return error.result;
        throw error;
    }
}

async function throttledUp(
    emulator: RunningGraphEmulator,
    settings: BenchSettings,
    engine: Engine,
    program: CapturedProgram,
): Promise<ThrottledUp> {
    const rule = await emulator.admin.addFault({ kind: "throttle", ratePerSecond: settings.throttleRate });
    const measured = await withHostUsage(() => withGraphTraffic(emulator.admin, () => upAllowingFailures(engine, program))).finally(() =>
        emulator.admin.removeFault(rule.id),
    );
    const { result, traffic } = measured.result;
    if (!traffic.complete) throw new Error(`the emulator's request log overflowed (${traffic.total} requests); lower BENCH_POLICIES`);
    const throttled = traffic.entries.filter((entry) => entry.status === 429).length;
    const served = traffic.entries.filter((entry) => entry.status !== 429 && entry.status !== null).length;
    const { graphWindowMs } = traffic;
    const throughputPerSecond = served / (graphWindowMs / 1000);
    return {
        ratePerSecond: settings.throttleRate,
        failures: settings.policies - engine.state.resources.length,
        ...(result.errors.length > 0 ? { firstError: result.errors[0] } : {}),
        served,
        throttled,
        wallMs: traffic.wallMs,
        graphWindowMs,
        throughputPerSecond,
        fractionOfRate: throughputPerSecond / settings.throttleRate,
        host: measured.usage,
    };
}

/**
 * up, refresh and destroy of `settings.policies` policies spread round-robin over `settings.packages` access
 * packages, then a throttled up (and an unmeasured destroy to clean up). The program is captured once.
 */
export async function measureScale(emulator: RunningGraphEmulator, settings: BenchSettings): Promise<Scale> {
    const n = settings.policies;
    const packages = await seedAccessPackages(emulator.admin, settings.packages, "scale");
    const engine = policiesEngine(emulator, policiesConfig(n, packages), settings.parallel);
    const program = await engine.capture();
    const operations = [
        await scaleOperation(emulator, settings, "up", () => engine.up(program), { create: n }),
        await scaleOperation(emulator, settings, "refresh", () => engine.refresh(), { refresh: n }),
        await scaleOperation(emulator, settings, "destroy", () => engine.destroy(), { delete: n }),
    ];
    const throttled = await throttledUp(emulator, settings, engine, program);
    await engine.destroy();
    return { policies: n, packages: settings.packages, parallel: settings.parallel, latencyMs: settings.latencyMs, operations, throttled };
}
