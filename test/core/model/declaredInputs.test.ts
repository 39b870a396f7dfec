import * as assert from "node:assert/strict";
import { checkPolicy, declaredInputs, type CanonicalPolicy } from "../../../provider/core/model";
import { DOCUMENTED_POLICY_FIXTURES, documentedInputs } from "../../support/documentedPolicies";
import { PACKAGE_ID } from "../../support/policies";

function canonical(inputs: Record<string, unknown>): CanonicalPolicy {
    const checked = checkPolicy({}, inputs);
    assert.deepEqual(checked.failures, []);
    return checked.inputs as CanonicalPolicy;
}

/** Every empty list in `value`, by path. (An empty object may be needed: `requestApprovalSettings: {}` says "the defaults".) */
function emptyLists(value: unknown, at = ""): string[] {
    if (Array.isArray(value) && value.length === 0) return [at];
    if (typeof value !== "object" || value === null) return [];
    return Object.entries(value).flatMap(([key, element]) => emptyLists(element, at ? `${at}.${key}` : key));
}

describe("declaredInputs: the smallest inputs that declare a policy", () => {
    for (const name of DOCUMENTED_POLICY_FIXTURES) {
        it(`${name}: check turns them back into the same canonical inputs, and they hold no empty list`, () => {
            const full = canonical(documentedInputs(name));
            const declared = declaredInputs(full);
            assert.deepEqual(checkPolicy({}, declared).inputs, full);
            assert.deepEqual(emptyLists(declared), []);
            assert.ok(JSON.stringify(declared).length < JSON.stringify(full).length, "nothing was left out");
        });
    }

    it("states the choices made (a true flag, a non-default scope) and leaves out what check fills in", () => {
        const full = canonical({
            accessPackageId: PACKAGE_ID,
            displayName: "All members",
            description: "Members ask for themselves",
            allowedTargetScope: "allMemberUsers",
            requestorSettings: { enableTargetsToSelfAddAccess: true },
            requestApprovalSettings: { isApprovalRequiredForAdd: false },
        });
        assert.ok(Array.isArray(full.questions));
        assert.deepEqual(declaredInputs(full), {
            accessPackageId: PACKAGE_ID,
            displayName: "All members",
            description: "Members ask for themselves",
            allowedTargetScope: "allMemberUsers",
            requestorSettings: { enableTargetsToSelfAddAccess: true },
            requestApprovalSettings: {},
        });
    });

    it("keeps the access package and the display name, and the canonical inputs it was given unchanged", () => {
        const full = canonical({
            accessPackageId: PACKAGE_ID,
            displayName: "x",
            description: "",
            allowedTargetScope: "notSpecified",
            requestorSettings: {},
            requestApprovalSettings: {},
        });
        const before = structuredClone(full);
        const declared = declaredInputs(full);
        assert.equal(declared.accessPackageId, PACKAGE_ID);
        assert.equal(declared.displayName, "x");
        assert.deepEqual(full, before);
    });
});
