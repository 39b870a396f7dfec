import * as assert from "node:assert/strict";
import { checkPolicy, diffPolicy, outputsFromGraph, toGraphBody, type CanonicalPolicy } from "../../../provider/core/model";
import type { PolicyOutputs } from "../../../provider/core/types";
import { graphEcho } from "../../support/fakes/graphEcho";
import { allUsers, EXTENSION_ID, GROUP_ID, quarterlyReviews, salesAutoAssignment, USER_ID } from "../../support/policies";

type Policy = ReturnType<typeof allUsers>;

function checked(policy: Policy): CanonicalPolicy {
    const { inputs, failures } = checkPolicy({}, policy);
    assert.deepEqual(failures, []);
    return inputs as CanonicalPolicy;
}

/** State after creating `policy`: what Graph returns for it. */
function stateOf(policy: Policy): PolicyOutputs {
    return outputsFromGraph(graphEcho(toGraphBody(checked(policy))));
}

function changed(base: Policy, change: (p: Policy) => void): ReturnType<typeof diffPolicy> {
    const desired = structuredClone(base);
    change(desired);
    return diffPolicy(stateOf(base), checked(desired));
}

const members = (...ids: string[]) => ids.map((groupId) => ({ "@odata.type": "#microsoft.graph.groupMembers", groupId }));

describe("diff", () => {
    describe("treats equivalent forms as equal", () => {
        const equivalents: [string, Policy, (p: Policy) => void][] = [
            ["enum casing", allUsers(), (p) => (p.allowedTargetScope = "AllDirectoryUsers")],
            [
                "@odata.type without # and in other case",
                allUsers(),
                (p) => (p.requestApprovalSettings.stages[0].primaryApprovers[0]["@odata.type"] = "microsoft.graph.requestormanager"),
            ],
            [
                "durations with the same value",
                allUsers(),
                (p) => (p.requestApprovalSettings.stages[0].durationBeforeAutomaticDenial = "PT48H"),
            ],
            [
                "date-times at the same instant",
                { ...allUsers(), expiration: { type: "afterDateTime", endDateTime: "2030-01-01T00:00:00Z" } },
                (p) => (p.expiration.endDateTime = "2030-01-01T01:00:00.000+01:00"),
            ],
            [
                "null, absent and empty lists",
                allUsers(),
                (p) => Object.assign(p, { specificAllowedTargets: null, questions: [], customExtensionStageSettings: undefined }),
            ],
            [
                "explicit defaults",
                allUsers(),
                (p) => Object.assign(p.requestorSettings, { allowCustomAssignmentSchedule: false, onBehalfRequestors: [] }),
            ],
            [
                "requestorManager's default level",
                allUsers(),
                (p) => delete p.requestApprovalSettings.stages[0].primaryApprovers[0].managerLevel,
            ],
            [
                "subject sets in another order",
                { ...allUsers(), reviewSettings: { ...quarterlyReviews(), primaryReviewers: members(GROUP_ID, USER_ID) } },
                (p) => (p.reviewSettings.primaryReviewers = members(USER_ID, GROUP_ID)),
            ],
            ["GUID casing", allUsers(), (p) => (p.accessPackageId = p.accessPackageId.toUpperCase())],
            ["reviews off and reviews absent", allUsers(), (p) => (p.reviewSettings = { isEnabled: false, primaryReviewers: [] })],
            ["a changed adopt", allUsers(), (p) => (p.adopt = true)],
            ["a changed __provider", { ...allUsers(), __provider: "old" }, (p) => (p.__provider = "new")],
            ["auto-assignment settings that grant nothing", salesAutoAssignment(), (p) => (p.requestorSettings = {})],
        ];
        for (const [what, base, change] of equivalents) {
            it(what, () => {
                assert.deepEqual(changed(base, change), { changes: false, replaces: [], diffs: [] });
            });
        }

        it("no grace period and a zero one, whichever side has which: both remove access at once", () => {
            const none = salesAutoAssignment();
            const zero = structuredClone(none);
            zero.automaticRequestSettings.gracePeriodBeforeAccessRemoval = "PT0S";
            const graph = graphEcho(toGraphBody(checked(none)));
            const graphFillsZero = outputsFromGraph({
                ...graph,
                automaticRequestSettings: { ...graph.automaticRequestSettings!, gracePeriodBeforeAccessRemoval: "PT0S" },
            });
            assert.deepEqual(diffPolicy(graphFillsZero, checked(none)).diffs, []);
            assert.deepEqual(diffPolicy(stateOf(none), checked(zero)).diffs, []);
            assert.deepEqual(diffPolicy(stateOf(zero), checked(none)).diffs, []);
        });

        it("questions sharing a sequence that Graph returns in another order", () => {
            const question = (text: string) => ({ "@odata.type": "#microsoft.graph.accessPackageTextInputQuestion", text, sequence: 0 });
            const base = { ...allUsers(), questions: [question("Why?"), question("Until when?"), question("Who approved?")] };
            const graph = graphEcho(toGraphBody(checked(base)));
            for (const order of [
                [0, 1, 2],
                [2, 1, 0],
                [1, 2, 0],
            ]) {
                const state = outputsFromGraph({ ...graph, questions: order.map((i) => graph.questions![i]) });
                assert.deepEqual(diffPolicy(state, checked(base)), { changes: false, replaces: [], diffs: [] }, `Graph's order ${order}`);
            }
        });

        it("server-filled ids, descriptions and expanded extensions when not declared", () => {
            const base = {
                ...allUsers(),
                questions: [{ "@odata.type": "#microsoft.graph.accessPackageTextInputQuestion", text: "Why?" }],
                customExtensionStageSettings: [{ stage: "assignmentRequestCreated", customExtension: { id: EXTENSION_ID } }],
            };
            const state = stateOf(base);
            assert.ok(state.questions?.[0].id && state.customExtensionStageSettings?.[0].id);
            assert.equal(diffPolicy(state, checked(base)).changes, false);
        });
    });

    describe("reviews that are off, however Graph fills the rest", () => {
        const leftover = quarterlyReviews();
        /** The outputs when Graph answers All Users with `reviewSettings` as given. */
        const answered = (reviewSettings: Policy) =>
            outputsFromGraph({ ...graphEcho(toGraphBody(checked(allUsers()))), reviewSettings } as never);
        const GRAPH_OFF: [string, Policy][] = [
            [
                "its defaults",
                {
                    isEnabled: false,
                    isRecommendationEnabled: true,
                    isReviewerJustificationRequired: true,
                    isSelfReview: false,
                    expirationBehavior: "keepAccess",
                    primaryReviewers: [],
                    fallbackReviewers: [],
                    schedule: null,
                },
            ],
            [
                "false for the recommendation and justification flags",
                {
                    isEnabled: false,
                    isRecommendationEnabled: false,
                    isReviewerJustificationRequired: false,
                    isSelfReview: false,
                    primaryReviewers: [],
                    fallbackReviewers: [],
                },
            ],
            [
                "the schedule and reviewers of when they were on",
                { ...leftover, isEnabled: false, isRecommendationEnabled: false, fallbackReviewers: members(USER_ID) },
            ],
        ];
        const DECLARED_OFF: [string, (p: Policy) => void][] = [
            ["no reviewSettings", () => undefined],
            ["isEnabled: false", (p) => (p.reviewSettings = { isEnabled: false })],
            [
                "isEnabled: false with defaults written out",
                (p) => (p.reviewSettings = { isEnabled: false, isRecommendationEnabled: true, primaryReviewers: [] }),
            ],
        ];
        for (const [graphFill, reviewSettings] of GRAPH_OFF) {
            for (const [declaration, declare] of DECLARED_OFF) {
                it(`Graph answering with ${graphFill} equals ${declaration}`, () => {
                    const desired = allUsers();
                    declare(desired);
                    assert.deepEqual(diffPolicy(answered(reviewSettings), checked(desired)), { changes: false, replaces: [], diffs: [] });
                });
            }
        }

        it("a declared paused configuration is compared: the same one equals, another one updates", () => {
            const state = answered(GRAPH_OFF[2][1]);
            const paused = (primaryReviewers: Policy[]) =>
                checked({ ...allUsers(), reviewSettings: { ...leftover, isEnabled: false, primaryReviewers } });
            assert.equal(diffPolicy(state, paused(leftover.primaryReviewers)).changes, false);
            assert.deepEqual(diffPolicy(state, paused(members(USER_ID))).diffs, ["reviewSettings"]);
            assert.deepEqual(diffPolicy(answered(GRAPH_OFF[0][1]), paused(members(USER_ID))).diffs, ["reviewSettings"]);
        });

        it("reviews on, in Graph or in the inputs, are compared as a whole", () => {
            assert.deepEqual(diffPolicy(answered(GRAPH_OFF[2][1]), checked({ ...allUsers(), reviewSettings: leftover })).diffs, [
                "reviewSettings",
            ]);
            assert.deepEqual(diffPolicy(answered(leftover), checked(allUsers())).diffs, ["reviewSettings"]);
        });
    });

    describe("reports real changes", () => {
        const changes: [string, Policy, (p: Policy) => void, string][] = [
            ["displayName", allUsers(), (p) => (p.displayName = "Everyone"), "displayName"],
            [
                "a requestor flag set back to false",
                allUsers(),
                (p) => (p.requestorSettings.enableTargetsToSelfRemoveAccess = false),
                "requestorSettings",
            ],
            [
                "a stage duration",
                allUsers(),
                (p) => (p.requestApprovalSettings.stages[0].durationBeforeAutomaticDenial = "P3D"),
                "requestApprovalSettings",
            ],
            [
                "a manager level",
                allUsers(),
                (p) => (p.requestApprovalSettings.stages[0].primaryApprovers[0].managerLevel = 2),
                "requestApprovalSettings",
            ],
            [
                "an added approver",
                allUsers(),
                (p) => p.requestApprovalSettings.stages[0].fallbackPrimaryApprovers.push(...members(GROUP_ID)),
                "requestApprovalSettings",
            ],
            [
                "a declared description that differs from the service's",
                allUsers(),
                (p) => (p.requestApprovalSettings.stages[0].fallbackPrimaryApprovers[0].description = "mine"),
                "requestApprovalSettings",
            ],
            [
                "the order of stages",
                {
                    ...allUsers(),
                    requestApprovalSettings: {
                        isApprovalRequiredForAdd: true,
                        stages: [
                            { durationBeforeAutomaticDenial: "P1D", primaryApprovers: members(GROUP_ID) },
                            { durationBeforeAutomaticDenial: "P2D", primaryApprovers: members(GROUP_ID) },
                        ],
                    },
                },
                (p) => p.requestApprovalSettings.stages.reverse(),
                "requestApprovalSettings",
            ],
            ["enabled reviews", allUsers(), (p) => (p.reviewSettings = quarterlyReviews()), "reviewSettings"],
            [
                "a custom extension",
                allUsers(),
                (p) => (p.customExtensionStageSettings = [{ stage: "assignmentRequestCreated", customExtension: { id: EXTENSION_ID } }]),
                "customExtensionStageSettings",
            ],
            [
                "notifications",
                allUsers(),
                (p) => (p.notificationSettings = { isAssignmentNotificationDisabled: true }),
                "notificationSettings",
            ],
            ["expiration", allUsers(), (p) => (p.expiration = { type: "afterDuration", duration: "P30D" }), "expiration"],
        ];
        for (const [what, base, change, property] of changes) {
            it(`${what}: updates ${property} in place`, () => {
                assert.deepEqual(changed(base, change), { changes: true, replaces: [], diffs: [property] });
            });
        }

        it("a different access package: replaces", () => {
            assert.deepEqual(
                changed(allUsers(), (p) => (p.accessPackageId = GROUP_ID)),
                { changes: true, replaces: ["accessPackageId"], diffs: ["accessPackageId"] },
            );
        });

        it("a removed grace period: updates automaticRequestSettings, since the PUT leaves none", () => {
            const base = salesAutoAssignment();
            base.automaticRequestSettings.gracePeriodBeforeAccessRemoval = "P7D";
            assert.deepEqual(
                changed(base, (p) => delete p.automaticRequestSettings.gracePeriodBeforeAccessRemoval),
                { changes: true, replaces: [], diffs: ["automaticRequestSettings"] },
            );
            assert.deepEqual(changed(base, (p) => (p.automaticRequestSettings.gracePeriodBeforeAccessRemoval = "PT168H")).diffs, []);
        });

        it("a removed custom extension id declared by the user", () => {
            const base = {
                ...allUsers(),
                customExtensionStageSettings: [{ stage: "assignmentRequestCreated", customExtension: { id: EXTENSION_ID } }],
            };
            assert.deepEqual(changed(base, (p) => (p.customExtensionStageSettings[0].customExtension.id = GROUP_ID)).diffs, [
                "customExtensionStageSettings",
            ]);
        });
    });
});
