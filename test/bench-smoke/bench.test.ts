import * as assert from "node:assert/strict";
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { promisify } from "node:util";
import type { BenchResults } from "../../bench/report";

const REPO_ROOT = path.resolve(__dirname, "..", "..");

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
    this.timeout(180_000);
    let root: string;
    let stdout: string;
    let results: BenchResults;

    before(async () => {
        // Results go to a temporary file, so that a developer's bench/results.json survives the test.
        root = fs.mkdtempSync(path.join(os.tmpdir(), "bench-smoke-"));
        const resultsFile = path.join(root, "results.json");
        // ts-node without type-checking: `tsc --noEmit -p .` checks bench/, and this run is about behaviour.
        const run = await promisify(execFile)(process.execPath, ["-r", require.resolve("ts-node/register"), path.join(REPO_ROOT, "bench", "run.ts")], {
            cwd: REPO_ROOT,
            env: { ...process.env, ...TINY, BENCH_RESULTS: resultsFile, TS_NODE_TRANSPILE_ONLY: "true" },
            maxBuffer: 16 * 1024 * 1024,
        }).catch((error: { code?: number; stdout?: string; stderr?: string; message: string }) => {
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
            policies: 5, packages: 2, parallel: 4, latencyMs: 1, throttleRate: 50, startupRuns: 1, economyPolicies: 1,
        });
        assert.equal(results.environment.node, process.version);
    });

    it("counts Graph requests for create, update, replace, refresh (read), delete, preview and no-op up", () => {
        assert.deepEqual(results.requestEconomy.operations.map((o) => o.operation).sort(),
            ["create", "delete", "no-op up", "preview", "refresh (read)", "replace", "update"]);
        for (const o of results.requestEconomy.operations) assert.ok(Number.isFinite(o.perPolicy), `${o.operation}: ${o.perPolicy}`);
    });

    it("sizes __provider of ours next to the baseline provider", () => {
        assert.equal(results.serializedSize.length, 2);
        assert.ok(results.serializedSize.some((s) => s.provider.startsWith("baseline")), JSON.stringify(results.serializedSize));
        for (const s of results.serializedSize) assert.ok(s.bytes > 0, `${s.provider}: ${s.bytes} bytes`);
    });

    it("times host start-up to the first Check and the first Create, with and without our provider", () => {
        assert.deepEqual(results.hostStartup.map((h) => h.provider), ["trivial dynamic provider (no I/O)", "AccessPackageAssignmentPolicy"]);
        for (const h of results.hostStartup) {
            assert.equal(h.runs, 1);
            for (const figure of [h.readyMs, h.firstCheckMs, h.providerLoadMs, h.firstCreateMs, h.secondCreateMs]) assert.ok(Number.isFinite(figure), JSON.stringify(h));
        }
    });

    it("runs up, refresh and destroy at scale with wall time against the ideal, and a throttled up with failures and throughput", () => {
        const { scale } = results;
        assert.deepEqual(scale.operations.map((o) => o.operation), ["up", "refresh", "destroy"]);
        for (const o of scale.operations) {
            assert.ok(o.requests > 0 && Number.isFinite(o.ratio), JSON.stringify(o));
            if (process.platform === "linux") assert.ok(Number.isFinite(o.host.peakRssMiB), `${o.operation}: no host peak RSS`);
        }
        assert.equal(scale.throttled.ratePerSecond, 50);
        assert.equal(scale.throttled.failures, 0, scale.throttled.firstError);
        assert.ok(Number.isFinite(scale.throttled.fractionOfRate), JSON.stringify(scale.throttled));
    });

    it("prints every table of the report", () => {
        for (const heading of ["### Graph requests per operation", "### `__provider` size per resource", "### Host start-up", "### Scale:", "### Throttling:"]) {
            assert.ok(stdout.includes(heading), `no "${heading}" in:\n${stdout}`);
        }
    });
});
