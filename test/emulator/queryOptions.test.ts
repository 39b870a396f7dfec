import assert from "node:assert/strict";
import { minimalPolicy, useEmulator, workflowExtension } from "./support";

describe("emulator: $select, $expand and $filter name only declared properties", () => {
    const h = useEmulator();
    let catalogId: string;
    let accessPackageId: string;
    let extensionId: string;
    let policyId: string;

    before(async () => {
        ({ catalogId, accessPackageId } = await h.packageInNewCatalog());
        extensionId = (await h.call("POST", `catalogs/${catalogId}/customWorkflowExtensions`, workflowExtension("request"))).body.id;
        const policy = await h.call("POST", "assignmentPolicies", {
            ...minimalPolicy(accessPackageId),
            questions: [{ "@odata.type": "#microsoft.graph.accessPackageTextInputQuestion", text: "why?", isSingleLineQuestion: true }],
            customExtensionStageSettings: [{ stage: "assignmentRequestCreated", customExtension: { id: extensionId } }],
        });
        policyId = policy.body.id;
    });

    const objectMembers = ["constructor", "hasOwnProperty", "toString", "__proto__", "valueOf"];

    for (const name of objectMembers) {
        for (const query of [`$expand=${name}`, `$select=${name}`, `$filter=${name} eq '[object Object]'`]) {
            it(`refuses ${query} with 400, as any undeclared name`, async () => {
                // $filter applies to collections only.
                const paths = query.startsWith("$filter")
                    ? ["assignmentPolicies"]
                    : ["assignmentPolicies", `assignmentPolicies/${policyId}`];
                for (const path of paths) {
                    const answer = await h.call("GET", `${path}?${query}`);
                    assert.equal(answer.status, 400, `${path}?${query}: ${JSON.stringify(answer.body)}`);
                    assert.equal(answer.body.error.code, "BadRequest");
                    // `__proto__` is not even an OData identifier, so the parser already refuses it.
                    if (name !== "__proto__")
                        assert.match(
                            answer.body.error.message,
                            new RegExp(`Could not find a property named '${name}' on type 'microsoft.graph.accessPackageAssignmentPolicy'`),
                        );
                }
            });
        }
    }

    it("refuses an undeclared name even when no record is there to render", async () => {
        const empty = await h.packageInNewCatalog("empty");
        for (const path of [
            `accessPackages/${empty.accessPackageId}?$expand=assignmentPolicies($select=bogus)`,
            "assignments?$select=bogus",
        ]) {
            const answer = await h.call("GET", path);
            assert.equal(answer.status, 400, path);
            assert.match(answer.body.error.message, /Could not find a property named 'bogus'/);
        }
    });

    it("applies $select nested in $expand to the expanded entity", async () => {
        const answer = await h.call("GET", `assignmentPolicies/${policyId}?$select=displayName&$expand=accessPackage($select=displayName)`);
        assert.equal(answer.status, 200);
        assert.deepEqual(answer.body.accessPackage, { displayName: "pkg" });
        assert.deepEqual(
            Object.keys(answer.body).filter((key) => !key.startsWith("@")),
            ["displayName", "accessPackage"],
        );
        assert.match(answer.body["@odata.context"], /assignmentPolicies\(displayName,accessPackage\(displayName\)\)\/\$entity$/);
    });

    it("refuses an undeclared name in a nested $select with 400 naming the expanded type", async () => {
        const answer = await h.call("GET", `assignmentPolicies/${policyId}?$expand=accessPackage($select=bogus)`);
        assert.equal(answer.status, 400);
        assert.equal(answer.body.error.message, "Could not find a property named 'bogus' on type 'microsoft.graph.accessPackage'.");
    });

    it("applies $select two levels down: customExtensionStageSettings($expand=customExtension($select=displayName))", async () => {
        const answer = await h.call(
            "GET",
            `assignmentPolicies/${policyId}?$expand=customExtensionStageSettings($expand=customExtension($select=displayName))`,
        );
        assert.equal(answer.status, 200, JSON.stringify(answer.body));
        const [setting] = answer.body.customExtensionStageSettings;
        assert.equal(setting.stage, "assignmentRequestCreated");
        assert.deepEqual(setting.customExtension, {
            "@odata.type": "#microsoft.graph.accessPackageAssignmentRequestWorkflowExtension",
            displayName: "ext",
        });
        const bogus = await h.call(
            "GET",
            `assignmentPolicies/${policyId}?$expand=customExtensionStageSettings($expand=customExtension($select=bogus))`,
        );
        assert.equal(bogus.status, 400);
        assert.match(bogus.body.error.message, /'bogus' on type 'microsoft.graph.customCalloutExtension'/);
    });

    it("applies $select to expanded collections: questions and stage settings", async () => {
        const answer = await h.call(
            "GET",
            `assignmentPolicies/${policyId}?$expand=questions($select=text),customExtensionStageSettings($select=stage)`,
        );
        assert.equal(answer.status, 200, JSON.stringify(answer.body));
        assert.deepEqual(answer.body.questions, [{ "@odata.type": "#microsoft.graph.accessPackageTextInputQuestion", text: "why?" }]);
        assert.deepEqual(answer.body.customExtensionStageSettings, [{ stage: "assignmentRequestCreated" }]);
        const derived = await h.call("GET", `assignmentPolicies/${policyId}?$expand=questions($select=isSingleLineQuestion)`);
        assert.equal(derived.status, 400, "a derived type's property needs a type cast in OData");
    });

    it("every property a GET renders can be $selected, for every entity type", async () => {
        const assignment = await h.call("POST", "assignmentRequests", {
            requestType: "adminAdd",
            assignment: { targetId: "46184453-e63b-4f20-86c2-c557ed5d5df9", assignmentPolicyId: policyId, accessPackageId },
        });
        const paths = [
            `catalogs/${catalogId}`,
            `accessPackages/${accessPackageId}`,
            `catalogs/${catalogId}/customWorkflowExtensions/${extensionId}`,
            `assignmentPolicies/${policyId}`,
            `assignmentRequests/${assignment.body.id}`,
            `assignments/${assignment.body.assignment?.id ?? (await h.call("GET", "assignments")).body.value[0].id}`,
        ];
        for (const path of paths) {
            const full = await h.call("GET", path);
            const keys = Object.keys(full.body).filter((key) => !key.startsWith("@"));
            const selected = await h.call("GET", `${path}?$select=${keys.join(",")}`);
            assert.equal(selected.status, 200, `${path}: ${JSON.stringify(selected.body)}`);
            assert.deepEqual(
                Object.keys(selected.body).filter((key) => !key.startsWith("@")),
                keys,
                path,
            );
        }
    });
});
