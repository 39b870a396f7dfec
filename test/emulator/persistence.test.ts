import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startGraphEmulator } from "../../emulator";
import { MemoryTenantStore } from "../../emulator/store/MemoryTenantStore";
import { Harness, minimalPolicy, workflowExtension } from "./support";

describe("emulator: JSON state persistence", () => {
    let directory: string;

    beforeEach(() => {
        directory = mkdtempSync(join(tmpdir(), "graph-emulator-"));
    });
    afterEach(() => rmSync(directory, { recursive: true, force: true }));

    it("writes the tenant after each mutation and reloads it after a restart", async () => {
        const statePath = join(directory, "tenant.json");
        const first = await Harness.start({ statePath });
        const { accessPackageId } = await first.packageInNewCatalog();
        const created = await first.call("POST", "assignmentPolicies", minimalPolicy(accessPackageId));
        await first.close();

        const written = JSON.parse(readFileSync(statePath, "utf8"));
        assert.equal(written.assignmentPolicies[0].id, created.body.id);
        assert.deepEqual(readdirSync(directory), ["tenant.json"], "the temporary file was renamed away");

        const second = await Harness.start({ statePath });
        try {
            const got = await second.call("GET", `assignmentPolicies/${created.body.id}?$expand=accessPackage`);
            assert.equal(got.status, 200);
            assert.equal(got.body.accessPackage.id, accessPackageId);
            assert.deepEqual(
                { ...got.body, accessPackage: undefined, "@odata.context": undefined },
                { ...created.body, "@odata.context": undefined, accessPackage: undefined },
            );
            assert.equal((await second.call("DELETE", `assignmentPolicies/${created.body.id}`)).status, 204);
        } finally {
            await second.close();
        }
        assert.deepEqual(JSON.parse(readFileSync(statePath, "utf8")).assignmentPolicies, []);
    });

    it("keeps the tenant in memory when no state path is given", async () => {
        const first = await Harness.start();
        await first.packageInNewCatalog();
        await first.close();
        const second = await Harness.start();
        try {
            assert.deepEqual((await second.call("GET", "catalogs")).body.value, []);
        } finally {
            await second.close();
        }
    });

    it("refuses to start when the state file's directory cannot be written", async () => {
        const statePath = join(directory, "missing", "tenant.json");
        await assert.rejects(startGraphEmulator({ statePath }), (error: Error) => {
            assert.match(error.message, /state file/);
            assert.ok(error.message.includes(join(directory, "missing")), error.message);
            return true;
        });
    });

    it("refuses a second emulator on a state file another one holds, naming the file and the holder; the file is free again after close", async () => {
        const statePath = join(directory, "tenant.json");
        const first = await Harness.start({ statePath });
        try {
            await assert.rejects(startGraphEmulator({ statePath }), (error: Error) => {
                assert.ok(error.message.includes(statePath), error.message);
                assert.match(error.message, new RegExp(`another emulator \\(process ${process.pid}\\) holds it`));
                return true;
            });
            assert.equal((await first.call("POST", "catalogs", { displayName: "still served" })).status, 201, "the holder is unaffected");
        } finally {
            await first.close();
        }
        const second = await Harness.start({ statePath });
        await second.close();
    });

    it("takes over the lock of an emulator that ended without releasing it", async () => {
        const statePath = join(directory, "tenant.json");
        // No process has id 2^22 + 1 on Linux (pid_max is at most 2^22).
        writeFileSync(`${statePath}.lock`, String(2 ** 22 + 1));
        const h = await Harness.start({ statePath });
        await h.close();
    });

    const unusable: Array<[string, string, RegExp]> = [
        ["empty", "", /it is empty/],
        ["not JSON", '{ "catalogs": [', /it is not valid JSON/],
        ["not an object", "[]", /it holds no tenant state/],
        [
            "a collection that is no list of records",
            JSON.stringify({ catalogs: [{ displayName: "no id" }] }),
            /its 'catalogs' is not a list of records/,
        ],
    ];
    for (const [what, text, problem] of unusable) {
        it(`refuses to start on a state file that is ${what}, naming the file and the problem, and leaves no lock behind`, async () => {
            const statePath = join(directory, "tenant.json");
            writeFileSync(statePath, text);
            await assert.rejects(startGraphEmulator({ statePath }), (error: Error) => {
                assert.ok(error.message.includes(statePath), error.message);
                assert.match(error.message, problem);
                return true;
            });
            assert.deepEqual(readdirSync(directory), ["tenant.json"]);
            assert.equal(readFileSync(statePath, "utf8"), text, "the file is left as it was");
        });
    }

    it("refuses to start on a state file it cannot read, naming the file", async () => {
        const statePath = join(directory, "tenant.json");
        mkdirSync(statePath);
        await assert.rejects(startGraphEmulator({ statePath }), (error: Error) => {
            assert.ok(error.message.includes(statePath), error.message);
            assert.match(error.message, /cannot be read/);
            return true;
        });
    });

    it("a write the state file refuses changes nothing: the request answers 500 and the tenant is as before", async () => {
        const stateDirectory = join(directory, "state");
        mkdirSync(stateDirectory);
        const h = await Harness.start({ statePath: join(stateDirectory, "tenant.json") });
        try {
            const catalogId = (await h.call("POST", "catalogs", { displayName: "kept" })).body.id;
            const extension = await h.call("POST", `catalogs/${catalogId}/customWorkflowExtensions`, workflowExtension("request"));
            rmSync(stateDirectory, { recursive: true });

            const refused = await h.call("POST", "catalogs", { displayName: "phantom" });
            assert.equal(refused.status, 500);
            assert.equal(refused.body.error.code, "InternalServerError");
            assert.deepEqual(
                (await h.call("GET", "catalogs")).body.value.map((c: { id: string }) => c.id),
                [catalogId],
                "no phantom catalog",
            );

            // Deleting a catalog writes twice (its extension, then itself): neither half may stick.
            assert.equal((await h.call("DELETE", `catalogs/${catalogId}`)).status, 500);
            assert.equal((await h.call("GET", `catalogs/${catalogId}/customWorkflowExtensions/${extension.body.id}`)).status, 200);
            await assert.rejects(h.emulator.admin.remove("catalogs", catalogId), /answered 500/);
            assert.equal((await h.emulator.admin.state()).catalogs.length, 1, "an admin write is rolled back too");

            mkdirSync(stateDirectory);
            assert.equal((await h.call("POST", "catalogs", { displayName: "real" })).status, 201);
            const written = JSON.parse(readFileSync(join(stateDirectory, "tenant.json"), "utf8"));
            assert.deepEqual(
                written.catalogs.map((c: { properties: { displayName: string } }) => c.properties.displayName),
                ["kept", "real"],
            );
        } finally {
            await h.close();
        }
    });
});

describe("emulator: tenant store transactions", () => {
    class FlakyStore extends MemoryTenantStore {
        failWrites = false;
        writes = 0;
        protected override changed(): void {
            if (this.failWrites) throw new Error("disk full");
            this.writes++;
        }
    }
    const catalog = (id: string) => ({ id, properties: { displayName: id } });

    it("commits a transaction's changes with one write, and none for a transaction that changes nothing", () => {
        const store = new FlakyStore();
        store.transaction(() => {
            store.put("catalogs", catalog("a"));
            store.put("catalogs", catalog("b"));
        });
        assert.equal(store.writes, 1);
        store.transaction(() => store.list("catalogs"));
        assert.equal(store.writes, 1);
    });

    it("rolls every change of a transaction back when the work throws or the write fails, keeping the order", () => {
        const store = new FlakyStore();
        for (const id of ["a", "b", "c"]) store.put("catalogs", catalog(id));
        assert.throws(() =>
            store.transaction(() => {
                store.remove("catalogs", "a");
                store.put("catalogs", { id: "b", properties: { displayName: "changed" } });
                throw new Error("validation failed after a write");
            }),
        );
        assert.deepEqual(store.list("catalogs"), [catalog("a"), catalog("b"), catalog("c")]);
        store.failWrites = true;
        assert.throws(() => store.remove("catalogs", "a"), /disk full/);
        assert.throws(() => store.reset(), /disk full/);
        assert.deepEqual(
            store.list("catalogs").map((c) => c.id),
            ["a", "b", "c"],
        );
    });
});
