import * as assert from "node:assert/strict";
import { checkPolicy } from "../../../provider/core/model";
import { allUsers, GROUP_ID, PACKAGE_ID, quarterlyReviews, USER_ID } from "../../support/policies";

/** The fixtures' type: JSON the tests reach into. */
type Policy = ReturnType<typeof allUsers>;

function canonical(policy: Policy): Policy {
    const { inputs, failures } = checkPolicy({}, policy);
    assert.deepEqual(failures, []);
    return inputs;
}

function withExpiration(duration: string): string {
    return canonical({ ...allUsers(), expiration: { type: "afterDuration", duration } }).expiration.duration;
}

describe("check: canonicalisation", () => {
    it("writes durations the way Graph serialises a TimeSpan", () => {
        const cases: [string, string][] = [
            ["PT48H", "P2D"],
            ["PT90M", "PT1H30M"],
            ["P1W", "P7D"],
            ["P0D", "PT0S"],
            ["PT0H0M0S", "PT0S"],
            ["P1DT36H", "P2DT12H"],
            ["PT1.50S", "PT1.5S"],
            ["p365d", "P365D"],
            ["PT3600S", "PT1H"],
        ];
        for (const [written, graph] of cases) {
            assert.equal(withExpiration(written), graph, written);
        }
    });

    it("writes date-times in UTC, keeping fractional seconds only when non-zero", () => {
        const at = (endDateTime: string) =>
            canonical({ ...allUsers(), expiration: { type: "afterDateTime", endDateTime } }).expiration.endDateTime;
        assert.equal(at("2025-01-31T10:00:00+02:00"), "2025-01-31T08:00:00Z");
        assert.equal(at("2025-01-01T00:30:00-01:00"), "2025-01-01T01:30:00Z");
        assert.equal(at("2025-01-31T08:00:00.000Z"), "2025-01-31T08:00:00Z");
        assert.equal(at("2025-01-31T08:00:00.1949218Z"), "2025-01-31T08:00:00.1949218Z");
        assert.equal(at("2025-01-31T08:00Z"), "2025-01-31T08:00:00Z");
        assert.equal(at("2025-01-01T12:00:00+14:00"), "2024-12-31T22:00:00Z");
        assert.equal(at("2025-01-01T00:00:00+0545"), "2024-12-31T18:15:00Z");
        assert.equal(at("2025-01-01T00:00:00-14:00"), "2025-01-01T14:00:00Z");
    });

    it("writes enums in Graph's casing and @odata.type as #microsoft.graph.<camelCase>", () => {
        const policy = allUsers();
        policy.allowedTargetScope = "ALLDIRECTORYUSERS";
        policy.requestApprovalSettings.stages[0].primaryApprovers[0]["@odata.type"] = "Microsoft.Graph.RequestorManager";
        policy.requestApprovalSettings.stages[0].fallbackPrimaryApprovers[0]["@odata.type"] = "singleuser";
        const inputs = canonical(policy);
        assert.equal(inputs.allowedTargetScope, "allDirectoryUsers");
        assert.equal(inputs.requestApprovalSettings.stages[0].primaryApprovers[0]["@odata.type"], "#microsoft.graph.requestorManager");
        assert.equal(inputs.requestApprovalSettings.stages[0].fallbackPrimaryApprovers[0]["@odata.type"], "#microsoft.graph.singleUser");
    });

    it("writes GUIDs in lower case", () => {
        const policy = allUsers();
        policy.accessPackageId = PACKAGE_ID.toUpperCase();
        policy.requestApprovalSettings.stages[0].fallbackPrimaryApprovers[0].userId = USER_ID.toUpperCase();
        const inputs = canonical(policy);
        assert.equal(inputs.accessPackageId, PACKAGE_ID);
        assert.equal(inputs.requestApprovalSettings.stages[0].fallbackPrimaryApprovers[0].userId, USER_ID);
    });

    it("makes Graph's defaults explicit", () => {
        const inputs = canonical({
            ...allUsers(),
            requestorSettings: {},
            requestApprovalSettings: {
                isApprovalRequiredForAdd: true,
                stages: [
                    { durationBeforeAutomaticDenial: "P2D", primaryApprovers: [{ "@odata.type": "#microsoft.graph.requestorManager" }] },
                ],
            },
            expiration: undefined,
        });
        assert.deepEqual(inputs, {
            accessPackageId: PACKAGE_ID,
            displayName: "All Users",
            description: "All users can request for access to the directory.",
            allowedTargetScope: "allDirectoryUsers",
            specificAllowedTargets: [],
            expiration: { type: "noExpiration" },
            requestorSettings: {
                enableTargetsToSelfAddAccess: false,
                enableTargetsToSelfUpdateAccess: false,
                enableTargetsToSelfRemoveAccess: false,
                allowCustomAssignmentSchedule: false,
                enableOnBehalfRequestorsToAddAccess: false,
                enableOnBehalfRequestorsToUpdateAccess: false,
                enableOnBehalfRequestorsToRemoveAccess: false,
                onBehalfRequestors: [],
            },
            requestApprovalSettings: {
                isApprovalRequiredForAdd: true,
                isApprovalRequiredForUpdate: false,
                isRequestorJustificationRequired: false,
                stages: [
                    {
                        durationBeforeAutomaticDenial: "P2D",
                        approverInformationVisibility: "default",
                        isApproverJustificationRequired: false,
                        isEscalationEnabled: false,
                        durationBeforeEscalation: "PT0S",
                        primaryApprovers: [{ "@odata.type": "#microsoft.graph.requestorManager", managerLevel: 1 }],
                        fallbackPrimaryApprovers: [],
                        escalationApprovers: [],
                        fallbackEscalationApprovers: [],
                    },
                ],
            },
            notificationSettings: { isAssignmentNotificationDisabled: false },
            questions: [],
            customExtensionStageSettings: [],
        });
    });

    it("makes review defaults explicit and drops reviews that are off and empty", () => {
        const reviews = canonical({ ...allUsers(), reviewSettings: quarterlyReviews() }).reviewSettings;
        assert.equal(reviews.isRecommendationEnabled, true);
        assert.equal(reviews.isReviewerJustificationRequired, true);
        assert.equal(reviews.isSelfReview, false);
        assert.equal(reviews.expirationBehavior, "keepAccess");
        assert.deepEqual(reviews.fallbackReviewers, []);
        assert.deepEqual(reviews.schedule.recurrence.pattern, {
            type: "absoluteMonthly",
            interval: 3,
            month: 0,
            dayOfMonth: 0,
            daysOfWeek: [],
            firstDayOfWeek: "sunday",
            index: "first",
        });
        assert.deepEqual(reviews.schedule.recurrence.range, { type: "noEnd", numberOfOccurrences: 0 });
        assert.equal("reviewSettings" in canonical({ ...allUsers(), reviewSettings: { isEnabled: false } }), false);
    });

    it("numbers questions by position and keeps them in sequence order", () => {
        const text = (t: string, sequence?: number) => ({
            "@odata.type": "#microsoft.graph.accessPackageTextInputQuestion",
            text: t,
            sequence,
        });
        const inputs = canonical({ ...allUsers(), questions: [text("b", 2), text("a", 1)] });
        assert.deepEqual(
            inputs.questions.map((q: Policy) => [q.text, q.sequence]),
            [
                ["a", 1],
                ["b", 2],
            ],
        );
        const numbered = canonical({ ...allUsers(), questions: [text("first"), text("second")] });
        assert.deepEqual(
            numbered.questions.map((q: Policy) => q.sequence),
            [1, 2],
        );
    });

    it("orders questions that share a sequence the same way whatever order they come in", () => {
        const text = (t: string, id?: string) => ({
            "@odata.type": "#microsoft.graph.accessPackageTextInputQuestion",
            text: t,
            sequence: 1,
            id,
        });
        const written = [text("b"), text("a", "q2"), text("a", "q1")];
        const orders = [written, [...written].reverse(), [written[1], written[0], written[2]]];
        const canonicalOrders = orders.map((questions) =>
            canonical({ ...allUsers(), questions }).questions.map((q: Policy) => [q.text, q.id]),
        );
        assert.deepEqual(
            canonicalOrders,
            orders.map(() => [
                ["a", "q1"],
                ["a", "q2"],
                ["b", undefined],
            ]),
        );
    });

    it("drops the type tags Graph's bodies put on choices and localizations", () => {
        const inputs = canonical({
            ...allUsers(),
            questions: [
                {
                    "@odata.type": "#microsoft.graph.accessPackageMultipleChoiceQuestion",
                    text: "Where?",
                    choices: [
                        {
                            "@odata.type": "microsoft.graph.accessPackageAnswerChoice",
                            actualValue: "KE",
                            text: "Kenya",
                            localizations: [
                                { "@odata.type": "#microsoft.graph.accessPackageLocalizedText", languageCode: "fr", text: "Kenya" },
                            ],
                        },
                    ],
                },
            ],
        });
        assert.deepEqual(inputs.questions[0].choices, [
            { actualValue: "KE", text: "Kenya", localizations: [{ languageCode: "fr", text: "Kenya" }] },
        ]);
    });

    it("drops all-default requestor and approval settings of an auto-assignment policy", () => {
        const { requestorSettings, requestApprovalSettings, ...policy } = canonical({
            accessPackageId: PACKAGE_ID,
            displayName: "Sales",
            description: "",
            allowedTargetScope: "specificDirectoryUsers",
            specificAllowedTargets: [
                { "@odata.type": "#microsoft.graph.attributeRuleMembers", membershipRule: '(user.department -eq "Sales")' },
            ],
            automaticRequestSettings: {},
            requestorSettings: { enableTargetsToSelfAddAccess: false },
            requestApprovalSettings: { stages: [] },
        });
        assert.equal(requestorSettings, undefined);
        assert.equal(requestApprovalSettings, undefined);
        assert.deepEqual(policy.automaticRequestSettings, {
            requestAccessForAllowedTargets: false,
            removeAccessWhenTargetLeavesAllowedTargets: false,
        });
    });

    it("keeps __provider untouched and adopt validated", () => {
        const inputs = canonical({ ...allUsers(), __provider: "serialized", adopt: GROUP_ID.toUpperCase() });
        assert.equal(inputs.__provider, "serialized");
        assert.equal(inputs.adopt, GROUP_ID);
    });

    it("is idempotent", () => {
        const once = canonical({
            ...allUsers(),
            reviewSettings: quarterlyReviews(),
            expiration: { type: "afterDuration", duration: "PT48H" },
        });
        assert.deepEqual(canonical(once), once);
    });
});
