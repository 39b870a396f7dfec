/**
 * Input of any depth comes back from check as a failure at the property that nests too deep, and diff compares it
 * without throwing: readers, canonical forms and comparisons recurse, and a stack overflow would reach the engine as
 * a bare RangeError.
 */
import * as assert from "node:assert/strict";
import { bindOperations } from "../../provider/dynamic/implementation";
import type { PolicyInputs } from "../../provider/core/types";
import { allUsers } from "../support/policies";

const operations = bindOperations({ get: (key) => ({ "entra:token": "unused", "entra:graphEndpoint": "http://127.0.0.1:9" })[key] });

function nested(depth: number, wrap: (inner: unknown) => unknown): unknown {
    let value: unknown = "x";
    for (let i = 0; i < depth; i++) value = wrap(value);
    return value;
}

const question = (extra: Record<string, unknown>) => [
    {
        "@odata.type": "#microsoft.graph.accessPackageMultipleChoiceQuestion",
        text: "Why?",
        choices: [{ actualValue: "a", text: "A" }],
        ...extra,
    },
];

const deepInputs: Array<{ what: string; extra: Record<string, unknown>; property: RegExp; reason: RegExp }> = [
    {
        what: "20,000-deep arrays as targets",
        extra: { specificAllowedTargets: nested(20_000, (inner) => [inner]) },
        property: /^specificAllowedTargets(\[0\]){32}$/,
        reason: /nests more than 32 lists or objects deep/,
    },
    {
        what: "20,000-deep arrays as a question's choices",
        extra: { questions: question({ choices: nested(20_000, (inner) => [inner]) }) },
        property: /^questions\[0\]\.choices(\[0\])+$/,
        reason: /nests more than 32/,
    },
    {
        what: "20,000-deep objects as localizations",
        extra: { questions: question({ localizations: nested(20_000, (inner) => ({ text: inner })) }) },
        property: /^questions\[0\]\.localizations(\.text)+$/,
        reason: /nests more than 32/,
    },
    {
        what: "a 40,000-character regexPattern of nested class subtractions",
        extra: {
            questions: [
                {
                    "@odata.type": "#microsoft.graph.accessPackageTextInputQuestion",
                    text: "Code?",
                    regexPattern: `[a-${"[a-".repeat(10_000)}${"]".repeat(10_001)}`,
                },
            ],
        },
        property: /^questions\[0\]\.regexPattern$/,
        reason: /nests character class subtractions more than 100 deep/,
    },
];

describe("check and diff on inputs of any depth", () => {
    for (const { what, extra, property, reason } of deepInputs) {
        it(`check: ${what} is a failure naming the property, not a thrown error`, async () => {
            const news = { ...allUsers(), ...extra } as unknown as PolicyInputs;
            const { failures } = await operations.check({} as PolicyInputs, news);
            assert.equal(failures?.length, 1, JSON.stringify(failures).slice(0, 300));
            assert.match(failures![0].property, property);
            assert.match(failures![0].reason, reason);
        });

        it(`diff: ${what} in the inputs or in state counts as a change, not a thrown error`, async () => {
            const policy = allUsers() as unknown as PolicyInputs;
            const deep = { ...policy, ...extra } as unknown as PolicyInputs;
            assert.equal((await operations.diff("id", policy as never, deep)).changes, true);
            assert.equal((await operations.diff("id", deep as never, policy)).changes, true);
        });
    }

    it("a pattern that nests subtractions within the limit is still checked as .NET does", async () => {
        const news = {
            ...allUsers(),
            questions: [
                {
                    "@odata.type": "#microsoft.graph.accessPackageTextInputQuestion",
                    text: "Code?",
                    regexPattern: `[a-z-${"[b-y-".repeat(50)}[c]${"]".repeat(51)}`,
                },
            ],
        };
        assert.deepEqual((await operations.check({} as PolicyInputs, news as unknown as PolicyInputs)).failures, []);
    });
});
