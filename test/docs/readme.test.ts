/**
 * README.md stays true to the code: its input reference lists every property path of `PolicyInputs` (and no path
 * that no longer exists), and every configuration key it names is one provider/graph/settings.ts reads.
 */
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { policyInputReference, type InputReferenceRow } from "./policyInputReference";

const ROOT = path.resolve(__dirname, "../..");
const README = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");

function between(text: string, start: string, end: string): string {
    const from = text.indexOf(start);
    const to = text.indexOf(end, from);
    assert.ok(from >= 0 && to > from, `README.md has no ${start} … ${end} section`);
    return text.slice(from + start.length, to);
}

describe("README.md", () => {
    describe("input reference", () => {
        let rows: InputReferenceRow[];
        const reference = between(README, "<!-- input-reference:start -->", "<!-- input-reference:end -->");
        // The first cell of each table row: the documented property path.
        const documented = [...reference.matchAll(/^\| `([^`]+)` \|/gm)].map((match) => match[1]);

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

        it("documents every property path of PolicyInputs", () => {
            const missing = rows.map((row) => row.path).filter((p) => !documented.includes(p));
            assert.deepEqual(missing, [], "README.md's input reference misses these; regenerate it with `npx ts-node test/docs/policyInputReference.ts`");
        });

        it("documents no property that PolicyInputs does not have", () => {
            const paths = new Set(rows.map((row) => row.path));
            assert.deepEqual(documented.filter((p) => !paths.has(p)), []);
        });
    });

    describe("configuration", () => {
        const settingsSource = fs.readFileSync(path.join(ROOT, "provider/graph/settings.ts"), "utf8");
        const KEY = /\b(entra:[a-zA-Z]+|azuread:[a-zA-Z]+|ARM_[A-Z_]+|ENTRA_GRAPH_[A-Z_]+)\b/g;
        const read = new Set([...settingsSource.matchAll(KEY)].map((match) => match[1]));

        it("names only settings the provider reads", () => {
            const named = new Set([...README.matchAll(KEY)].map((match) => match[1]));
            assert.deepEqual([...named].filter((key) => !read.has(key)).sort(), []);
        });

        it("documents every setting the provider reads", () => {
            const documented = between(README, "## Configuration", "## Input reference");
            assert.deepEqual([...read].filter((key) => !documented.includes(`\`${key}\``)).sort(), []);
        });
    });
});
