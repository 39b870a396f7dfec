import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import * as path from "node:path";
import {
    DEFAULT_SETTINGS,
    evaluatePolicy,
    GOVERNANCE_RULES,
    governanceSettings,
    type EvaluationOptions,
} from "../../../provider/core/governance";
import { checkPolicy } from "../../../provider/core/model";
import type { PolicyInputs } from "../../../provider/core/types";
import {
    APPROVER_GROUP_ID,
    compliantAutoAssignmentPolicy,
    compliantExternalPolicy,
    directory,
    neverExpiringUnreviewed,
    REVIEWER_USER_ID,
} from "../../support/governancePolicies";

const NOW = new Date("2026-06-01T00:00:00Z");

/** For one rule: a body it refuses (at `property`) and a close body it accepts. */
interface RuleCase {
    violating: PolicyInputs;
    property: string;
    compliant: PolicyInputs;
    options?: EvaluationOptions;
}

function external(change: (policy: PolicyInputs) => void): PolicyInputs {
    const policy = compliantExternalPolicy();
    change(policy);
    return policy;
}

function automatic(membershipRule: string): PolicyInputs {
    return {
        ...compliantAutoAssignmentPolicy(),
        specificAllowedTargets: [{ "@odata.type": "#microsoft.graph.attributeRuleMembers", membershipRule }],
    };
}

const stage = (policy: PolicyInputs) => policy.requestApprovalSettings!.stages![0];

const CASES: Record<string, RuleCase> = {
    "allowed-target-scope": {
        violating: external((p) => ((p.allowedTargetScope = "allExternalUsers"), (p.specificAllowedTargets = []))),
        property: "allowedTargetScope",
        compliant: compliantExternalPolicy(),
    },
    "external-requires-approval": {
        violating: external((p) => (p.requestApprovalSettings = { isApprovalRequiredForAdd: false, stages: [] })),
        property: "requestApprovalSettings.isApprovalRequiredForAdd",
        compliant: external(
            (p) => (
                (p.allowedTargetScope = "allMemberUsers"),
                (p.specificAllowedTargets = []),
                (p.requestApprovalSettings = { isApprovalRequiredForAdd: false })
            ),
        ),
    },
    "external-expiration": {
        violating: external((p) => (p.expiration = { type: "afterDuration", duration: "P400D" })),
        property: "expiration.duration",
        compliant: external((p) => (p.expiration = { type: "afterDuration", duration: "P365D" })),
    },
    "external-access-reviews": {
        violating: external((p) => delete p.reviewSettings),
        property: "reviewSettings.isEnabled",
        compliant: compliantExternalPolicy(),
    },
    "external-review-removes-access": {
        violating: external((p) => (p.reviewSettings!.expirationBehavior = "keepAccess")),
        property: "reviewSettings.expirationBehavior",
        compliant: compliantExternalPolicy(),
    },
    "review-decision-deadline": {
        violating: external((p) => (p.reviewSettings!.schedule!.expiration = { type: "noExpiration" })),
        property: "reviewSettings.schedule.expiration",
        compliant: external((p) => (p.reviewSettings!.schedule!.expiration = { type: "afterDuration", duration: "PT336H" })),
    },
    "approval-stage-fallback": {
        violating: external((p) => (stage(p).fallbackPrimaryApprovers = [])),
        property: "requestApprovalSettings.stages[0].fallbackPrimaryApprovers",
        compliant: external(
            (p) => ((stage(p).primaryApprovers = stage(p).fallbackPrimaryApprovers), (stage(p).fallbackPrimaryApprovers = [])),
        ),
    },
    "review-fallback-reviewers": {
        violating: external((p) => (p.reviewSettings!.fallbackReviewers = [])),
        property: "reviewSettings.fallbackReviewers",
        compliant: external(
            (p) => ((p.reviewSettings!.primaryReviewers = p.reviewSettings!.fallbackReviewers), (p.reviewSettings!.fallbackReviewers = [])),
        ),
    },
    "approval-requires-justification": {
        violating: external((p) => (p.requestApprovalSettings!.isRequestorJustificationRequired = false)),
        property: "requestApprovalSettings.isRequestorJustificationRequired",
        compliant: compliantExternalPolicy(),
    },
    "on-behalf-requestors-limited": {
        violating: external((p) => {
            p.requestorSettings = {
                enableOnBehalfRequestorsToAddAccess: true,
                onBehalfRequestors: [{ "@odata.type": "#microsoft.graph.targetManager", managerLevel: 1 }],
            };
            p.requestApprovalSettings = { isApprovalRequiredForAdd: false };
        }),
        property: "requestorSettings.enableOnBehalfRequestorsToAddAccess",
        compliant: external((p) => {
            p.requestorSettings = {
                enableOnBehalfRequestorsToAddAccess: true,
                onBehalfRequestors: [{ "@odata.type": "#microsoft.graph.targetManager", managerLevel: 1 }],
            };
        }),
    },
    "never-expiring-members-only": {
        violating: external(
            (p) => (
                (p.allowedTargetScope = "allDirectoryUsers"),
                (p.specificAllowedTargets = []),
                (p.expiration = { type: "noExpiration" })
            ),
        ),
        property: "expiration.type",
        compliant: external(
            (p) => ((p.allowedTargetScope = "allMemberUsers"), (p.specificAllowedTargets = []), (p.expiration = { type: "noExpiration" })),
        ),
    },
    "auto-assignment-not-everyone": {
        violating: automatic('(user.department -eq "Sales") -or (user.objectId -ne null)'),
        property: "specificAllowedTargets[0].membershipRule",
        compliant: automatic('(user.department -eq "Sales") -and (user.objectId -ne null)'),
    },
    "custom-extension-stage-reachable": {
        violating: external(
            (p) => (
                (p.customExtensionStageSettings![0].stage = "assignmentFourteenDaysBeforeExpiration"),
                (p.expiration = { type: "afterDuration", duration: "P7D" })
            ),
        ),
        property: "customExtensionStageSettings[0].stage",
        compliant: external((p) => (p.customExtensionStageSettings![0].stage = "assignmentFourteenDaysBeforeExpiration")),
    },
    "directory-principals-exist": {
        violating: compliantExternalPolicy(),
        property: "reviewSettings.fallbackReviewers[0].userId",
        compliant: compliantExternalPolicy(),
        options: { directory: directory([REVIEWER_USER_ID]) },
    },
    "approver-groups-not-empty": {
        violating: compliantExternalPolicy(),
        property: "requestApprovalSettings.stages[0].fallbackPrimaryApprovers[0].groupId",
        compliant: compliantExternalPolicy(),
        options: { directory: directory([], [APPROVER_GROUP_ID]) },
    },
};

function ruleIdsAt(policy: PolicyInputs, options: EvaluationOptions = {}): string[] {
    return evaluatePolicy(policy, { now: NOW, directory: directory(), ...options }).map(
        (finding) => `${finding.ruleId} ${finding.property}`,
    );
}

describe("governance rules", () => {
    it("has at least ten rules with unique ids and every descriptive field filled in", () => {
        assert.ok(GOVERNANCE_RULES.length >= 10);
        assert.equal(new Set(GOVERNANCE_RULES.map((rule) => rule.id)).size, GOVERNANCE_RULES.length);
        for (const rule of GOVERNANCE_RULES) {
            assert.match(rule.id, /^[a-z][a-z0-9-]{1,60}$/, "ids are valid Pulumi policy names");
            for (const field of ["title", "rationale", "source", "property", "remediation"] as const) {
                assert.ok(rule[field].trim().length > 0, `${rule.id}.${field}`);
            }
            assert.ok(!rule.title.includes("\n"), `${rule.id}: one-line title`);
        }
    });

    it("loads without Pulumi: the core knows nothing of it, the front doors do", () => {
        const script =
            "require('./dist/provider/core/governance'); console.log(JSON.stringify(Object.keys(require.cache).filter((file) => file.includes('@pulumi'))))";
        const loaded = JSON.parse(
            execFileSync(process.execPath, ["-e", script], { cwd: path.join(__dirname, "../../.."), encoding: "utf8" }),
        );
        assert.deepEqual(loaded, []);
    });

    it("has a violating and a compliant case for every rule", () => {
        assert.deepEqual(Object.keys(CASES).sort(), GOVERNANCE_RULES.map((rule) => rule.id).sort());
    });

    it("uses only bodies the provider's own check accepts", () => {
        for (const [id, example] of Object.entries(CASES)) {
            for (const body of [example.violating, example.compliant]) {
                assert.deepEqual(checkPolicy({}, body).failures, [], id);
            }
        }
    });

    it("accepts both baseline policies under every rule", () => {
        assert.deepEqual(ruleIdsAt(compliantExternalPolicy()), []);
        assert.deepEqual(ruleIdsAt(compliantAutoAssignmentPolicy()), []);
    });

    for (const [id, example] of Object.entries(CASES)) {
        describe(id, () => {
            it(`refuses the violating body at ${example.property}`, () => {
                assert.ok(
                    ruleIdsAt(example.violating, example.options).includes(`${id} ${example.property}`),
                    ruleIdsAt(example.violating, example.options).join("\n"),
                );
            });
            it("accepts the compliant body", () => {
                const compliantOptions = example.options?.directory ? {} : example.options;
                assert.deepEqual(
                    ruleIdsAt(example.compliant, compliantOptions).filter((finding) => finding.startsWith(`${id} `)),
                    [],
                );
            });
        });
    }
});

describe("governance evaluation", () => {
    it("finds the issue's example, an external policy that never expires and is never reviewed, under three rules", () => {
        assert.deepEqual(ruleIdsAt(neverExpiringUnreviewed()), [
            "external-expiration expiration.type",
            "external-access-reviews reviewSettings.isEnabled",
            "never-expiring-members-only expiration.type",
        ]);
    });

    it("measures a fixed end date from now, with the threshold from settings", () => {
        const policy = external((p) => (p.expiration = { type: "afterDateTime", endDateTime: "2026-09-01T00:00:00Z" }));
        assert.deepEqual(ruleIdsAt(policy), []);
        assert.deepEqual(ruleIdsAt(policy, { settings: governanceSettings({ maxExternalAssignmentDays: 30 }) }), [
            "external-expiration expiration.endDateTime",
        ]);
    });

    it("skips directory rules without a directory, and honours severity overrides and off", () => {
        const options: EvaluationOptions = { now: NOW, directory: undefined };
        assert.deepEqual(evaluatePolicy(compliantExternalPolicy(), options), []);
        const policy = external((p) => (p.requestApprovalSettings!.isRequestorJustificationRequired = false));
        assert.equal(evaluatePolicy(policy, { ...options, severities: { "approval-requires-justification": "high" } })[0].severity, "high");
        assert.deepEqual(evaluatePolicy(policy, { ...options, severities: { "approval-requires-justification": "off" } }), []);
    });

    it("refuses unknown settings and values out of range, naming the key", () => {
        assert.throws(() => governanceSettings({ maxExternalDays: 3 }), /unknown setting "maxExternalDays"/);
        assert.throws(() => governanceSettings({ maxExternalAssignmentDays: 0 }), /maxExternalAssignmentDays must be an integer/);
        assert.throws(() => governanceSettings({ allowedTargetScopes: ["everyone"] }), /allowedTargetScopes .*"everyone"/);
        assert.deepEqual(governanceSettings({}), DEFAULT_SETTINGS);
    });

    for (const [rule, everyone] of [
        ["user.objectId -ne null", true],
        ['(user.mail -match ".*")', true],
        ['(user.department -eq "Sales") -or (user.userPrincipalName -ne "")', true],
        ['user.department -eq "Sales" -and user.objectId -ne null', false],
        ['(user.accountEnabled -eq true) -and (user.userType -eq "Member")', false],
        ['user.displayName -eq "(a -or b)"', false],
    ] as const) {
        it(`reads ${JSON.stringify(rule)} as ${everyone ? "matching" : "not matching"} every user`, () => {
            assert.equal(ruleIdsAt(automatic(rule)).length, everyone ? 1 : 0);
        });
    }
});
