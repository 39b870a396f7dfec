/**
 * Every Pulumi project under examples/ type-checks in strict mode against the package's published types
 * (`pulumi-entra-assignment-policy` resolves through the root node_modules self-link to dist/, so `npm run build`
 * first). A project's own tsconfig.json is used when it has one; strict and noEmit are forced either way. Each one is
 * also complete on its own: `npm install` in it brings every package it imports, with @pulumi/pulumi at the tested
 * version, and the package from this repository (copied out, README's install command takes its place).
 */
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { strictTypeErrors } from "../../support/strictTypeCheck";

const EXAMPLES = path.resolve(__dirname, "../../../examples");
const PACKAGE = "pulumi-entra-assignment-policy";
const TESTED_PULUMI: string = JSON.parse(fs.readFileSync(path.resolve(__dirname, "../../../package.json"), "utf8")).devDependencies[
    "@pulumi/pulumi"
];

/** The packages a program imports (`node:` built-ins aside), by package name. */
function importedPackages(source: string): string[] {
    const specifiers = [...source.matchAll(/^import\s[^;]*?from\s+"([^"]+)"/gm)].map((match) => match[1]);
    const names = specifiers
        .filter((specifier) => !specifier.startsWith(".") && !specifier.startsWith("node:"))
        .map((specifier) =>
            specifier
                .split("/")
                .slice(0, specifier.startsWith("@") ? 2 : 1)
                .join("/"),
        );
    return [...new Set(names)].sort();
}

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

        it(`examples/${name} declares in its package.json every package it imports, and a compiler`, () => {
            const dir = path.join(EXAMPLES, name);
            const manifest = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8"));
            const imported = importedPackages(fs.readFileSync(path.join(dir, "index.ts"), "utf8"));
            assert.ok(imported.includes(PACKAGE), `examples/${name}/index.ts does not use the package`);
            assert.deepEqual(
                imported.filter((pkg) => manifest.dependencies?.[pkg] === undefined),
                [],
            );
            assert.ok(manifest.devDependencies?.typescript, "typescript, for the Pulumi Node.js runtime's TypeScript support");
            // The version the package is tested with, pinned as README's install section advises for Node.js 20.
            assert.equal(manifest.dependencies["@pulumi/pulumi"], TESTED_PULUMI);
        });

        it(`examples/${name} installs the package from this repository, as a copy that shares the project's @pulumi/pulumi`, () => {
            const dir = path.join(EXAMPLES, name);
            const spec: string = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8")).dependencies[PACKAGE];
            // Not a registry range: the package is not on the public registry, so one would not install.
            assert.match(spec, /^file:/);
            const target = path.resolve(dir, spec.slice("file:".length));
            assert.equal(JSON.parse(fs.readFileSync(path.join(target, "package.json"), "utf8")).name, PACKAGE);
            // A link would load the package's @pulumi/pulumi from the repository's node_modules: a second Pulumi runtime.
            assert.match(fs.readFileSync(path.join(dir, ".npmrc"), "utf8"), /^install-links=true$/m);
        });
    }
});
