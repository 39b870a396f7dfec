import assert from "node:assert/strict";
import { EM, minimalPolicy, useEmulator, workflowExtension } from "./support";

describe("emulator: catalogs, access packages, custom extensions, assignments", () => {
    const h = useEmulator();

    beforeEach(() => h.emulator.admin.reset());

    it("catalogs: POST with defaults, GET list and by id, DELETE refused while it holds packages", async () => {
        const created = await h.call("POST", "catalogs", { displayName: "Marketing", description: "m" });
        assert.equal(created.status, 201);
        assert.equal(created.body.catalogType, "userManaged");
        assert.equal(created.body.state, "published");
        assert.equal(created.body.isExternallyVisible, false);
        assert.equal((await h.call("GET", "catalogs")).body.value.length, 1);
        assert.equal((await h.call("GET", `catalogs/${created.body.id}`)).body.displayName, "Marketing");
        const accessPackage = await h.call("POST", "accessPackages", { displayName: "p", catalog: { id: created.body.id } });
        assert.equal((await h.call("DELETE", `catalogs/${created.body.id}`)).status, 400);
        assert.equal((await h.call("DELETE", `accessPackages/${accessPackage.body.id}`)).status, 204);
        assert.equal((await h.call("DELETE", `catalogs/${created.body.id}`)).status, 204);
        assert.equal((await h.call("GET", `catalogs/${created.body.id}`)).status, 404);
    });

    it("custom workflow extensions: both types, both callback spellings, list, get, delete refused while in use", async () => {
        const { catalogId, accessPackageId } = await h.packageInNewCatalog();
        const request = await h.call("POST", `catalogs/${catalogId}/customWorkflowExtensions`, workflowExtension("request"));
        assert.equal(request.status, 201, JSON.stringify(request.body));
        assert.equal(request.body["@odata.type"], "#microsoft.graph.accessPackageAssignmentRequestWorkflowExtension");
        assert.deepEqual(request.body.callbackConfiguration, {
            "@odata.type": "#microsoft.graph.customExtensionCallbackConfiguration",
            timeoutDuration: "PT1H",
        });
        const assignment = await h.call("POST", `catalogs/${catalogId}/customWorkflowExtensions`, {
            ...workflowExtension("assignment"),
            authenticationConfiguration: {
                "@odata.type": "#microsoft.graph.azureAdTokenAuthentication",
                resourceId: "e6bf4d7d-6824-4dd0-809d-5bf42d4817c2",
            },
            callbackConfiguration: { timeoutDuration: "P1D" },
        });
        assert.equal(assignment.status, 201, JSON.stringify(assignment.body));
        assert.equal(assignment.body.callbackConfiguration.timeoutDuration, "P1D");
        assert.equal((await h.call("GET", `catalogs/${catalogId}/customWorkflowExtensions`)).body.value.length, 2);
        assert.equal((await h.call("GET", `catalogs/${catalogId}/customWorkflowExtensions/${request.body.id}`)).body.displayName, "ext");

        const badType = await h.call("POST", `catalogs/${catalogId}/customWorkflowExtensions`, {
            ...workflowExtension("request"),
            "@odata.type": "#microsoft.graph.customCalloutExtension",
        });
        assert.equal(badType.status, 400);
        const badTimeout = await h.call("POST", `catalogs/${catalogId}/customWorkflowExtensions`, {
            ...workflowExtension("request"),
            callbackConfiguration: { timeoutDuration: "P30D" },
        });
        assert.equal(badTimeout.status, 400);

        const policy = await h.call("POST", "assignmentPolicies", {
            ...minimalPolicy(accessPackageId),
            customExtensionStageSettings: [{ stage: "assignmentRequestApproved", customExtension: { id: request.body.id } }],
        });
        assert.equal(policy.status, 201);
        assert.equal((await h.call("DELETE", `catalogs/${catalogId}/customWorkflowExtensions/${request.body.id}`)).status, 400);
        assert.equal((await h.call("DELETE", `catalogs/${catalogId}/customWorkflowExtensions/${assignment.body.id}`)).status, 204);
    });

    it("access packages: POST needs an existing catalog; $expand=assignmentPolicies; DELETE refused while it has policies", async () => {
        const missingCatalog = await h.call("POST", "accessPackages", {
            displayName: "p",
            catalog: { id: "00000000-0000-0000-0000-000000000002" },
        });
        assert.equal(missingCatalog.status, 400);
        assert.match(missingCatalog.body.error.message, /catalog\.id/);
        const { accessPackageId } = await h.packageInNewCatalog();
        const policy = await h.call("POST", "assignmentPolicies", minimalPolicy(accessPackageId));
        const expanded = await h.call("GET", `accessPackages/${accessPackageId}?$expand=assignmentPolicies`);
        assert.deepEqual(
            expanded.body.assignmentPolicies.map((p: { id: string }) => p.id),
            [policy.body.id],
        );
        const refused = await h.call("DELETE", `accessPackages/${accessPackageId}`);
        assert.equal(refused.status, 400);
        assert.ok(refused.body.error.message.includes(policy.body.id));
        await h.call("DELETE", `assignmentPolicies/${policy.body.id}`);
        assert.equal((await h.call("DELETE", `accessPackages/${accessPackageId}`)).status, 204);
    });

    it("assignments: adminAdd creates a delivered assignment, filterable by policy and package; adminRemove expires it", async () => {
        const { accessPackageId } = await h.packageInNewCatalog();
        const policy = (await h.call("POST", "assignmentPolicies", minimalPolicy(accessPackageId))).body;
        const add = await h.call("POST", "assignmentRequests", {
            requestType: "adminAdd",
            assignment: { targetId: "46184453-e63b-4f20-86c2-c557ed5d5df9", assignmentPolicyId: policy.id, accessPackageId },
        });
        assert.equal(add.status, 201);
        assert.equal(add.body.requestType, "adminAdd");
        const byPackage = await h.call("GET", `assignments?$filter=accessPackage/id eq '${accessPackageId}'&$expand=assignmentPolicy`);
        assert.equal(byPackage.body.value.length, 1);
        assert.equal(byPackage.body.value[0].state, "delivered");
        assert.equal(byPackage.body.value[0].assignmentPolicy.id, policy.id);
        const other = await h.call("GET", "assignments?$filter=assignmentPolicy/id eq '00000000-0000-0000-0000-000000000003'");
        assert.deepEqual(other.body.value, []);

        const remove = await h.call("POST", "assignmentRequests", {
            requestType: "adminRemove",
            assignment: { id: byPackage.body.value[0].id },
        });
        assert.equal(remove.status, 201);
        assert.equal((await h.call("GET", `assignments/${byPackage.body.value[0].id}`)).body.state, "expired");
        const again = await h.call("POST", "assignmentRequests", {
            requestType: "adminRemove",
            assignment: { id: byPackage.body.value[0].id },
        });
        assert.equal(again.status, 400);
    });

    it("assignment requests: GET lists them and gets one by id, with $filter and $expand", async () => {
        const { accessPackageId } = await h.packageInNewCatalog();
        const policy = (await h.call("POST", "assignmentPolicies", minimalPolicy(accessPackageId))).body;
        const add = (
            await h.call("POST", "assignmentRequests", {
                requestType: "adminAdd",
                assignment: { targetId: "46184453-e63b-4f20-86c2-c557ed5d5df9", assignmentPolicyId: policy.id, accessPackageId },
            })
        ).body;
        const assignmentId = (await h.call("GET", "assignments")).body.value[0].id;
        const remove = (await h.call("POST", "assignmentRequests", { requestType: "adminRemove", assignment: { id: assignmentId } })).body;

        const list = await h.call("GET", "assignmentRequests");
        assert.equal(list.status, 200);
        assert.equal(
            list.body["@odata.context"],
            `${h.emulator.url}/v1.0/$metadata#identityGovernance/entitlementManagement/assignmentRequests`,
        );
        assert.deepEqual(
            list.body.value.map((r: { id: string; requestType: string }) => [r.id, r.requestType]),
            [
                [add.id, "adminAdd"],
                [remove.id, "adminRemove"],
            ],
        );
        const removals = await h.call("GET", "assignmentRequests?$filter=requestType eq 'adminRemove'");
        assert.deepEqual(
            removals.body.value.map((r: { id: string }) => r.id),
            [remove.id],
        );

        const one = await h.call("GET", `assignmentRequests/${add.id}?$expand=accessPackage,assignment`);
        assert.equal(one.status, 200);
        assert.equal(one.body.id, add.id);
        assert.equal(one.body.state, "delivered");
        assert.equal(one.body.accessPackage.id, accessPackageId);
        assert.equal(one.body.assignment.id, assignmentId);
        const { accessPackage: _package, assignment: _assignment, "@odata.context": _context, ...structural } = one.body;
        const { "@odata.context": _created, ...created } = add;
        assert.deepEqual(structural, created, "GET answers what the POST did");
        const missing = await h.call("GET", "assignmentRequests/00000000-0000-0000-0000-000000000004");
        assert.equal(missing.status, 404);
        assert.equal(missing.body.error.code, "ResourceNotFound");
    });

    it("assignment requests refuse a policy of another access package", async () => {
        const first = await h.packageInNewCatalog("first");
        const second = await h.packageInNewCatalog("second");
        const policy = (await h.call("POST", "assignmentPolicies", minimalPolicy(first.accessPackageId))).body;
        const answer = await h.call("POST", "assignmentRequests", {
            requestType: "adminAdd",
            assignment: {
                targetId: "46184453-e63b-4f20-86c2-c557ed5d5df9",
                assignmentPolicyId: policy.id,
                accessPackageId: second.accessPackageId,
            },
        });
        assert.equal(answer.status, 400);
        assert.match(answer.body.error.message, /assignment\.accessPackageId/);
    });
});

describe("emulator: wire conventions and auth", () => {
    const h = useEmulator({ token: "fixed-token" });

    it("uses the given token; a missing or wrong bearer token answers 401 InvalidAuthenticationToken", async () => {
        assert.equal(h.emulator.token, "fixed-token");
        const url = `${h.emulator.url}${EM}/assignmentPolicies`;
        const attempts: Record<string, string>[] = [{}, { Authorization: "Bearer wrong" }, { Authorization: "Basic fixed-token" }];
        for (const headers of attempts) {
            const response = await fetch(url, { headers });
            assert.equal(response.status, 401);
            const body = (await response.json()) as { error: { code: string } };
            assert.equal(body.error.code, "InvalidAuthenticationToken");
            assert.equal(
                response.headers.get("www-authenticate"),
                'Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", client_id="00000003-0000-0000-c000-000000000000"',
            );
        }
    });

    it("every response carries request-id and echoes client-request-id; errors carry innerError", async () => {
        const answer = await h.call("GET", "assignmentPolicies/00000000-0000-0000-0000-000000000009", undefined, {
            "client-request-id": "abc-123",
        });
        assert.equal(answer.status, 404);
        assert.equal(answer.headers.get("client-request-id"), "abc-123");
        const requestId = answer.headers.get("request-id");
        assert.match(requestId ?? "", /^[0-9a-f-]{36}$/);
        assert.deepEqual(Object.keys(answer.body.error.innerError), ["date", "request-id", "client-request-id"]);
        assert.equal(answer.body.error.innerError["request-id"], requestId);
        assert.equal(answer.body.error.innerError["client-request-id"], "abc-123");
        assert.match(answer.body.error.innerError.date, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/);
        const ok = await h.call("GET", "assignmentPolicies");
        assert.equal(ok.headers.get("client-request-id"), ok.headers.get("request-id"));
        assert.equal(
            ok.body["@odata.context"],
            `${h.emulator.url}/v1.0/$metadata#identityGovernance/entitlementManagement/assignmentPolicies`,
        );
    });

    it("an unknown segment answers 400 'Resource not found for the segment'", async () => {
        const answer = await h.call("GET", "accessPackageWidgets");
        assert.equal(answer.status, 400);
        assert.equal(answer.body.error.message, "Resource not found for the segment 'accessPackageWidgets'.");
    });

    for (const [method, path, allowed] of [
        ["POST", "assignmentPolicies/00000000-0000-0000-0000-000000000005", "GET, PUT, DELETE"],
        ["DELETE", "assignmentPolicies", "POST, GET"],
        ["PUT", "catalogs/00000000-0000-0000-0000-000000000005", "GET, DELETE"],
        ["PATCH", "accessPackages", "POST, GET"],
    ]) {
        it(`${method} ${path} answers 405 with Allow: ${allowed} and Graph's error body`, async () => {
            const answer = await h.call(method, path, {}, { "client-request-id": "verb-1" });
            assert.equal(answer.status, 405);
            assert.equal(answer.headers.get("allow"), allowed);
            assert.equal(answer.body.error.code, "MethodNotAllowed");
            assert.match(answer.body.error.message, new RegExp(`does not support http method '${method}'`));
            assert.equal(answer.headers.get("client-request-id"), "verb-1");
            assert.equal(answer.body.error.innerError["request-id"], answer.headers.get("request-id"));
        });
    }

    it("a 401 on an unknown route carries request-id and client-request-id", async () => {
        const response = await fetch(`${h.emulator.url}${EM}/accessPackageWidgets`, { headers: { "client-request-id": "anonymous-1" } });
        assert.equal(response.status, 401);
        assert.equal(response.headers.get("client-request-id"), "anonymous-1");
        const body = (await response.json()) as { error: { innerError: Record<string, string> } };
        assert.match(response.headers.get("request-id") ?? "", /^[0-9a-f-]{36}$/);
        assert.equal(body.error.innerError["request-id"], response.headers.get("request-id"));
        assert.equal(body.error.innerError["client-request-id"], "anonymous-1");
    });

    it("the admin API needs no token", async () => {
        const response = await fetch(`${h.emulator.url}/_emulator/health`);
        assert.equal(response.status, 200);
    });
});
