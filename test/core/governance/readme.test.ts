import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { GOVERNANCE_RULES } from "../../../provider/core/governance";

const README = fs.readFileSync(path.join(__dirname, "../../../docs/governance.md"), "utf8");

describe("docs/governance.md: governance guardrails", () => {
    it("lists every rule once with its id, title, default severity and where it runs, in rule order", () => {
        const rows = README.split("\n").filter((line) => /^\| `[a-z-]+` \| .* \| (high|medium|low) \| /.test(line));
        assert.deepEqual(
            rows.map((row) => row.split(" | ").slice(0, 4).join(" | ")),
            GOVERNANCE_RULES.map(
                (rule) => `| \`${rule.id}\` | ${rule.title} | ${rule.severity} | ${rule.needsDirectory ? "lint" : "pack, lint"}`,
            ),
        );
    });
});
