import assert from "node:assert/strict";
import { EngineError } from "..";
import { ToyStack, toyUrn } from "./toy-stack";

describe("engine harness: failures keep state consistent", function () {
    let stack: ToyStack;

    beforeEach(() => {
        stack = new ToyStack();
    });
    afterEach(() => stack.dispose());

    it("reports a check failure with the property path, in preview and by failing up before any change", async () => {
        stack.engine.config["toy:alphaContent"] = "this is invalid";
        const expected =
            "pulumi-nodejs:dynamic/toy:Object resource 'alpha': property content value \"this is invalid\" " +
            "has a problem: must not contain the word 'invalid'";

        const plan = await stack.engine.preview();
        assert.deepEqual(plan.errors, [expected]);
        assert.deepEqual(plan.steps.find((s) => s.urn === toyUrn("alpha"))!.failures, [
            { property: "content", reason: "must not contain the word 'invalid'" },
        ]);

        const error = await stack.engine.up().then(
            () => undefined,
            (e: unknown) => e,
        );
        assert.ok(error instanceof EngineError);
        assert.deepEqual(error.result.errors, [expected]);
        assert.deepEqual(error.result.steps, []);
        assert.deepEqual(stack.store().log, []);
        assert.deepEqual(stack.engine.state.resources, []);
    });

    it("keeps a resource whose delete failed, then deletes it once the provider allows", async () => {
        await stack.engine.up();
        const alphaId = stack.idOf("alpha");
        stack.editStore((s) => {
            s.objects[alphaId].locked = true;
        });

        await assert.rejects(stack.engine.destroy(), (error: unknown) => {
            assert.ok(error instanceof EngineError);
            assert.match(error.message, new RegExp(`\\(alpha\\): error: object ${alphaId} is locked`));
            return true;
        });
        assert.deepEqual(
            stack.engine.state.resources.map((r) => r.urn),
            [toyUrn("alpha")],
        );
        assert.equal(stack.newEngine().state.resources.length, 1, "the saved state keeps it too");

        stack.editStore((s) => {
            delete s.objects[alphaId].locked;
        });
        await stack.engine.destroy();
        assert.deepEqual(stack.engine.state.resources, []);
    });

    it("keeps a replaced resource whose delete failed as pending delete and retries it on the next up", async () => {
        await stack.engine.up();
        const oldId = stack.idOf("alpha");
        stack.editStore((s) => {
            s.objects[oldId].locked = true;
        });
        stack.engine.config["toy:alphaKind"] = "memo";

        await assert.rejects(stack.engine.up(), /is locked/);
        const entries = stack.engine.state.resources.filter((r) => r.urn === toyUrn("alpha"));
        assert.deepEqual(
            entries.map((r) => [r.id, r.pendingDelete ?? false]),
            [
                [oldId, true],
                [stack.idOf("alpha"), false],
            ],
        );

        stack.editStore((s) => {
            delete s.objects[oldId].locked;
        });
        const retry = await stack.engine.up();
        assert.deepEqual(retry.steps[0], { urn: toyUrn("alpha"), op: "delete", status: "ok" });
        assert.equal(stack.engine.state.resources.filter((r) => r.urn === toyUrn("alpha")).length, 1);
    });

    it("leaves nothing in state when a create fails, and keeps id and outputs on a partial failure", async () => {
        stack.engine.config["toy:alphaContent"] = "half-baked";

        await assert.rejects(stack.engine.up(), /\(alpha\): error: object obj-1 was created but did not become ready/);

        const alpha = stack.engine.state.get(toyUrn("alpha"))!;
        assert.equal(alpha.id, "obj-1");
        assert.equal(stack.engine.reveal(alpha.outputs).value.content, "half-baked");
        assert.equal(stack.engine.state.get(toyUrn("beta")), undefined, "beta depends on alpha and never started");
        const plan = await stack.engine.preview();
        assert.equal(
            plan.steps.find((step) => step.urn === toyUrn("alpha"))?.op,
            "update",
            "init errors force an update, as in the engine",
        );
        // The host does not add __provider to partial-failure properties, and Delete loads the provider from the
        // stored outputs: such a resource cannot be deleted unless the provider put __provider there itself.
        await assert.rejects(stack.engine.destroy(), /code must be a string, not undefined/);
        assert.equal(stack.engine.state.resources.length, 1);
    });
});
