/**
 * What a program sees when adoption cannot proceed, through the engine harness and the real dynamic-provider host:
 * the error the CLI would print, and a tenant left exactly as it was.
 */
import * as assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import * as path from "node:path";
import { startGraphEmulator, type RunningGraphEmulator } from "../../../emulator";
import { Engine, EngineError } from "../../harness";
import { emulatorStackConfig } from "../../support/emulatorStackConfig";
import { minimalInputs, newAccessPackage } from "../../support/providerOnEmulator";
import { tenantPolicies } from "../../cli/export/exportWorkspace";

const PROJECT = path.join(__dirname, "declared-policies");
const WRITES = /^(POST|PUT|PATCH|DELETE) /;

describe("adoption: refusals through the engine leave the tenant untouched", () => {
    let emulator: RunningGraphEmulator;
    let accessPackageId: string;

    before(async () => {
        emulator = await startGraphEmulator();
    });
    after(() => emulator?.close());
    beforeEach(async () => {
        await emulator.admin.reset();
        accessPackageId = await newAccessPackage(emulator, "refusals");
    });

    /** Seeds a policy out of band (as the portal would) and returns its id. */
    async function existingPolicy(displayName: string): Promise<string> {
        const { accessPackageId: id, ...inputs } = minimalInputs(accessPackageId, displayName);
        return (await emulator.admin.seed("assignmentPolicies", { ...inputs, accessPackage: { id } })).id;
    }

    /** Runs `up` of a program declaring `policies`; resolves to the error message, asserting nothing was written. */
    async function failedUp(policies: Record<string, Record<string, unknown>>): Promise<string> {
        const original = await tenantPolicies(emulator);
        const engine = new Engine({
            projectDir: PROJECT,
            config: emulatorStackConfig(emulator),
            env: { DECLARED_POLICIES: JSON.stringify(policies) },
        });
        await emulator.admin.resetLog();
        const error = await engine.up().then(
            () => assert.fail("up succeeded"),
            (rejection: unknown) => rejection,
        );
        assert.ok(error instanceof EngineError, String(error));
        const counts = await emulator.admin.routeCounts();
        assert.deepEqual(
            Object.keys(counts).filter((route) => WRITES.test(route)),
            [],
            "no write reached Graph",
        );
        assert.deepEqual(await tenantPolicies(emulator), original, "the tenant is unchanged");
        assert.deepEqual(
            engine.state.resources.filter((resource) => resource.type.endsWith(":AccessPackageAssignmentPolicy")),
            [],
            "nothing entered state",
        );
        return error.message;
    }

    it("a display-name clash without adopt fails, explains adopt and creates nothing", async () => {
        const existingId = await existingPolicy("Portal policy");
        const message = await failedUp({ clash: minimalInputs(accessPackageId, "Portal policy") });
        assert.match(message, /\(clash\): error: .*already has an assignment policy named "Portal policy"/);
        assert.ok(message.includes(existingId), "names the existing policy");
        assert.match(message, /adopt: true/);
        assert.match(message, /Nothing was created/);
        assert.equal((await tenantPolicies(emulator)).size, 1);
    });

    it('adopt: "<id>" of a policy that does not exist fails clearly', async () => {
        await existingPolicy("Portal policy");
        const missing = randomUUID();
        const message = await failedUp({ ghost: { ...minimalInputs(accessPackageId, "Ghost"), adopt: missing } });
        assert.match(
            message,
            new RegExp(`\\(ghost\\): error: adopt: there is no access package assignment policy with id ${missing} to adopt`),
        );
        assert.match(message, /Remove `adopt` to create "Ghost" as a new policy, or correct the id/);
    });

    it("adopt: true with two same-named policies fails, listing both ids", async () => {
        const first = await existingPolicy("Twin");
        const second = await existingPolicy("Twin");
        const message = await failedUp({ twin: { ...minimalInputs(accessPackageId, "Twin"), adopt: true } });
        assert.match(message, /\(twin\): error: adopt: access package .* has 2 assignment policies named "Twin"/);
        assert.ok(message.includes(first) && message.includes(second), `lists both ids: ${message}`);
        assert.match(message, /set adopt to the id of the one to manage/);
    });
});
