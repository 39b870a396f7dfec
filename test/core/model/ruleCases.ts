/** Rule cases for check: a way to break each rule, the failure it gives, and a nearby way to keep it. */
import * as assert from "node:assert/strict";
import { checkPolicy } from "../../../provider/core/model";
import { allUsers, USER_ID, type JsonObject } from "../../support/policies";

/** One rule check enforces. */
export interface RuleCase {
    /** What the rule is about. */
    rule: string;
    /** The policy it starts from (default: All Users). */
    base?: () => JsonObject;
    /** Breaks the rule. */
    bad: (policy: JsonObject) => void;
    /** The exact failing property path. */
    property: string;
    /** What the reason must say (including what is allowed). */
    reason: RegExp;
    /** Keeps to the rule in a nearby way. */
    good: (policy: JsonObject) => void;
}

/** The `i`th approval stage of `policy`. */
export const stage = (policy: JsonObject, i = 0): JsonObject => policy.requestApprovalSettings.stages[i];
/** A subject set of `type`, with `extra` properties. */
export const approver = (type: string, extra: JsonObject = {}): JsonObject => ({ "@odata.type": type, ...extra });
/** A valid single user. */
export const singleUser = approver("#microsoft.graph.singleUser", { userId: USER_ID });

/** Check's answer for the policy `build` makes, after `change`. */
export function checked(build: () => JsonObject, change: (policy: JsonObject) => void) {
    const policy = build();
    change(policy);
    return checkPolicy({}, policy);
}

/** One describe block per case: the broken policy fails where and as the case says; the kept one passes. */
export function describeRuleCases(cases: readonly RuleCase[]): void {
    for (const { rule, base = allUsers, bad, property, reason, good } of cases) {
        describe(rule, () => {
            it(`fails at ${property}, saying what is allowed`, () => {
                const { failures, inputs } = checked(base, bad);
                const failure = failures.find((f) => f.property === property);
                assert.ok(failure, `no failure at ${property}; got ${JSON.stringify(failures)}`);
                assert.match(failure.reason, reason);
                const declared = base();
                bad(declared);
                assert.deepEqual(inputs, declared, "with failures, inputs are the news unchanged");
            });

            it("passes when kept", () => {
                assert.deepEqual(checked(base, good).failures, []);
            });
        });
    }
}
