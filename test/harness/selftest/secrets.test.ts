import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import { LABEL_SECRET, TOKEN_SECRET, ToyStack, toyUrn } from "./toy-stack";

describe("engine harness: secrets", function () {
    let stack: ToyStack;

    beforeEach(() => {
        stack = new ToyStack();
    });
    afterEach(() => stack.dispose());

    it("hands secret stack config to configure, strips secret inputs for the provider, and seals them in state", async () => {
        const program = await stack.engine.capture();
        const alphaCaptured = program.resources.find((r) => r.urn === toyUrn("alpha"))!;
        assert.equal(alphaCaptured.inputs.label, LABEL_SECRET, "the provider gets the plain value");
        assert.deepEqual(alphaCaptured.secretPaths, [["label"]]);
        assert.deepEqual(program.outputSecretPaths, [["label"]]);

        await stack.engine.up(program);
        await stack.engine.refresh();

        const sha = createHash("sha256").update(TOKEN_SECRET).digest("hex");
        assert.ok(stack.store().configured.length > 0);
        assert.ok(stack.store().configured.every((c) => c.tokenSha256 === sha));
        assert.equal(stack.store().objects[stack.idOf("alpha")].label, LABEL_SECRET);

        const saved = fs.readFileSync(stack.stateFile, "utf8");
        for (const secret of [LABEL_SECRET, TOKEN_SECRET]) {
            assert.ok(!saved.includes(secret), "no secret in saved state");
            assert.ok(!stack.engine.state.serialize().includes(secret), "no secret in state");
            assert.ok(!stack.engine.hostStderr.includes(secret), "no secret on the host's stderr");
        }
        const alpha = stack.engine.state.get(toyUrn("alpha"))!;
        assert.deepEqual(stack.engine.reveal(alpha.inputs).secretPaths, [["label"]]);
        const outputs = stack.engine.reveal(alpha.outputs);
        assert.equal(outputs.value.label, LABEL_SECRET);
        assert.deepEqual(outputs.secretPaths, [["label"]], "outputs named like secret inputs stay secret, also after refresh");
    });

    it("opens sealed state only with the stack's passphrase", async () => {
        await stack.engine.up();
        const other = stack.newEngine({ passphrase: "another passphrase" });
        assert.throws(() => other.reveal(other.state.get(toyUrn("alpha"))!.inputs));
    });
});
