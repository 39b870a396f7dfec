import assert from "node:assert/strict";
import { EmulatorAdminError } from "../../emulator";
import { FaultInjector } from "../../emulator/faults/FaultInjector";
import { LaggingTenantStore } from "../../emulator/store/LaggingTenantStore";
import { MemoryTenantStore } from "../../emulator/store/MemoryTenantStore";
import { EM, minimalPolicy, useEmulator } from "./support";

const POLICIES = `${EM}/assignmentPolicies`;

describe("emulator: eventual consistency windows", () => {
    const h = useEmulator();
    let accessPackageId: string;

    beforeEach(async () => {
        ({ accessPackageId } = await h.freshTenant());
    });

    const listed = async (): Promise<string[]> =>
        (await h.call("GET", "assignmentPolicies")).body.value.map((p: { displayName: string }) => p.displayName);
    const expanded = async (): Promise<string[]> =>
        (await h.call("GET", `accessPackages/${accessPackageId}?$expand=assignmentPolicies`)).body.assignmentPolicies.map(
            (p: { displayName: string }) => p.displayName,
        );

    describe("edge cases of the windows' ids", () => {
        it("a DELETE with a trailing slash opens the 403 window for the deleted id", async () => {
            await h.emulator.admin.addFault({ kind: "forbiddenAfterDelete", path: `${POLICIES}/**`, requests: 1 });
            const created = await h.call("POST", "assignmentPolicies", minimalPolicy(accessPackageId));
            assert.equal((await h.call("DELETE", `assignmentPolicies/${created.body.id}/`)).status, 204);
            assert.equal((await h.call("GET", `assignmentPolicies/${created.body.id}`)).status, 403);
            assert.equal((await h.call("GET", `assignmentPolicies/${created.body.id}`)).status, 404);
        });

        it("a POST whose $select leaves out id still opens the lag window for the new object", async () => {
            await h.emulator.admin.addFault({ kind: "readAfterWriteLag", path: POLICIES, requests: 1 });
            const created = await h.call("POST", "assignmentPolicies?$select=displayName", minimalPolicy(accessPackageId));
            assert.equal(created.status, 201);
            assert.equal(created.body.id, undefined);
            const id = created.headers.get("location")!.split("/").pop();
            assert.equal((await h.call("GET", `assignmentPolicies/${id}`)).status, 404);
            assert.equal((await h.call("GET", `assignmentPolicies/${id}`)).status, 200);
        });
    });

    describe("after a create", () => {
        it("by default hides the new policy from a GET of its own URL only, and only those GETs use up the window", async () => {
            await h.emulator.admin.addFault({ kind: "readAfterWriteLag", path: POLICIES, requests: 1 });
            const created = await h.call("POST", "assignmentPolicies", minimalPolicy(accessPackageId, "new"));
            assert.deepEqual(await listed(), ["new"]);
            assert.deepEqual(await expanded(), ["new"]);
            const hidden = await h.call("GET", `assignmentPolicies/${created.body.id}`);
            assert.equal(hidden.status, 404);
            assert.equal(hidden.body.error.code, "ResourceNotFound");
            assert.equal((await h.call("GET", `assignmentPolicies/${created.body.id}`)).status, 200);
        });

        it("with hideFromLists hides it from the list and the access package's expansion too, each such GET counting", async () => {
            await h.call("POST", "assignmentPolicies", minimalPolicy(accessPackageId, "old"));
            await h.emulator.admin.addFault({ kind: "readAfterWriteLag", path: POLICIES, requests: 3, hideFromLists: true });
            const created = await h.call("POST", "assignmentPolicies", minimalPolicy(accessPackageId, "new"));
            assert.deepEqual(await listed(), ["old"]);
            assert.deepEqual(await expanded(), ["old"]);
            assert.equal((await h.call("GET", `assignmentPolicies/${created.body.id}`)).status, 404);
            assert.deepEqual(await listed(), ["old", "new"], "the window answered its 3 GETs");
            assert.deepEqual(await expanded(), ["old", "new"]);
            assert.equal((await h.call("GET", `assignmentPolicies/${created.body.id}`)).status, 200);
            assert.equal((await h.emulator.admin.policies()).length, 2, "the admin API always sees the truth");
        });

        it("a GET that meets the hidden policy twice (expanding two packages' policies) counts once", async () => {
            await h.packageInNewCatalog("second");
            await h.emulator.admin.addFault({ kind: "readAfterWriteLag", path: POLICIES, requests: 2, hideFromLists: true });
            await h.call("POST", "assignmentPolicies", minimalPolicy(accessPackageId, "new"));
            const packages = await h.call("GET", "accessPackages?$expand=assignmentPolicies");
            assert.deepEqual(
                packages.body.value.map((p: { assignmentPolicies: unknown[] }) => p.assignmentPolicies),
                [[], []],
            );
            assert.deepEqual(await listed(), []);
            assert.deepEqual(await listed(), ["new"]);
        });
    });

    describe("after a replace (a rule with method PUT)", () => {
        const put = async (id: string, displayName: string) =>
            h.call("PUT", `assignmentPolicies/${id}`, minimalPolicy(accessPackageId, displayName));

        it("GETs of the policy's URL answer the version from before the PUT for the window; lists show the new one", async () => {
            const created = (await h.call("POST", "assignmentPolicies", minimalPolicy(accessPackageId, "before"))).body;
            const rule = await h.emulator.admin.addFault({ kind: "readAfterWriteLag", method: "PUT", path: `${POLICIES}/*`, requests: 2 });
            const replaced = await put(created.id, "after");
            assert.equal(replaced.status, 200);
            assert.equal(replaced.body.displayName, "after", "the PUT's own answer is current");
            const stale = await h.call("GET", `assignmentPolicies/${created.id}`);
            assert.equal(stale.status, 200);
            assert.equal(stale.body.displayName, "before");
            assert.equal(stale.body.modifiedDateTime, created.modifiedDateTime);
            assert.deepEqual(await listed(), ["after"]);
            assert.deepEqual(await expanded(), ["after"]);
            assert.equal((await h.call("GET", `assignmentPolicies/${created.id}`)).body.displayName, "before");
            assert.equal((await h.call("GET", `assignmentPolicies/${created.id}`)).body.displayName, "after");
            assert.equal((await h.emulator.admin.faults()).find((f) => f.id === rule.id)?.fired, 1);
        });

        it("with hideFromLists the list and the expansion show the old version too", async () => {
            const created = (await h.call("POST", "assignmentPolicies", minimalPolicy(accessPackageId, "before"))).body;
            await h.emulator.admin.addFault({
                kind: "readAfterWriteLag",
                method: "PUT",
                path: `${POLICIES}/*`,
                requests: 3,
                hideFromLists: true,
            });
            await put(created.id, "after");
            assert.deepEqual(await listed(), ["before"]);
            assert.deepEqual(await expanded(), ["before"]);
            assert.equal((await h.call("GET", `assignmentPolicies/${created.id}?$expand=questions`)).body.displayName, "before");
            assert.deepEqual(await listed(), ["after"]);
            assert.equal((await h.call("GET", `assignmentPolicies/${created.id}`)).body.displayName, "after");
        });

        it("a rule with the default method (POST) does not lag a PUT, and a refused PUT opens no window", async () => {
            const created = (await h.call("POST", "assignmentPolicies", minimalPolicy(accessPackageId, "before"))).body;
            await h.emulator.admin.addFault({ kind: "readAfterWriteLag", path: `${POLICIES}/**` });
            await put(created.id, "after");
            assert.equal((await h.call("GET", `assignmentPolicies/${created.id}`)).body.displayName, "after");
            await h.emulator.admin.addFault({ kind: "readAfterWriteLag", method: "PUT", path: `${POLICIES}/*` });
            const refused = await h.call("PUT", `assignmentPolicies/${created.id}`, { displayName: "no description" });
            assert.equal(refused.status, 400);
            assert.equal((await h.call("GET", `assignmentPolicies/${created.id}`)).body.displayName, "after");
        });

        it("serves the version the PUT replaced, even when another write landed while the PUT waited on injected latency", async () => {
            const id = "0b9a0f3e-5d8e-4b8e-9a51-2f6c1d7e8a90";
            const catalog = (displayName: string) => ({ id, properties: { displayName } });
            const replica = new LaggingTenantStore(new MemoryTenantStore());
            const faults = new FaultInjector(replica);
            faults.add({ kind: "latency", method: "PUT", ms: 1 });
            faults.add({ kind: "readAfterWriteLag", method: "PUT" });
            replica.put("catalogs", catalog("first"));
            const waiting = faults.before({ method: "PUT", pathname: `/catalogs/${id}`, targetId: id, body: undefined });
            replica.put("catalogs", catalog("second"));
            const decision = await waiting;
            assert.equal(decision.action, "proceed");
            if (decision.action !== "proceed") return;
            replica.put("catalogs", catalog("third"));
            faults.after(decision.windows, { method: "PUT", targetId: id, status: 200, entityId: id });
            assert.equal(replica.read(id, () => replica.get("catalogs", id))?.properties.displayName, "second");
        });

        it("a deleted policy is not served from a stale window", async () => {
            const created = (await h.call("POST", "assignmentPolicies", minimalPolicy(accessPackageId, "before"))).body;
            await h.emulator.admin.addFault({
                kind: "readAfterWriteLag",
                method: "PUT",
                path: `${POLICIES}/*`,
                requests: 5,
                hideFromLists: true,
            });
            await put(created.id, "after");
            assert.equal((await h.call("DELETE", `assignmentPolicies/${created.id}`)).status, 204);
            assert.equal((await h.call("GET", `assignmentPolicies/${created.id}`)).status, 404);
            assert.deepEqual(await listed(), []);
        });
    });

    describe("windows no GET runs into again do not pile up", () => {
        const sizeOf = (owner: object, field: string): number => (owner as unknown as Record<string, Map<string, unknown>>)[field].size;
        const catalog = (id: string) => ({ id, properties: { displayName: id } });

        it("arming a lag window forgets the ones that are over or whose object is gone", () => {
            const replica = new LaggingTenantStore(new MemoryTenantStore());
            for (const id of ["expired", "deleted", "open"]) replica.put("catalogs", catalog(id));
            replica.hideNew("expired", { ms: 0 }, false);
            replica.hideNew("deleted", { requests: 5 }, false);
            replica.remove("catalogs", "deleted");
            replica.hideNew("open", { requests: 1 }, false);
            assert.equal(sizeOf(replica, "lags"), 1);
        });

        it("arming a 403 window forgets the ones that are over", () => {
            const faults = new FaultInjector(new LaggingTenantStore(new MemoryTenantStore()));
            faults.add({ kind: "forbiddenAfterDelete", ms: 0 });
            const [rule] = faults.list();
            for (const id of ["a", "b", "c"])
                faults.after([{ rule }], { method: "DELETE", targetId: id, status: 204, entityId: undefined });
            assert.equal(sizeOf(faults, "forbidden"), 1);
        });
    });

    it("refuses a hideFromLists that is not a boolean, naming it", async () => {
        await assert.rejects(
            h.emulator.admin.addFault({ kind: "readAfterWriteLag", hideFromLists: "yes" as unknown as boolean }),
            (error: unknown) => {
                assert.ok(error instanceof EmulatorAdminError);
                assert.match(error.body, /'hideFromLists': must be a boolean/);
                return true;
            },
        );
    });
});
