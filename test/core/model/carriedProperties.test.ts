/**
 * Where a property carried from a newer Graph goes back in the PUT: to the element that held it. In a list whose
 * order means nothing (a subject set), that is the element matching it wherever the inputs list it; a question is
 * found by its id, else by its canonical position; an approval stage by its position.
 */
import * as assert from "node:assert/strict";
import { checkPolicy, diffPolicy, outputsFromGraph, toGraphBody, type CanonicalPolicy } from "../../../provider/core/model";
import { graphEcho } from "../../support/fakes/graphEcho";
import { allUsers, GROUP_ID, USER_ID, type JsonObject } from "../../support/policies";

const ALICE = { "@odata.type": "#microsoft.graph.singleUser", userId: USER_ID };
const SALES = { "@odata.type": "#microsoft.graph.groupMembers", groupId: GROUP_ID };
const OTHER_USER = { "@odata.type": "#microsoft.graph.singleUser", userId: "0b0b0b0b-0000-4000-8000-000000000002" };
const QUESTION_ID = "q-graph-2";

function checked(policy: JsonObject): CanonicalPolicy {
    const { inputs, failures } = checkPolicy({}, policy);
    assert.deepEqual(failures, []);
    return inputs as CanonicalPolicy;
}

/** The "All Users" policy with one stage whose primary approvers are `approvers`. */
function approvedBy(...approvers: JsonObject[]): CanonicalPolicy {
    const policy = allUsers();
    policy.requestApprovalSettings.stages[0].primaryApprovers = approvers;
    return checked(policy);
}

/** Graph's answer for a policy whose primary approvers Graph holds as `held`, plus `newerSetting` on the one at `at`. */
function approversAnswer(held: JsonObject[], at: number): JsonObject {
    const answer = graphEcho(toGraphBody(approvedBy(...held))) as JsonObject;
    // graphEcho answers subject sets in the reverse order; Graph holds them as `held` here.
    const approvers: JsonObject[] = answer.requestApprovalSettings.stages[0].primaryApprovers.reverse();
    approvers[at].newerSetting = "on";
    return answer;
}

/** The PUT body of `inputs`, carrying what `answer` holds that this version does not know. */
function putAfter(answer: JsonObject, inputs: CanonicalPolicy): JsonObject {
    const outputs = outputsFromGraph(answer as never);
    return toGraphBody(inputs, outputs.carriedGraphProperties, outputs) as JsonObject;
}

function primaryApprovers(body: JsonObject): JsonObject[] {
    return body.requestApprovalSettings.stages[0].primaryApprovers;
}

/** Two questions: "Team?" first in sequence, then "Manager?"; ids as Graph generated them when `ids` is set. */
function questionsPolicy(ids = false, sequences: [number, number] = [1, 2]): CanonicalPolicy {
    const text = (q: string, sequence: number, id: string): JsonObject => ({
        "@odata.type": "#microsoft.graph.accessPackageTextInputQuestion",
        text: q,
        sequence,
        ...(ids ? { id } : {}),
    });
    return checked({ ...allUsers(), questions: [text("Team?", sequences[0], "q-graph-1"), text("Manager?", sequences[1], QUESTION_ID)] });
}

/** Graph's answer with the questions out of sequence order ("Manager?" first), `newerSetting` on "Manager?". */
function questionsAnswer(): JsonObject {
    const answer = graphEcho(toGraphBody(questionsPolicy(true))) as JsonObject;
    answer.questions.reverse();
    answer.questions[0].newerSetting = "on";
    return answer;
}

describe("carried properties follow their element into the PUT", () => {
    describe("in a list whose order means nothing", () => {
        it("a property on approver B of [A, B] lands on B when the program lists [B, A]", () => {
            const inputs = approvedBy(SALES, ALICE);
            const answer = approversAnswer([ALICE, SALES], 1);
            assert.deepEqual(Object.keys(outputsFromGraph(answer as never).carriedGraphProperties ?? {}), [
                "requestApprovalSettings.stages[0].primaryApprovers[1].newerSetting",
            ]);
            assert.equal(diffPolicy(outputsFromGraph(answer as never) as never, inputs).changes, false, "the order is no diff");

            const [first, second] = primaryApprovers(putAfter(answer, inputs));
            assert.deepEqual(first, { ...SALES, newerSetting: "on" });
            assert.deepEqual(second, ALICE);
        });

        it("a property on a removed or changed element is attached to no other element", () => {
            const answer = approversAnswer([ALICE, SALES], 1);
            for (const program of [[ALICE], [ALICE, OTHER_USER], [OTHER_USER, ALICE]]) {
                const body = putAfter(answer, approvedBy(...program));
                assert.deepEqual(primaryApprovers(body), primaryApprovers(toGraphBody(approvedBy(...program)) as JsonObject));
            }
        });

        it("a custom extension stage setting keeps its property when the program lists the stages in another order", () => {
            const extension = (stage: string, id: string): JsonObject => ({ stage, customExtension: { id } });
            const created = extension("assignmentRequestCreated", USER_ID);
            const granted = extension("assignmentRequestGranted", GROUP_ID);
            const answer = graphEcho(
                toGraphBody(checked({ ...allUsers(), customExtensionStageSettings: [created, granted] })),
            ) as JsonObject;
            answer.customExtensionStageSettings[0].newerSetting = "on";

            const body = putAfter(answer, checked({ ...allUsers(), customExtensionStageSettings: [granted, created] }));
            assert.deepEqual(
                body.customExtensionStageSettings.map((setting: JsonObject) => [setting.stage, setting.newerSetting]),
                [
                    ["assignmentRequestGranted", undefined],
                    ["assignmentRequestCreated", "on"],
                ],
            );
        });
    });

    describe("in questions", () => {
        it("a property on a question Graph returned out of sequence order is kept at its canonical position and lands on it", () => {
            const answer = questionsAnswer();
            assert.deepEqual(outputsFromGraph(answer as never).carriedGraphProperties, { "questions[1].newerSetting": "on" });

            const body = putAfter(answer, questionsPolicy());
            assert.deepEqual(
                body.questions.map((q: JsonObject) => [q.text, q.newerSetting]),
                [
                    ["Team?", undefined],
                    ["Manager?", "on"],
                ],
            );
        });

        it("goes with the question's id when the program declares ids and reorders the questions", () => {
            const body = putAfter(questionsAnswer(), questionsPolicy(true, [2, 1]));
            assert.deepEqual(
                body.questions.map((q: JsonObject) => [q.id, q.newerSetting]),
                [
                    [QUESTION_ID, "on"],
                    ["q-graph-1", undefined],
                ],
            );
        });

        it("is attached to no question when the one at its position declares another id", () => {
            const policy = questionsPolicy();
            const renamed = checked({ ...policy, questions: policy.questions?.map((q, i) => ({ ...q, id: `new-${i}` })) });
            const body = putAfter(questionsAnswer(), renamed);
            assert.equal(
                body.questions.some((q: JsonObject) => "newerSetting" in q),
                false,
            );
        });
    });

    it("stages go by position: a property on stage 2 stays on stage 2 whatever it now holds", () => {
        const twoStages = (first: string, second: string): CanonicalPolicy => {
            const policy = allUsers();
            const stage = policy.requestApprovalSettings.stages[0];
            policy.requestApprovalSettings.stages = [
                { ...stage, durationBeforeAutomaticDenial: first },
                { ...stage, durationBeforeAutomaticDenial: second },
            ];
            return checked(policy);
        };
        const answer = graphEcho(toGraphBody(twoStages("P2D", "P5D"))) as JsonObject;
        answer.requestApprovalSettings.stages[1].newerSetting = "on";

        const body = putAfter(answer, twoStages("P5D", "P2D"));
        assert.deepEqual(
            body.requestApprovalSettings.stages.map((stage: JsonObject) => [stage.durationBeforeAutomaticDenial, stage.newerSetting]),
            [
                ["P5D", undefined],
                ["P2D", "on"],
            ],
        );
    });

    it("index paths an earlier version stored go back as they always did when the program lists what Graph holds", () => {
        const inputs = approvedBy(ALICE, SALES);
        // State as an earlier version stored it: the canonical outputs with index paths, questions by Graph's index.
        const stored = {
            ...JSON.parse(JSON.stringify({ ...inputs, questions: questionsPolicy(true).questions })),
            id: "87e1c7f7-c7f7-87e1-f7c7-e187f7c7e187",
            carriedGraphProperties: {
                riskLevel: "high",
                "requestApprovalSettings.stages[0].primaryApprovers[1].newerSetting": "on",
                "requestApprovalSettings.stages[0].reminderCadence": { days: 2 },
                "questions[0].newerSetting": "on",
            },
        };
        const program = checked({ ...inputs, questions: questionsPolicy().questions });

        const body = toGraphBody(program, stored.carriedGraphProperties, stored) as JsonObject;
        assert.deepEqual(toGraphBody(program, stored.carriedGraphProperties), body, "as by position");
        assert.equal(body.riskLevel, "high");
        assert.deepEqual(primaryApprovers(body)[1], { ...SALES, newerSetting: "on" });
        assert.deepEqual(body.requestApprovalSettings.stages[0].reminderCadence, { days: 2 });
        assert.equal(body.questions[0].newerSetting, "on");
    });
});
