/**
 * The TypeScript programs README.md shows are what users copy first: each one that imports the package must compile
 * in strict mode against the shipped declarations, and its policies must pass the provider's check at preview.
 */
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { Engine } from "../harness";
import { strictTypeErrors } from "../support/strictTypeCheck";

const ROOT = path.resolve(__dirname, "../..");
const PACKAGE = "pulumi-entra-assignment-policy";

/** Fenced `ts` blocks of README.md and docs/*.md that are programs using the package (they import it). */
function readmePrograms(): { file: string; line: number; code: string }[] {
    const files = [
        "README.md",
        ...fs
            .readdirSync(path.join(ROOT, "docs"))
            .filter((file) => file.endsWith(".md"))
            .map((file) => `docs/${file}`),
    ];
    return files.flatMap((file) => {
        const text = fs.readFileSync(path.join(ROOT, file), "utf8");
        return [...text.matchAll(/^```(?:ts|typescript)\n([\s\S]*?)^```$/gm)]
            .filter((match) => match[1].includes(`from "${PACKAGE}"`))
            .map((match) => ({ file, line: text.slice(0, match.index).split("\n").length + 1, code: match[1] }));
    });
}

/** A Pulumi project outside the repository that resolves packages through the repository's node_modules. */
function projectFor(code: string): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "readme-snippet-"));
    fs.writeFileSync(path.join(dir, "Pulumi.yaml"), "name: readme-snippet\nruntime: nodejs\n");
    fs.writeFileSync(path.join(dir, "index.ts"), code);
    fs.symlinkSync(path.join(ROOT, "node_modules"), path.join(dir, "node_modules"), "dir");
    return dir;
}

describe("README.md and docs/ programs", () => {
    const programs = readmePrograms();

    it("include at least the install example", () => {
        assert.ok(
            programs.some((program) => program.file === "README.md"),
            "README.md shows no TypeScript program that imports the package",
        );
    });

    for (const { file, line, code } of programs) {
        describe(`the program at ${file} line ${line}`, () => {
            let dir: string;
            before(() => {
                dir = projectFor(code);
            });
            after(() => fs.rmSync(dir, { recursive: true, force: true }));

            it("compiles in strict mode against the package's declarations", function () {
                this.timeout(120_000);
                assert.deepEqual(strictTypeErrors(dir), []);
            });

            it("declares policies that pass the provider's check at preview", async function () {
                this.timeout(120_000);
                const plan = await new Engine({ projectDir: dir }).preview();
                assert.deepEqual(plan.errors, []);
                assert.ok(plan.steps.length > 0, "the program declares no policy");
                assert.ok(plan.steps.every((step) => step.op === "create" && step.failures.length === 0));
            });
        });
    }
});
