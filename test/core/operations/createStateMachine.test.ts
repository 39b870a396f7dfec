import assert from "node:assert/strict";
import { GraphRequestError } from "../../../provider/core/graph";
import { DisplayNameTakenError } from "../../../provider/core/operations";
import type { GraphCall } from "../../../provider/core/graph/transport/graphTransport";
import { provesNotApplied } from "../../../provider/core/graph/transport/retryPolicy";
import { runMarkedCreate } from "../../../provider/core/operations/createStateMachine";
import { CATALOG, PACKAGE, policyCollection, traffic } from "../../support/fakes/createFixtures";
import { dropped, graphError, MARK_ID, scriptedDeps, START, type ScriptedAnswer } from "../../support/fakes/scriptedDeps";

const MARK = `[pulumi-create ${MARK_ID}]`;
const BODY = { displayName: "All Users", description: "new", accessPackage: { id: PACKAGE } };

/** The collection's answers, but where `override` answers the `n`-th call (from 1). */
function served(
    collection: ReturnType<typeof policyCollection>,
    override: (call: GraphCall, n: number) => ReturnType<typeof dropped> | undefined = () => undefined,
): ScriptedAnswer[] {
    let n = 0;
    const route = (call: GraphCall) => override(call, ++n) ?? collection.answer(call);
    return Array<ScriptedAnswer>(40).fill(route);
}

describe("runMarkedCreate", () => {
    it("refuses a display name the access package already has, ignoring case, before posting", async () => {
        const collection = policyCollection();
        collection.add("ALL USERS", "theirs");
        const { deps, calls } = scriptedDeps(served(collection));
        await assert.rejects(runMarkedCreate(deps, BODY, PACKAGE, "All Users", { deadline: START + 60_000 }), (error: unknown) => {
            assert.ok(error instanceof DisplayNameTakenError);
            assert.deepEqual(error.existing, [{ id: "p1", displayName: "ALL USERS" }]);
            return true;
        });
        assert.deepEqual(traffic(calls), ["lookup"]);
    });

    it("posts with the mark, only repeating what proves not applied, then takes the mark off with a PUT of the body", async () => {
        const collection = policyCollection();
        const { deps, calls } = scriptedDeps(served(collection));
        const policy = await runMarkedCreate(deps, BODY, PACKAGE, "All Users", { deadline: START + 60_000 });
        assert.deepEqual(traffic(calls), ["lookup", "POST", "PUT p1"]);
        assert.equal((calls[1].body as { description: string }).description, `new ${MARK}`);
        assert.equal(calls[1].shouldRepeat, provesNotApplied);
        assert.deepEqual(calls[2].body, BODY);
        assert.equal(policy.description, "new");
        assert.deepEqual(policy.accessPackage, { id: PACKAGE, catalog: { id: CATALOG } });
    });

    it("after a POST with an unknown outcome, keeps the policy it made, found by its mark, without posting again", async () => {
        const collection = policyCollection();
        const { deps, calls } = scriptedDeps(served(collection, (call, n) => (n === 2 ? (collection.answer(call), dropped()) : undefined)));
        const policy = await runMarkedCreate(deps, BODY, PACKAGE, "All Users", { deadline: START + 60_000 });
        assert.deepEqual(traffic(calls), ["lookup", "POST", "lookup", "PUT p1"]);
        assert.equal(policy.id, "p1");
        assert.equal(collection.policies.size, 1);
    });

    it("posts again when the lookups find nothing, at the retry delay, then deletes the lost POST's policy once listed", async () => {
        const collection = policyCollection();
        const { deps, calls, clock } = scriptedDeps(
            served(collection, (call, n) => {
                if (n === 2) {
                    collection.answer(call);
                    return dropped();
                }
                // The list lags: the lost POST's policy shows only once the repeated one does.
                return call.path.includes("/accessPackages/") && n > 1 && collection.policies.size < 2
                    ? collection.list(() => true)
                    : undefined;
            }),
        );
        const policy = await runMarkedCreate(deps, BODY, PACKAGE, "All Users", { deadline: START + 60_000 });
        assert.deepEqual(traffic(calls), [
            "lookup",
            "POST",
            "lookup",
            "lookup",
            "lookup",
            "POST",
            "PUT p2",
            "lookup",
            "DELETE p1",
            "GET p1",
        ]);
        assert.deepEqual(clock.sleeps, [75, 150]);
        assert.equal(policy.id, "p2");
        assert.deepEqual([...collection.policies.keys()], ["p2"]);
    });

    it("says that a policy may exist when a step after an unknown outcome fails", async () => {
        const collection = policyCollection();
        const { deps } = scriptedDeps(
            served(collection, (_call, n) => (n === 2 ? dropped() : n === 3 ? graphError(403, "Forbidden") : undefined)),
        );
        await assert.rejects(runMarkedCreate(deps, BODY, PACKAGE, "All Users", { deadline: START + 60_000 }), (error: unknown) => {
            assert.ok(error instanceof GraphRequestError);
            assert.ok(
                error.hint?.startsWith(
                    `The outcome of an attempt is unknown: a policy named "All Users" may exist in access package ${PACKAGE} (its description ends in ${MARK}).`,
                ),
            );
            return true;
        });
    });

    it("fails a refused POST at once with Graph's error and no word of a policy that may exist", async () => {
        const { deps, calls } = scriptedDeps(
            served(policyCollection(), (_call, n) => (n === 2 ? graphError(400, "BadRequest", "bad stage") : undefined)),
        );
        await assert.rejects(runMarkedCreate(deps, BODY, PACKAGE, "All Users", { deadline: START + 60_000 }), (error: unknown) => {
            assert.ok(error instanceof GraphRequestError);
            assert.equal(
                error.message,
                'creating access package assignment policy "All Users": Graph returned 400 BadRequest: bad stage (request-id rid-1)',
            );
            return true;
        });
        assert.equal(calls.length, 2);
    });
});
