import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { startGraphEmulator, type RunningGraphEmulator } from "../../../emulator";
import type { PolicyOutputs } from "../../../provider";
import { EngineError, UNKNOWN, type Engine } from "../../harness";
import {
    ACCESS_PACKAGE,
    graphCalls,
    lifecycleEngine,
    packageIdOf,
    policiesInPackage,
    POLICIES,
    POLICY,
    policyInState,
    policyUrn,
} from "./lifecycleStack";

const LOOKUP = `GET ${ACCESS_PACKAGE}`;
const POST = `POST ${POLICIES}`;
const GET = `GET ${POLICY}`;
const PUT = `PUT ${POLICY}`;
const DELETE = `DELETE ${POLICY}`;

describe("lifecycle: the policy through the engine harness and the real dynamic-provider host", function () {
    let emulator: RunningGraphEmulator;

    before(async () => {
        emulator = await startGraphEmulator();
    });
    after(() => emulator?.close());
    beforeEach(() => emulator.admin.resetLog());

    describe("one stack from preview to destroy", function () {
        const stack = "main";
        const urn = policyUrn(stack);
        let engine: Engine;

        before(() => {
            engine = lifecycleEngine(emulator, stack);
        });

        it("previews a new stack as a create, with the access package id still unknown and no Graph request", async () => {
            const program = await engine.capture({ preview: true });
            const policy = program.resources.find((r) => r.urn === urn);
            assert.equal(policy?.inputs.accessPackageId, UNKNOWN);

            const plan = await engine.preview(program);

            assert.deepEqual(
                plan.steps.map((s) => [s.urn, s.op, s.failures]),
                [[urn, "create", []]],
            );
            assert.deepEqual(plan.errors, []);
            assert.deepEqual(await graphCalls(emulator), []);
            assert.deepEqual(engine.state.resources, []);
        });

        it("creates on up: looks the name up, POSTs and takes the create's mark off with a PUT (its answer is the policy); state holds the id, Graph's outputs and canonical inputs", async () => {
            const result = await engine.up();

            assert.deepEqual(
                result.steps.map((s) => [s.urn, s.op, s.status]),
                [[urn, "create", "ok"]],
            );
            const requests = await emulator.admin.requests();
            assert.deepEqual(
                requests.map((r) => `${r.method} ${r.route}`),
                [LOOKUP, POST, PUT],
            );
            const packageId = await packageIdOf(emulator, `${stack}-package`);
            assert.match(decodeURIComponent(requests[0].path), new RegExp(`/accessPackages/${packageId}\\?.*\\$expand=assignmentPolicies`));
            const inPackage = await policiesInPackage(emulator, `${stack}-package`);
            assert.equal(inPackage.length, 1);
            const [stored] = inPackage;

            const { id, inputs, outputs } = policyInState(engine, urn);
            assert.equal(id, stored.id);
            assert.equal(outputs.id, stored.id);
            assert.equal(outputs.accessPackageId, packageId);
            assert.equal(outputs.catalogId, (await emulator.admin.get("accessPackages", packageId))?.catalogId);
            // The provider keeps timestamps in canonical form (no trailing zeros in the fraction): compare the instants.
            assert.equal(Date.parse(outputs.createdDateTime as string), Date.parse(stored.properties.createdDateTime as string));
            assert.equal(typeof inputs.__provider, "string");
            // Canonical inputs: Graph's defaults spelled out, so that the next diff compares like with like.
            assert.deepEqual(inputs.requestorSettings, {
                allowCustomAssignmentSchedule: false,
                enableOnBehalfRequestorsToAddAccess: false,
                enableOnBehalfRequestorsToRemoveAccess: false,
                enableOnBehalfRequestorsToUpdateAccess: false,
                enableTargetsToSelfAddAccess: true,
                enableTargetsToSelfRemoveAccess: true,
                enableTargetsToSelfUpdateAccess: false,
                onBehalfRequestors: [],
            });
            assert.deepEqual(inputs.requestApprovalSettings, {
                isApprovalRequiredForAdd: true,
                isApprovalRequiredForUpdate: false,
                isRequestorJustificationRequired: false,
                stages: [
                    {
                        approverInformationVisibility: "default",
                        durationBeforeAutomaticDenial: "P2D",
                        durationBeforeEscalation: "PT0S",
                        escalationApprovers: [],
                        fallbackEscalationApprovers: [],
                        fallbackPrimaryApprovers: [],
                        isApproverJustificationRequired: false,
                        isEscalationEnabled: false,
                        primaryApprovers: [{ "@odata.type": "#microsoft.graph.requestorManager", managerLevel: 1 }],
                    },
                ],
            });
            assert.equal(inputs.accessPackageId, packageId);
            for (const readOnly of ["id", "createdDateTime", "modifiedDateTime", "catalogId"]) {
                assert.equal(inputs[readOnly], undefined, `${readOnly} is an output only`);
            }
        });

        it("changes nothing on an immediate second up, and a preview after it plans no change", async () => {
            const before = policyInState(engine, urn);

            const result = await engine.up();
            const plan = await engine.preview();

            assert.deepEqual(
                result.steps.map((s) => [s.op, s.status]),
                [["same", "ok"]],
            );
            assert.deepEqual(
                plan.steps.map((s) => [s.op, s.diff?.providerChanges]),
                [["same", "none"]],
            );
            assert.deepEqual(await graphCalls(emulator), []);
            assert.deepEqual(policyInState(engine, urn).outputs, before.outputs);
        });

        it("updates in place with exactly one PUT (its answer is the policy) when the description and approval stage change", async () => {
            const { id } = policyInState(engine, urn);
            engine.config["lifecycle:description"] = "Requests now expire sooner.";
            engine.config["lifecycle:denialAfter"] = "P5D";

            const plan = await engine.preview();
            assert.deepEqual(
                plan.steps.map((s) => [s.op, s.diff?.replaces]),
                [["update", []]],
            );
            const result = await engine.up();

            assert.deepEqual(
                result.steps.map((s) => [s.op, s.status]),
                [["update", "ok"]],
            );
            assert.deepEqual(await graphCalls(emulator), [PUT]);
            const after = policyInState(engine, urn);
            assert.equal(after.id, id);
            assert.equal(after.outputs.description, "Requests now expire sooner.");
            assert.equal(after.inputs.description, "Requests now expire sooner.");
            const approval = (after.outputs as unknown as PolicyOutputs).requestApprovalSettings;
            assert.equal(approval?.stages?.[0].durationBeforeAutomaticDenial, "P5D");
            const stored = await emulator.admin.get("assignmentPolicies", id);
            assert.equal(stored?.properties.description, "Requests now expire sooner.");
        });

        it("replaces create-before-delete when the access package changes: POST in the new package, then DELETE the old", async () => {
            const old = policyInState(engine, urn);
            engine.config["lifecycle:packageName"] = `${stack}-package-2`;

            const result = await engine.up();

            assert.deepEqual(
                result.steps.map((s) => [s.op, s.status]),
                [
                    ["replace", "ok"],
                    ["delete", "ok"],
                ],
            );
            const requests = await emulator.admin.requests();
            assert.deepEqual(
                requests.map((r) => `${r.method} ${r.route}`),
                [LOOKUP, POST, PUT, DELETE, GET],
            );
            assert.ok(requests[3].path.includes(old.id), "the DELETE is for the old policy");
            const current = policyInState(engine, urn);
            const newPackage = await packageIdOf(emulator, `${stack}-package-2`);
            assert.notEqual(current.id, old.id);
            assert.equal(current.outputs.accessPackageId, newPackage);
            assert.deepEqual(
                engine.state.resources.map((r) => r.id),
                [current.id],
            );
            assert.deepEqual(await policiesInPackage(emulator, `${stack}-package`), [], "the old package has no policy left");
            assert.deepEqual(
                (await policiesInPackage(emulator, `${stack}-package-2`)).map((p) => p.id),
                [current.id],
            );
        });

        it("refresh takes out-of-band drift into state; up reverts it with one PUT; another up is a no-op", async () => {
            const { id } = policyInState(engine, urn);
            await emulator.admin.modify("assignmentPolicies", id, { description: "Changed in the portal" });
            await emulator.admin.resetLog();

            await engine.refresh();
            assert.deepEqual(await graphCalls(emulator), [GET]);
            const refreshed = policyInState(engine, urn);
            assert.equal(refreshed.outputs.description, "Changed in the portal");
            assert.equal(refreshed.inputs.description, "Changed in the portal");

            await emulator.admin.resetLog();
            const revert = await engine.up();
            assert.deepEqual(
                revert.steps.map((s) => s.op),
                ["update"],
            );
            assert.deepEqual(await graphCalls(emulator), [PUT]);
            assert.equal((await emulator.admin.get("assignmentPolicies", id))?.properties.description, "Requests now expire sooner.");
            assert.equal(policyInState(engine, urn).outputs.description, "Requests now expire sooner.");

            await emulator.admin.resetLog();
            const again = await engine.up();
            assert.deepEqual(
                again.steps.map((s) => s.op),
                ["same"],
            );
            assert.deepEqual(await graphCalls(emulator), []);
        });

        it("refresh drops a policy deleted out of band from state, after reading again in case the 404 was Graph's lag", async () => {
            const { id } = policyInState(engine, urn);
            await emulator.admin.remove("assignmentPolicies", id);

            await engine.refresh();

            // The replace above created this policy moments ago, and right after a create Graph may answer 404 for a
            // while: refresh believes the 404 only once it has read four times.
            assert.deepEqual(await graphCalls(emulator), [GET, GET, GET, GET]);
            assert.deepEqual(engine.state.resources, []);
        });

        it("destroy DELETEs the policy (and confirms it is gone), leaving state and tenant empty", async () => {
            await engine.up();
            const { id } = policyInState(engine, urn);
            await emulator.admin.resetLog();

            const result = await engine.destroy();

            assert.deepEqual(
                result.steps.map((s) => [s.op, s.status]),
                [["delete", "ok"]],
            );
            const requests = await emulator.admin.requests();
            assert.deepEqual(
                requests.map((r) => `${r.method} ${r.route}`),
                [DELETE, GET],
            );
            assert.ok(requests[0].path.endsWith(`/assignmentPolicies/${id}`));
            assert.deepEqual(engine.state.resources, []);
            assert.deepEqual(await policiesInPackage(emulator, `${stack}-package-2`), []);
        });
    });

    it("destroy of a policy with active assignments fails clearly and keeps it; once they are removed, destroy succeeds", async () => {
        const stack = "assigned";
        const urn = policyUrn(stack);
        const engine = lifecycleEngine(emulator, stack);
        await engine.up();
        const { id } = policyInState(engine, urn);
        const assignment = await emulator.admin.seedAssignment({ targetId: randomUUID(), assignmentPolicyId: id });
        await emulator.admin.resetLog();

        await assert.rejects(engine.destroy(), (error: unknown) => {
            assert.ok(error instanceof EngineError);
            assert.deepEqual(
                error.result.steps.map((s) => [s.urn, s.op, s.status]),
                [[urn, "delete", "failed"]],
            );
            assert.match(error.message, /\(policy\): error: /);
            assert.match(error.message, /assignments/);
            assert.match(error.message, /adminRemove/, "says how to remove the assignments");
            return true;
        });
        assert.deepEqual(await graphCalls(emulator), [DELETE]);
        assert.equal(policyInState(engine, urn).id, id, "state keeps the policy");
        assert.ok(await emulator.admin.get("assignmentPolicies", id), "the policy still exists");

        await emulator.admin.remove("assignments", assignment.id);
        await engine.destroy();

        assert.deepEqual(engine.state.resources, []);
        assert.equal(await emulator.admin.get("assignmentPolicies", id), undefined);
    });

    it("a check failure fails preview and up with the property path, before any Graph request", async () => {
        const engine = lifecycleEngine(emulator, "invalid", { config: { "lifecycle:denialAfter": "two days" } });
        const property = "requestApprovalSettings.stages[0].durationBeforeAutomaticDenial";
        const isDurationFailure = (message: string): boolean =>
            message.includes(`resource 'policy': property ${property} `) && /ISO 8601 duration.*"two days"/.test(message);

        const plan = await engine.preview();
        assert.equal(plan.steps[0].op, "create");
        assert.deepEqual(
            plan.steps[0].failures.map((f) => f.property),
            [property],
        );
        assert.equal(plan.errors.length, 1);
        assert.ok(isDurationFailure(plan.errors[0]), plan.errors[0]);

        await assert.rejects(engine.up(), (error: unknown) => {
            assert.ok(error instanceof EngineError);
            assert.deepEqual(error.result.steps, []);
            assert.equal(error.result.errors.length, 1);
            assert.ok(isDurationFailure(error.result.errors[0]), error.message);
            return true;
        });
        assert.deepEqual(await graphCalls(emulator), []);
        assert.deepEqual(engine.state.resources, []);
    });
});
