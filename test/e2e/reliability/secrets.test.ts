/**
 * Credentials never leave the host process's memory except on the wire to Graph. Sentinel secrets are placed in
 * the environment and in stack config, the emulator's token is one of them (so it really travels in requests), and
 * every text a user or a state backend can see is scanned for them: `__provider`, inputs, outputs, the state file,
 * error messages of failing operations (400, 401, 403, timeouts) and the host's stderr.
 */
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import { startGraphEmulator, type RunningGraphEmulator } from "../../../emulator";
import type { PolicyOutputs } from "../../../provider/core/types";
import type { Engine } from "../../harness";
import { checked, FAST_RETRY_CONFIG, minimalInputs, newAccessPackage, operationsOn } from "../../support/providerOnEmulator";
import { assertExplains, POLICY_ITEM } from "./faultSuite";
import { declarePolicies, policyStack, policyUrn, type PolicyStack } from "./policyStack";

const GRAPH_TOKEN = "sentinel-graph-token-3f9a1c7e0b";
const SENTINELS = {
    graphToken: GRAPH_TOKEN,
    wrongToken: "sentinel-wrong-token-88d1e2",
    unusedEnvToken: "sentinel-unused-env-token-4b7c",
    armClientSecret: "sentinel-arm-client-secret-5e21",
    azureClientSecret: "sentinel-azure-client-secret-c0d9",
    azureadClientSecret: "sentinel-azuread-client-secret-17aa",
};

/** Asserts that no sentinel occurs in `text`, naming where it was found. */
function assertNoSentinel(text: string, where: string): void {
    for (const [name, value] of Object.entries(SENTINELS)) {
        assert.ok(!text.includes(value), `${name} leaked into ${where}`);
    }
}

/** The rejection of `work`, which must fail. */
async function failureOf(work: Promise<unknown>): Promise<Error> {
    return work.then(
        () => assert.fail("expected a failure"),
        (error: unknown) => error as Error,
    );
}

describe("reliability: secrets stay secret", () => {
    let emulator: RunningGraphEmulator;
    let accessPackageId: string;

    before(async () => {
        emulator = await startGraphEmulator({ token: GRAPH_TOKEN });
        accessPackageId = await newAccessPackage(emulator, "secrets");
    });
    after(() => emulator?.close());
    afterEach(() => emulator.admin.clearFaults());

    describe("in error messages of the provider operations", () => {
        let outs: PolicyOutputs;

        before(async () => {
            const operations = operationsOn(emulator);
            const created = await operations.create(await checked(operations, minimalInputs(accessPackageId, "In process")));
            outs = created.outs as PolicyOutputs;
        });

        it("400 from Graph's validation names the operation, policy, code, message and request-id, and no token", async () => {
            const invalid = {
                ...outs,
                customExtensionStageSettings: [
                    { stage: "assignmentRequestCreated" as const, customExtension: { id: "bebe7873-1f0d-4db9-b6c3-01f7ebfe8476" } },
                ],
            };
            const error = await failureOf(operationsOn(emulator).update(outs.id, outs, invalid));
            const [put] = (await emulator.admin.requests()).filter((entry) => entry.method === "PUT").slice(-1);
            assertExplains(
                error,
                {
                    operation: "updating",
                    displayName: "In process",
                    id: outs.id,
                    status: 400,
                    code: "BadRequest",
                    requestId: put.requestId,
                },
                emulator,
            );
            assert.match(
                error.message,
                /custom extension 'bebe7873-1f0d-4db9-b6c3-01f7ebfe8476' does not exist/,
                "Graph's message is passed on",
            );
            assertNoSentinel(error.message, "a 400 error");
        });

        it("401 with a wrong token names the code and advises on the token, without either token", async () => {
            const error = await failureOf(operationsOn(emulator, { "entra:token": SENTINELS.wrongToken }).read(outs.id, outs));
            assertExplains(
                error,
                { operation: "reading", displayName: "In process", id: outs.id, status: 401, code: "InvalidAuthenticationToken" },
                emulator,
            );
            assert.match(error.message, /Graph did not accept the token: .*audience/);
            assert.doesNotMatch(error.message, /EntitlementManagement\.ReadWrite\.All/);
            assertNoSentinel(error.message, "a 401 error");
            assertNoSentinel(JSON.stringify(error), "a serialized 401 error");
        });

        it("a timeout names the operation and the policy, without the token", async () => {
            await emulator.admin.addFault({ kind: "throttle", method: "GET", pathRegex: POLICY_ITEM, retryAfterSeconds: 60 });
            const error = await failureOf(operationsOn(emulator, { "entra:operationTimeout": "1" }).read(outs.id, outs));
            assertExplains(
                error,
                { operation: "reading", displayName: "In process", id: outs.id, status: 429, code: "TooManyRequests" },
                emulator,
            );
            assert.match(error.message, /timed out/);
            assertNoSentinel(error.message, "a timeout error");
        });
    });

    describe("through the dynamic-provider host", () => {
        const stacks: PolicyStack[] = [];
        /** Every text a user or a backend sees of a stack, for the final scan. */
        const seen: { where: string; text: string }[] = [];
        const record = (where: string, text: string) => seen.push({ where, text });

        function stackWith(name: string, config: PolicyStack["engine"]["config"], env: NodeJS.ProcessEnv): PolicyStack {
            const stack = policyStack(emulator, [{ name, args: minimalInputs(accessPackageId, name) }], { config, env, stack: name });
            stacks.push(stack);
            return stack;
        }

        async function recordStack({ engine, stateFile }: PolicyStack, where: string): Promise<void> {
            record(`${where} state file`, fs.existsSync(stateFile) ? fs.readFileSync(stateFile, "utf8") : "");
            record(`${where} state`, engine.state.serialize());
            record(
                `${where} revealed state`,
                JSON.stringify(engine.state.resources.map((entry) => [engine.reveal(entry.inputs), engine.reveal(entry.outputs)])),
            );
            record(`${where} program registrations (inputs and __provider)`, JSON.stringify((await engine.capture()).resources));
            record(`${where} host stderr`, engine.hostStderr);
        }

        async function recordFailure(engine: Engine, operation: () => Promise<unknown>, where: string): Promise<Error> {
            const error = await failureOf(operation());
            record(`${where} error`, `${error.message}\n${JSON.stringify(error)}`);
            assert.ok(error.message.length > 0);
            assertNoSentinel(engine.hostStderr, `${where} host stderr`);
            return error;
        }

        after(() => stacks.forEach((stack) => stack.dispose()));

        it("token from ENTRA_GRAPH_TOKEN, client secrets in ARM_/AZURE_ env: up, 400, 403 and timeout leak nothing", async () => {
            const stack = stackWith(
                "envtoken",
                { ...FAST_RETRY_CONFIG },
                {
                    ENTRA_GRAPH_ENDPOINT: emulator.url,
                    ENTRA_GRAPH_TOKEN: GRAPH_TOKEN,
                    ARM_CLIENT_SECRET: SENTINELS.armClientSecret,
                    AZURE_CLIENT_SECRET: SENTINELS.azureClientSecret,
                },
            );
            const { engine } = stack;
            await engine.up();
            const id = engine.state.get(policyUrn("envtoken", "envtoken"))!.id;
            assert.ok(await emulator.admin.get("assignmentPolicies", id), "the sentinel token was accepted by Graph");

            declarePolicies(engine, [
                {
                    name: "envtoken",
                    args: {
                        ...minimalInputs(accessPackageId, "envtoken"),
                        customExtensionStageSettings: [
                            { stage: "assignmentRequestCreated", customExtension: { id: "bebe7873-1f0d-4db9-b6c3-01f7ebfe8476" } },
                        ],
                    },
                },
            ]);
            assert.match((await recordFailure(engine, () => engine.up(), "400 update")).message, /400 BadRequest/);
            declarePolicies(engine, [{ name: "envtoken", args: minimalInputs(accessPackageId, "envtoken") }]);

            await emulator.admin.addFault({ kind: "throttle", method: "GET", pathRegex: POLICY_ITEM, retryAfterSeconds: 60 });
            engine.config["entra:operationTimeout"] = "1";
            assert.match((await recordFailure(engine, () => engine.refresh(), "timed-out refresh")).message, /timed out/);
            delete engine.config["entra:operationTimeout"];
            await emulator.admin.clearFaults();

            await emulator.admin.addFault({ kind: "forbiddenAfterDelete", pathRegex: POLICY_ITEM, requests: 100 });
            const deleted = await fetch(`${emulator.url}/v1.0/identityGovernance/entitlementManagement/assignmentPolicies/${id}`, {
                method: "DELETE",
                headers: { Authorization: `Bearer ${GRAPH_TOKEN}` },
            });
            assert.equal(deleted.status, 204);
            assert.match((await recordFailure(engine, () => engine.refresh(), "403 refresh")).message, /403 Authorization_RequestDenied/);
            await recordStack(stack, "env-token stack");
        });

        it("token and client secret as secret stack config: up, 401 with a wrong token, and destroy leak nothing", async () => {
            const stack = stackWith(
                "configtoken",
                {
                    ...FAST_RETRY_CONFIG,
                    "entra:graphEndpoint": emulator.url,
                    "entra:token": { secret: GRAPH_TOKEN },
                    "azuread:clientSecret": { secret: SENTINELS.azureadClientSecret },
                },
                {
                    ENTRA_GRAPH_TOKEN: SENTINELS.unusedEnvToken,
                    ARM_CLIENT_SECRET: SENTINELS.armClientSecret,
                    AZURE_CLIENT_SECRET: SENTINELS.azureClientSecret,
                },
            );
            const { engine } = stack;
            await engine.up();
            const id = engine.state.get(policyUrn("configtoken", "configtoken"))!.id;
            assert.ok(await emulator.admin.get("assignmentPolicies", id), "the sentinel token from config was accepted by Graph");
            await recordStack(stack, "config-token stack after up");

            engine.config["entra:token"] = { secret: SENTINELS.wrongToken };
            assert.match((await recordFailure(engine, () => engine.refresh(), "401 refresh")).message, /401 InvalidAuthenticationToken/);
            engine.config["entra:token"] = { secret: GRAPH_TOKEN };
            await engine.destroy();
            assert.equal(await emulator.admin.get("assignmentPolicies", id), undefined);
            await recordStack(stack, "config-token stack after destroy");
        });

        it("no sentinel appears in anything recorded above", () => {
            assert.ok(seen.length >= 10, "the scenarios above ran and recorded what they saw");
            for (const { where, text } of seen) assertNoSentinel(text, where);
        });
    });
});
