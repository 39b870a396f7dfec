/**
 * Fault matrix, transient half: throttling, rate limiting, 5xx and latency. Each test asserts the operation's
 * result, the tenant's final state and the requests that prove how the provider got there.
 */
import * as assert from "node:assert/strict";
import type { PolicyOutputs } from "../../../provider/core/types";
import {
    assertExplains,
    assertTenantHolds,
    assertWatchedAfterRepost,
    policyTraffic,
    POLICY_COLLECTION,
    POLICY_ITEM,
    useFaultEmulator,
} from "./faultSuite";

describe("reliability: transient Graph faults", () => {
    const suite = useFaultEmulator();

    it("throttle: repeats a throttled POST after Retry-After and creates exactly one policy", async () => {
        await suite.emulator.admin.addFault({
            kind: "throttle",
            method: "POST",
            pathRegex: POLICY_COLLECTION,
            times: 1,
            retryAfterSeconds: 1,
        });
        const created = await suite.operations().create(await suite.inputs("Throttled"));
        assert.equal((created.outs as PolicyOutputs).displayName, "Throttled");
        await assertTenantHolds(suite.emulator, ["Throttled"]);
        // A 429 proves the POST was not applied, so it is repeated at once, without a lookup in between.
        assert.deepEqual(await policyTraffic(suite.emulator), ["GET lookup 200", "POST list 429", "POST list 201", "PUT item 200"]);
    });

    it("throttle: honours Retry-After even when it outlasts the operation timeout (one attempt, no early retry)", async () => {
        const created = await suite.operations().create(await suite.inputs("Patience"));
        await suite.emulator.admin.resetLog();
        // Retry-After of 60 s against a 2 s operation: waiting is impossible, so the only correct move is to stop.
        // A client ignoring Retry-After would repeat every 10-50 ms (the configured backoff) within those 2 s.
        await suite.emulator.admin.addFault({ kind: "throttle", method: "GET", pathRegex: POLICY_ITEM, retryAfterSeconds: 60 });
        const reading = suite.operations({ "entra:operationTimeout": "2" }).read(created.id, created.outs as PolicyOutputs);
        const error = await reading.then(
            () => assert.fail("read should time out"),
            (rejected: unknown) => rejected,
        );
        assertExplains(
            error,
            { operation: "reading", displayName: "Patience", id: created.id, status: 429, code: "TooManyRequests" },
            suite.emulator,
        );
        assert.match((error as Error).message, /timed out after 1 attempt within the operation timeout/);
        assert.deepEqual(await policyTraffic(suite.emulator), ["GET item 429"]);
        await assertTenantHolds(suite.emulator, ["Patience"]);
    });

    it("rate limit (token bucket): a create-update-read-delete sequence completes, waiting out every 429", async () => {
        await suite.emulator.admin.addFault({ kind: "throttle", pathRegex: "/assignmentPolicies", ratePerSecond: 4, burst: 2 });
        const operations = suite.operations({ "entra:operationTimeout": "10" });
        const inputs = await suite.inputs("Rate limited");
        const created = await operations.create(inputs);
        const updated = await operations.update(created.id, created.outs as PolicyOutputs, { ...inputs, description: "after the bucket" });
        const read = await operations.read(created.id, updated.outs as PolicyOutputs);
        assert.equal((read.props as PolicyOutputs).description, "after the bucket");
        await assertTenantHolds(suite.emulator, ["Rate limited"]);
        await operations.delete(created.id, read.props as PolicyOutputs);
        await assertTenantHolds(suite.emulator, []);

        const traffic = await policyTraffic(suite.emulator);
        const throttled = traffic.filter((line) => line.endsWith(" 429"));
        assert.ok(throttled.length > 0, `the bucket throttled something: ${traffic.join(", ")}`);
        assert.equal(traffic.filter((line) => line === "POST list 201").length, 1, "exactly one successful POST");
        assert.ok(!traffic.includes("POST list dropped"));
    });

    it("serverError 503 with Retry-After on POST: no second POST before Retry-After, even when that outlasts the operation timeout", async () => {
        // Retry-After of 60 s against a 2 s operation: the lookups may run, but posting again is impossible in time.
        // A client ignoring Retry-After on a POST would send the second one after 10-50 ms (the configured backoff).
        await suite.emulator.admin.addFault({
            kind: "serverError",
            status: 503,
            method: "POST",
            pathRegex: POLICY_COLLECTION,
            retryAfterSeconds: 60,
        });
        const creating = suite.operations({ "entra:operationTimeout": "2" }).create(await suite.inputs("Patient POST"));
        const error = await creating.then(
            () => assert.fail("create should fail"),
            (rejected: unknown) => rejected,
        );
        assertExplains(
            error,
            { operation: "creating", displayName: "Patient POST", status: 503, code: "ServiceUnavailable" },
            suite.emulator,
        );
        assert.match((error as Error).message, /may exist in access package .*`adopt: true` takes it over/);
        const traffic = await policyTraffic(suite.emulator);
        assert.equal(traffic.filter((line) => line.startsWith("POST")).length, 1, `one POST: ${traffic.join(", ")}`);
        assert.deepEqual(traffic.slice(0, 3), ["GET lookup 200", "POST list 503", "GET lookup 200"]);
        await assertTenantHolds(suite.emulator, []);
    });

    for (const status of [500, 503, 504] as const) {
        it(`serverError ${status} on POST: looks the name up before posting again, and creates exactly one policy`, async () => {
            await suite.emulator.admin.addFault({ kind: "serverError", status, method: "POST", pathRegex: POLICY_COLLECTION, times: 1 });
            const created = await suite.operations().create(await suite.inputs(`Server ${status}`));
            assert.equal((created.outs as PolicyOutputs).displayName, `Server ${status}`);
            await assertTenantHolds(suite.emulator, [`Server ${status}`]);
            const traffic = await policyTraffic(suite.emulator);
            const failed = traffic.indexOf(`POST list ${status}`);
            assert.equal(traffic[0], "GET lookup 200", "the name is checked before the first POST");
            assert.equal(traffic[failed + 1], "GET lookup 200", "a lookup follows the POST whose outcome is unknown");
            assert.equal(traffic.filter((line) => line.startsWith("POST")).length, 2);
            // After the repeated POST and the PUT that takes its mark off, the list is watched for a policy the failed
            // one might still make, until it has settled.
            assertWatchedAfterRepost(traffic);
        });

        it(`serverError ${status} on GET, PUT and DELETE: idempotent requests are repeated until they succeed`, async () => {
            const operations = suite.operations();
            const inputs = await suite.inputs(`Idempotent ${status}`);
            const created = await operations.create(inputs);
            await suite.emulator.admin.resetLog();
            for (const method of ["PUT", "GET", "DELETE"]) {
                await suite.emulator.admin.addFault({ kind: "serverError", status, method, pathRegex: POLICY_ITEM, times: 2 });
            }
            const updated = await operations.update(created.id, created.outs as PolicyOutputs, {
                ...inputs,
                description: `survived ${status}`,
            });
            assert.equal((updated.outs as PolicyOutputs).description, `survived ${status}`);
            const read = await operations.read(created.id, updated.outs as PolicyOutputs);
            assert.equal(read.id, created.id);
            assert.equal((read.props as PolicyOutputs).description, `survived ${status}`);
            await operations.delete(created.id, read.props as PolicyOutputs);
            await assertTenantHolds(suite.emulator, []);
            const twice = (line: string) => [line, line];
            assert.deepEqual(await policyTraffic(suite.emulator), [
                ...twice(`PUT item ${status}`),
                "PUT item 200",
                ...twice(`GET item ${status}`),
                "GET item 200",
                ...twice(`DELETE item ${status}`),
                "DELETE item 204",
                "GET item 404",
            ]);
        });
    }

    it("serverError that never ends: gives up after entra:maxRetries; the error names the operation, the policy, Graph's code and the request-id", async () => {
        const created = await suite.operations().create(await suite.inputs("Unlucky"));
        await suite.emulator.admin.resetLog();
        await suite.emulator.admin.addFault({ kind: "serverError", status: 503, method: "PUT", pathRegex: POLICY_ITEM });
        const operations = suite.operations({ "entra:maxRetries": "3" });
        const error = await operations
            .update(created.id, created.outs as PolicyOutputs, { ...(created.outs as PolicyOutputs), description: "never" })
            .then(
                () => assert.fail("update should fail"),
                (rejected: unknown) => rejected,
            );
        const last = (await suite.emulator.admin.requests()).filter((entry) => entry.method === "PUT").at(-1)!;
        assertExplains(
            error,
            {
                operation: "updating",
                displayName: "Unlucky",
                id: created.id,
                status: 503,
                code: "ServiceUnavailable",
                requestId: last.requestId,
            },
            suite.emulator,
        );
        assert.equal(
            (await suite.emulator.admin.requests()).filter((entry) => entry.method === "PUT").length,
            4,
            "entra:maxRetries: 3 means 4 attempts",
        );
        assert.equal((await suite.emulator.admin.get("assignmentPolicies", created.id))?.properties.description, "Unlucky (test)");
    });

    const loggedPuts = async () => (await suite.emulator.admin.requests()).filter((entry) => entry.method === "PUT");

    it("latency beyond the request timeout: the slow attempt is abandoned and repeated, the update applies once", async () => {
        const operations = suite.operations({ "entra:requestTimeout": "1" });
        const inputs = await suite.inputs("Slow");
        const created = await operations.create(inputs);
        await suite.emulator.admin.resetLog();
        await suite.emulator.admin.addFault({ kind: "latency", ms: 1500, method: "PUT", pathRegex: POLICY_ITEM, times: 1 });
        const updated = await operations.update(created.id, created.outs as PolicyOutputs, { ...inputs, description: "patient" });
        assert.equal((updated.outs as PolicyOutputs).description, "patient");
        await assertTenantHolds(suite.emulator, ["Slow"]);
        // The emulator logs a request when it answers, so the abandoned PUT shows up once its latency has passed.
        let puts = await loggedPuts();
        while (!puts.some((entry) => entry.faults.includes("latency"))) {
            await new Promise((resolve) => setTimeout(resolve, 50));
            puts = await loggedPuts();
        }
        assert.equal(puts.length, 2, "the timed-out PUT was sent again");
        assert.equal(puts.filter((entry) => entry.faults.includes("latency")).length, 1);
        assert.equal((await suite.emulator.admin.get("assignmentPolicies", created.id))?.properties.description, "patient");
    });
});
