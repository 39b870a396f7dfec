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
        const [trivialStack, dynamicStack, pluginStack] = CLI_STACKS;
        /** Graph requests of each command on either policies stack, for 5 policies (issue #17). */
        const requests = { up: 15, "no-op up": 0, preview: 0, update: 5, refresh: 5, destroy: 10 };
        const ran = (): Exclude<BenchResults["cliScale"], { skipped: string }> => {
            assert.ok(!("skipped" in results.cliScale));
            return results.cliScale;
        };

        it("runs up, refresh and destroy on the trivial stack, and the whole lifecycle through the dynamic provider and through the plugin", () => {
            const cliScale = ran();
            assert.deepEqual([cliScale.policies, cliScale.packages, cliScale.parallel, cliScale.latencyMs], [5, 2, 4, 1]);
            assert.match(cliScale.cliVersion, /^v3\./);
            assert.deepEqual(
                cliScale.steps.map((s) => `${s.operation} ${s.stack}`),
                Object.keys(requests).flatMap((operation) =>
                    (["up", "refresh", "destroy"].includes(operation) ? CLI_STACKS : [dynamicStack, pluginStack]).map(
                        (stack) => `${operation} ${stack}`,
                    ),
                ),
            );
        });

        it("makes the same Graph requests per policy through either door, and none on the trivial stack", () => {
            for (const step of ran().steps) {
                const expected = step.stack === trivialStack ? 0 : requests[step.operation];
                assert.equal(step.requests, expected, `${step.operation} ${step.stack}`);
                const phases = step.beforeFirstRequestMs + step.graphWindowMs + step.afterLastResponseMs;
                if (step.requests > 0)
                    assert.ok(
                        Math.abs(phases - step.wallMs) < 1e-6,
                        `${step.operation}: phases add up to ${phases} ms of ${step.wallMs} ms`,
                    );
            }
        });

        it("divides each wall by the trivial stack's for the same command, and the plugin's by the dynamic provider's", () => {
            const { steps } = ran();
            const wall = (operation: string, stack: string): number | undefined =>
                steps.find((s) => s.operation === operation && s.stack === stack)?.wallMs;
            for (const step of steps) {
                const trivial = wall(step.operation, trivialStack);
                assert.equal(step.ratioToTrivial, trivial === undefined ? undefined : step.wallMs / trivial);
                const dynamic = step.stack === pluginStack ? wall(step.operation, dynamicStack) : undefined;
                assert.equal(step.ratioToDynamic, dynamic === undefined ? undefined : step.wallMs / dynamic);
            }
        });

        it("sizes a resource's state in each stack: the plugin's holds no __provider", () => {
            const sizes = ran().stateSizes;
            assert.deepEqual(
                sizes.map((s) => [s.stack, s.resources]),
                CLI_STACKS.map((stack) => [stack, 5]),
            );
            const [trivial, dynamic, plugin] = sizes;
            for (const s of [trivial, dynamic]) assert.ok(s.providerBytes > 0, JSON.stringify(s));
            assert.equal(plugin.providerBytes, 0);
            for (const s of sizes) assert.ok(s.bytes > s.inputBytes + s.outputBytes, JSON.stringify(s));
        });

        it("measures the CPU and memory of the whole CLI process tree, by kind of process", function () {
            if (process.platform !== "linux") this.skip();
            for (const step of ran().steps) {
                const label = `${step.operation} ${step.stack}`;
                assert.ok(
                    Number.isFinite(step.host.cpuSeconds) && Number.isFinite(step.host.peakRssMiB),
                    `${label}: ${JSON.stringify(step.host)}`,
                );
                const roles = (step.host.byRole ?? []).map((r) => r.role);
                const provider =
                    step.stack === pluginStack ? "plugin (node provider/plugin/main.js)" : "provider host (node cmd/dynamic-provider)";
                for (const role of ["pulumi CLI", provider]) assert.ok(roles.includes(role), `${label}: no ${role} in ${roles}`);
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
            "### Real CLI: state per resource",
        ]) {
            assert.ok(stdout.includes(heading), `no "${heading}" in:\n${stdout}`);
        }
    });
});
