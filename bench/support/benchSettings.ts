/** What the benchmark runs, from `BENCH_*` environment variables, so development runs can stay small. */

/** Sizes and rates of one benchmark run. */
export interface BenchSettings {
    /** Policies of the scale and throttling runs (`BENCH_POLICIES`, default 1000). */
    policies: number;
    /** Access packages they are spread over (`BENCH_PACKAGES`, default 200): creates are serialised per package. */
    packages: number;
    /** Engine parallelism of the scale and throttling runs (`BENCH_PARALLEL`, default 16). */
    parallel: number;
    /** Latency the emulator adds to every Graph request in the scale runs (`BENCH_LATENCY_MS`, default 20). */
    latencyMs: number;
    /** Token-bucket rate of the throttling run, requests per second (`BENCH_THROTTLE_RATE`, default 50). */
    throttleRate: number;
    /** Repetitions of the host start-up measurement; the median is reported (`BENCH_STARTUP_RUNS`, default 5). */
    startupRuns: number;
    /** Policies of the request-economy scenario; counts are reported per policy (`BENCH_ECONOMY_POLICIES`, default 4). */
    economyPolicies: number;
}

function positiveInteger(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
    const text = env[name];
    if (text === undefined || text === "") return fallback;
    const value = Number(text);
    if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer, got "${text}"`);
    return value;
}

/** Reads the settings; an invalid value fails the run rather than silently measuring something else. */
export function readBenchSettings(env: NodeJS.ProcessEnv): BenchSettings {
    return {
        policies: positiveInteger(env, "BENCH_POLICIES", 1000),
        packages: positiveInteger(env, "BENCH_PACKAGES", 200),
        parallel: positiveInteger(env, "BENCH_PARALLEL", 16),
        latencyMs: positiveInteger(env, "BENCH_LATENCY_MS", 20),
        throttleRate: positiveInteger(env, "BENCH_THROTTLE_RATE", 50),
        startupRuns: positiveInteger(env, "BENCH_STARTUP_RUNS", 5),
        economyPolicies: positiveInteger(env, "BENCH_ECONOMY_POLICIES", 4),
    };
}
