/**
 * README.md and docs/ stay true to the code: its input reference is exactly what the generator renders from `PolicyInputs`
 * (every path, type, required flag and description), and every configuration key it names is one
 * provider/core/graph/config/settingSources.ts lists (the settings are read from those keys only), except the azuread keys
 * it lists as ignored, which settingSources.ts must not list.
 */
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { MARKERS, policyInputReference, readmeBlock, renderInputReference, type InputReferenceRow } from "./policyInputReference";

const ROOT = path.resolve(__dirname, "../..");
const README = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
const DOCS = path.join(ROOT, "docs");
const read = (file: string): string => fs.readFileSync(path.join(DOCS, file), "utf8");
const INPUTS = read("inputs.md");
const CONFIGURATION = read("configuration.md");
/** README and every page of docs/, where a setting may be named. */
const ALL_DOCS = [
    README,
    ...fs
        .readdirSync(DOCS)
        .filter((file) => file.endsWith(".md"))
        .map(read),
].join("\n");

function between(text: string, start: string, end: string): string {
    const from = text.indexOf(start);
    const to = text.indexOf(end, from);
    assert.ok(from >= 0 && to > from, `no ${start} … ${end} section`);
    return text.slice(from + start.length, to);
}

describe("README.md and docs/", () => {
    describe("input reference", () => {
        let rows: InputReferenceRow[];
        const reference = between(INPUTS, MARKERS.start, MARKERS.end);

        before(function () {
            this.timeout(60_000);
            rows = policyInputReference();
        });

        it("is read from PolicyInputs down to the leaves of nested lists and unions", () => {
            const paths = rows.map((row) => row.path);
            for (const deep of [
                "accessPackageId",
                "requestApprovalSettings.stages[].fallbackEscalationApprovers[].groupId",
                "reviewSettings.schedule.recurrence.range.numberOfOccurrences",
                "questions[].choices[].localizations[].languageCode",
                "customExtensionStageSettings[].customExtension.@odata.type",
                "specificAllowedTargets[].membershipRule",
            ]) {
                assert.ok(paths.includes(deep), `${deep} not found among ${paths.length} paths`);
            }
            assert.equal(new Set(paths).size, paths.length, "a path is listed twice");
        });

        it("is exactly what the generator renders, so no path, type, required flag or description drifts", () => {
            const expected = readmeBlock(renderInputReference(rows));
            const [written, generated] = [reference.split("\n"), expected.split("\n")];
            const line = generated.findIndex((text, i) => text !== written[i]);
            assert.ok(
                reference === expected,
                `docs/inputs.md's input reference differs from the generator's from its line ${line + 1}:\n  docs:      ${written[line]}\n  generated: ${generated[line]}\n` +
                    "regenerate it with `npx ts-node test/docs/policyInputReference.ts --write`",
            );
        });

        it("introduces allowedTargetScope once, then explains each value", () => {
            const scope = rows.find((row) => row.path === "allowedTargetScope");
            assert.equal(scope?.doc.match(/Who may be assigned/g)?.length, 1, scope?.doc);
            assert.match(scope?.doc ?? "", /`notSpecified`: nobody may request/);
        });

        it("spells out the values of enum lists", () => {
            const daysOfWeek = rows.find((row) => row.path === "reviewSettings.schedule.recurrence.pattern.daysOfWeek");
            assert.equal(daysOfWeek?.type, '`("sunday" | "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday")[]`');
        });
    });

    describe("configuration", () => {
        const settingsSource = fs.readFileSync(path.join(ROOT, "provider/core/graph/config/settingSources.ts"), "utf8");
        // A setting key, not a resource type token such as `entra:index:AccessPackageAssignmentPolicy`.
        const KEY = /\b(entra:[a-zA-Z]+|azuread:[a-zA-Z]+|ARM_[A-Z_]+|ENTRA_GRAPH_[A-Z_]+)\b(?!:)/g;
        const read = new Set([...settingsSource.matchAll(KEY)].map((match) => match[1]));

        // azuread settings the configuration page says are ignored: named there on purpose, and really not read.
        const ignored = new Set(
            [...between(CONFIGURATION, "Not reused from azuread:", "are ignored.").matchAll(KEY)].map((match) => match[1]),
        );

        it("names only settings the provider reads, besides those it says are ignored", () => {
            const named = new Set([...ALL_DOCS.matchAll(KEY)].map((match) => match[1]));
            assert.deepEqual([...named].filter((key) => !read.has(key) && !ignored.has(key)).sort(), []);
        });

        it("says are ignored only settings the provider does not read", () => {
            assert.ok(ignored.size > 0, "docs/configuration.md names no ignored azuread setting");
            assert.deepEqual([...ignored].filter((key) => read.has(key)).sort(), []);
        });

        it("documents every setting the provider reads", () => {
            const documented = CONFIGURATION;
            assert.deepEqual([...read].filter((key) => !documented.includes(`\`${key}\``)).sort(), []);
        });
    });
});
