/**
 * A body copied from Graph Explorer works: Graph tags objects with their `@odata.type` even where the type is fixed,
 * and a GET response adds read-only properties. Both are accepted and dropped; a tag naming the wrong type fails.
 */
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { checkPolicy } from "../../../provider/core/model";
import { EXTENSION_ID, type JsonObject } from "../../support/policies";

type Policy = JsonObject;

const FIXTURES = path.join(__dirname, "../../fixtures/graph-docs");

/** A documented body as a user writes it, with a custom extension stage and notification settings added. */
function documented(name: string): Policy {
    const { accessPackage, ...rest } = JSON.parse(fs.readFileSync(path.join(FIXTURES, name), "utf8"));
    return {
        ...rest,
        accessPackageId: accessPackage.id,
        notificationSettings: { isAssignmentNotificationDisabled: true },
        customExtensionStageSettings: [{ stage: "assignmentRequestCreated", customExtension: { id: EXTENSION_ID } }],
    };
}

/** Where Graph's bodies tag an object of fixed type: a path into the policy and the type it names. */
const TAGGED: [string, (p: Policy) => Policy | undefined, string][] = [
    ['["@odata.type"]', (p) => p, "accessPackageAssignmentPolicy"],
    ["expiration", (p) => p.expiration, "expirationPattern"],
    ["requestorSettings", (p) => p.requestorSettings, "accessPackageAssignmentRequestorSettings"],
    ["requestApprovalSettings", (p) => p.requestApprovalSettings, "accessPackageAssignmentApprovalSettings"],
    ["requestApprovalSettings.stages[1]", (p) => p.requestApprovalSettings?.stages?.[1], "accessPackageApprovalStage"],
    ["reviewSettings", (p) => p.reviewSettings, "accessPackageAssignmentReviewSettings"],
    ["reviewSettings.schedule", (p) => p.reviewSettings?.schedule, "entitlementManagementSchedule"],
    ["reviewSettings.schedule.expiration", (p) => p.reviewSettings?.schedule?.expiration, "expirationPattern"],
    ["reviewSettings.schedule.recurrence", (p) => p.reviewSettings?.schedule?.recurrence, "patternedRecurrence"],
    ["reviewSettings.schedule.recurrence.pattern", (p) => p.reviewSettings?.schedule?.recurrence?.pattern, "recurrencePattern"],
    ["reviewSettings.schedule.recurrence.range", (p) => p.reviewSettings?.schedule?.recurrence?.range, "recurrenceRange"],
    ["notificationSettings", (p) => p.notificationSettings, "accessPackageNotificationSettings"],
    ["customExtensionStageSettings[0]", (p) => p.customExtensionStageSettings?.[0], "customExtensionStageSetting"],
    ["automaticRequestSettings", (p) => p.automaticRequestSettings, "accessPackageAutomaticRequestSettings"],
];

/** The spellings of a right tag seen in Graph's bodies and docs. */
const SPELLINGS = [
    (type: string) => `#microsoft.graph.${type}`,
    (type: string) => `microsoft.graph.${type}`,
    (type: string) => `#Microsoft.Graph.${type.toUpperCase()}`,
];

/** `policy` as a GET returns it: every fixed-type object tagged, and the read-only properties of the policy. */
function asGraphReturnsIt(policy: Policy): Policy {
    const copy = structuredClone(policy);
    TAGGED.forEach(([, at, type], i) => {
        const object = at(copy);
        if (object) object["@odata.type"] = SPELLINGS[i % SPELLINGS.length](type);
    });
    return {
        "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#identityGovernance/entitlementManagement/assignmentPolicies/$entity",
        id: "9d8f2361-39be-482e-b267-34ad6baef4d3",
        createdDateTime: "2024-05-01T10:00:00.1949218Z",
        modifiedDateTime: "2024-05-02T10:00:00Z",
        catalog: { id: "c0c0c0c0-0000-4000-8000-000000000001", displayName: "General" },
        ...copy,
    };
}

describe("a body copied from Graph", () => {
    for (const name of ["create-e2-external-two-stages-reviews.json", "create-e3-auto-assignment.json"]) {
        it(`${name} with Graph's type tags and read-only properties checks to the same inputs as without them`, () => {
            const plain = checkPolicy({}, documented(name));
            assert.deepEqual(plain.failures, []);
            const pasted = asGraphReturnsIt(documented(name));
            assert.ok(JSON.stringify(pasted).split("@odata.type").length > 5, "the pasted body carries the tags");
            assert.deepEqual(checkPolicy({}, pasted), plain);
        });
    }

    describe("with a tag naming another type", () => {
        // A stage may also be the derived dynamic stage.
        const DYNAMIC_STAGE = " or #microsoft.graph.accessPackageDynamicApprovalStage";
        for (const [where, at, type] of TAGGED) {
            it(`fails at ${where}, naming #microsoft.graph.${type}`, () => {
                const base =
                    where === "automaticRequestSettings" ? "create-e3-auto-assignment.json" : "create-e2-external-two-stages-reviews.json";
                const policy = documented(base);
                (at(policy) as Policy)["@odata.type"] = "#microsoft.graph.accessPackage";
                const property = where.startsWith("[") ? where : `${where}["@odata.type"]`;
                assert.deepEqual(checkPolicy({}, policy).failures, [
                    {
                        property,
                        reason: `must be #microsoft.graph.${type} (or be left out)${type === "accessPackageApprovalStage" ? DYNAMIC_STAGE : ""}; got "#microsoft.graph.accessPackage"`,
                    },
                ]);
            });
        }
    });

    it("still refuses accessPackage, pointing at accessPackageId", () => {
        const { failures } = checkPolicy(
            {},
            { ...asGraphReturnsIt(documented("create-e2-external-two-stages-reviews.json")), accessPackage: { id: EXTENSION_ID } },
        );
        assert.deepEqual(
            failures.map((f) => [f.property, f.reason]),
            [["accessPackage", "unknown property; did you mean accessPackageId?"]],
        );
    });
});
