import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { isDeepStrictEqual } from "node:util";
import { checkPolicy, diffPolicy, inputsFromOutputs, outputsFromGraph, toGraphBody } from "../../../provider/core/model";
import type { CanonicalPolicy, PolicyInputs } from "../../../provider/core/model";
import { graphEcho } from "../../support/fakes/graphEcho";

const FIXTURES = path.join(__dirname, "../../fixtures/graph-docs");

/** A body from the Graph docs as a user writes it: the one difference is `accessPackageId` for `accessPackage: { id }`. */
function asInputs(body: Record<string, unknown>): Record<string, unknown> {
    const { accessPackage, ...rest } = body;
    return accessPackage === undefined ? rest : { ...rest, accessPackageId: (accessPackage as { id: string }).id };
}

function fixture(name: string): Record<string, unknown> {
    return JSON.parse(fs.readFileSync(path.join(FIXTURES, name), "utf8"));
}

/** The part of `actual` that `declared` describes: its keys only, list elements paired up in any order. */
function declaredPart(actual: unknown, declared: unknown): unknown {
    if (Array.isArray(declared) && Array.isArray(actual)) {
        const unused = [...actual];
        return declared.map((element, i) => {
            const j = unused.findIndex((candidate) => isDeepStrictEqual(declaredPart(candidate, element), element));
            return declaredPart(j >= 0 ? unused.splice(j, 1)[0] : actual[i], element);
        });
    }
    if (typeof declared === "object" && declared !== null && typeof actual === "object" && actual !== null) {
        return Object.fromEntries(
            Object.keys(declared).map((key) => [
                key,
                declaredPart((actual as Record<string, unknown>)[key], (declared as Record<string, unknown>)[key]),
            ]),
        );
    }
    return actual;
}

const DOCUMENTED = fs.readdirSync(FIXTURES).filter((name) => name.endsWith(".json") && !name.includes("beta-shaped"));

describe("documented example bodies", () => {
    it("has every documented shape as a fixture", () => {
        assert.equal(DOCUMENTED.length, 7);
    });

    for (const name of DOCUMENTED) {
        describe(name, () => {
            const documented = fixture(name);
            const { inputs, failures } = checkPolicy({}, asInputs(documented));

            it("validates as written", () => {
                assert.deepEqual(failures, []);
            });

            it("is canonical: checking the canonical inputs again changes nothing", () => {
                assert.deepEqual(checkPolicy({}, inputs), { inputs, failures: [] });
            });

            it("maps to a Graph body with the access package, explicit defaults and no adopt", () => {
                const body = toGraphBody(inputs as CanonicalPolicy);
                assert.deepEqual(body.accessPackage, documented.accessPackage);
                assert.equal("adopt" in body, false);
                assert.equal("accessPackageId" in body, false);
                assert.ok(
                    Array.isArray(body.specificAllowedTargets) &&
                        Array.isArray(body.questions) &&
                        Array.isArray(body.customExtensionStageSettings),
                );
                assert.ok(body.expiration && body.notificationSettings);
                assert.equal(JSON.stringify(body).includes("unknownFutureValue"), false);
            });

            it("keeps every documented value through inputs -> Graph body -> Graph GET -> outputs", () => {
                const outputs = outputsFromGraph(graphEcho(toGraphBody(inputs as CanonicalPolicy)));
                assert.equal(outputs.id, "87e1c7f7-c7f7-87e1-f7c7-e187f7c7e187");
                assert.equal(outputs.catalogId, "c0c0c0c0-0000-4000-8000-000000000001");
                assert.equal(outputs.createdDateTime, "2024-05-01T10:00:00.1949218Z");
                assert.equal(JSON.stringify(outputs).includes("@odata.context"), false);
                assert.equal(JSON.stringify(outputs).includes("null"), false);
                assert.deepEqual(declaredPart(outputs, inputs), inputs);
            });

            it("diffs as no change against the outputs Graph returns for it", () => {
                const outputs = outputsFromGraph(graphEcho(toGraphBody(inputs as CanonicalPolicy)));
                assert.deepEqual(diffPolicy(outputs, inputs as CanonicalPolicy), { changes: false, replaces: [], diffs: [] });
            });

            it("refreshes to inputs that validate and diff as no change", () => {
                const outputs = outputsFromGraph(graphEcho(toGraphBody(inputs as CanonicalPolicy)));
                const refreshed = inputsFromOutputs(outputs, { adopt: true });
                assert.equal(refreshed.adopt, true);
                assert.equal("id" in refreshed || "catalogId" in refreshed || "createdDateTime" in refreshed, false);
                assert.deepEqual(checkPolicy({}, refreshed).failures, []);
                assert.equal(diffPolicy(outputs, refreshed).changes, false);
            });
        });
    }

    it("reads seed 000 exactly as documented", () => {
        const { inputs } = checkPolicy({}, asInputs(fixture("seed-000-all-users.json")));
        const stage = (inputs as PolicyInputs).requestApprovalSettings?.stages?.[0];
        assert.deepEqual(stage, {
            durationBeforeAutomaticDenial: "P2D",
            approverInformationVisibility: "default",
            isApproverJustificationRequired: false,
            isEscalationEnabled: false,
            durationBeforeEscalation: "PT0S",
            primaryApprovers: [{ "@odata.type": "#microsoft.graph.requestorManager", managerLevel: 1 }],
            fallbackPrimaryApprovers: [
                { "@odata.type": "#microsoft.graph.singleUser", userId: "e6bf4d7d-6824-4dd0-809d-5bf42d4817c2", description: "user" },
            ],
            escalationApprovers: [],
            fallbackEscalationApprovers: [],
        });
        // The body's read-only policy id is accepted for copy-paste but is not an input.
        assert.equal("id" in inputs, false);
    });

    it("reads the string booleans and numbers of the questions example as booleans and numbers", () => {
        const { inputs } = checkPolicy({}, asInputs(fixture("create-e4-questions.json")));
        const [choiceQuestion, textQuestion] = (inputs as PolicyInputs).questions ?? [];
        assert.equal(choiceQuestion.sequence, 1);
        assert.equal(choiceQuestion.isRequired, true);
        assert.equal(textQuestion["@odata.type"], "#microsoft.graph.accessPackageTextInputQuestion");
        assert.equal(textQuestion.isSingleLineQuestion, false);
        assert.deepEqual((inputs as PolicyInputs).requestorSettings?.enableTargetsToSelfUpdateAccess, true);
    });

    it("removes custom extension stages with an empty list, as the PUT example documents", () => {
        const withExtension = checkPolicy({}, asInputs(fixture("seed-004-custom-extension-at-request-created.json"))).inputs;
        const removed = checkPolicy({}, asInputs(fixture("seed-004-remove-custom-extensions.json"))).inputs;
        const state = outputsFromGraph(graphEcho(toGraphBody(withExtension as CanonicalPolicy)));
        assert.deepEqual(diffPolicy(state, removed as CanonicalPolicy), {
            changes: true,
            replaces: [],
            diffs: ["customExtensionStageSettings"],
        });
        assert.deepEqual(toGraphBody(removed as CanonicalPolicy).customExtensionStageSettings, []);
    });

    it("explains the beta-shaped PUT example 2 in v1.0 terms", () => {
        const { failures } = checkPolicy({}, fixture("seed-004-example2-beta-shaped.json"));
        const byPath = new Map(failures.map((failure) => [failure.property, failure.reason]));
        assert.match(byPath.get("accessReviewSettings") ?? "", /did you mean reviewSettings\?/);
        assert.match(byPath.get("requestorSettings.allowedRequestors") ?? "", /did you mean onBehalfRequestors\?/);
        assert.match(byPath.get("requestorSettings.acceptRequests") ?? "", /did you mean enableTargetsToSelfAddAccess\?/);
        assert.match(byPath.get("allowedTargetScope") ?? "", /^required: one of notSpecified, /);
    });
});
