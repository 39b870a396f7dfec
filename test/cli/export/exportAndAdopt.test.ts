/**
 * Brownfield adoption end to end: export the policies of a tenant configured before Pulumi, then run the exported
 * program through the engine harness against the same tenant.
 */
import * as assert from "node:assert/strict";
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { promisify } from "node:util";
import { runExport, type ExportEnvironment } from "../../../cli/export";
import { startGraphEmulator, type RunningGraphEmulator } from "../../../emulator";
import { Engine } from "../../harness";
import { emulatorStackConfig } from "../../support/emulatorStackConfig";
import { adoptedIds, ExportWorkspace, seedBrownfieldTenant, tenantPolicies, type BrownfieldTenant } from "./exportWorkspace";

const POLICIES = "/v1.0/identityGovernance/entitlementManagement/assignmentPolicies";
const WRITES = /^(POST|PUT|PATCH|DELETE) /;

/** Runs `export` in process, capturing what it prints. */
async function exportCommand(argv: string[], env: NodeJS.ProcessEnv = {}): Promise<{ status: number; stdout: string; stderr: string }> {
    const printed = { stdout: "", stderr: "" };
    const environment: ExportEnvironment = {
        env,
        cwd: process.cwd(),
        stdout: (text) => (printed.stdout += text),
        stderr: (text) => (printed.stderr += text),
    };
    const status = await runExport(argv, environment);
    return { status, ...printed };
}

function writes(counts: Record<string, number>): Record<string, number> {
    return Object.fromEntries(Object.entries(counts).filter(([route]) => WRITES.test(route)));
}

describe("adoption: export existing policies and adopt them with the exported program", () => {
    let emulator: RunningGraphEmulator;
    let tenant: BrownfieldTenant;
    let graphEnv: NodeJS.ProcessEnv;
    const workspace = new ExportWorkspace();

    before(async () => {
        emulator = await startGraphEmulator();
        tenant = await seedBrownfieldTenant(emulator);
        graphEnv = { ENTRA_GRAPH_ENDPOINT: emulator.url, ENTRA_GRAPH_TOKEN: emulator.token };
    });
    after(async () => {
        await emulator?.close();
        workspace.dispose();
    });

    describe("export", () => {
        it("--access-package writes a program adopting exactly that package's policies", async () => {
            const out = workspace.programDir("one-package");
            const result = await exportCommand(["--access-package", tenant.otherAccessPackageId, "--out", out], graphEnv);
            assert.equal(result.status, 0, result.stderr);
            assert.match(result.stdout, /Exported 1 access package assignment policy/);
            assert.deepEqual(adoptedIds(fs.readFileSync(path.join(out, "index.ts"), "utf8")), [tenant.otherPolicyId]);
            assert.deepEqual(fs.readdirSync(out).sort(), ["Pulumi.yaml", "index.ts", "package.json", "tsconfig.json"]);
            const manifest = JSON.parse(fs.readFileSync(path.join(out, "package.json"), "utf8"));
            assert.deepEqual(Object.keys(manifest.dependencies).sort(), ["@pulumi/pulumi", "pulumi-entra-assignment-policy"]);
            assert.match(fs.readFileSync(path.join(out, "Pulumi.yaml"), "utf8"), /^name: "one-package"\nruntime: nodejs\n/);
        });

        it("--catalog writes the policies of that catalog's packages only (settings from --endpoint and --token)", async () => {
            const out = workspace.programDir("catalog");
            const result = await exportCommand([
                "--catalog",
                tenant.catalogId,
                "--out",
                out,
                "--endpoint",
                emulator.url,
                "--token",
                emulator.token,
            ]);
            assert.equal(result.status, 0, result.stderr);
            assert.deepEqual(new Set(adoptedIds(fs.readFileSync(path.join(out, "index.ts"), "utf8"))), new Set(tenant.shapePolicyIds));
        });

        it("refuses to overwrite an earlier export, and writes nothing for an empty scope", async () => {
            const out = workspace.programDir("one-package");
            const earlier = fs.readFileSync(path.join(out, "index.ts"), "utf8");
            const again = await exportCommand(["--all", "--out", out], graphEnv);
            assert.equal(again.status, 1);
            assert.match(again.stderr, /nothing was written; .* already has Pulumi\.yaml, package\.json, tsconfig\.json, index\.ts/);
            assert.equal(fs.readFileSync(path.join(out, "index.ts"), "utf8"), earlier);

            const empty = await emulator.admin.seed("accessPackages", { displayName: "No policies", catalog: { id: tenant.catalogId } });
            const nothing = workspace.programDir("nothing");
            const none = await exportCommand(["--access-package", empty.id, "--out", nothing], graphEnv);
            assert.equal(none.status, 1);
            assert.match(none.stderr, /has no access package assignment policies; nothing was written/);
            assert.equal(fs.existsSync(nothing), false);

            const mistyped = "00000000-0000-4000-8000-00000000dead";
            const missing = await exportCommand(["--access-package", mistyped, "--out", nothing], graphEnv);
            assert.equal(missing.status, 1);
            assert.match(missing.stderr, new RegExp(`Access package ${mistyped} does not exist`));
            assert.doesNotMatch(missing.stderr, /has no access package assignment policies/);
            assert.equal(fs.existsSync(nothing), false);
        });

        it("reports Graph's refusal and a bad command line with their own exit codes", async () => {
            const denied = await exportCommand(["--all", "--out", workspace.programDir("denied")], {
                ...graphEnv,
                ENTRA_GRAPH_TOKEN: "not-the-token",
            });
            assert.equal(denied.status, 1);
            assert.match(denied.stderr, /401/);
            assert.match(denied.stderr, /did not accept the token/, "a 401 is about the token, not permissions");
            assert.doesNotMatch(denied.stderr, /EntitlementManagement\.ReadWrite\.All/);
            assert.ok(!denied.stderr.includes("not-the-token"), "the token is not echoed");
            const usage = await exportCommand(["--all", "--catalog", tenant.catalogId]);
            assert.equal(usage.status, 2);
            assert.match(usage.stderr, /give exactly one of/);
        });
    });

    describe("the exported program of the whole tenant", () => {
        let programDir: string;
        let engine: Engine;
        let original: Map<string, unknown>;

        it("is written for every policy, and type-checks against the package's types", async function () {
            programDir = workspace.programDir("tenant");
            const result = await exportCommand(["--all", "--out", programDir], graphEnv);
            assert.equal(result.status, 0, result.stderr);
            original = await tenantPolicies(emulator);
            assert.deepEqual(new Set(adoptedIds(fs.readFileSync(path.join(programDir, "index.ts"), "utf8"))), new Set(original.keys()));
            workspace.linkNodeModules(programDir);
            const tsc = require.resolve("typescript/bin/tsc");
            await promisify(execFile)(process.execPath, [tsc, "--noEmit", "-p", programDir]).catch(
                (error: { stdout?: string; message: string }) => {
                    assert.fail(`tsc rejected the exported program:\n${error.stdout ?? error.message}`);
                },
            );
        });

        it("first up adopts each policy with exactly one PUT, creates nothing and leaves every policy as it was", async () => {
            assert.ok(programDir, "needs the export of the previous test");
            engine = new Engine({ projectDir: programDir, config: emulatorStackConfig(emulator) });
            await emulator.admin.resetLog();
            await engine.up();

            const requests = await emulator.admin.requests();
            const puts = requests.filter((entry) => entry.method === "PUT").map((entry) => entry.path.split("?")[0]);
            assert.deepEqual(puts.sort(), [...original.keys()].map((id) => `${POLICIES}/${id}`).sort(), "one PUT per adopted policy");
            assert.deepEqual(
                writes(await emulator.admin.routeCounts()),
                { [`PUT ${POLICIES}/{id}`]: original.size },
                "no POST, PATCH or DELETE",
            );
            assert.deepEqual(await tenantPolicies(emulator), original);

            const policies = engine.state.resources.filter((resource) => resource.type.endsWith(":AccessPackageAssignmentPolicy"));
            assert.deepEqual(new Set(policies.map((resource) => resource.id)), new Set(original.keys()), "state tracks the adopted ids");
        });

        it("second up is a no-op: no step changes anything and Graph sees no write", async () => {
            assert.ok(engine, "needs the first up");
            await emulator.admin.resetLog();
            const result = await engine.up();
            assert.deepEqual(
                result.steps.filter((step) => step.op !== "same").map((step) => `${step.op} ${step.urn}`),
                [],
            );
            assert.deepEqual(writes(await emulator.admin.routeCounts()), {});
            assert.deepEqual(await tenantPolicies(emulator), original);
        });
    });
});
