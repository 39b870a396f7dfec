import * as assert from "node:assert/strict";
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { promisify } from "node:util";
import type { BenchResults } from "../../../bench/report";
import { CLI_STACKS } from "../../../bench/scenarios/cliScale";
import { describeWithCli, isPulumiCliAvailable, NO_CLI_REASON } from "../../harness";

const REPO_ROOT = path.resolve(__dirname, "../../..");

/** Small enough for `npm test`: every scenario runs, each on a handful of policies. */
const TINY: NodeJS.ProcessEnv = {
    BENCH_POLICIES: "5",
    BENCH_PACKAGES: "2",
    BENCH_PARALLEL: "4",
    BENCH_LATENCY_MS: "1",
    BENCH_STARTUP_RUNS: "1",
    BENCH_ECONOMY_POLICIES: "1",
};

describe("npm run bench: the benchmark runs end to end at a tiny size", function () {
    // With a CLI on PATH the run includes a dozen real `pulumi` commands, each starting Node.js programs and hosts.
    this.timeout(600_000);
    let root: string;
    let stdout: string;
    let results: BenchResults;

    before(async () => {
        // Results go to a temporary file, so that a developer's bench/results.json survives the test.
        root = fs.mkdtempSync(path.join(os.tmpdir(), "bench-smoke-"));
        const resultsFile = path.join(root, "results.json");
        // ts-node without type-checking: `tsc --noEmit -p .` checks bench/, and this run is about behaviour.
        const run = await promisify(execFile)(
            process.execPath,
            ["-r", require.resolve("ts-node/register"), path.join(REPO_ROOT, "bench", "run.ts")],
            {
                cwd: REPO_ROOT,
                env: { ...process.env, ...TINY, BENCH_RESULTS: resultsFile, TS_NODE_TRANSPILE_ONLY: "true" },
                maxBuffer: 16 * 1024 * 1024,
            },
        ).catch((error: { code?: number; stdout?: string; stderr?: string; message: string }) => {
            throw new Error(`bench/run.ts exited with ${error.code}: ${error.stderr || error.message}\n${error.stdout ?? ""}`);
        });
        stdout = run.stdout;
        results = JSON.parse(fs.readFileSync(resultsFile, "utf8")) as BenchResults;
    });

    after(() => {
        if (root) fs.rmSync(root, { recursive: true, force: true });
    });

    it("exits 0 with the settings it was given", () => {
        assert.deepEqual(results.settings, {
            policies: 5,
            packages: 2,
            parallel: 4,
            latencyMs: 1,
            throttleRate: 50,
            startupRuns: 1,
            economyPolicies: 1,
        });
        assert.equal(results.environment.node, process.version);
    });

    it("counts Graph requests for create, update, replace, refresh (read), delete, preview and no-op up", () => {
        assert.deepEqual(results.requestEconomy.operations.map((o) => o.operation).sort(), [
            "create",
            "delete",
            "no-op up",
            "preview",
            "refresh (read)",
            "replace",
            "update",
        ]);
        for (const o of results.requestEconomy.operations) assert.ok(Number.isFinite(o.perPolicy), `${o.operation}: ${o.perPolicy}`);
    });

    it("sizes __provider of ours next to the baseline provider", () => {
        assert.equal(results.serializedSize.length, 2);
        assert.ok(
            results.serializedSize.some((s) => s.provider.startsWith("baseline")),
            JSON.stringify(results.serializedSize),
        );
        for (const s of results.serializedSize) assert.ok(s.bytes > 0, `${s.provider}: ${s.bytes} bytes`);
    });

    it("times host start-up to the first Check and the first Create, with and without our provider", () => {
        assert.deepEqual(
            results.hostStartup.map((h) => h.provider),
            ["trivial dynamic provider (no I/O)", "AccessPackageAssignmentPolicy"],
        );
        for (const h of results.hostStartup) {
            assert.equal(h.runs, 1);
            for (const figure of [h.readyMs, h.firstCheckMs, h.providerLoadMs, h.firstCreateMs, h.secondCreateMs])
                assert.ok(Number.isFinite(figure), JSON.stringify(h));
        }
    });

    it("runs up, refresh and destroy at scale with wall time against the ideal, and a throttled up with failures and throughput", () => {
        const { scale } = results;
        assert.deepEqual(
            scale.operations.map((o) => o.operation),
            ["up", "refresh", "destroy"],
        );
        for (const o of scale.operations) {
            assert.ok(o.requests > 0 && Number.isFinite(o.ratio), JSON.stringify(o));
            if (process.platform === "linux") assert.ok(Number.isFinite(o.host.peakRssMiB), `${o.operation}: no host peak RSS`);
        }
        assert.equal(scale.throttled.ratePerSecond, 50);
        assert.equal(scale.throttled.failures, 0, scale.throttled.firstError);
        assert.ok(Number.isFinite(scale.throttled.fractionOfRate), JSON.stringify(scale.throttled));
    });

    it("runs the real-CLI scenario when pulumi is on PATH, and otherwise says why it skipped it", () => {
        assert.deepEqual(
            "skipped" in results.cliScale ? results.cliScale : "ran",
            isPulumiCliAvailable() ? "ran" : { skipped: NO_CLI_REASON },
        );
    });

    describeWithCli("the real-CLI scenario", function () {
        it("runs up, refresh and destroy on the trivial stack, then on ours, with the ratio of their walls", () => {
            assert.ok(!("skipped" in results.cliScale));
            const { cliScale } = results;
            assert.deepEqual([cliScale.policies, cliScale.packages, cliScale.parallel, cliScale.latencyMs], [5, 2, 4, 1]);
            assert.match(cliScale.cliVersion, /^v3\./);
            assert.deepEqual(
                cliScale.steps.map((s) => `${s.operation} ${s.stack}`),
                ["up", "refresh", "destroy"].flatMap((operation) => CLI_STACKS.map((stack) => `${operation} ${stack}`)),
            );
            for (const [trivial, ours] of [0, 2, 4].map((i) => cliScale.steps.slice(i, i + 2))) {
                assert.equal(trivial.ratioToTrivial, 1);
                assert.equal(ours.ratioToTrivial, ours.wallMs / trivial.wallMs);
                assert.equal(trivial.requests, 0, `${trivial.operation}: the trivial stack made Graph requests`);
                assert.ok(ours.requests >= 5, `${ours.operation}: ${ours.requests} Graph requests for 5 policies`);
                const phases = ours.beforeFirstRequestMs + ours.graphWindowMs + ours.afterLastResponseMs;
                assert.ok(Math.abs(phases - ours.wallMs) < 1e-6, `${ours.operation}: phases add up to ${phases} ms of ${ours.wallMs} ms`);
            }
        });

        it("measures the CPU and memory of the whole CLI process tree, by kind of process", function () {
            if (process.platform !== "linux") this.skip();
            assert.ok(!("skipped" in results.cliScale));
            for (const step of results.cliScale.steps) {
                const label = `${step.operation} ${step.stack}`;
                assert.ok(
                    Number.isFinite(step.host.cpuSeconds) && Number.isFinite(step.host.peakRssMiB),
                    `${label}: ${JSON.stringify(step.host)}`,
                );
                const roles = (step.host.byRole ?? []).map((r) => r.role);
                for (const role of ["pulumi CLI", "provider host (node cmd/dynamic-provider)"])
                    assert.ok(roles.includes(role), `${label}: no ${role} in ${roles}`);
            }
        });
    });

    it("prints every table of the report", () => {
        for (const heading of [
            "### Graph requests per operation",
            "### `__provider` size per resource",
            "### Host start-up",
            "### Scale:",
            "### Throttling:",
            "### Real CLI",
        ]) {
            assert.ok(stdout.includes(heading), `no "${heading}" in:\n${stdout}`);
        }
    });
});
