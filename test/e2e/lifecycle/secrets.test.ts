import assert from "node:assert/strict";
import { startGraphEmulator, type RunningGraphEmulator } from "../../../emulator";
import { describeWithCli, EngineError, PulumiCli, type Engine } from "../../harness";
import { credentialsAround, filesUnder, sentinelSecrets } from "../../support/sentinelSecrets";
import { ACCESS_PACKAGE, graphCalls, lifecycleCli, lifecycleEngine, policyInState, policyUrn, POLICIES, POLICY } from "./lifecycleStack";

describe("lifecycle: credentials in stack config and environment never reach state or logs", function () {
    const secrets = sentinelSecrets();
    const { token } = secrets;
    const stack = "secrets";
    const urn = policyUrn(stack);
    let emulator: RunningGraphEmulator;
    let engine: Engine;
    /** Everything the harness kept or reported, gathered after each operation. */
    const kept: string[] = [];

    function keep(): void {
        kept.push(engine.state.serialize());
        for (const entry of engine.state.resources) {
            kept.push(JSON.stringify(engine.reveal(entry.inputs).value), JSON.stringify(engine.reveal(entry.outputs).value));
        }
    }

    before(async () => {
        emulator = await startGraphEmulator({ token });
        engine = lifecycleEngine(emulator, stack, {
            ...credentialsAround(secrets),
        });
    });
    after(() => emulator?.close());

    it("runs preview, up, update, refresh, a failing update and destroy with every credential kept out of state and stderr", async () => {
        // Each step's Graph requests, as the lifecycle suite expects them: the credentials around change nothing.
        const step = async (run: () => Promise<unknown>, expected: string[]): Promise<void> => {
            await emulator.admin.resetLog();
            await run();
            assert.deepEqual(await graphCalls(emulator), expected);
            keep();
        };
        await step(() => engine.preview(), []);
        await step(() => engine.up(), [`GET ${ACCESS_PACKAGE}`, `POST ${POLICIES}`, `PUT ${POLICY}`]);
        engine.config["lifecycle:description"] = "updated with secrets around";
        await step(() => engine.up(), [`PUT ${POLICY}`]);
        await step(() => engine.refresh(), [`GET ${POLICY}`]);

        // A failing step puts the provider's error text into the harness's results: Graph keeps answering 503.
        engine.config["lifecycle:description"] = "never applied";
        engine.config["entra:operationTimeout"] = "PT1S";
        const fault = await emulator.admin.addFault({ kind: "serverError", status: 503, method: "PUT", path: POLICY.replace("{id}", "*") });
        await emulator.admin.resetLog();
        const failure = await engine.up().then(
            () => undefined,
            (error: unknown) => error,
        );
        await emulator.admin.removeFault(fault.id);
        assert.ok(failure instanceof EngineError, "the update fails while Graph answers 503");
        assert.match(failure.message, /503/);
        const attempts = await graphCalls(emulator);
        assert.ok(attempts.length > 0 && attempts.every((call) => call === `PUT ${POLICY}`), `only PUTs, repeated: ${attempts.join(", ")}`);
        kept.push(failure.message, JSON.stringify(failure.result));
        keep();

        await step(() => engine.destroy(), [`DELETE ${POLICY}`, `GET ${POLICY}`]);

        assert.deepEqual(engine.state.resources, []);
        assert.ok(
            kept.some((text) => text.includes("updated with secrets around")),
            "the scan sees the state's plain values",
        );
        kept.push(engine.hostStderr);
        for (const [name, value] of Object.entries(secrets)) {
            assert.ok(!kept.some((text) => text.includes(value)), `${name} leaked into state, results or host stderr`);
        }
    });

    it("keeps __provider free of settings: it names the implementation package and nothing else", async () => {
        await engine.up();
        const { inputs, outputs } = policyInState(engine, urn);
        await engine.destroy();

        for (const text of [inputs.__provider, outputs.__provider]) {
            assert.equal(typeof text, "string");
            assert.match(text as string, /pulumi-entra-assignment-policy\/implementation/);
            for (const leak of [...Object.values(secrets), emulator.url, "entra:", "azuread:"]) {
                assert.ok(!(text as string).includes(leak), `__provider holds ${leak}`);
            }
        }
    });
});

describeWithCli("lifecycle: credentials never reach state, logs or output through the real pulumi CLI", function () {
    const secrets = sentinelSecrets();
    const { token } = secrets;
    let emulator: RunningGraphEmulator | undefined;
    let cli: PulumiCli | undefined;

    before(async () => {
        emulator = await startGraphEmulator({ token });
        ({ cli } = await lifecycleCli(emulator, "secrets-package", {
            ...credentialsAround(secrets),
        }));
    });
    after(async () => {
        await cli?.dispose();
        await emulator?.close();
    });

    it("runs preview, up, update, refresh, a failing update and destroy with every credential kept out of every file and every line printed", async function () {
        // Seven CLI commands, the last at -v=9.
        this.timeout(10 * 60_000);
        const [stack, graph] = [cli!, emulator!];
        const kept: string[] = [];
        await stack.preview();
        await stack.up();
        await stack.setConfig({ "lifecycle:description": "updated with secrets around" });
        await stack.up();
        await stack.refresh();
        kept.push(...filesUnder(stack.dir));

        await stack.setConfig({ "lifecycle:description": "never applied", "entra:operationTimeout": "PT1S" });
        const fault = await graph.admin.addFault({ kind: "serverError", status: 503, method: "PUT", path: POLICY.replace("{id}", "*") });
        const failure = await stack.up().then(
            () => undefined,
            (error: unknown) => error as Error,
        );
        await graph.admin.removeFault(fault.id);
        assert.match(String(failure?.message), /503/, "the update fails while Graph answers 503");

        await stack.destroy();
        kept.push(...filesUnder(stack.dir), stack.transcript);
        assert.ok(
            kept.some((text) => text.includes("updated with secrets around")),
            "the scan sees the state's plain values",
        );
        for (const [name, value] of Object.entries(secrets)) {
            assert.ok(!kept.some((text) => text.includes(value)), `${name} leaked into a state file or the CLI's output`);
        }

        // At -v=9 the engine itself logs the provider's configuration in the clear, secret config included (Pulumi's own
        // "Marshaling property for RPC[...Configure]" lines; README says so). Credentials the provider takes from the
        // environment never pass through the engine, so they stay out of those logs too.
        const before = stack.transcript.length;
        stack.verboseLogs = true;
        await stack.preview();
        const verbose = stack.transcript.slice(before);
        assert.ok(verbose.includes("langhost[nodejs]"), "the scan sees the engine's -v=9 logs");
        for (const name of ["armClientSecret", "azureClientSecret", "envToken", "oidcToken"] as const) {
            assert.ok(!verbose.includes(secrets[name]), `${name}, from the environment, leaked into the -v=9 logs`);
        }
    });
});
