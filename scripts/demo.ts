/**
 * `npm start`: the quickstart (examples/quickstart/, run as the root Pulumi.yaml project) against a local Graph
 * emulator, with no configuration. Starts the emulator, creates a catalog and an access package in it, deploys the
 * "All Users" policy with the real `pulumi` CLI when one is on PATH (else with the engine harness, which drives the
 * same dynamic-provider host over gRPC), and prints the plan, the outcome, a second preview that plans no change, the
 * policy as Graph returns it, every Graph request the provider made, and where the program lives.
 */
import { randomBytes } from "node:crypto";
import * as path from "node:path";
import { startGraphEmulator, type RunningGraphEmulator } from "../emulator";
import { Engine, isPulumiCliAvailable, PulumiCli, type StackConfig } from "../test/harness";
import { emulatorStackConfig } from "../test/support/emulatorStackConfig";

const ROOT = path.resolve(__dirname, "..");
const POLICY_TYPE = "pulumi-nodejs:dynamic/entitlementManagement:AccessPackageAssignmentPolicy";
const POLICY_EXPAND = "accessPackage,catalog,questions,customExtensionStageSettings($expand=customExtension)";

const SYMBOLS: Record<string, string> = { create: "+", update: "~", replace: "+-", delete: "-", same: " ", refresh: "~" };

/** `+ create AccessPackageAssignmentPolicy all-users`, from a step's operation and URN. */
function describeStep(op: string, urn: string): string {
    const [, , qualifiedType, name] = urn.split("::");
    const type = qualifiedType.split("$").pop()!.split(":").pop();
    return `${SYMBOLS[op] ?? "?"} ${op} ${type} ${name}`;
}

function heading(title: string): void {
    console.log(`\n=== ${title}`);
}

/** A Graph entity as JSON. */
type GraphEntity = { id: string } & Record<string, unknown>;

/** Calls the emulator's Graph API with its token. */
async function graph(emulator: RunningGraphEmulator, method: string, pathAndQuery: string, body?: unknown): Promise<GraphEntity> {
    const response = await fetch(`${emulator.url}/v1.0/identityGovernance/entitlementManagement/${pathAndQuery}`, {
        method,
        headers: { Authorization: `Bearer ${emulator.token}`, "Content-Type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = (await response.json()) as GraphEntity;
    if (!response.ok) throw new Error(`${method} ${pathAndQuery} answered ${response.status}: ${JSON.stringify(json)}`);
    return json;
}

/** The preview right after `up`: what a user runs to see that the deployment is in place (no change, no Graph write). */
function printSecondPreview(steps: readonly { op: string; urn: string }[]): void {
    heading("Second preview, right after up");
    for (const step of steps) console.log(describeStep(step.op, step.urn));
    const changes = steps.filter((step) => step.op !== "same").length;
    console.log(changes === 0 ? "No changes: the deployed policy matches the program." : `${changes} changes planned`);
}

/** Preview, up and a second preview through the real CLI; returns the policy id from the exported state. */
async function deployWithCli(config: StackConfig): Promise<string> {
    // A throwaway file backend whose secrets (the token) are sealed with a passphrase nobody needs to remember.
    const cli = await PulumiCli.create({ projectDir: ROOT, config, passphrase: randomBytes(16).toString("hex") });
    try {
        const plan = async () => ((await cli.preview()) as { steps?: { op: string; urn: string }[] }).steps ?? [];
        heading(`Plan (pulumi preview, the real engine: ${await cli.version()})`);
        for (const step of await plan()) console.log(describeStep(step.op, step.urn));
        heading("Deployment (pulumi up)");
        console.log((await cli.up()).trimEnd());
        printSecondPreview(await plan());
        const exported = (await cli.exportState()) as { deployment: { resources: { type: string; id: string }[] } };
        return exported.deployment.resources.find((r) => r.type === POLICY_TYPE)!.id;
    } finally {
        await cli.dispose();
    }
}

/** Preview, up and a second preview through the engine harness; returns the policy id from the stack state. */
async function deployWithHarness(config: StackConfig): Promise<string> {
    const engine = new Engine({ projectDir: ROOT, program: "examples/quickstart/index.ts", config });
    heading("Plan (preview through the engine harness: no pulumi CLI on PATH)");
    const plan = await engine.preview();
    for (const step of plan.steps) console.log(describeStep(step.op, step.urn));
    heading("Deployment (up)");
    const result = await engine.up();
    for (const step of result.steps) console.log(`${describeStep(step.op, step.urn)}: ${step.status}`);
    printSecondPreview((await engine.preview()).steps);
    return engine.state.resources.find((r) => r.type === POLICY_TYPE)!.id;
}

async function main(): Promise<void> {
    const emulator = await startGraphEmulator();
    try {
        console.log(`Graph emulator listening at ${emulator.url}`);
        const catalog = await graph(emulator, "POST", "catalogs", { displayName: "Quickstart", description: "Catalog of the quickstart" });
        const accessPackage = await graph(emulator, "POST", "accessPackages", {
            displayName: "Directory access",
            description: "Access package of the quickstart",
            catalog: { id: catalog.id },
        });
        console.log(`Created catalog ${catalog.id} and access package ${accessPackage.id}`);
        await emulator.admin.resetLog();

        // The provider reads its Graph endpoint and token from stack config, the token as a secret.
        const config: StackConfig = { "quickstart:accessPackageId": accessPackage.id, ...emulatorStackConfig(emulator) };
        const policyId = isPulumiCliAvailable() ? await deployWithCli(config) : await deployWithHarness(config);

        const requests = await emulator.admin.requests();
        heading(`The policy as Graph returns it (GET assignmentPolicies/${policyId}?$expand=...)`);
        console.log(
            JSON.stringify(
                await graph(emulator, "GET", `assignmentPolicies/${policyId}?$expand=${encodeURIComponent(POLICY_EXPAND)}`),
                null,
                2,
            ),
        );
        heading(`Graph requests made by the provider (${requests.length})`);
        for (const request of requests) console.log(`${request.method.padEnd(6)} ${request.status} ${decodeURIComponent(request.path)}`);
        heading("The program");
        console.log(`${path.join(ROOT, "examples", "quickstart", "index.ts")} (the Pulumi project is ${path.join(ROOT, "Pulumi.yaml")}).`);
        console.log("Run it yourself against the emulator: examples/quickstart/README.md.");
    } finally {
        await emulator.close();
    }
}

main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
});
