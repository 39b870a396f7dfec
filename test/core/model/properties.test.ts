import * as assert from "node:assert/strict";
import fc from "fast-check";
import { checkPolicy } from "../../../provider/core/model";
import { PACKAGE_ID, USER_ID } from "../../support/policies";

const INPUT_NAMES = [
    "accessPackageId",
    "displayName",
    "description",
    "allowedTargetScope",
    "specificAllowedTargets",
    "automaticRequestSettings",
    "expiration",
    "requestorSettings",
    "requestApprovalSettings",
    "reviewSettings",
    "notificationSettings",
    "questions",
    "customExtensionStageSettings",
    "adopt",
    "id",
];

/** JSON shaped like a policy: real property names with arbitrary values, mixed with arbitrary keys. */
const policyLike = fc.dictionary(fc.oneof(fc.constantFrom(...INPUT_NAMES), fc.string()), fc.jsonValue({ maxDepth: 4 }));

const subjectSet = fc.oneof(
    fc.constant({ "@odata.type": "#microsoft.graph.singleUser", userId: USER_ID }),
    fc.constant({ "@odata.type": "groupMembers", groupId: USER_ID.toUpperCase() }),
    fc.integer({ min: 1, max: 2 }).map((managerLevel) => ({ "@odata.type": "#Microsoft.Graph.RequestorManager", managerLevel })),
    fc.constant({ "@odata.type": "#microsoft.graph.internalSponsors" }),
);
const days = fc.integer({ min: 1, max: 14 }).chain((d) => fc.constantFrom(`P${d}D`, `PT${d * 24}H`, `P${d}DT0S`));
const stage = fc.record({
    durationBeforeAutomaticDenial: days,
    isApproverJustificationRequired: fc.boolean(),
    primaryApprovers: fc.array(subjectSet, { minLength: 1, maxLength: 3 }),
});
const question = fc.oneof(
    fc.record({
        "@odata.type": fc.constant("#microsoft.graph.accessPackageTextInputQuestion"),
        text: fc.string({ minLength: 1 }).filter((t) => t.trim() !== ""),
        isRequired: fc.boolean(),
        sequence: fc.nat(5),
    }),
    fc.record({
        "@odata.type": fc.constant("accessPackageMultipleChoiceQuestion"),
        text: fc.constant("Where?"),
        choices: fc
            .uniqueArray(fc.constantFrom("KE", "US", "GY"), { minLength: 1 })
            .map((values) => values.map((actualValue) => ({ actualValue, text: actualValue }))),
    }),
);
/** Valid request-based policies in varied (non-canonical) spellings. */
const validPolicy = fc.record({
    accessPackageId: fc.constantFrom(PACKAGE_ID, PACKAGE_ID.toUpperCase()),
    displayName: fc.string({ minLength: 1 }).filter((t) => t.trim() !== ""),
    description: fc.string(),
    allowedTargetScope: fc.constantFrom("allMemberUsers", "ALLDIRECTORYUSERS", "notSpecified", "allExternalUsers"),
    expiration: fc.oneof(
        fc.constant({ type: "noExpiration" }),
        days.map((duration) => ({ type: "AfterDuration", duration })),
        fc.constant({ type: "afterDateTime", endDateTime: "2030-06-01T12:00:00+05:30" }),
    ),
    requestorSettings: fc.record(
        {
            enableTargetsToSelfAddAccess: fc.boolean(),
            onBehalfRequestors: fc.array(fc.constant({ "@odata.type": "#microsoft.graph.targetManager", managerLevel: 2 }), {
                maxLength: 1,
            }),
        },
        { requiredKeys: [] },
    ),
    requestApprovalSettings: fc.array(stage, { maxLength: 3 }).map((stages) => ({ isApprovalRequiredForAdd: stages.length > 0, stages })),
    questions: fc.array(question, { maxLength: 3 }),
    adopt: fc.constantFrom(undefined, true, false, USER_ID),
});

describe("check: properties", () => {
    it("never throws on arbitrary JSON, and roots every failure at a property that exists", () => {
        fc.assert(
            fc.property(fc.oneof(policyLike, fc.jsonValue()), (news) => {
                const { failures } = checkPolicy({}, news as Record<string, unknown>);
                const written = typeof news === "object" && news !== null && !Array.isArray(news) ? Object.keys(news) : [];
                for (const { property, reason } of failures) {
                    assert.ok(property.length > 0 && reason.length > 0);
                    const root = property.match(/^[^.[]+|^\[("(?:[^"\\]|\\.)*")\]/);
                    assert.ok(root, property);
                    const name = root[1] === undefined ? root[0] : JSON.parse(root[1]);
                    assert.ok(INPUT_NAMES.includes(name) || written.includes(name), `failure rooted at ${name}`);
                }
            }),
            { numRuns: 500 },
        );
    });

    it("accepts valid policies and is idempotent on them", () => {
        fc.assert(
            fc.property(validPolicy, (policy) => {
                const once = checkPolicy({}, policy);
                assert.deepEqual(once.failures, []);
                assert.deepEqual(checkPolicy({}, once.inputs), once);
            }),
            { numRuns: 300 },
        );
    });
});
