import assert from "node:assert/strict";
import { GraphRequestError } from "../../../provider/core/graph";
import { BEHIND, readPolicyUntil } from "../../../provider/core/operations/readPolicyUntil";
import { answer, graphError, scriptedDeps, START } from "../../support/fakes/scriptedDeps";

const READ =
    "GET /identityGovernance/entitlementManagement/assignmentPolicies/p1?$expand=" +
    encodeURIComponent("accessPackage,catalog,questions,customExtensionStageSettings($expand=customExtension)");

describe("readPolicyUntil", () => {
    it("reads with the expansions until the answer is accepted, passing the read's body, Graph's clock and the round", async () => {
        const date = "Tue, 01 Dec 2026 00:00:05 GMT";
        const { deps, sent, clock } = scriptedDeps([answer(200, { id: "P1", v: 1 }, { date }), answer(200, { id: "P1", v: 2 }, { date })]);
        const seen: unknown[] = [];
        const accepted = await readPolicyUntil(deps, "p1", { deadline: START + 10_000 }, (policy, now, round) => {
            seen.push([policy, now, round]);
            return round === 1 ? BEHIND : "taken";
        });
        assert.equal(accepted, "taken");
        assert.deepEqual(seen, [
            [{ id: "P1", v: 1 }, Date.parse(date), 1],
            [{ id: "P1", v: 2 }, Date.parse(date), 2],
        ]);
        assert.deepEqual(sent(), [READ, READ]);
        assert.deepEqual(clock.sleeps, [75]);
    });

    it("passes undefined for an unreadable status, and the local clock when Graph sent no Date", async () => {
        const { deps } = scriptedDeps([graphError(403, "Forbidden")]);
        const accepted = await readPolicyUntil(deps, "p1", { deadline: START + 10_000 }, (policy, now) => ({ policy, now }), [404, 403]);
        assert.deepEqual(accepted, { policy: undefined, now: START });
    });

    it("fails at once on a status that is neither 200 nor unreadable", async () => {
        const { deps } = scriptedDeps([graphError(403, "Forbidden")]);
        await assert.rejects(
            readPolicyUntil(deps, "p1", { deadline: START + 10_000, displayName: "All Users" }, () => "never"),
            /^GraphRequestError: reading access package assignment policy "All Users" \(p1\): Graph returned 403 Forbidden/,
        );
    });

    it("reads again JSON that is not this policy, and names it when it lasts to the deadline", async () => {
        const { deps, sent } = scriptedDeps([answer(200, { id: "p2" }), answer(200, {})]);
        await assert.rejects(
            readPolicyUntil(deps, "p1", { deadline: START + 200 }, () => "never"),
            (error: unknown) => {
                assert.ok(error instanceof GraphRequestError);
                assert.equal(error.code, "NotGraphAnswer");
                assert.match(error.message, /an answer that is not policy p1: status 200, content-type \(none\), body "\{\}"/);
                return true;
            },
        );
        assert.equal(sent().length, 2);
    });

    it("fails with StaleRead when a body is still behind at the deadline", async () => {
        const { deps } = scriptedDeps([answer(200, { id: "p1" }, { "request-id": "rid-9" }), answer(200, { id: "p1" })]);
        await assert.rejects(
            readPolicyUntil(deps, "p1", { deadline: START + 200 }, () => BEHIND),
            (error: unknown) => {
                assert.ok(error instanceof GraphRequestError);
                assert.equal(error.code, "StaleRead");
                assert.equal(error.attempts, 2);
                assert.equal(error.hint, "The write was applied; run `pulumi refresh` once Graph has caught up.");
                return true;
            },
        );
    });

    it("reports the 404s it waited out, not the attempt the deadline cut short", async () => {
        const cutShort = {
            kind: "notSent",
            detail: "the deadline passed",
            attempts: 0,
            sawUnknownOutcome: false,
            stoppedBy: "deadline",
        } as const;
        const { deps } = scriptedDeps([graphError(404, "ResourceNotFound"), cutShort]);
        await assert.rejects(
            readPolicyUntil(deps, "p1", { deadline: START + 10_000 }, () => BEHIND),
            (error: unknown) => {
                assert.ok(error instanceof GraphRequestError);
                assert.equal(error.statusCode, 404);
                assert.equal(error.timedOut, true);
                assert.equal(error.hint, "Graph has not made the policy readable yet; run `pulumi refresh` later.");
                return true;
            },
        );
    });
});
