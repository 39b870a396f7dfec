import assert from "node:assert/strict";
import { GraphRequestError } from "../../../provider/core/graph";
import { WriteAppliedError } from "../../../provider/core/operations";
import type { GraphCall } from "../../../provider/core/graph/transport/graphTransport";
import { sweepDuplicates } from "../../../provider/core/operations/duplicateSweep";
import type { MarkedCreate } from "../../../provider/core/operations/markedCreate";
import { PACKAGE, policyCollection, traffic } from "../../support/fakes/createFixtures";
import { graphError, scriptedDeps, START, type ScriptedAnswer } from "../../support/fakes/scriptedDeps";

const MARK = "[pulumi-create m1]";

function markedCreate(lost: number, settledAt = START + 5_000): MarkedCreate {
    return { accessPackageId: PACKAGE, displayName: "All Users", mark: MARK, call: { deadline: START + 60_000 }, lost, settledAt };
}

function served(
    collection: ReturnType<typeof policyCollection>,
    override: (call: GraphCall) => ScriptedAnswer | undefined = () => undefined,
): ScriptedAnswer[] {
    return Array<ScriptedAnswer>(20).fill((call: GraphCall) => {
        const answer = override(call);
        return answer === undefined ? collection.answer(call) : typeof answer === "function" ? answer(call) : answer;
    });
}

describe("sweepDuplicates", () => {
    it("deletes every other policy with the mark once the kept one is listed, and never one without it", async () => {
        const collection = policyCollection();
        collection.add("All Users", `a ${MARK}`);
        collection.add("All Users", "another writer's");
        collection.add("All Users", `b ${MARK}`);
        const { deps, calls } = scriptedDeps(served(collection));
        await sweepDuplicates(deps, markedCreate(1), "P3", false);
        assert.deepEqual(traffic(calls), ["lookup", "DELETE p1", "GET p1"]);
        assert.deepEqual([...collection.policies.keys()], ["p2", "p3"]);
    });

    it("looks again until the lost POSTs are accounted for or have settled", async () => {
        const collection = policyCollection();
        collection.add("All Users", MARK);
        const { deps, calls, clock } = scriptedDeps(served(collection));
        await sweepDuplicates(deps, markedCreate(2, START + 200), "p1", true);
        assert.deepEqual(traffic(calls), ["lookup", "lookup", "lookup"]);
        assert.deepEqual(clock.sleeps, [75, 150]);
    });

    it("keeps the id of the policy made when the list never shows it, or a duplicate cannot be deleted", async () => {
        const collection = policyCollection();
        collection.add("All Users", MARK);
        const unlisted = scriptedDeps(
            served(collection, (call) => (call.path.includes("/accessPackages/") ? collection.list(() => true) : undefined)),
        );
        await assert.rejects(
            sweepDuplicates(unlisted.deps, { ...markedCreate(1), call: { deadline: START + 200 } }, "p1", true),
            (error: unknown) => {
                assert.ok(error instanceof WriteAppliedError);
                assert.deepEqual(error.policy, { displayName: "All Users", id: "p1" });
                assert.ok(error.cause instanceof GraphRequestError);
                assert.equal(error.cause.code, "CreateNotListed");
                return true;
            },
        );
        collection.add("All Users", MARK);
        const stuck = scriptedDeps(
            served(collection, (call) => (call.method === "DELETE" ? graphError(500, "InternalServerError") : undefined)),
        );
        await assert.rejects(sweepDuplicates(stuck.deps, markedCreate(1), "p2", false), (error: unknown) => {
            assert.ok(error instanceof WriteAppliedError);
            assert.match(
                error.message,
                /^created access package assignment policy "All Users" \(p2\) but could not delete p1, a duplicate/,
            );
            return true;
        });
    });
});
