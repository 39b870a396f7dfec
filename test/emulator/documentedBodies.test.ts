import assert from "node:assert/strict";
import {
    CREATE_AUTO_ASSIGNMENT,
    CREATE_DIRECT_ASSIGNMENT,
    CREATE_EXTERNAL_TWO_STAGES,
    CREATE_WITH_QUESTIONS,
    SEED_000_ALL_USERS,
    SEED_004_REMOVE_STAGES,
    SEED_004_SET_STAGE,
} from "./documentedBodies";
import { EM, useEmulator, workflowExtension } from "./support";

describe("emulator: documented request bodies", () => {
    const h = useEmulator();

    beforeEach(() => h.emulator.admin.reset());

    /** Seeds a catalog and an access package with the documented id. */
    async function seedPackage(accessPackageId: string): Promise<string> {
        const catalog = await h.emulator.admin.seed("catalogs", { displayName: "docs" });
        await h.emulator.admin.seed("accessPackages", { id: accessPackageId, displayName: "docs package", catalog: { id: catalog.id } });
        return catalog.id;
    }

    it("seed 000: PUT 'All Users' is accepted and read back with every documented property", async () => {
        await seedPackage(SEED_000_ALL_USERS.accessPackageId);
        await h.emulator.admin.seed("assignmentPolicies", {
            id: SEED_000_ALL_USERS.policyId,
            displayName: "before",
            description: "before",
            allowedTargetScope: "allMemberUsers",
            accessPackage: { id: SEED_000_ALL_USERS.accessPackageId },
        });
        const put = await h.call("PUT", `assignmentPolicies/${SEED_000_ALL_USERS.policyId}`, SEED_000_ALL_USERS.body);
        assert.equal(put.status, 200);
        const got = await h.call("GET", `assignmentPolicies/${SEED_000_ALL_USERS.policyId}?$expand=accessPackage`);
        assert.equal(got.status, 200);
        const policy = got.body;
        assert.equal(policy.id, SEED_000_ALL_USERS.policyId);
        assert.equal(policy.displayName, "All Users");
        assert.equal(policy.allowedTargetScope, "allDirectoryUsers");
        assert.equal(policy.automaticRequestSettings, null);
        assert.deepEqual(policy.specificAllowedTargets, []);
        assert.equal(policy.expiration.type, "noExpiration");
        assert.deepEqual(policy.requestorSettings, SEED_000_ALL_USERS.body.requestorSettings);
        const stage = policy.requestApprovalSettings.stages[0];
        assert.equal(stage.durationBeforeAutomaticDenial, "P2D");
        assert.equal(stage.durationBeforeEscalation, "PT0S");
        assert.deepEqual(stage.primaryApprovers, [{ "@odata.type": "#microsoft.graph.requestorManager", managerLevel: 1 }]);
        assert.deepEqual(stage.fallbackPrimaryApprovers, [
            { "@odata.type": "#microsoft.graph.singleUser", userId: "e6bf4d7d-6824-4dd0-809d-5bf42d4817c2", description: "user" },
        ]);
        assert.deepEqual(stage.escalationApprovers, []);
        assert.deepEqual(stage.fallbackEscalationApprovers, []);
        assert.equal(policy.accessPackage.id, SEED_000_ALL_USERS.accessPackageId);
    });

    it("seed 004 example 2 as v1.0 has it: PUT with customExtensionStageSettings [] removes every stage; the beta names it was written with are refused", async () => {
        const catalogId = await seedPackage(SEED_004_REMOVE_STAGES.accessPackageId);
        const extension = await h.emulator.admin.seed("customWorkflowExtensions", { catalogId, ...workflowExtension("request") });
        await h.emulator.admin.seed("assignmentPolicies", {
            id: SEED_004_REMOVE_STAGES.policyId,
            displayName: "with stage",
            description: "d",
            allowedTargetScope: "allMemberUsers",
            accessPackage: { id: SEED_004_REMOVE_STAGES.accessPackageId },
            customExtensionStageSettings: [{ stage: "assignmentRequestGranted", customExtension: { id: extension.id } }],
        });
        const betaShaped = await h.call("PUT", `assignmentPolicies/${SEED_004_REMOVE_STAGES.policyId}`, SEED_004_REMOVE_STAGES.body);
        assert.equal(betaShaped.status, 400);
        assert.match(
            betaShaped.body.error.message,
            /'accessPackageId' does not exist on type 'microsoft.graph.accessPackageAssignmentPolicy'/,
        );
        const {
            accessPackageId,
            accessReviewSettings: _beta,
            requestorSettings: _betaRequestors,
            ...v1
        } = SEED_004_REMOVE_STAGES.body as Record<string, unknown>;
        const v1Body = {
            ...v1,
            accessPackage: { id: accessPackageId },
            allowedTargetScope: "allMemberUsers",
            requestorSettings: { enableTargetsToSelfAddAccess: true },
            requestApprovalSettings: {},
        };
        const put = await h.call("PUT", `assignmentPolicies/${SEED_004_REMOVE_STAGES.policyId}`, v1Body);
        assert.equal(put.status, 200, JSON.stringify(put.body));
        const got = await h.call(
            "GET",
            `assignmentPolicies/${SEED_004_REMOVE_STAGES.policyId}?$expand=customExtensionStageSettings($expand=customExtension)`,
        );
        assert.deepEqual(got.body.customExtensionStageSettings, []);
        assert.deepEqual(got.body.expiration, { endDateTime: null, duration: "P365D", type: "afterDuration" });
    });

    it("seed 004 example 3: PUT sets a request workflow extension at assignmentRequestCreated", async () => {
        const catalogId = await seedPackage(SEED_004_SET_STAGE.accessPackageId);
        await h.emulator.admin.seed("customWorkflowExtensions", {
            catalogId,
            id: SEED_004_SET_STAGE.customExtensionId,
            ...workflowExtension("request"),
        });
        const created = await h.call("POST", "assignmentPolicies", { ...SEED_004_SET_STAGE.body, customExtensionStageSettings: [] });
        assert.equal(created.status, 201);
        const put = await h.call("PUT", `assignmentPolicies/${created.body.id}`, SEED_004_SET_STAGE.body);
        assert.equal(put.status, 200, JSON.stringify(put.body));
        const got = await h.call(
            "GET",
            `assignmentPolicies/${created.body.id}?$expand=customExtensionStageSettings($expand=customExtension)`,
        );
        const [setting] = got.body.customExtensionStageSettings;
        assert.equal(setting.stage, "assignmentRequestCreated");
        assert.match(setting.id, /^[0-9a-f-]{36}$/);
        assert.equal(setting.customExtension.id, SEED_004_SET_STAGE.customExtensionId);
        assert.equal(setting.customExtension["@odata.type"], "#microsoft.graph.accessPackageAssignmentRequestWorkflowExtension");
    });

    it("create example 1: direct assignment policy", async () => {
        await seedPackage(CREATE_DIRECT_ASSIGNMENT.accessPackageId);
        const created = await h.call("POST", "assignmentPolicies", CREATE_DIRECT_ASSIGNMENT.body);
        assert.equal(created.status, 201);
        assert.equal(created.body.displayName, "New Policy");
        assert.equal(created.body.allowedTargetScope, "notSpecified");
        assert.deepEqual(created.body.requestApprovalSettings.stages, []);
        assert.equal(created.body.requestorSettings.allowCustomAssignmentSchedule, true);
    });

    it("create example 2: external users with two approval stages and access reviews", async () => {
        await seedPackage(CREATE_EXTERNAL_TWO_STAGES.accessPackageId);
        const created = await h.call("POST", "assignmentPolicies", CREATE_EXTERNAL_TWO_STAGES.body);
        assert.equal(created.status, 201, JSON.stringify(created.body));
        const { requestApprovalSettings, reviewSettings } = created.body;
        assert.equal(requestApprovalSettings.stages.length, 2);
        assert.deepEqual(requestApprovalSettings.stages[1].primaryApprovers, []);
        assert.equal(reviewSettings.expirationBehavior, "keepAccess");
        assert.equal(reviewSettings.schedule.startDateTime, "2022-07-02T06:59:59.998Z");
        assert.deepEqual(reviewSettings.schedule.expiration, { endDateTime: null, duration: "P14D", type: "afterDuration" });
        assert.equal(reviewSettings.schedule.recurrence.pattern.type, "absoluteMonthly");
        assert.equal(reviewSettings.schedule.recurrence.pattern.interval, 3);
        assert.equal(reviewSettings.schedule.recurrence.range.type, "noEnd");
    });

    it("create example 3: auto-assignment with attributeRuleMembers on user.department", async () => {
        await seedPackage(CREATE_AUTO_ASSIGNMENT.accessPackageId);
        const created = await h.call("POST", "assignmentPolicies", CREATE_AUTO_ASSIGNMENT.body);
        assert.equal(created.status, 201, JSON.stringify(created.body));
        assert.equal(created.body.automaticRequestSettings.requestAccessForAllowedTargets, true);
        assert.equal(created.body.specificAllowedTargets[0].membershipRule, '(user.department -eq "Sales")');
        const second = await h.call("POST", "assignmentPolicies", { ...CREATE_AUTO_ASSIGNMENT.body, displayName: "second auto" });
        assert.equal(second.status, 400, "a package holds at most one auto-assignment policy");
        assert.match(second.body.error.message, /already has an auto-assignment policy/);
    });

    it("create example 4: text and multiple-choice questions with localizations", async () => {
        await seedPackage(CREATE_WITH_QUESTIONS.accessPackageId);
        const created = await h.call("POST", "assignmentPolicies", CREATE_WITH_QUESTIONS.body);
        assert.equal(created.status, 201, JSON.stringify(created.body));
        assert.equal(created.body.questions, undefined, "questions is a navigation property, only present when expanded");
        assert.equal(created.body.description, "");
        assert.equal(created.body.requestorSettings.enableTargetsToSelfAddAccess, true);
        const got = await h.call("GET", `assignmentPolicies/${created.body.id}?$expand=questions`);
        const [choice, text] = got.body.questions;
        assert.equal(choice["@odata.type"], "#microsoft.graph.accessPackageMultipleChoiceQuestion");
        assert.equal(choice.sequence, 1);
        assert.equal(choice.isRequired, true);
        assert.equal(choice.choices.length, 5);
        assert.deepEqual(choice.choices[0], { actualValue: "KE", text: "Kenya", localizations: [] });
        assert.equal(text["@odata.type"], "#microsoft.graph.accessPackageTextInputQuestion");
        assert.deepEqual(text.localizations, [{ languageCode: "fr-CA", text: "Que fais-tu comme travail?" }]);
        assert.equal(text.regexPattern, "[a-zA-Z]+[a-zA-Z\\s]*");
        assert.notEqual(choice.id, text.id);
        assert.match(choice.id, /^[0-9a-f-]{36}$/);
    });

    it("create with custom extension stages of both extension types", async () => {
        const catalogId = await seedPackage("0f2a4e6c-1b3d-4f5a-9c8e-7d6b5a4c3e2f");
        const request = await h.emulator.admin.seed("customWorkflowExtensions", { catalogId, ...workflowExtension("request") });
        const assignment = await h.emulator.admin.seed("customWorkflowExtensions", { catalogId, ...workflowExtension("assignment") });
        const created = await h.call("POST", "assignmentPolicies", {
            displayName: "with extensions",
            description: "runs logic apps",
            allowedTargetScope: "allMemberUsers",
            accessPackage: { id: "0f2a4e6c-1b3d-4f5a-9c8e-7d6b5a4c3e2f" },
            customExtensionStageSettings: [
                { stage: "assignmentRequestGranted", customExtension: { id: request.id } },
                { stage: "assignmentFourteenDaysBeforeExpiration", customExtension: { id: assignment.id } },
            ],
        });
        assert.equal(created.status, 201, JSON.stringify(created.body));
        const got = await h.call("GET", `${EM}/assignmentPolicies/${created.body.id}?$expand=customExtensionStageSettings`);
        assert.deepEqual(
            got.body.customExtensionStageSettings.map((s: { stage: string }) => s.stage),
            ["assignmentRequestGranted", "assignmentFourteenDaysBeforeExpiration"],
        );
        assert.equal(got.body.customExtensionStageSettings[0].customExtension, undefined, "customExtension needs a nested $expand");
    });
});
