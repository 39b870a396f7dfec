import assert from "node:assert/strict";
import { UNKNOWN } from "..";
import { ToyStack, toyUrn } from "./toy-stack";

describe("engine harness: toy stack lifecycle on the real dynamic-provider host", function () {
    let stack: ToyStack;

    beforeEach(() => {
        stack = new ToyStack();
    });
    afterEach(() => stack.dispose());

    it("previews a new stack with Check only: unknown inputs reach the host, nothing is created", async () => {
        const program = await stack.engine.capture({ preview: true });
        const beta = program.resources.find((r) => r.urn === toyUrn("beta"))!;
        assert.equal(beta.inputs.content, UNKNOWN);
        assert.equal(typeof beta.inputs.__provider, "string");
        assert.deepEqual(beta.options.dependencies.sort(), [toyUrn("alpha"), "urn:pulumi:dev::toy::toy:index:Upstream::upstream"]);
        assert.deepEqual(program.resources.find((r) => r.urn === toyUrn("alpha"))!.options.customTimeouts, {
            create: "2m",
            update: "",
            delete: "",
        });

        const plan = await stack.engine.preview(program);

        assert.deepEqual(
            plan.steps.map((s) => [s.urn, s.op]),
            [
                [toyUrn("alpha"), "create"],
                [toyUrn("beta"), "create"],
            ],
        );
        assert.deepEqual(plan.errors, []);
        assert.deepEqual(stack.store().log, []);
        assert.deepEqual(stack.engine.state.resources, []);
    });

    it("creates on up, then a second up is a no-op, also from a new engine reading the saved state", async () => {
        await stack.engine.up();
        const afterFirst = stack.store();
        assert.deepEqual(
            afterFirst.log.map((e) => e.op),
            ["create", "create"],
        );
        assert.equal(afterFirst.objects[stack.idOf("beta")].content, "from-cafe");
        const alphaOutputs = stack.engine.reveal(stack.engine.state.get(toyUrn("alpha"))!.outputs).value;
        assert.equal(alphaOutputs.revision, 1);
        assert.equal(typeof alphaOutputs.__provider, "string");

        const later = stack.newEngine();
        const second = await later.up();

        assert.deepEqual(
            second.steps.map((s) => s.op),
            ["same", "same"],
        );
        assert.deepEqual(stack.store().log, afterFirst.log);
        // The mocks keep Upstream's value unknown in every preview, so beta's input is unknown and it previews as an
        // update, as the CLI shows a resource fed by an unknown output.
        assert.deepEqual(
            (await later.preview()).steps.map((s) => s.op),
            ["same", "update"],
        );
    });

    it("updates in place when the provider's diff reports changes without replaces", async () => {
        await stack.engine.up();
        const alphaId = stack.idOf("alpha");
        stack.engine.config["toy:alphaContent"] = "changed";

        const plan = await stack.engine.preview();
        const planned = plan.steps.find((s) => s.urn === toyUrn("alpha"))!;
        assert.equal(planned.op, "update");
        assert.equal(planned.diff?.providerChanges, "some");
        await stack.engine.up();

        assert.equal(stack.idOf("alpha"), alphaId);
        assert.deepEqual(stack.store().objects[alphaId], {
            content: "changed",
            kind: "note",
            label: stack.store().objects[alphaId].label,
            revision: 2,
        });
        assert.equal(stack.engine.reveal(stack.engine.state.get(toyUrn("alpha"))!.outputs).value.revision, 2);
    });

    it("replaces create-before-delete by default", async () => {
        await stack.engine.up();
        const oldId = stack.idOf("alpha");
        stack.engine.config["toy:alphaKind"] = "memo";

        const result = await stack.engine.up();

        const newId = stack.idOf("alpha");
        assert.notEqual(newId, oldId);
        assert.deepEqual(
            stack
                .store()
                .log.slice(2)
                .map((e) => [e.op, e.id]),
            [
                ["create", newId],
                ["delete", oldId],
            ],
        );
        assert.deepEqual(
            result.steps.map((s) => s.op),
            ["replace", "same", "delete"],
        );
        assert.equal(stack.engine.state.resources.length, 2);
    });

    it("replaces delete-before-replace when the resource option or the provider's diff asks for it", async () => {
        stack.engine.config["toy:betaDeleteBeforeReplace"] = "true";
        await stack.engine.up();
        const first = stack.idOf("beta");
        stack.engine.config["toy:betaKind"] = "memo";
        await stack.engine.up();
        const second = stack.idOf("beta");
        assert.deepEqual(
            stack
                .store()
                .log.slice(2)
                .map((e) => [e.op, e.id]),
            [
                ["delete", first],
                ["create", second],
            ],
        );

        delete stack.engine.config["toy:betaDeleteBeforeReplace"];
        stack.engine.config["toy:betaExclusive"] = "true";
        await stack.engine.up();
        stack.engine.config["toy:betaKind"] = "draft";
        await stack.engine.up();
        const third = stack.idOf("beta");
        assert.deepEqual(
            stack
                .store()
                .log.slice(4)
                .map((e) => [e.op, e.id]),
            [
                ["update", second],
                ["delete", second],
                ["create", third],
            ],
        );
    });

    it("refresh takes drift into outputs and inputs, and drops resources that are gone", async () => {
        await stack.engine.up();
        const alphaId = stack.idOf("alpha");
        stack.editStore((s) => {
            s.objects[alphaId].content = "drifted";
            delete s.objects[stack.idOf("beta")];
        });

        await stack.engine.refresh();

        assert.equal(stack.engine.state.get(toyUrn("beta")), undefined);
        const alpha = stack.engine.state.get(toyUrn("alpha"))!;
        assert.equal(stack.engine.reveal(alpha.outputs).value.content, "drifted");
        assert.equal(stack.engine.reveal(alpha.inputs).value.content, "drifted");
        const plan = await stack.engine.preview();
        assert.deepEqual(
            plan.steps.map((s) => [s.urn, s.op]),
            [
                [toyUrn("alpha"), "update"],
                [toyUrn("beta"), "create"],
            ],
        );
    });

    it("destroys dependants first and empties state", async () => {
        await stack.engine.up();
        const [alphaId, betaId] = [stack.idOf("alpha"), stack.idOf("beta")];

        await stack.engine.destroy();

        assert.deepEqual(
            stack
                .store()
                .log.slice(2)
                .map((e) => [e.op, e.id]),
            [
                ["delete", betaId],
                ["delete", alphaId],
            ],
        );
        assert.deepEqual(stack.store().objects, {});
        assert.deepEqual(stack.engine.state.resources, []);
    });

    it("deletes resources the program no longer registers, and runs independent creates in parallel", async () => {
        const parallel = stack.newEngine({ parallel: 16 });
        parallel.config["toy:extraCount"] = "6";
        const created = await parallel.up();
        assert.equal(created.steps.filter((s) => s.op === "create" && s.status === "ok").length, 8);
        assert.equal(Object.keys(stack.store().objects).length, 8);

        parallel.config["toy:extraCount"] = "0";
        const plan = await parallel.preview();
        assert.equal(plan.steps.filter((s) => s.op === "delete").length, 6);
        await parallel.up();

        assert.equal(Object.keys(stack.store().objects).length, 2);
        assert.deepEqual(parallel.state.resources.map((r) => r.urn).sort(), [toyUrn("alpha"), toyUrn("beta")]);
    });
});
