import assert from "node:assert/strict";
import { resolveDiff, stepFor } from "../resource-diff";
import { runScheduled } from "../scheduler";
import { SecretSealer } from "../secret-sealer";
import { dropUndefined, revealMapSecrets, SECRET_SIG, SIG_KEY, UNKNOWN, wrapSecret } from "../wire-values";

describe("engine harness: engine rules without a host", function () {
    it("diffs inputs itself, __provider included, when the provider's diff is unknown", () => {
        const olds = { __provider: "v1", a: 1 };
        assert.equal(stepFor(resolveDiff({ changes: "unknown", replaces: [], deleteBeforeReplace: false }, olds, { ...olds })), "same");
        const changed = resolveDiff({ changes: "unknown", replaces: [], deleteBeforeReplace: false }, olds, { ...olds, __provider: "v2" });
        assert.deepEqual(changed.changedKeys, ["__provider"]);
        assert.equal(stepFor(changed), "update");
        assert.equal(
            stepFor(resolveDiff({ changes: "unknown", replaces: [], deleteBeforeReplace: false }, olds, { ...olds, a: UNKNOWN })),
            "update",
        );
    });

    it("replaces whenever replace keys are present and trusts an explicit none", () => {
        assert.equal(stepFor(resolveDiff({ changes: "unknown", replaces: ["k"], deleteBeforeReplace: false }, {}, {})), "replace");
        assert.equal(stepFor(resolveDiff({ changes: "some", replaces: ["k"], deleteBeforeReplace: true }, {}, {})), "replace");
        assert.equal(stepFor(resolveDiff({ changes: "none", replaces: [], deleteBeforeReplace: false }, { a: 1 }, { a: 2 })), "same");
    });

    it("strips secret wrappers at any depth and records their paths", () => {
        const { value, secretPaths } = revealMapSecrets({ a: wrapSecret("x"), b: { c: [1, wrapSecret({ d: wrapSecret(2) })] } });
        assert.deepEqual(value, { a: "x", b: { c: [1, { d: 2 }] } });
        assert.deepEqual(secretPaths, [["a"], ["b", "c", 1]]);
    });

    it("seals secret paths so the plaintext is absent and opens them back", () => {
        const sealer = new SecretSealer("p");
        const sealed = sealer.seal({ a: "plain-secret", b: { c: "visible" }, missing: null }, [["a"], ["b", "x"]]);
        assert.equal((sealed.a as Record<string, unknown>)[SIG_KEY], SECRET_SIG);
        assert.ok(!JSON.stringify(sealed).includes("plain-secret"));
        assert.deepEqual(sealer.open(sealed), { value: { a: "plain-secret", b: { c: "visible" }, missing: null }, secretPaths: [["a"]] });
    });

    it("drops undefined, which Struct.fromJavaScript rejects", () => {
        assert.deepEqual(dropUndefined({ a: undefined, b: [1], c: { d: undefined } }), { b: [1], c: {} });
    });

    it("schedules after dependencies, bounded, and starts nothing new after a failure", async () => {
        const events: string[] = [];
        let running = 0;
        let peak = 0;
        const task = (key: string, after: string[], fail = false) => ({
            key,
            after,
            run: async () => {
                running++;
                peak = Math.max(peak, running);
                events.push(`start ${key}`);
                await new Promise((r) => setImmediate(r));
                running--;
                events.push(`end ${key}`);
                if (fail) throw new Error(key);
            },
        });
        const outcomes = await runScheduled([task("a", []), task("b", ["a"]), task("c", []), task("d", [])], 2);
        assert.ok(events.indexOf("end a") < events.indexOf("start b"));
        assert.equal(peak, 2);
        assert.deepEqual(
            [...outcomes.values()].every((o) => o === "ok"),
            true,
        );

        const failed = await runScheduled([task("x", [], true), task("y", ["x"]), task("z", [])], 1);
        assert.deepEqual(Object.fromEntries(failed), { x: "failed", y: "skipped", z: "skipped" });
    });
});
