import assert from "node:assert/strict";
import { minimalPolicy, useEmulator } from "./support";

const USER_ID = "e6bf4d7d-6824-4dd0-809d-5bf42d4817c2";
const singleUser = { "@odata.type": "#microsoft.graph.singleUser", userId: USER_ID };

/** A request-based policy whose one approval stage is `stage` (with a primary approver added). */
function withStage(accessPackageId: string, stage: Record<string, unknown>): Record<string, unknown> {
    return {
        ...minimalPolicy(accessPackageId),
        requestApprovalSettings: {
            isApprovalRequiredForAdd: true,
            stages: [{ durationBeforeAutomaticDenial: "P2D", primaryApprovers: [singleUser], ...stage }],
        },
    };
}

describe("emulator: Graph v1.0 as it is today", () => {
    const h = useEmulator();
    let accessPackageId: string;

    beforeEach(async () => {
        ({ accessPackageId } = await h.freshTenant());
    });

    describe("the 2026 members", () => {
        it("approverInformationVisibility is stored as sent, reads default when omitted, and is refused outside its enum", async () => {
            const visible = await h.call(
                "POST",
                "assignmentPolicies",
                withStage(accessPackageId, { approverInformationVisibility: "notVisible" }),
            );
            assert.equal(visible.status, 201, JSON.stringify(visible.body));
            assert.equal(visible.body.requestApprovalSettings.stages[0].approverInformationVisibility, "notVisible");
            const omitted = await h.call("POST", "assignmentPolicies", { ...withStage(accessPackageId, {}), displayName: "omitted" });
            assert.equal(omitted.body.requestApprovalSettings.stages[0].approverInformationVisibility, "default");
            const wrong = await h.call("POST", "assignmentPolicies", {
                ...withStage(accessPackageId, { approverInformationVisibility: "hidden" }),
                displayName: "wrong",
            });
            assert.equal(wrong.status, 400);
            assert.match(wrong.body.error.message, /approverInformationVisibility.*'hidden' is not one of: default, notVisible, visible/);
        });

        it("a dynamic approval stage keeps its derived type; a stage of another type is refused", async () => {
            const dynamic = await h.call(
                "POST",
                "assignmentPolicies",
                withStage(accessPackageId, { "@odata.type": "#microsoft.graph.accessPackageDynamicApprovalStage" }),
            );
            assert.equal(dynamic.status, 201, JSON.stringify(dynamic.body));
            const got = await h.call("GET", `assignmentPolicies/${dynamic.body.id}`);
            assert.equal(got.body.requestApprovalSettings.stages[0]["@odata.type"], "#microsoft.graph.accessPackageDynamicApprovalStage");
            const plain = await h.call("POST", "assignmentPolicies", { ...withStage(accessPackageId, {}), displayName: "plain" });
            assert.equal("@odata.type" in plain.body.requestApprovalSettings.stages[0], false);
            const other = await h.call("POST", "assignmentPolicies", {
                ...withStage(accessPackageId, { "@odata.type": "#microsoft.graph.approvalStage" }),
                displayName: "other",
            });
            assert.equal(other.status, 400);
            assert.match(other.body.error.message, /'microsoft.graph.approvalStage' is not an accessPackageApprovalStage type/);
        });

        it("allDirectoryAgentIdentities is a scope without targets, and agent identity sponsors request on behalf", async () => {
            const created = await h.call("POST", "assignmentPolicies", {
                ...minimalPolicy(accessPackageId),
                allowedTargetScope: "allDirectoryAgentIdentities",
                requestorSettings: {
                    enableOnBehalfRequestorsToAddAccess: true,
                    onBehalfRequestors: [{ "@odata.type": "#microsoft.graph.targetAgentIdentitySponsorsOrOwners" }],
                },
            });
            assert.equal(created.status, 201, JSON.stringify(created.body));
            assert.equal(created.body.allowedTargetScope, "allDirectoryAgentIdentities");
            assert.deepEqual(created.body.requestorSettings.onBehalfRequestors, [
                { "@odata.type": "#microsoft.graph.targetAgentIdentitySponsorsOrOwners" },
            ]);
        });
    });

    describe("settled disagreements", () => {
        it("a PUT lacking a property Graph's update page marks Required is refused, not filled in", async () => {
            const created = await h.call("POST", "assignmentPolicies", minimalPolicy(accessPackageId));
            for (const property of ["requestorSettings", "requestApprovalSettings", "allowedTargetScope"]) {
                const { [property]: _left, ...body } = minimalPolicy(accessPackageId);
                const put = await h.call("PUT", `assignmentPolicies/${created.body.id}`, body);
                assert.equal(put.status, 400, property);
                assert.match(put.body.error.message, new RegExp(`'${property}' is required`));
            }
        });

        it("beta-only names are refused on v1.0", async () => {
            const created = await h.call("POST", "assignmentPolicies", minimalPolicy(accessPackageId));
            const beta = [
                { ...minimalPolicy(accessPackageId), accessReviewSettings: null },
                { ...minimalPolicy(accessPackageId), requestorSettings: { scopeType: "AllExistingDirectorySubjects" } },
            ];
            for (const body of beta) {
                const put = await h.call("PUT", `assignmentPolicies/${created.body.id}`, body);
                assert.equal(put.status, 400);
                assert.match(put.body.error.message, /'(accessReviewSettings|scopeType)' does not exist on type/);
            }
        });

        it("specificDirectoryServicePrincipals takes singleServicePrincipal targets only", async () => {
            const policy = (target: Record<string, unknown>) => ({
                ...minimalPolicy(accessPackageId),
                allowedTargetScope: "specificDirectoryServicePrincipals",
                specificAllowedTargets: [target],
            });
            const ok = await h.call(
                "POST",
                "assignmentPolicies",
                policy({ "@odata.type": "#microsoft.graph.singleServicePrincipal", servicePrincipalId: USER_ID }),
            );
            assert.equal(ok.status, 201, JSON.stringify(ok.body));
            const group = await h.call("POST", "assignmentPolicies", {
                ...policy({ "@odata.type": "#microsoft.graph.groupMembers", groupId: USER_ID }),
                displayName: "group",
            });
            assert.equal(group.status, 400);
            assert.match(
                group.body.error.message,
                /'groupMembers' is not allowed when allowedTargetScope is 'specificDirectoryServicePrincipals'/,
            );
        });

        it("regexPattern is judged as .NET: inline options pass, an unterminated class is refused in .NET's words", async () => {
            const question = (regexPattern: string) => ({
                "@odata.type": "#microsoft.graph.accessPackageTextInputQuestion",
                text: "Code?",
                regexPattern,
            });
            const dotNet = await h.call("POST", "assignmentPolicies", {
                ...minimalPolicy(accessPackageId),
                questions: [question("(?i)^[a-z]+$")],
            });
            assert.equal(dotNet.status, 201, JSON.stringify(dotNet.body));
            const broken = await h.call("POST", "assignmentPolicies", {
                ...minimalPolicy(accessPackageId, "broken"),
                questions: [question("[a-z")],
            });
            assert.equal(broken.status, 400);
            assert.match(broken.body.error.message, /regexPattern.*is not a valid \.NET regular expression: Unterminated \[\] set/);
        });

        it("invents no default or limit: an omitted denial stays unset, a recurrence may repeat every 100 units", async () => {
            const created = await h.call(
                "POST",
                "assignmentPolicies",
                withStage(accessPackageId, { durationBeforeAutomaticDenial: undefined }),
            );
            assert.equal(created.status, 201, JSON.stringify(created.body));
            assert.equal(created.body.requestApprovalSettings.stages[0].durationBeforeAutomaticDenial, null);
            const reviews = await h.call("POST", "assignmentPolicies", {
                ...minimalPolicy(accessPackageId, "reviews"),
                reviewSettings: {
                    isEnabled: true,
                    isSelfReview: true,
                    schedule: {
                        startDateTime: "2026-07-01T00:00:00Z",
                        recurrence: { pattern: { type: "daily", interval: 100 }, range: { type: "noEnd" } },
                    },
                },
            });
            assert.equal(reviews.status, 201, JSON.stringify(reviews.body));
            assert.equal(reviews.body.reviewSettings.schedule.recurrence.pattern.interval, 100);
        });

        it("escalation needs escalationApprovers: fallback escalation approvers alone are not enough", async () => {
            const stage = { isEscalationEnabled: true, durationBeforeEscalation: "P1D", fallbackEscalationApprovers: [singleUser] };
            const refused = await h.call("POST", "assignmentPolicies", withStage(accessPackageId, stage));
            assert.equal(refused.status, 400);
            assert.match(refused.body.error.message, /escalationApprovers.*no escalation approver/);
        });
    });

    describe("a newer Graph's properties (admin API)", () => {
        it("are rendered by GET, kept by a PUT that carries them and reset by one that does not", async () => {
            const created = await h.call("POST", "assignmentPolicies", minimalPolicy(accessPackageId));
            await h.emulator.admin.storeNewerPolicyProperties(created.body.id, { riskLevel: "high" });
            const got = await h.call("GET", `assignmentPolicies/${created.body.id}`);
            assert.equal(got.body.riskLevel, "high");
            const carried = await h.call("PUT", `assignmentPolicies/${created.body.id}`, {
                ...minimalPolicy(accessPackageId),
                riskLevel: "high",
            });
            assert.equal(carried.status, 200, JSON.stringify(carried.body));
            assert.equal(carried.body.riskLevel, "high");
            const dropped = await h.call("PUT", `assignmentPolicies/${created.body.id}`, minimalPolicy(accessPackageId));
            assert.equal("riskLevel" in dropped.body, false);
        });

        it("are unknown to the tenant again after a reset", async () => {
            const created = await h.call("POST", "assignmentPolicies", minimalPolicy(accessPackageId));
            await h.emulator.admin.storeNewerPolicyProperties(created.body.id, { riskLevel: "high" });
            ({ accessPackageId } = await h.freshTenant());
            const refused = await h.call("POST", "assignmentPolicies", { ...minimalPolicy(accessPackageId), riskLevel: "high" });
            assert.equal(refused.status, 400);
        });
    });
});
