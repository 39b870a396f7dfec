/**
 * Every Pulumi project under examples/ type-checks in strict mode against the package's published types
 * (`pulumi-entra-assignment-policy` resolves through the root node_modules self-link to dist/, so `npm run build`
 * first). A project's own tsconfig.json is used when it has one; strict and noEmit are forced either way.
 */
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { strictTypeErrors } from "../support/strictTypeCheck";

const EXAMPLES = path.resolve(__dirname, "../../examples");

function exampleProjects(): string[] {
    return fs
        .readdirSync(EXAMPLES, { withFileTypes: true })
        .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(EXAMPLES, entry.name, "Pulumi.yaml")))
        .map((entry) => entry.name)
        .sort();
}

describe("examples type-check (strict)", () => {
    const projects = exampleProjects();

    it("finds the example projects", () => {
        assert.ok(projects.length >= 4, `only ${projects.join(", ")} in ${EXAMPLES}`);
    });

    for (const name of projects) {
        it(`examples/${name}`, () => {
            assert.deepEqual(strictTypeErrors(path.join(EXAMPLES, name)), []);
        });
    }
});
