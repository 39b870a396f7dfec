import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { once } from "node:events";
import type { IncomingMessage, ServerResponse } from "node:http";
import { Readable } from "node:stream";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { EmulatorAdminError } from "../../emulator";
import { AdminRequestListener } from "../../emulator/http/AdminRequestListener";
import { Router } from "../../emulator/routing/Router";
import { formatDurationTicks, normaliseDuration, parseDurationTicks } from "../../emulator/validation/duration";
import { Harness, minimalPolicy, useEmulator } from "./support";

describe("emulator: admin state access", () => {
    const h = useEmulator();

    beforeEach(() => h.emulator.admin.reset());

    it("modifies a policy out of band: GET shows the drift and a later modifiedDateTime", async () => {
        const { accessPackageId } = await h.packageInNewCatalog();
        const created = (await h.call("POST", "assignmentPolicies", minimalPolicy(accessPackageId))).body;
        const modified = await h.emulator.admin.modify("assignmentPolicies", created.id, { displayName: "changed in the portal" });
        assert.equal(modified.properties.displayName, "changed in the portal");
        const got = await h.call("GET", `assignmentPolicies/${created.id}`);
        assert.equal(got.body.displayName, "changed in the portal");
        assert.ok(got.body.modifiedDateTime > created.modifiedDateTime);
    });

    it("lists, gets, removes records and resets the tenant", async () => {
        const { accessPackageId } = await h.packageInNewCatalog();
        const created = (await h.call("POST", "assignmentPolicies", minimalPolicy(accessPackageId))).body;
        const [stored] = await h.emulator.admin.policies();
        assert.equal(stored.accessPackageId, accessPackageId);
        assert.equal((await h.emulator.admin.get("assignmentPolicies", created.id))?.id, created.id);
        await h.emulator.admin.remove("assignmentPolicies", created.id);
        assert.equal(await h.emulator.admin.get("assignmentPolicies", created.id), undefined);
        await h.emulator.admin.reset();
        const state = await h.emulator.admin.state();
        assert.deepEqual(state.catalogs, []);
        assert.deepEqual(state.accessPackages, []);
    });

    it("seeding validates like Graph and reports errors as EmulatorAdminError", async () => {
        await assert.rejects(h.emulator.admin.seed("accessPackages", { displayName: "no catalog" }), (error: unknown) => {
            assert.ok(error instanceof EmulatorAdminError);
            assert.equal(error.status, 400);
            return true;
        });
    });
});

describe("emulator: the admin API off loopback", () => {
    it("refuses a client that is not on loopback with a 403 saying so and naming its address", async () => {
        // No interface but loopback is sure to exist here, so the request comes from a stand-in socket.
        const req = Object.assign(Readable.from([]), {
            url: "/_emulator/health",
            method: "GET",
            headers: {},
            socket: { remoteAddress: "192.0.2.7" },
        });
        let status = 0;
        let payload = "";
        const res = {
            writeHead(code: number) {
                status = code;
                return res;
            },
            end(text?: string) {
                payload = text ?? "";
            },
        };
        await new AdminRequestListener(new Router([])).handle(req as unknown as IncomingMessage, res as unknown as ServerResponse);
        assert.equal(status, 403);
        const { error } = JSON.parse(payload) as { error: { code: string; message: string } };
        assert.equal(error.code, "Forbidden");
        assert.match(error.message, /admin API answers loopback clients only/);
        assert.match(error.message, /'192\.0\.2\.7'/);
    });
});

describe("emulator: lifecycle and CLI", () => {
    it("close is guarded: a second close rejects", async () => {
        const h = await Harness.start();
        await h.close();
        await assert.rejects(h.close(), /Cannot close/);
    });

    /** Starts the CLI, waits for its token line, and returns what it printed and a stop that expects exit code 0. */
    async function runCli(args: string[]): Promise<{ output: string; stop(): Promise<void> }> {
        const cli = spawn(
            process.execPath,
            ["-r", "ts-node/register", join(__dirname, "../../emulator/cli.ts"), "--port", "0", "--token", "cli-token", ...args],
            {
                cwd: join(__dirname, "../.."),
                stdio: ["ignore", "pipe", "inherit"],
            },
        );
        const exited = once(cli, "exit").then(([code]) => {
            throw new Error(`the CLI exited early with ${String(code)}`);
        });
        let output = "";
        while (!/GRAPH_TOKEN=.*\n/.test(output)) {
            const [chunk] = (await Promise.race([once(cli.stdout, "data"), exited])) as [Buffer];
            output += chunk.toString();
        }
        return {
            output,
            async stop() {
                const exit = once(cli, "exit");
                exited.catch(() => undefined);
                cli.kill("SIGTERM");
                const [code] = await exit;
                assert.equal(code, 0);
            },
        };
    }

    it("the CLI prints the URL and token, serves Graph, and exits on SIGTERM", async () => {
        const { output, stop } = await runCli([]);
        const url = /GRAPH_URL=(\S+)/.exec(output)![1];
        assert.match(output, /GRAPH_TOKEN=cli-token/);
        assert.doesNotMatch(output, /ACCESS_PACKAGE_ID=/);
        const response = await fetch(`${url}/v1.0/identityGovernance/entitlementManagement/catalogs`, {
            headers: { Authorization: "Bearer cli-token" },
        });
        assert.equal(response.status, 200);
        await stop();
    });

    it("the CLI's --access-package makes a package to point stacks at, and finds it again after a restart on --state", async () => {
        const statePath = join(mkdtempSync(join(tmpdir(), "emulator-cli-")), "tenant.json");
        const first = await runCli(["--access-package", "Sales", "--state", statePath]);
        const accessPackageId = /ACCESS_PACKAGE_ID=(\S+)/.exec(first.output)![1];
        const url = /GRAPH_URL=(\S+)/.exec(first.output)![1];
        const response = await fetch(
            `${url}/v1.0/identityGovernance/entitlementManagement/accessPackages/${accessPackageId}?$expand=catalog`,
            {
                headers: { Authorization: "Bearer cli-token" },
            },
        );
        const body = (await response.json()) as { displayName: string; catalog: { id: string } };
        assert.equal(body.displayName, "Sales");
        assert.equal(body.catalog.id, /CATALOG_ID=(\S+)/.exec(first.output)![1]);
        await first.stop();

        const second = await runCli(["--access-package", "Sales", "--state", statePath]);
        assert.equal(/ACCESS_PACKAGE_ID=(\S+)/.exec(second.output)![1], accessPackageId);
        await second.stop();
    });
});

describe("emulator: ISO 8601 durations as Graph's TimeSpan round-trip", () => {
    const cases: [string, string][] = [
        ["PT48H", "P2D"],
        ["P365D", "P365D"],
        ["PT8H", "PT8H"],
        ["PT0S", "PT0S"],
        ["P0D", "PT0S"],
        ["PT90M", "PT1H30M"],
        ["P1DT25H", "P2DT1H"],
        ["PT1.5S", "PT1.5S"],
        ["PT0.0000001S", "PT0.0000001S"],
    ];
    for (const [input, output] of cases) {
        it(`${input} -> ${output}`, () => assert.equal(normaliseDuration(input), output));
    }

    for (const invalid of ["P", "PT", "P1Y", "P1M", "P2W", "1D", "PT1.12345678S", "P1DT"]) {
        it(`refuses ${invalid}`, () => assert.equal(parseDurationTicks(invalid), undefined));
    }

    it("formats negative durations with a sign", () => assert.equal(formatDurationTicks(-36_000_000_000), "-PT1H"));
});
