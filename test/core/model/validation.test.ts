import * as assert from "node:assert/strict";
import { checkPolicy } from "../../../provider/core/model";
import { allUsers, GROUP_ID, quarterlyReviews, salesAutoAssignment, USER_ID } from "../../support/policies";
import { approver, checked, describeRuleCases, singleUser, stage, type RuleCase } from "./ruleCases";

/** The rules on the policy's own properties, names, scalar values, subject sets and scopes. */
const RULES: RuleCase[] = [
    {
        rule: "accessPackageId is required",
        bad: (p) => delete p.accessPackageId,
        property: "accessPackageId",
        reason: /^required: the access package's id as a GUID/,
        good: (p) => (p.accessPackageId = p.accessPackageId.toUpperCase()),
    },
    {
        rule: "displayName is required and non-empty",
        bad: (p) => (p.displayName = " "),
        property: "displayName",
        reason: /must be a non-empty string; got " "/,
        good: (p) => (p.displayName = "x"),
    },
    {
        rule: "description is required but may be empty",
        bad: (p) => (p.description = null),
        property: "description",
        reason: /^required: a string/,
        good: (p) => (p.description = ""),
    },
    {
        rule: "allowedTargetScope is required",
        bad: (p) => delete p.allowedTargetScope,
        property: "allowedTargetScope",
        reason: /^required: one of notSpecified, specificDirectoryUsers/,
        good: (p) => (p.allowedTargetScope = "allMemberUsers"),
    },
    {
        rule: "a request-based policy needs requestorSettings",
        bad: (p) => delete p.requestorSettings,
        property: "requestorSettings",
        reason: /required for a request-based policy .*write \{\}/,
        good: (p) => (p.requestorSettings = {}),
    },
    {
        rule: "a request-based policy needs requestApprovalSettings",
        bad: (p) => delete p.requestApprovalSettings,
        property: "requestApprovalSettings",
        reason: /required for a request-based policy/,
        good: (p) => (p.requestApprovalSettings = { isApprovalRequiredForAdd: false }),
    },
    {
        rule: "accessPackage is not an input",
        bad: (p) => (p.accessPackage = { id: p.accessPackageId }),
        property: "accessPackage",
        reason: /^unknown property; did you mean accessPackageId\?/,
        good: (p) => (p.catalog = { id: GROUP_ID }),
    },
    {
        rule: "snake_case names are suggested in camelCase",
        bad: (p) => (p.display_name = "x"),
        property: "display_name",
        reason: /did you mean displayName\?/,
        good: (p) => (p.displayName = "x"),
    },
    {
        rule: "nested misspellings are suggested",
        bad: (p) => (p.requestorSettings.enableTargetToSelfAddAccess = true),
        property: "requestorSettings.enableTargetToSelfAddAccess",
        reason: /did you mean enableTargetsToSelfAddAccess\?/,
        good: (p) => (p.requestorSettings.enableTargetsToSelfAddAccess = true),
    },
    {
        rule: "unknown names without a near match list what is allowed",
        bad: (p) => (p.expiration.zzz = 1),
        property: "expiration.zzz",
        reason: /allowed here: type, duration or endDateTime/,
        good: (p) => (p.expiration["@odata.type"] = "#microsoft.graph.expirationPattern"),
    },
    {
        rule: "booleans are booleans",
        bad: (p) => (p.requestorSettings.enableTargetsToSelfAddAccess = "yes"),
        property: "requestorSettings.enableTargetsToSelfAddAccess",
        reason: /must be a boolean \(true or false\); got "yes"/,
        good: (p) => (p.requestorSettings.enableTargetsToSelfAddAccess = "TRUE"),
    },
    {
        rule: "lists are lists",
        bad: (p) => (p.requestApprovalSettings.stages = {}),
        property: "requestApprovalSettings.stages",
        reason: /must be a list; got an object/,
        good: (p) => (p.requestApprovalSettings.stages = [stage(allUsers())]),
    },
    {
        rule: "objects are objects",
        bad: (p) => (p.expiration = "never"),
        property: "expiration",
        reason: /must be an expiration pattern \(an object with type, duration or endDateTime\)/,
        good: (p) => (p.expiration = null),
    },
    {
        rule: "enums list their values",
        bad: (p) => (p.allowedTargetScope = "everyone"),
        property: "allowedTargetScope",
        reason: /must be one of notSpecified, .* or allDirectoryAgentIdentities; got "everyone"/,
        good: (p) => (p.allowedTargetScope = "ALLDIRECTORYAGENTIDENTITIES"),
    },
    {
        rule: "a misspelled enum value gets a suggestion",
        bad: (p) => (p.allowedTargetScope = "allMembersUsers"),
        property: "allowedTargetScope",
        reason: /got "allMembersUsers"\. Did you mean allMemberUsers\?$/,
        good: (p) => (p.allowedTargetScope = "allMemberUsers"),
    },
    {
        rule: "enum names are own values, not Object.prototype members",
        bad: (p) => (p.allowedTargetScope = "toString"),
        property: "allowedTargetScope",
        reason: /must be one of notSpecified, .*; got "toString"/,
        good: (p) => (p.allowedTargetScope = "allExternalUsers"),
    },
    {
        rule: "unknownFutureValue is never sent",
        bad: (p) => (p.allowedTargetScope = "unknownFutureValue"),
        property: "allowedTargetScope",
        reason: /cannot be sent; use one of notSpecified/,
        good: (p) => (p.allowedTargetScope = "notSpecified"),
    },
    {
        rule: "user ids are GUIDs",
        bad: (p) => (stage(p).fallbackPrimaryApprovers[0].userId = "alice"),
        property: "requestApprovalSettings.stages[0].fallbackPrimaryApprovers[0].userId",
        reason: /must be the user's object id as a GUID/,
        good: (p) => (stage(p).fallbackPrimaryApprovers[0].userId = USER_ID.toUpperCase()),
    },
    {
        rule: "group ids are GUIDs",
        bad: (p) => stage(p).primaryApprovers.push(approver("#microsoft.graph.groupMembers", { groupId: 7 })),
        property: "requestApprovalSettings.stages[0].primaryApprovers[1].groupId",
        reason: /must be the group's object id as a GUID.*got 7/,
        good: (p) => stage(p).primaryApprovers.push(approver("#microsoft.graph.groupMembers", { groupId: GROUP_ID })),
    },
    {
        rule: "connected organization ids are GUIDs",
        bad: (p) =>
            Object.assign(p, {
                allowedTargetScope: "specificConnectedOrganizationUsers",
                specificAllowedTargets: [approver("connectedOrganizationMembers", { connectedOrganizationId: "contoso" })],
            }),
        property: "specificAllowedTargets[0].connectedOrganizationId",
        reason: /connected organization's id as a GUID/,
        good: (p) =>
            Object.assign(p, {
                allowedTargetScope: "specificConnectedOrganizationUsers",
                specificAllowedTargets: [approver("connectedOrganizationMembers", { connectedOrganizationId: GROUP_ID })],
            }),
    },
    {
        rule: "adopt is true or a policy id",
        bad: (p) => (p.adopt = "All Users"),
        property: "adopt",
        reason: /must be true .* or the id \(GUID\) of the policy to adopt/,
        good: (p) => (p.adopt = GROUP_ID),
    },
    {
        rule: "durations are ISO 8601",
        bad: (p) => (stage(p).durationBeforeAutomaticDenial = "2 days"),
        property: "requestApprovalSettings.stages[0].durationBeforeAutomaticDenial",
        reason: /must be an ISO 8601 duration \(e\.g\. P2D/,
        good: (p) => (stage(p).durationBeforeAutomaticDenial = "PT48H"),
    },
    {
        rule: "durations in years are rejected with the days to write instead",
        bad: (p) => (p.expiration = { type: "afterDuration", duration: "P1Y" }),
        property: "expiration.duration",
        reason: /no years or months.*write it in days instead \(P365D for a year/,
        good: (p) => (p.expiration = { type: "afterDuration", duration: "P365D" }),
    },
    {
        rule: "durations in months are rejected too",
        bad: (p) => (p.expiration = { type: "afterDuration", duration: "P2M" }),
        property: "expiration.duration",
        reason: /TimeSpan, which has no years or months/,
        good: (p) => (p.expiration = { type: "afterDuration", duration: "P8W" }),
    },
    {
        rule: "date-times are real ISO 8601 instants",
        bad: (p) => (p.expiration = { type: "afterDateTime", endDateTime: "2025-02-30T00:00:00Z" }),
        property: "expiration.endDateTime",
        reason: /not a real calendar date-time/,
        good: (p) => (p.expiration = { type: "afterDateTime", endDateTime: "2025-02-28T00:00:00+02:00" }),
    },
    {
        rule: "date-times carry a zone",
        bad: (p) => (p.expiration = { type: "afterDateTime", endDateTime: "2025-02-01T00:00:00" }),
        property: "expiration.endDateTime",
        reason: /with Z or an offset/,
        good: (p) => (p.expiration = { type: "afterDateTime", endDateTime: "2025-02-01T00:00:00z" }),
    },
    {
        rule: "offset hours are at most 14",
        bad: (p) => (p.expiration = { type: "afterDateTime", endDateTime: "2025-02-01T00:00:00+25:00" }),
        property: "expiration.endDateTime",
        reason: /offset outside -14:00\.\.\+14:00 .*got "\+25:00"/,
        good: (p) => (p.expiration = { type: "afterDateTime", endDateTime: "2025-02-01T00:00:00+14:00" }),
    },
    {
        rule: "offset minutes are at most 59",
        bad: (p) => (p.expiration = { type: "afterDateTime", endDateTime: "2025-02-01T00:00:00+05:99" }),
        property: "expiration.endDateTime",
        reason: /offset outside -14:00\.\.\+14:00 \(hours up to 14, minutes up to 59\); got "\+05:99"/,
        good: (p) => (p.expiration = { type: "afterDateTime", endDateTime: "2025-02-01T00:00:00+0545" }),
    },
    {
        rule: "date-times are within DateTimeOffset's years in UTC too",
        bad: (p) => (p.expiration = { type: "afterDateTime", endDateTime: "9999-12-31T23:00:00-02:00" }),
        property: "expiration.endDateTime",
        reason: /is outside the years 0001 to 9999 once converted to UTC \(10000-01-01T01:00:00Z\); got "9999-12-31T23:00:00-02:00"/,
        good: (p) => (p.expiration = { type: "afterDateTime", endDateTime: "9999-12-31T23:00:00+02:00" }),
    },
    {
        rule: "date-times start at year 0001",
        bad: (p) => (p.expiration = { type: "afterDateTime", endDateTime: "0000-12-31T23:00:00Z" }),
        property: "expiration.endDateTime",
        reason: /is outside the years 0001 to 9999/,
        good: (p) => (p.expiration = { type: "afterDateTime", endDateTime: "0001-01-01T01:00:00+01:00" }),
    },
    {
        rule: "calendar dates start at year 0001",
        bad: (p) => ((p.reviewSettings = quarterlyReviews()), (p.reviewSettings.schedule.recurrence.range.startDate = "0000-07-01")),
        property: "reviewSettings.schedule.recurrence.range.startDate",
        reason: /must be a calendar date YYYY-MM-DD from 0001-01-01 \(Graph holds no year 0000\), e\.g\. 2025-01-31; got "0000-07-01"/,
        good: (p) => ((p.reviewSettings = quarterlyReviews()), (p.reviewSettings.schedule.recurrence.range.startDate = "0001-07-01")),
    },
    {
        rule: "an offset of 14 hours has no minutes",
        bad: (p) => (p.expiration = { type: "afterDateTime", endDateTime: "2025-02-01T00:00:00-14:30" }),
        property: "expiration.endDateTime",
        reason: /offset outside -14:00\.\.\+14:00/,
        good: (p) => (p.expiration = { type: "afterDateTime", endDateTime: "2025-02-01T00:00:00-14:00" }),
    },
    {
        rule: "durations are not negative",
        bad: (p) => (p.expiration = { type: "afterDuration", duration: "-P1D" }),
        property: "expiration.duration",
        reason: /must not be negative; got "-P1D"/,
        good: (p) => (p.expiration = { type: "afterDuration", duration: "P1D" }),
    },
    {
        rule: "durations have at most 7 fractional digits",
        bad: (p) => (p.expiration = { type: "afterDuration", duration: "PT1.00000001S" }),
        property: "expiration.duration",
        reason: /at most 7 fractional digits of a second/,
        good: (p) => (p.expiration = { type: "afterDuration", duration: "PT1.0000001S" }),
    },
    {
        rule: "durations fit a TimeSpan",
        bad: (p) => (p.expiration = { type: "afterDuration", duration: "P10675199DT2H48M5.4775808S" }),
        property: "expiration.duration",
        reason: /longer than Graph can hold \(a TimeSpan holds at most P10675199DT2H48M5\.4775807S\)/,
        good: (p) => (p.expiration = { type: "afterDuration", duration: "P10675199DT2H48M5.4775807S" }),
    },
    {
        rule: "afterDuration needs a duration",
        bad: (p) => (p.expiration = { type: "afterDuration" }),
        property: "expiration.duration",
        reason: /required when type is afterDuration/,
        good: (p) => (p.expiration = { type: "afterDuration", duration: "PT8H" }),
    },
    {
        rule: "afterDateTime needs an endDateTime",
        bad: (p) => (p.expiration = { type: "afterDateTime" }),
        property: "expiration.endDateTime",
        reason: /required when type is afterDateTime/,
        good: (p) => (p.expiration = { type: "afterDateTime", endDateTime: "2030-01-01T00:00:00Z" }),
    },
    {
        rule: "other expiration types take neither",
        bad: (p) => (p.expiration = { type: "noExpiration", duration: "P1D" }),
        property: "expiration.duration",
        reason: /not allowed when type is noExpiration .*remove it/,
        good: (p) => (p.expiration = { type: "noExpiration", duration: null }),
    },
    {
        rule: "subject sets need an @odata.type",
        bad: (p) => delete stage(p).primaryApprovers[0]["@odata.type"],
        property: 'requestApprovalSettings.stages[0].primaryApprovers[0]["@odata.type"]',
        reason: /^required; an approver is one of #microsoft.graph.singleUser/,
        good: (p) => (stage(p).primaryApprovers[0]["@odata.type"] = "microsoft.graph.REQUESTORMANAGER"),
    },
    {
        rule: "subject set types are Graph's",
        bad: (p) => (stage(p).primaryApprovers[0]["@odata.type"] = "#microsoft.graph.boss"),
        property: 'requestApprovalSettings.stages[0].primaryApprovers[0]["@odata.type"]',
        reason: /unknown subject set type "#microsoft.graph.boss"; an approver is one of/,
        good: (p) => (stage(p).primaryApprovers[0]["@odata.type"] = "#Microsoft.Graph.RequestorManager"),
    },
    {
        rule: "approvers are approver types",
        bad: (p) => (stage(p).primaryApprovers = [approver("#microsoft.graph.targetManager", { managerLevel: 1 })]),
        property: 'requestApprovalSettings.stages[0].primaryApprovers[0]["@odata.type"]',
        reason: /targetManager cannot be an approver; allowed here: #microsoft.graph.singleUser, .*#microsoft.graph.targetUserSponsors/,
        good: (p) => (stage(p).primaryApprovers = [approver("#microsoft.graph.targetUserSponsors")]),
    },
    {
        rule: "on-behalf requestors are requestor types",
        bad: (p) => (p.requestorSettings.onBehalfRequestors = [approver("#microsoft.graph.requestorManager")]),
        property: 'requestorSettings.onBehalfRequestors[0]["@odata.type"]',
        reason: /requestorManager cannot be an on-behalf requestor; allowed here: .*targetManager/,
        good: (p) => (p.requestorSettings.onBehalfRequestors = [approver("#microsoft.graph.targetManager", { managerLevel: 4 })]),
    },
    {
        rule: "reviewers are reviewer types",
        bad: (p) => (p.reviewSettings = { ...quarterlyReviews(), primaryReviewers: [approver("#microsoft.graph.internalSponsors")] }),
        property: 'reviewSettings.primaryReviewers[0]["@odata.type"]',
        reason: /internalSponsors cannot be a reviewer; allowed here: #microsoft.graph.singleUser, #microsoft.graph.groupMembers or #microsoft.graph.requestorManager/,
        good: (p) => (p.reviewSettings = { ...quarterlyReviews(), primaryReviewers: [approver("#microsoft.graph.requestorManager")] }),
    },
    {
        rule: "requestorManager is level 1 or 2",
        bad: (p) => (stage(p).primaryApprovers[0].managerLevel = 3),
        property: "requestApprovalSettings.stages[0].primaryApprovers[0].managerLevel",
        reason: /must be an integer from 1 to 2; got 3/,
        good: (p) => (stage(p).primaryApprovers[0].managerLevel = 2),
    },
    {
        rule: "targetManager is level 1 to 4",
        bad: (p) => (p.requestorSettings.onBehalfRequestors = [approver("#microsoft.graph.targetManager", { managerLevel: 5 })]),
        property: "requestorSettings.onBehalfRequestors[0].managerLevel",
        reason: /must be an integer from 1 to 4; got 5/,
        good: (p) => (p.requestorSettings.onBehalfRequestors = [approver("#microsoft.graph.targetManager", { managerLevel: 3 })]),
    },
    {
        rule: "specific scopes need targets",
        bad: (p) => (p.allowedTargetScope = "specificDirectoryUsers"),
        property: "specificAllowedTargets",
        reason: /must list at least one target when allowedTargetScope is specificDirectoryUsers: #microsoft.graph.singleUser, #microsoft.graph.groupMembers or #microsoft.graph.attributeRuleMembers/,
        good: (p) => Object.assign(p, { allowedTargetScope: "specificDirectoryUsers", specificAllowedTargets: [singleUser] }),
    },
    {
        rule: "population scopes take no targets",
        bad: (p) => (p.specificAllowedTargets = [singleUser]),
        property: "specificAllowedTargets",
        reason: /must be empty when allowedTargetScope is allDirectoryUsers.*use specificDirectoryUsers/,
        good: (p) => (p.specificAllowedTargets = []),
    },
    {
        rule: "targets match the scope",
        bad: (p) => Object.assign(p, { allowedTargetScope: "specificConnectedOrganizationUsers", specificAllowedTargets: [singleUser] }),
        property: 'specificAllowedTargets[0]["@odata.type"]',
        reason: /singleUser is not allowed when allowedTargetScope is specificConnectedOrganizationUsers; allowed: #microsoft.graph.connectedOrganizationMembers/,
        good: (p) =>
            Object.assign(p, {
                allowedTargetScope: "specificDirectoryServicePrincipals",
                specificAllowedTargets: [approver("singleServicePrincipal", { servicePrincipalId: GROUP_ID })],
            }),
    },
];

describe("check: validation", () => {
    for (const { base: build = allUsers } of [{ base: allUsers }, { base: salesAutoAssignment }]) {
        it(`accepts the ${build.name} starting policy`, () => {
            assert.deepEqual(checked(build, () => undefined).failures, []);
        });
    }

    describeRuleCases(RULES);

    it("sets no limit Graph does not document: a denial after 30 days, choices sharing a value", () => {
        const { failures } = checked(allUsers, (p) => {
            stage(p).durationBeforeAutomaticDenial = "P30D";
            p.questions = [
                {
                    "@odata.type": "#microsoft.graph.accessPackageMultipleChoiceQuestion",
                    text: "Where?",
                    choices: [
                        { actualValue: "KE", text: "Kenya" },
                        { actualValue: "KE", text: "Kenia" },
                    ],
                },
            ];
        });
        assert.deepEqual(failures, []);
    });

    it("reports every failure of a policy at once", () => {
        const { failures } = checkPolicy(
            {},
            { displayName: 3, allowedTargetScope: "x", requestorSettings: {}, requestApprovalSettings: {} },
        );
        assert.deepEqual(failures.map((f) => f.property).sort(), ["accessPackageId", "allowedTargetScope", "description", "displayName"]);
    });
});
