/**
 * The YAML programs docs/plugin.md shows: every policy in them passes the provider's check, and every explicit
 * provider sets only settings the plugin's schema declares.
 */
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { checkPolicy } from "../../provider/core/model";
import { SCHEMA_FILE } from "../plugin/schema/packageSchema";

const jsYaml = require("js-yaml") as { load(text: string): unknown };

const DOC = path.resolve(__dirname, "../../docs/plugin.md");
const POLICY_TYPE = "entra:index:AccessPackageAssignmentPolicy";

interface Resource {
    type: string;
    properties?: Record<string, unknown>;
}

/** `value` with every `${...}` interpolation replaced by an id, as the stack's config would provide one. */
function interpolated(value: unknown): unknown {
    if (typeof value === "string") return value.replace(/\$\{[^}]+\}/g, "1623f912-5e86-41c2-af47-39dd67582b66");
    if (Array.isArray(value)) return value.map(interpolated);
    if (typeof value === "object" && value !== null) {
        return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, interpolated(v)]));
    }
    return value;
}

describe("docs/plugin.md: the YAML programs", () => {
    const text = fs.readFileSync(DOC, "utf8");
    const resources = [...text.matchAll(/^```yaml\n([\s\S]*?)^```$/gm)]
        .map((match) => jsYaml.load(match[1]) as { resources?: Record<string, Resource> })
        .flatMap((program) => Object.entries(program.resources ?? {}));

    it("show at least one policy and one explicit provider", () => {
        const types = resources.map(([, resource]) => resource.type);
        assert.ok(types.includes(POLICY_TYPE) && types.includes("pulumi:providers:entra"), types.join(" "));
    });

    for (const [name, resource] of resources.filter(([, r]) => r.type === POLICY_TYPE)) {
        it(`${name}: passes the provider's check`, () => {
            assert.deepEqual(checkPolicy({}, interpolated(resource.properties) as Record<string, unknown>).failures, []);
        });
    }

    it("set only settings the plugin's schema declares on an explicit provider", () => {
        const declared = Object.keys(
            (JSON.parse(fs.readFileSync(SCHEMA_FILE, "utf8")) as { provider: { inputProperties: object } }).provider.inputProperties,
        );
        for (const [name, resource] of resources.filter(([, r]) => r.type === "pulumi:providers:entra")) {
            const unknown = Object.keys(resource.properties ?? {}).filter((key) => !declared.includes(key));
            assert.deepEqual(unknown, [], `${name} sets settings the schema does not declare`);
        }
    });
});
