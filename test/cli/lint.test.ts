import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { runExport } from "../../cli/export";
import { runLint } from "../../cli/lint";
import type { CommandEnvironment } from "../../cli/environment";
import { startGraphEmulator, type RunningGraphEmulator } from "../../emulator";
import { GOVERNANCE_RULES } from "../../provider/core/governance";
import { checkPolicy, toGraphBody, type CanonicalPolicy } from "../../provider/core/model";
import { APPROVER_GROUP_ID, neverExpiringUnreviewed } from "../support/governancePolicies";

/** Runs a command in process with `env`, in `cwd`, capturing what it prints. */
async function run(
    command: (argv: string[], environment: CommandEnvironment) => Promise<number>,
    argv: string[],
    env: NodeJS.ProcessEnv,
    cwd: string,
): Promise<{ status: number; stdout: string; stderr: string }> {
    const printed = { stdout: "", stderr: "" };
    const status = await command(argv, {
        env,
        cwd,
        stdout: (text) => (printed.stdout += text),
        stderr: (text) => (printed.stderr += text),
    });
    return { status, ...printed };
}

/** The rules and property paths the example breaks, plus the empty approver group in the directory. */
const EXPECTED = [
    "external-expiration expiration.type",
    "external-access-reviews reviewSettings.isEnabled",
    "never-expiring-members-only expiration.type",
    `approver-groups-not-empty requestApprovalSettings.stages[0].fallbackPrimaryApprovers[0].groupId`,
];

describe("lint: the governance rules against a tenant and an export", () => {
    let emulator: RunningGraphEmulator;
    let env: NodeJS.ProcessEnv;
    let work: string;
    let accessPackageId: string;
    let policyId: string;

    before(async () => {
        emulator = await startGraphEmulator();
        env = { ENTRA_GRAPH_ENDPOINT: emulator.url, ENTRA_GRAPH_TOKEN: emulator.token };
        work = fs.mkdtempSync(path.join(os.tmpdir(), "governance-lint-"));
        const catalog = await emulator.admin.seed("catalogs", { displayName: "partners" });
        accessPackageId = (await emulator.admin.seed("accessPackages", { displayName: "partners", catalog: { id: catalog.id } })).id;
        // The approver group exists but nobody is in it any more.
        await emulator.admin.seed("groups", { id: APPROVER_GROUP_ID, displayName: "Partner approvers" });
        // Created out of band, as in the portal: the provider never saw it.
        const { customExtensionStageSettings: _none, ...policy } = neverExpiringUnreviewed();
        const checked = checkPolicy({}, { ...policy, accessPackageId }).inputs as CanonicalPolicy;
        policyId = (await emulator.admin.seed("assignmentPolicies", toGraphBody(checked) as unknown as Record<string, unknown>)).id;
    });
    beforeEach(() => emulator.admin.resetLog());
    after(async () => {
        fs.rmSync(work, { recursive: true, force: true });
        await emulator.close();
    });

    it("finds the policy in all three formats, looks the directory up, and exits 1 at --fail-on high", async () => {
        const result = await run(
            runLint,
            ["--access-package", accessPackageId, "--json", "out/lint.json", "--sarif", "out/lint.sarif"],
            env,
            work,
        );
        assert.equal(result.status, 1, result.stderr);

        const rows = result.stdout.split("\n");
        for (const expected of EXPECTED) {
            const [ruleId, property] = expected.split(" ");
            assert.ok(
                rows.some((row) => row.includes(ruleId) && row.includes(property) && row.includes(`"Partners forever" (${policyId})`)),
                `${expected}\n${result.stdout}`,
            );
        }
        assert.match(result.stdout, /^4 findings \(4 high, 0 medium, 0 low\) in 1 policy of access package /m);

        const json = JSON.parse(fs.readFileSync(path.join(work, "out/lint.json"), "utf8"));
        assert.deepEqual(
            json.findings.map((f: { ruleId: string; property: string }) => `${f.ruleId} ${f.property}`).sort(),
            [...EXPECTED].sort(),
        );
        assert.equal(json.findings[0].policy.id, policyId);
        assert.equal(json.directoryChecked, true);

        const sarif = JSON.parse(fs.readFileSync(path.join(work, "out/lint.sarif"), "utf8"));
        assert.equal(sarif.version, "2.1.0");
        const [sarifRun] = sarif.runs;
        assert.deepEqual(
            sarifRun.tool.driver.rules.map((rule: { id: string }) => rule.id),
            GOVERNANCE_RULES.map((rule) => rule.id),
        );
        assert.deepEqual(
            sarifRun.results
                .map(
                    (r: { ruleId: string; locations: { logicalLocations: { name: string }[] }[] }) =>
                        `${r.ruleId} ${r.locations[0].logicalLocations[0].name}`,
                )
                .sort(),
            [...EXPECTED].sort(),
        );
        for (const result of sarifRun.results) {
            assert.equal(result.level, "error");
            assert.deepEqual(
                result.locations[0].physicalLocation,
                { artifactLocation: { uri: "Pulumi.yaml" }, region: { startLine: 1 } },
                "code scanning needs a file",
            );
            assert.equal(sarifRun.tool.driver.rules[result.ruleIndex].id, result.ruleId);
        }

        for (const text of [
            result.stdout,
            result.stderr,
            fs.readFileSync(path.join(work, "out/lint.json"), "utf8"),
            fs.readFileSync(path.join(work, "out/lint.sarif"), "utf8"),
        ]) {
            assert.ok(!text.includes(emulator.token), "the token never appears in an output");
        }
        const routes = (await emulator.admin.requests()).map((entry) => `${entry.method} ${entry.route ?? entry.path}`);
        assert.ok(routes.includes("GET /v1.0/groups/{id}") && routes.includes("GET /v1.0/groups/{id}/members"), routes.join("\n"));
        assert.ok(
            routes.every((route) => route.startsWith("GET ")),
            "lint only reads",
        );
    });

    it("names a deleted approver group under directory-principals-exist", async () => {
        await emulator.admin.remove("groups", APPROVER_GROUP_ID);
        try {
            const result = await run(runLint, ["--access-package", accessPackageId, "--json", "deleted.json"], env, work);
            const findings = JSON.parse(fs.readFileSync(path.join(work, "deleted.json"), "utf8")).findings.map(
                (f: { ruleId: string; property: string }) => `${f.ruleId} ${f.property}`,
            );
            assert.ok(
                findings.includes("directory-principals-exist requestApprovalSettings.stages[0].fallbackPrimaryApprovers[0].groupId"),
                result.stdout,
            );
        } finally {
            await emulator.admin.seed("groups", { id: APPROVER_GROUP_ID, displayName: "Partner approvers" });
        }
    });

    it("exits 0 with --fail-on none, and reads no user or group with --skip-directory", async () => {
        const result = await run(runLint, ["--all", "--fail-on", "none", "--skip-directory"], env, work);
        assert.equal(result.status, 0, result.stderr);
        assert.match(result.stdout, /3 findings .* \(directory checks skipped\)/);
        const routes = (await emulator.admin.requests()).map((entry) => entry.route ?? entry.path);
        assert.ok(
            routes.every((route) => !route.startsWith("/v1.0/users") && !route.startsWith("/v1.0/groups")),
            routes.join("\n"),
        );
    });

    it("lints an export's program without Graph, pointing SARIF at the declaration's line", async () => {
        const exported = await run(runExport, ["--access-package", accessPackageId, "--out", "exported"], env, work);
        assert.equal(exported.status, 0, exported.stderr);
        await emulator.admin.resetLog();

        const result = await run(runLint, ["--from", "exported", "--sarif", "exported.sarif", "--json", "exported.json"], {}, work);
        assert.equal(result.status, 1, result.stderr);
        assert.deepEqual(await emulator.admin.requests(), []);
        const program = fs.readFileSync(path.join(work, "exported", "index.ts"), "utf8").split("\n");
        const line = program.findIndex((text) => text.startsWith("new AccessPackageAssignmentPolicy(")) + 1;
        assert.match(
            result.stdout,
            new RegExp(`"Partners forever" \\(${path.join("exported", "index.ts").replace(/[\\/.]/g, "\\$&")}:${line}\\)`),
        );

        const sarif = JSON.parse(fs.readFileSync(path.join(work, "exported.sarif"), "utf8"));
        const locations = sarif.runs[0].results.map(
            (r: { locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[] }) =>
                r.locations[0].physicalLocation,
        );
        assert.ok(
            locations.length === 3 &&
                locations.every(
                    (l: { artifactLocation: { uri: string }; region: { startLine: number } }) =>
                        l.artifactLocation.uri === "exported/index.ts" && l.region.startLine === line,
                ),
        );
        assert.equal(
            JSON.parse(fs.readFileSync(path.join(work, "exported.json"), "utf8")).findings[0].policy.id,
            policyId,
            "the adopted id names the policy",
        );
    });

    it("lints Graph JSON, a saved list response, without Graph", async () => {
        const listed = await fetch(
            `${emulator.url}/v1.0/identityGovernance/entitlementManagement/assignmentPolicies?$expand=accessPackage,customExtensionStageSettings`,
            {
                headers: { Authorization: `Bearer ${emulator.token}` },
            },
        );
        fs.writeFileSync(path.join(work, "policies.json"), await listed.text());
        await emulator.admin.resetLog();
        const result = await run(runLint, ["--from", "policies.json", "--json", "from-json.json"], {}, work);
        assert.equal(result.status, 1, result.stderr);
        assert.deepEqual(await emulator.admin.requests(), []);
        const findings = JSON.parse(fs.readFileSync(path.join(work, "from-json.json"), "utf8")).findings;
        assert.deepEqual(
            findings.map((f: { ruleId: string; property: string }) => `${f.ruleId} ${f.property}`),
            EXPECTED.slice(0, 3),
        );
        assert.equal(findings[0].policy.id, policyId);
    });

    it("refuses a program whose inputs are not literals, naming the line, with exit 2", async () => {
        const file = path.join(work, "edited.ts");
        fs.writeFileSync(
            file,
            [
                'import { AccessPackageAssignmentPolicy } from "pulumi-entra-assignment-policy";',
                "",
                'new AccessPackageAssignmentPolicy("p", { displayName: name });',
                "",
            ].join("\n"),
        );
        const result = await run(runLint, ["--from", file], {}, work);
        assert.equal(result.status, 2);
        assert.match(result.stderr, /^lint: line 3: expected a literal value/);
    });

    it("takes settings and severities from --config, and refuses an unknown rule id", async () => {
        fs.writeFileSync(
            path.join(work, "lint-config.json"),
            JSON.stringify({ severities: { "external-access-reviews": "off", "external-expiration": "low" } }),
        );
        const result = await run(runLint, ["--all", "--skip-directory", "--config", "lint-config.json"], env, work);
        assert.match(result.stdout, /^2 findings \(1 high, 0 medium, 1 low\)/m);

        fs.writeFileSync(path.join(work, "lint-config.json"), JSON.stringify({ severities: { "no-such-rule": "off" } }));
        const refused = await run(runLint, ["--all", "--config", "lint-config.json"], env, work);
        assert.equal(refused.status, 2);
        assert.match(refused.stderr, /unknown rule id "no-such-rule"/);
    });
});
