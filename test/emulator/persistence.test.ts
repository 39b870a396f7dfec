import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Harness, minimalPolicy } from "./support";

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
      assert.deepEqual({ ...got.body, accessPackage: undefined, "@odata.context": undefined }, { ...created.body, "@odata.context": undefined, accessPackage: undefined });
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
});
