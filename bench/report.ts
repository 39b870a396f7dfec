/** The benchmark's results as saved to `bench/results.json`, and their Markdown rendering. */
import { CLI_STACKS, REQUESTS_PER_POLICY, type CliScale, type CliStep } from "./scenarios/cliScale";
import type { HostStartup } from "./scenarios/hostStartup";
import type { RequestEconomy } from "./scenarios/requestEconomy";
import type { Scale } from "./scenarios/scale";
import { SERIALIZED_SIZE_TARGET_BYTES, type SerializedSize } from "./scenarios/serializedSize";
import type { BenchSettings } from "./support/benchSettings";
import { markdownTable } from "./support/markdownTable";
import { round } from "./support/stats";

/** Everything one `npm run bench` measured. */
export interface BenchResults {
    /** When the run finished (ISO 8601). */
    date: string;
    /** Node.js version and machine. */
    environment: { node: string; platform: string; cpus: number };
    /** The settings the run used. */
    settings: BenchSettings;
    /** Graph requests per operation. */
    requestEconomy: Omit<RequestEconomy, "stateProvider">;
    /** `__provider` sizes. */
    serializedSize: SerializedSize[];
    /** Host start-up medians. */
    hostStartup: HostStartup[];
    /** Scale and throttling. */
    scale: Scale;
    /** Scale through the real `pulumi` CLI, next to a trivial provider. */
    cliScale: CliScale;
}

/** The goal for our stack's wall time over the trivial stack's, per CLI command. */
export const CLI_RATIO_GOAL = 1.3;

const ms = (value: number): string => `${round(value, 0)} ms`;
const seconds = (value: number): string => `${round(value / 1000, 2)} s`;
const mib = (value: number | undefined): string => (value === undefined ? "n/a" : `${round(value, 0)} MiB`);
const cpu = (value: number | undefined): string => (value === undefined ? "n/a" : `${round(value, 1)} s`);
const routes = (byRoute: Record<string, number>): string =>
    Object.entries(byRoute)
        .map(([route, n]) => `${route} ×${round(n, 2)}`)
        .join(", ") || "none";

const graphPhase = (step: CliStep, ms: number): string => (step.requests === 0 ? "—" : seconds(ms));

/** How each command is run (see {@link CliStep.operation}). */
const COMMAND_LABELS: Record<CliStep["operation"], string> = {
    up: "pulumi up",
    "no-op up": "pulumi up (no changes)",
    preview: "pulumi preview (updates)",
    update: "pulumi up (updates)",
    refresh: "pulumi refresh",
    destroy: "pulumi destroy",
};

const ratio = (value: number | undefined): string => (value === undefined ? "—" : String(round(value, 2)));

/** Requests per resource next to the count every policies stack must make; the trivial stack must make none. */
function perPolicy(step: CliStep, policies: number): string {
    const expected = step.stack === CLI_STACKS[0] ? 0 : REQUESTS_PER_POLICY[step.operation];
    return `${round(step.requests / policies, 2)} (${expected})`;
}

/** Each command per stack. */
function renderCliSteps(cliScale: Exclude<CliScale, { skipped: string }>): string {
    const { steps } = cliScale;
    // CPU time depends far less than wall time on what else the machine runs, so its ratio is the steadier figure.
    const cpuRatio = (step: CliStep): string => {
        const trivial = steps.find((t) => t.operation === step.operation && t.stack === CLI_STACKS[0])?.host.cpuSeconds;
        return step.host.cpuSeconds === undefined || trivial === undefined ? "—" : String(round(step.host.cpuSeconds / trivial, 2));
    };
    return markdownTable(
        [
            "command",
            "stack",
            "wall",
            `wall ÷ trivial (goal ≤ ${CLI_RATIO_GOAL})`,
            "wall ÷ dynamic provider",
            "Graph requests",
            "per policy (must be)",
            "start → first request",
            "Graph window",
            "last response → exit",
            "host CPU",
            "host CPU ÷ trivial",
            "host peak RSS",
        ],
        steps.map((s) => [
            COMMAND_LABELS[s.operation],
            s.stack,
            seconds(s.wallMs),
            ratio(s.ratioToTrivial),
            ratio(s.ratioToDynamic),
            s.requests,
            perPolicy(s, cliScale.policies),
            graphPhase(s, s.beforeFirstRequestMs),
            graphPhase(s, s.graphWindowMs),
            graphPhase(s, s.afterLastResponseMs),
            cpu(s.host.cpuSeconds),
            cpuRatio(s),
            mib(s.host.peakRssMiB),
        ]),
    );
}

/** The real-CLI tables: each command per stack, its CPU by kind of process, and the state per resource. */
function renderCliScale(cliScale: CliScale): string[] {
    if ("skipped" in cliScale) return [`### Real CLI: skipped (${cliScale.skipped})`];
    const { steps } = cliScale;
    const roles = [...new Set(steps.flatMap((s) => (s.host.byRole ?? []).map((r) => r.role)))];
    const roleCpu = (step: CliStep, role: string): string => {
        const usage = step.host.byRole?.find((r) => r.role === role);
        return usage === undefined ? "—" : cpu(usage.cpuSeconds);
    };
    return [
        `### Real CLI (${cliScale.cliVersion}): ${cliScale.policies} resources per stack, policies over ${cliScale.packages} access packages per stack, parallelism ${cliScale.parallel}, +${cliScale.latencyMs} ms per Graph request`,
        renderCliSteps(cliScale),
        "### Real CLI: host CPU by process (sampled from `/proc`)",
        markdownTable(
            ["command", "stack", ...roles],
            steps.map((s) => [COMMAND_LABELS[s.operation], s.stack, ...roles.map((role) => roleCpu(s, role))]),
        ),
        "### Real CLI: state per resource after the first up (`pulumi stack export`, compact JSON, mean bytes)",
        markdownTable(
            ["stack", "resource", "inputs", "outputs", "`__provider` (inputs + outputs)"],
            cliScale.stateSizes.map((s) => [s.stack, s.bytes, s.inputBytes, s.outputBytes, s.providerBytes]),
        ),
    ];
}

/** The scale table, then the same up against a token bucket. */
function renderScale(scale: Scale): string[] {
    return [
        `### Scale: ${scale.policies} policies over ${scale.packages} access packages, parallelism ${scale.parallel}, +${scale.latencyMs} ms per Graph request`,
        markdownTable(
            [
                "operation",
                "Graph requests",
                "ideal (requests × latency ÷ parallelism)",
                "wall",
                "wall ÷ ideal",
                "Graph window",
                "window ÷ ideal",
                "host CPU",
                "harness + emulator CPU",
                "host peak RSS",
            ],
            scale.operations.map((o) => [
                o.operation,
                o.requests,
                seconds(o.idealMs),
                seconds(o.wallMs),
                round(o.ratio, 2),
                seconds(o.graphWindowMs),
                round(o.graphWindowRatio, 2),
                cpu(o.host.cpuSeconds),
                cpu(o.benchProcessCpuSeconds),
                mib(o.host.peakRssMiB),
            ]),
        ),
        `### Throttling: the same up against a ${scale.throttled.ratePerSecond} req/s token bucket (429 + Retry-After, default retry settings)`,
        markdownTable(
            [
                "failures (target 0)",
                "served",
                "429s",
                "wall",
                "Graph window",
                "throughput",
                "fraction of rate (target ≥ 0.9)",
                "host CPU",
                "host peak RSS",
            ],
            [
                [
                    scale.throttled.failures,
                    scale.throttled.served,
                    scale.throttled.throttled,
                    seconds(scale.throttled.wallMs),
                    seconds(scale.throttled.graphWindowMs),
                    `${round(scale.throttled.throughputPerSecond, 1)} req/s`,
                    round(scale.throttled.fractionOfRate, 2),
                    cpu(scale.throttled.host.cpuSeconds),
                    mib(scale.throttled.host.peakRssMiB),
                ],
            ],
        ),
        ...(scale.throttled.firstError === undefined ? [] : [`First error of the throttled up: ${scale.throttled.firstError}`]),
    ];
}

/** Markdown tables of every figure. */
export function renderReport(results: BenchResults): string {
    const { requestEconomy, serializedSize, hostStartup, scale, cliScale } = results;
    const sections = [
        `### Graph requests per operation (per policy, ${requestEconomy.policies} policies, counted in the emulator's request log)`,
        markdownTable(
            ["operation", "requests", "target", "requests by route"],
            requestEconomy.operations.map((o) => [o.operation, round(o.perPolicy, 2), o.target, routes(o.byRoute)]),
        ),
        "### `__provider` size per resource",
        markdownTable(
            ["provider", "bytes", "target"],
            serializedSize.map((s) => [s.provider, s.bytes, `≤ ${SERIALIZED_SIZE_TARGET_BYTES}`]),
        ),
        `### Host start-up (median of ${hostStartup[0]?.runs ?? 0} cold hosts)`,
        markdownTable(
            [
                "provider",
                "spawn → Configure",
                "Configure → first Check",
                "spawn → first Check",
                "first Create",
                "second Create",
                "host peak RSS",
            ],
            hostStartup.map((h) => [
                h.provider,
                ms(h.readyMs),
                ms(h.providerLoadMs),
                ms(h.firstCheckMs),
                ms(h.firstCreateMs),
                ms(h.secondCreateMs),
                mib(h.peakRssMiB),
            ]),
        ),
        ...renderScale(scale),
        ...renderCliScale(cliScale),
    ];
    return sections.join("\n\n") + "\n";
}
