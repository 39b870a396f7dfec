/** `regexPattern` is checked as .NET reads it, since Graph matches answers with .NET regular expressions. */
import * as assert from "node:assert/strict";
import { checkPolicy } from "../../../provider/core/model";
import { allUsers } from "../../support/policies";

function failuresFor(regexPattern: string) {
    const question = { "@odata.type": "#microsoft.graph.accessPackageTextInputQuestion", text: "Employee number?", regexPattern };
    return checkPolicy({}, { ...allUsers(), questions: [question] }).failures;
}

/** Valid .NET, many of them refused by JavaScript's RegExp. */
const VALID = [
    "(?i)abc",
    "(?>a+)b",
    "(?<name>x)\\k<name>",
    "(?'name'x)\\k'name'",
    "(?<open>\\()[^()]*(?<close-open>\\))",
    "[a-z-[aeiou]]+",
    "(?#a comment (with a parenthesis)x",
    "(?(1)a|b)",
    "(?(?=a)ab|cd)",
    "(?i:abc)(?-i:def)(?im-sx)ghi",
    "(?x) a+ # a comment with ( in it",
    "\\p{Lu}\\P{L}",
    "[]a][^]b]",
    "(?<=a)b(?<!c)(?=x)(?!y)",
    "a{2,}b{,3}{abc}",
    "a*?b+?c??d{1,3}?",
    "^[A-Z]{2}\\d{6}$",
    "[\\]\\\\]",
    "^E\\d{5}$",
    "(?I)abc(?S-X:.)",
    "(?i-m-s)a(?-i+m)b",
    "(?x:a b)(#)",
    "(?x)a(?-x)(#)",
    "(a(?x) b)(#)",
    "[\\p{L}-.]+",
    "[\\d-z][\\w-]",
    "[\\x2B-9][\\u00e9-\\u00ff][\\0-9]",
    "[\\x20--!]",
    "(?<名前>x)\\k<名前>",
    "(?<open>a)(?<-open>b)",
    "\\cA[\\cA-\\cZ][\\101-\\132]",
];

/** Broken in .NET (and in JavaScript), with what the failure must say. */
const BROKEN: [string, RegExp][] = [
    ["(abc", /has an unclosed "\(" at index 0/],
    ["abc)", /has an unmatched "\)" at index 3/],
    ["a(b(c)", /has an unclosed "\(" at index 1/],
    ["[a-z", /has an unterminated character class "\[" at index 0/],
    ["abc\\", /ends with a lone backslash/],
    ["*a", /has the quantifier \* at index 0 with nothing before it to repeat/],
    ["a|+b", /has the quantifier \+ at index 2 with nothing before it to repeat/],
    ["(?i)*", /with nothing before it to repeat/],
    ["a**", /has the quantifier \* at index 2 right after another quantifier/],
    ["a{3,1}", /has the quantifier \{3,1\} at index 1 with its numbers in reverse order/],
    ["[z-a]", /has the range z-a in reverse order/],
    ["(?P<name>x)", /has an unrecognised construct "\(\?P" at index 0; \.NET groups are \(\?:…\)/],
    ["(?<name x)", /has an unterminated group name at index 0|invalid group name/],
    ["(?<na me>x)", /has an invalid group name "na me"/],
    ["(?#no end", /has an unterminated \(\?#…\) comment/],
    ["[a-z-[aeiou]x]", /class subtraction .* not the last element/],
    ["[a-\\d]", /has the range a-\\d at index 1 ending in a class shorthand/],
    ["[\\x2B-\\p{L}]", /has the range \\x2B-\\p\{L\} at index 1 ending in a class shorthand/],
    ["(?x)(a#)", /has an unclosed "\(" at index 4/],
    ["(?'name x)", /has an unterminated group name at index 0/],
    ["[a\\", /has an unterminated character class "\[" at index 0/],
    ["x[a-\\", /has an unterminated character class "\[" at index 1/],
    ["[a-z-[b]", /has an unterminated character class "\[" at index 0/],
    ["[a-z-[z-a]]", /has the range z-a in reverse order at index 6/],
];

describe("check: regexPattern", () => {
    for (const pattern of VALID) {
        it(`accepts the .NET pattern ${pattern}`, () => {
            assert.deepEqual(failuresFor(pattern), []);
        });
    }

    for (const [pattern, problem] of BROKEN) {
        it(`refuses ${pattern}, saying where it is broken`, () => {
            const failures = failuresFor(pattern);
            assert.equal(failures.length, 1, JSON.stringify(failures));
            assert.equal(failures[0].property, "questions[0].regexPattern");
            assert.match(failures[0].reason, /^must be a \.NET regular expression \(Graph's dialect\), but ".*" /);
            assert.match(failures[0].reason, problem);
        });
    }
});
