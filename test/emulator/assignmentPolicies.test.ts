import assert from "node:assert/strict";
import { EM, minimalPolicy, useEmulator, workflowExtension } from "./support";

describe("emulator: assignmentPolicies", () => {
    const h = useEmulator();
    let accessPackageId: string;
    let catalogId: string;

    beforeEach(async () => {
        ({ accessPackageId, catalogId } = await h.freshTenant());
    });

    describe("create, read, replace, delete", () => {
        it("POST answers 201 with the full object, server-set id and timestamps, and a Location", async () => {
            const created = await h.call("POST", "assignmentPolicies", minimalPolicy(accessPackageId));
            assert.equal(created.status, 201);
            assert.match(created.body.id, /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
            assert.equal(created.headers.get("location"), `${h.emulator.url}${EM}/assignmentPolicies/${created.body.id}`);
            assert.equal(
                created.body["@odata.context"],
                `${h.emulator.url}/v1.0/$metadata#identityGovernance/entitlementManagement/assignmentPolicies/$entity`,
            );
            assert.equal(created.body.createdDateTime, created.body.modifiedDateTime);
            assert.deepEqual(created.body.expiration, { endDateTime: null, duration: null, type: "noExpiration" });
            assert.equal(created.body.reviewSettings, null);
            for (const navigation of ["accessPackage", "catalog", "questions", "customExtensionStageSettings"]) {
                assert.equal(navigation in created.body, false, `${navigation} is only present when expanded`);
            }
        });

        it("GET by id with $expand=accessPackage,catalog,questions returns the navigations", async () => {
            const created = await h.call("POST", "assignmentPolicies", minimalPolicy(accessPackageId));
            const got = await h.call("GET", `assignmentPolicies/${created.body.id}?$expand=accessPackage,catalog,questions`);
            assert.equal(got.status, 200);
            assert.equal(got.body.accessPackage.id, accessPackageId);
            assert.equal(got.body.catalog.id, catalogId);
            assert.deepEqual(got.body.questions, []);
            assert.equal(
                got.body["@odata.context"],
                `${h.emulator.url}/v1.0/$metadata#identityGovernance/entitlementManagement/assignmentPolicies(accessPackage(),catalog(),questions())/$entity`,
            );
        });

        it("PUT replaces the whole object: omitted properties return to defaults, id and createdDateTime stay, modifiedDateTime moves", async () => {
            const created = await h.call("POST", "assignmentPolicies", {
                ...minimalPolicy(accessPackageId),
                expiration: { type: "afterDuration", duration: "P30D" },
                requestorSettings: { enableTargetsToSelfAddAccess: true },
                questions: [{ "@odata.type": "#microsoft.graph.accessPackageTextInputQuestion", text: "why?" }],
            });
            const put = await h.call("PUT", `assignmentPolicies/${created.body.id}`, {
                ...minimalPolicy(accessPackageId),
                displayName: "renamed",
            });
            assert.equal(put.status, 200);
            assert.equal(put.body.id, created.body.id);
            assert.equal(put.body.displayName, "renamed");
            assert.equal(put.body.createdDateTime, created.body.createdDateTime);
            assert.ok(put.body.modifiedDateTime > created.body.modifiedDateTime);
            assert.equal(put.body.expiration.type, "noExpiration");
            assert.equal(put.body.requestorSettings.enableTargetsToSelfAddAccess, false);
            const got = await h.call("GET", `assignmentPolicies/${created.body.id}?$expand=questions`);
            assert.deepEqual(got.body.questions, []);
        });

        it("PUT keeps question ids the client sends back and generates ids for new ones", async () => {
            const question = { "@odata.type": "#microsoft.graph.accessPackageTextInputQuestion", text: "why?" };
            const created = await h.call("POST", "assignmentPolicies", { ...minimalPolicy(accessPackageId), questions: [question] });
            const [first] = (await h.call("GET", `assignmentPolicies/${created.body.id}?$expand=questions`)).body.questions;
            await h.call("PUT", `assignmentPolicies/${created.body.id}`, {
                ...minimalPolicy(accessPackageId),
                questions: [first, question],
            });
            const questions = (await h.call("GET", `assignmentPolicies/${created.body.id}?$expand=questions`)).body.questions;
            assert.equal(questions[0].id, first.id);
            assert.notEqual(questions[1].id, first.id);
        });

        it("PUT cannot move a policy to another access package", async () => {
            const other = await h.packageInNewCatalog("other");
            const created = await h.call("POST", "assignmentPolicies", minimalPolicy(accessPackageId));
            const put = await h.call("PUT", `assignmentPolicies/${created.body.id}`, minimalPolicy(other.accessPackageId));
            assert.equal(put.status, 400);
            assert.match(put.body.error.message, /accessPackage\.id/);
        });

        it("PATCH is rejected with 405 and Graph's error body", async () => {
            const created = await h.call("POST", "assignmentPolicies", minimalPolicy(accessPackageId));
            const patch = await h.call("PATCH", `assignmentPolicies/${created.body.id}`, { displayName: "x" });
            assert.equal(patch.status, 405);
            assert.equal(patch.body.error.code, "MethodNotAllowed");
            assert.equal(patch.headers.get("allow"), "GET, PUT, DELETE");
            assert.equal((await h.call("GET", `assignmentPolicies/${created.body.id}`)).body.displayName, "policy");
        });

        it("GET, PUT and DELETE of an unknown id answer 404 ResourceNotFound", async () => {
            const id = "00000000-0000-0000-0000-000000000001";
            for (const method of ["GET", "PUT", "DELETE"]) {
                const answer = await h.call(
                    method,
                    `assignmentPolicies/${id}`,
                    method === "PUT" ? minimalPolicy(accessPackageId) : undefined,
                );
                assert.equal(answer.status, 404, method);
                assert.equal(answer.body.error.code, "ResourceNotFound");
            }
        });

        it("DELETE answers 204, then the policy is gone", async () => {
            const created = await h.call("POST", "assignmentPolicies", minimalPolicy(accessPackageId));
            const deleted = await h.call("DELETE", `assignmentPolicies/${created.body.id}`);
            assert.equal(deleted.status, 204);
            assert.equal(deleted.body, undefined);
            assert.equal((await h.call("GET", `assignmentPolicies/${created.body.id}`)).status, 404);
        });

        it("DELETE is refused with 400 naming the active assignments until they are removed with adminRemove", async () => {
            const policy = (await h.call("POST", "assignmentPolicies", minimalPolicy(accessPackageId))).body;
            const request = await h.call("POST", "assignmentRequests", {
                requestType: "adminAdd",
                assignment: { targetId: "46184453-e63b-4f20-86c2-c557ed5d5df9", assignmentPolicyId: policy.id, accessPackageId },
            });
            assert.equal(request.status, 201);
            const assignments = await h.call("GET", `assignments?$filter=assignmentPolicy/id eq '${policy.id}'`);
            assert.equal(assignments.body.value.length, 1);
            const assignmentId = assignments.body.value[0].id;

            const refused = await h.call("DELETE", `assignmentPolicies/${policy.id}`);
            assert.equal(refused.status, 400);
            assert.equal(refused.body.error.code, "BadRequest");
            assert.ok(refused.body.error.message.includes(assignmentId));

            const removal = await h.call("POST", "assignmentRequests", { requestType: "adminRemove", assignment: { id: assignmentId } });
            assert.equal(removal.status, 201);
            assert.equal((await h.call("DELETE", `assignmentPolicies/${policy.id}`)).status, 204);
        });

        it("an assignment seeded through the admin API also blocks the delete", async () => {
            const policy = (await h.call("POST", "assignmentPolicies", minimalPolicy(accessPackageId))).body;
            const seeded = await h.emulator.admin.seedAssignment({
                targetId: "7deff43e-1f17-44ef-9e5f-d516b0ba11d4",
                assignmentPolicyId: policy.id,
            });
            const refused = await h.call("DELETE", `assignmentPolicies/${policy.id}`);
            assert.equal(refused.status, 400);
            assert.ok(refused.body.error.message.includes(seeded.id));
        });
    });

    describe("validation", () => {
        const cases: { name: string; body: (id: string) => Record<string, unknown>; property: RegExp }[] = [
            { name: "missing displayName", body: (id) => ({ ...minimalPolicy(id), displayName: undefined }), property: /'displayName'/ },
            { name: "missing description", body: (id) => ({ ...minimalPolicy(id), description: undefined }), property: /'description'/ },
            {
                name: "missing allowedTargetScope on create",
                body: (id) => ({ ...minimalPolicy(id), allowedTargetScope: undefined }),
                property: /'allowedTargetScope'/,
            },
            {
                name: "missing accessPackage",
                body: (id) => ({ ...minimalPolicy(id), accessPackage: undefined }),
                property: /accessPackage\.id/,
            },
            {
                name: "unknown access package",
                body: () => minimalPolicy("00000000-0000-0000-0000-0000000000aa"),
                property: /accessPackage\.id/,
            },
            {
                name: "unknownFutureValue",
                body: (id) => ({ ...minimalPolicy(id), allowedTargetScope: "unknownFutureValue" }),
                property: /allowedTargetScope/,
            },
            { name: "bad enum", body: (id) => ({ ...minimalPolicy(id), allowedTargetScope: "everyone" }), property: /allowedTargetScope/ },
            { name: "unknown property", body: (id) => ({ ...minimalPolicy(id), colour: "red" }), property: /'colour' does not exist/ },
            {
                name: "bad expiration type",
                body: (id) => ({ ...minimalPolicy(id), expiration: { type: "never" } }),
                property: /expiration\.type/,
            },
            {
                name: "afterDuration without duration",
                body: (id) => ({ ...minimalPolicy(id), expiration: { type: "afterDuration" } }),
                property: /expiration\.duration/,
            },
            {
                name: "duration in weeks",
                body: (id) => ({ ...minimalPolicy(id), expiration: { type: "afterDuration", duration: "P2W" } }),
                property: /expiration\.duration/,
            },
            {
                name: "date-time without offset",
                body: (id) => ({ ...minimalPolicy(id), expiration: { type: "afterDateTime", endDateTime: "2030-01-01T00:00:00" } }),
                property: /expiration\.endDateTime/,
            },
            {
                name: "subject set without @odata.type",
                body: (id) => ({
                    ...minimalPolicy(id),
                    requestorSettings: { onBehalfRequestors: [{ userId: "7deff43e-1f17-44ef-9e5f-d516b0ba11d4" }] },
                }),
                property: /requestorSettings\.onBehalfRequestors\[0\]/,
            },
            {
                name: "subject set of an unknown type",
                body: (id) => ({
                    ...minimalPolicy(id),
                    requestorSettings: { onBehalfRequestors: [{ "@odata.type": "#microsoft.graph.everyone" }] },
                }),
                property: /onBehalfRequestors\[0\]\.@odata\.type/,
            },
            {
                name: "subject set type named after an Object.prototype member",
                body: (id) => ({
                    ...minimalPolicy(id),
                    requestorSettings: { onBehalfRequestors: [{ "@odata.type": "#microsoft.graph.constructor" }] },
                }),
                property: /onBehalfRequestors\[0\]\.@odata\.type/,
            },
            {
                name: "requestorManager level out of range",
                body: (id) => ({
                    ...minimalPolicy(id),
                    requestApprovalSettings: {
                        isApprovalRequiredForAdd: true,
                        stages: [{ primaryApprovers: [{ "@odata.type": "#microsoft.graph.requestorManager", managerLevel: 3 }] }],
                    },
                }),
                property: /primaryApprovers\[0\]\.managerLevel/,
            },
            {
                name: "null escalationApprovers (reported 400)",
                body: (id) => ({
                    ...minimalPolicy(id),
                    requestApprovalSettings: {
                        isApprovalRequiredForAdd: true,
                        stages: [{ primaryApprovers: [{ "@odata.type": "#microsoft.graph.internalSponsors" }], escalationApprovers: null }],
                    },
                }),
                property: /'escalationApprovers'.*Nullable=False/,
            },
            {
                name: "approval required without stages",
                body: (id) => ({ ...minimalPolicy(id), requestApprovalSettings: { isApprovalRequiredForAdd: true, stages: [] } }),
                property: /requestApprovalSettings\.stages/,
            },
            {
                name: "specific scope without targets",
                body: (id) => ({ ...minimalPolicy(id), allowedTargetScope: "specificDirectoryUsers" }),
                property: /specificAllowedTargets/,
            },
            {
                name: "targets with an 'all' scope",
                body: (id) => ({
                    ...minimalPolicy(id),
                    specificAllowedTargets: [
                        { "@odata.type": "#microsoft.graph.groupMembers", groupId: "1623f912-5e86-41c2-af47-39dd67582b66" },
                    ],
                }),
                property: /specificAllowedTargets/,
            },
            {
                name: "attributeRuleMembers in a request-based policy",
                body: (id) => ({
                    ...minimalPolicy(id),
                    allowedTargetScope: "specificDirectoryUsers",
                    specificAllowedTargets: [
                        { "@odata.type": "#microsoft.graph.attributeRuleMembers", membershipRule: '(user.department -eq "Sales")' },
                    ],
                }),
                property: /specificAllowedTargets\[0\]/,
            },
            {
                name: "auto-assignment with a group target",
                body: (id) => ({
                    ...minimalPolicy(id),
                    allowedTargetScope: "specificDirectoryUsers",
                    specificAllowedTargets: [
                        { "@odata.type": "#microsoft.graph.groupMembers", groupId: "1623f912-5e86-41c2-af47-39dd67582b66" },
                    ],
                    automaticRequestSettings: { requestAccessForAllowedTargets: true },
                }),
                property: /specificAllowedTargets/,
            },
            {
                name: "question of an unknown type",
                body: (id) => ({
                    ...minimalPolicy(id),
                    questions: [{ "@odata.type": "#microsoft.graph.accessPackageQuestion", text: "?" }],
                }),
                property: /questions\[0\]/,
            },
            {
                name: "multiple choice without choices",
                body: (id) => ({
                    ...minimalPolicy(id),
                    questions: [{ "@odata.type": "#microsoft.graph.accessPackageMultipleChoiceQuestion", text: "?", choices: [] }],
                }),
                property: /questions\[0\]\.choices/,
            },
            {
                name: "bad stage name",
                body: (id) => ({
                    ...minimalPolicy(id),
                    customExtensionStageSettings: [
                        { stage: "assignmentRequestDenied", customExtension: { id: "bebe7873-1f0d-4db9-b6c3-01f7ebfe8476" } },
                    ],
                }),
                property: /customExtensionStageSettings\[0\]\.stage/,
            },
            {
                name: "unknown custom extension",
                body: (id) => ({
                    ...minimalPolicy(id),
                    customExtensionStageSettings: [
                        { stage: "assignmentRequestCreated", customExtension: { id: "bebe7873-1f0d-4db9-b6c3-01f7ebfe8476" } },
                    ],
                }),
                property: /customExtensionStageSettings\[0\]\.customExtension\.id/,
            },
        ];
        for (const { name, body, property } of cases) {
            it(`refuses ${name} with 400 naming the property`, async () => {
                const answer = await h.call("POST", "assignmentPolicies", body(accessPackageId));
                assert.equal(answer.status, 400, JSON.stringify(answer.body));
                assert.equal(answer.body.error.code, "BadRequest");
                assert.match(answer.body.error.message, property);
                assert.equal((await h.emulator.admin.policies()).length, 0);
            });
        }

        it("refuses a custom extension from another catalog, and one whose type does not fit the stage", async () => {
            const other = await h.packageInNewCatalog("other");
            const foreign = await h.call("POST", `catalogs/${other.catalogId}/customWorkflowExtensions`, workflowExtension("request"));
            const local = await h.call("POST", `catalogs/${catalogId}/customWorkflowExtensions`, workflowExtension("assignment"));
            const wrongCatalog = await h.call("POST", "assignmentPolicies", {
                ...minimalPolicy(accessPackageId),
                customExtensionStageSettings: [{ stage: "assignmentRequestCreated", customExtension: { id: foreign.body.id } }],
            });
            assert.equal(wrongCatalog.status, 400);
            assert.match(wrongCatalog.body.error.message, /belongs to catalog/);
            const wrongType = await h.call("POST", "assignmentPolicies", {
                ...minimalPolicy(accessPackageId),
                customExtensionStageSettings: [{ stage: "assignmentRequestCreated", customExtension: { id: local.body.id } }],
            });
            assert.equal(wrongType.status, 400);
            assert.match(wrongType.body.error.message, /runs a '#microsoft\.graph\.accessPackageAssignmentRequestWorkflowExtension'/);
        });

        it("normalises durations the way Graph's TimeSpan serialiser does", async () => {
            const created = await h.call("POST", "assignmentPolicies", {
                ...minimalPolicy(accessPackageId),
                expiration: { type: "afterDuration", duration: "PT48H" },
                requestApprovalSettings: {
                    isApprovalRequiredForAdd: true,
                    stages: [
                        {
                            durationBeforeAutomaticDenial: "PT90M",
                            primaryApprovers: [{ "@odata.type": "#microsoft.graph.internalSponsors" }],
                        },
                    ],
                },
            });
            assert.equal(created.status, 201);
            assert.equal(created.body.expiration.duration, "P2D");
            assert.equal(created.body.requestApprovalSettings.stages[0].durationBeforeAutomaticDenial, "PT1H30M");
        });

        it("normalises date-times to UTC", async () => {
            const created = await h.call("POST", "assignmentPolicies", {
                ...minimalPolicy(accessPackageId),
                expiration: { type: "afterDateTime", endDateTime: "2030-01-01T02:00:00+02:00" },
            });
            assert.equal(created.body.expiration.endDateTime, "2030-01-01T00:00:00Z");
        });

        it("refuses a body that is not JSON", async () => {
            const answer = await h.call("POST", "assignmentPolicies", "{not json");
            assert.equal(answer.status, 400);
            assert.match(answer.body.error.message, /Invalid request body/);
        });
    });

    describe("list with OData options", () => {
        beforeEach(async () => {
            const other = await h.packageInNewCatalog("other");
            for (const name of ["alpha", "beta", "gamma"]) await h.call("POST", "assignmentPolicies", minimalPolicy(accessPackageId, name));
            await h.call("POST", "assignmentPolicies", minimalPolicy(other.accessPackageId, "alpha"));
        });

        it("$filter by accessPackage/id, by displayName, and both combined with and", async () => {
            const byPackage = await h.call(
                "GET",
                `assignmentPolicies?$filter=accessPackage/id eq '${accessPackageId}'&$expand=accessPackage`,
            );
            assert.deepEqual(
                byPackage.body.value.map((p: { displayName: string }) => p.displayName),
                ["alpha", "beta", "gamma"],
            );
            assert.ok(byPackage.body.value.every((p: { accessPackage: { id: string } }) => p.accessPackage.id === accessPackageId));
            const byName = await h.call("GET", "assignmentPolicies?$filter=displayName eq 'alpha'");
            assert.equal(byName.body.value.length, 2);
            const both = await h.call(
                "GET",
                `assignmentPolicies?$filter=displayName eq 'alpha' and accessPackage/id eq '${accessPackageId}'`,
            );
            assert.equal(both.body.value.length, 1);
        });

        it("$select keeps only the selected properties", async () => {
            const selected = await h.call("GET", "assignmentPolicies?$select=id,displayName");
            assert.deepEqual(Object.keys(selected.body.value[0]).sort(), ["displayName", "id"]);
            assert.match(selected.body["@odata.context"], /assignmentPolicies\(id,displayName\)$/);
        });

        it("$top pages with @odata.nextLink until the last page", async () => {
            const names: string[] = [];
            let link: string | undefined = `${h.emulator.url}${EM}/assignmentPolicies?$top=3&$select=displayName`;
            let pages = 0;
            while (link) {
                const page = await h.call("GET", link);
                assert.equal(page.status, 200);
                names.push(...page.body.value.map((p: { displayName: string }) => p.displayName));
                link = page.body["@odata.nextLink"];
                pages++;
            }
            assert.equal(pages, 2);
            assert.deepEqual(names, ["alpha", "beta", "gamma", "alpha"]);
        });

        it("refuses unknown filter properties, expand names and $-options", async () => {
            for (const query of [
                "$filter=colour eq 'red'",
                "$expand=owner",
                "$select=colour",
                "$orderby=displayName",
                "$filter=displayName ne 'x'",
            ]) {
                const answer = await h.call("GET", `assignmentPolicies?${query}`);
                assert.equal(answer.status, 400, query);
                assert.equal(answer.body.error.code, "BadRequest");
            }
        });
    });
});
