/**
 * The defaults the input reference states (``Default `false`.`` in a type's TSDoc, rendered into docs/inputs.md) are
 * the ones the reader tables declare: the canonical form of policies that leave every optional property out holds
 * each documented default where the reference says.
 */
import * as assert from "node:assert/strict";
import { checkPolicy } from "../../../provider/core/model";
import { policyInputReference } from "../../docs/policyInputReference";
import { PACKAGE_ID, quarterlyReviews, salesAutoAssignment, type JsonObject } from "../../support/policies";

/** A request-based policy with every optional property left out, in every object that can be there. */
function everyDefaultLeftOut(): JsonObject {
    return {
        accessPackageId: PACKAGE_ID,
        displayName: "Defaults",
        description: "",
        allowedTargetScope: "allDirectoryUsers",
        requestorSettings: {},
        requestApprovalSettings: {
            isApprovalRequiredForAdd: true,
            stages: [{ durationBeforeAutomaticDenial: "P2D", primaryApprovers: [{ "@odata.type": "#microsoft.graph.requestorManager" }] }],
        },
        reviewSettings: quarterlyReviews(),
        questions: [
            { "@odata.type": "#microsoft.graph.accessPackageTextInputQuestion", text: "Why?" },
            {
                "@odata.type": "#microsoft.graph.accessPackageMultipleChoiceQuestion",
                text: "Where?",
                choices: [{ actualValue: "KE", text: "Kenya" }],
            },
        ],
    };
}

/** Policies that, between them, leave every documented default to the reader tables. */
function policiesLeavingDefaults(): JsonObject[] {
    const manager = { "@odata.type": "#microsoft.graph.requestorManager" };
    const noApproval = { ...everyDefaultLeftOut(), requestApprovalSettings: {} };
    const fallbackOnly = everyDefaultLeftOut();
    fallbackOnly.requestApprovalSettings.stages = [{ durationBeforeAutomaticDenial: "P2D", fallbackPrimaryApprovers: [manager] }];
    // Reviews left at every default are no reviews, which the canonical form leaves out; one setting apart keeps them.
    const automatic = { ...salesAutoAssignment(), automaticRequestSettings: {}, reviewSettings: { isRecommendationEnabled: false } };
    return [everyDefaultLeftOut(), salesAutoAssignment(), noApproval, fallbackOnly, automatic];
}

/** The values at a reference path (`a.b[].c`) in `value`, every element of a list taken. */
function valuesAt(value: unknown, path: string): unknown[] {
    return path.split(".").reduce<unknown[]>(
        (values, segment) => {
            const key = segment.replace(/\[\]$/, "");
            const found = values.flatMap((v) => (typeof v === "object" && v !== null && key in v ? [(v as JsonObject)[key]] : []));
            return segment.endsWith("[]") ? found.flatMap((list) => (Array.isArray(list) ? list : [])) : found;
        },
        [value],
    );
}

/** A documented default as a value: JSON once its keys are quoted, else the bare word (an enum member). */
function documented(text: string): unknown {
    try {
        return JSON.parse(text.replace(/(\w+):/g, '"$1":'));
    } catch {
        return text;
    }
}

describe("documented defaults: the reference states the defaults the reader tables declare", () => {
    const policies = policiesLeavingDefaults().map((written) => {
        const { inputs, failures } = checkPolicy({}, written);
        assert.deepEqual(failures, []);
        return { written, canonical: inputs };
    });
    const rows = policyInputReference().flatMap((row) => {
        const match = /Default `([^`]+)`/.exec(row.doc);
        return match === null ? [] : [{ path: row.path, stated: documented(match[1]) }];
    });

    it("finds the documented defaults", () => {
        assert.ok(rows.length >= 30, `only ${rows.length} rows state a default`);
    });

    for (const { path, stated } of rows) {
        it(`${path}: ${JSON.stringify(stated)}`, () => {
            const leftOut = policies.filter(({ written }) => valuesAt(written, path).length === 0);
            const values = leftOut.flatMap(({ canonical }) => valuesAt(canonical, path));
            assert.ok(values.length > 0, `no policy above leaves ${path} to its default`);
            for (const value of values) assert.deepEqual(value, stated);
        });
    }
});
