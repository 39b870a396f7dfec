import assert from "node:assert/strict";
import type { GraphCall } from "../../../provider/core/graph/transport/graphTransport";
import { createPolicy } from "../../../provider/core/operations/createPolicy";
import { policyCollection, traffic } from "../../support/fakes/createFixtures";
import { scriptedDeps, START, type ScriptedAnswer } from "../../support/fakes/scriptedDeps";

describe("createPolicy", () => {
    it("refuses a body without the access package or the display name, sending nothing", async () => {
        const { deps, calls } = scriptedDeps([]);
        await assert.rejects(
            createPolicy(deps, { displayName: "x" }, { deadline: START + 1_000 }),
            /^Error: creating access package assignment policy: the body needs accessPackage.id and displayName\.$/,
        );
        assert.equal(calls.length, 0);
    });

    it("runs creates in one access package one after another, whatever case its id is spelled in", async () => {
        const collection = policyCollection();
        const { deps, calls } = scriptedDeps(Array<ScriptedAnswer>(20).fill((call: GraphCall) => collection.answer(call)));
        await Promise.all([
            createPolicy(deps, { displayName: "One", accessPackage: { id: "ap-1" } }, { deadline: START + 60_000 }),
            createPolicy(deps, { displayName: "Two", accessPackage: { id: "AP-1" } }, { deadline: START + 60_000 }),
        ]);
        assert.deepEqual(traffic(calls), ["lookup", "POST", "PUT p1", "lookup", "POST", "PUT p2"]);
    });
});
