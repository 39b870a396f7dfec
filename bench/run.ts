/**
 * `npm run bench`: measures Graph request economy, `__provider` size, host start-up and 1,000 policies (with and
 * without throttling) through the engine harness and the real dynamic-provider host against the local emulator,
 * then 1,000 policies through the real `pulumi` CLI, by the dynamic provider and by the `entra` plugin, next to a
 * stack of a provider that does no I/O (skipped, with the reason, when no CLI is on PATH). Prints Markdown tables and writes `bench/results.json` (or the file `BENCH_RESULTS` names). It measures and reports;
 * it asserts nothing about time. Sizes come from `BENCH_*` variables (see support/benchSettings.ts).
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { startGraphEmulator } from "../emulator";
import { renderReport, type BenchResults } from "./report";
import { measureCliScale } from "./scenarios/cliScale";
import { measureHostStartup } from "./scenarios/hostStartup";
import { measureRequestEconomy } from "./scenarios/requestEconomy";
import { measureScale } from "./scenarios/scale";
import { measureSerializedSize } from "./scenarios/serializedSize";
import { readBenchSettings } from "./support/benchSettings";

const RESULTS_FILE = process.env.BENCH_RESULTS || path.join(__dirname, "results.json");

function progress(message: string): void {
    process.stderr.write(`[bench] ${message}\n`);
}

async function main(): Promise<void> {
    const settings = readBenchSettings(process.env);
    progress(`settings ${JSON.stringify(settings)}`);

    const plain = await startGraphEmulator();
    let economy, serializedSize, hostStartup;
    try {
        progress("request economy");
        economy = await measureRequestEconomy(plain, settings.economyPolicies);
        serializedSize = await measureSerializedSize(economy.stateProvider);
        progress("host start-up");
        hostStartup = await measureHostStartup(plain, settings.startupRuns);
    } finally {
        await plain.close();
    }

    const slow = await startGraphEmulator({ latencyMs: settings.latencyMs });
    let scale, cliScale;
    try {
        progress(`scale: ${settings.policies} policies (up, refresh, destroy, throttled up)`);
        scale = await measureScale(slow, settings);
        progress(`real CLI: ${settings.policies} policies by each door and ${settings.policies} trivial resources`);
        cliScale = await measureCliScale(slow, settings);
        if ("skipped" in cliScale) progress(`real CLI: skipped: ${cliScale.skipped}`);
    } finally {
        await slow.close();
    }

    const { stateProvider: _omitted, ...requestEconomy } = economy;
    const results: BenchResults = {
        date: new Date().toISOString(),
        environment: { node: process.version, platform: `${os.platform()} ${os.arch()}`, cpus: os.cpus().length },
        settings,
        requestEconomy,
        serializedSize,
        hostStartup,
        scale,
        cliScale,
    };
    fs.writeFileSync(RESULTS_FILE, JSON.stringify(results, null, 2) + "\n");
    process.stdout.write(renderReport(results));
    progress(`results written to ${path.relative(process.cwd(), RESULTS_FILE)}`);
}

main().catch((error: unknown) => {
    process.stderr.write(`[bench] failed: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exitCode = 1;
});
