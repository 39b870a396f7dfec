import * as assert from "node:assert/strict";
import * as fc from "fast-check";
import * as ts from "typescript";
import type * as Graph from "@microsoft/microsoft-graph-types";
import {
    exportedPolicy,
    parseExportArguments,
    PolicyExportError,
    renderIndex,
    resourceNames,
    stringLiteral,
    typescriptLiteral,
    USAGE,
    UsageError,
} from "../../../cli/export";
import { HELP } from "../../../cli/export/exportArguments";
import { checkPolicy, diffPolicy, outputsFromGraph, toGraphBody } from "../../../provider/core/model";
import type { CanonicalPolicy } from "../../../provider/core/model";
import type { PolicyInputs, SubjectSet } from "../../../provider/core/types";
import { graphEcho } from "../../support/fakes/graphEcho";
import { EXTENSION_ID, PACKAGE_ID } from "../../support/policies";
import { HOSTILE_NAME, policyShapes } from "./policyShapes";

const TENANT = {
    accessPackageId: PACKAGE_ID,
    secondAccessPackageId: "5e0a5d04-6b8a-4b55-9d42-1d7d0a3c9f10",
    requestExtensionId: EXTENSION_ID,
    assignmentExtensionId: "d1c0a7e2-2f4b-4c59-8a61-7b0e5f3a9c22",
};

/** A body as a user writes it: `accessPackageId` in place of `accessPackage: { id }`. */
function asInputs(body: Record<string, unknown>): Record<string, unknown> {
    const { accessPackage, ...rest } = body;
    return { ...rest, accessPackageId: (accessPackage as { id: string }).id };
}

/** What Graph's GET returns for a shape once created, with an id of its own. */
function asStoredInGraph(body: Record<string, unknown>, index: number): Graph.AccessPackageAssignmentPolicy {
    const { inputs, failures } = checkPolicy({}, asInputs(body));
    assert.deepEqual(failures, [], "the shape itself must be a valid policy");
    return { ...graphEcho(toGraphBody(inputs as CanonicalPolicy)), id: `0000000${index}-aaaa-4bbb-8ccc-dddddddddddd` };
}

/** The manager level of a requestor's or target's manager, `undefined` for any other subject. */
function managerLevelOf(subject: SubjectSet | undefined): number | undefined {
    return subject !== undefined && "managerLevel" in subject ? subject.managerLevel : undefined;
}

/** Runs a generated program with a stand-in for the resource class; returns what it declared, in order. */
function runProgram(source: string): { name: string; args: Record<string, unknown> }[] {
    const declared: { name: string; args: Record<string, unknown> }[] = [];
    class AccessPackageAssignmentPolicy {
        constructor(name: string, args: Record<string, unknown>) {
            declared.push({ name, args });
        }
    }
    const requireStub = (id: string): unknown => {
        assert.equal(id, "pulumi-entra-assignment-policy");
        return { AccessPackageAssignmentPolicy };
    };
    const js = ts.transpileModule(source, {
        compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
        reportDiagnostics: true,
    });
    assert.deepEqual(js.diagnostics ?? [], []);
    const module = { exports: {} };
    new Function("require", "module", "exports", js.outputText)(requireStub, module, module.exports);
    return declared;
}

/** Characters that end lines, end literals, start templates, hide text or are half a character. */
const TRICKY_CHARACTERS = [
    "\n",
    "\r",
    "\u2028",
    "\u2029",
    "\u0085",
    "\u202e",
    "\u2066",
    "\u200b",
    "\ufeff",
    "\ud800",
    "\udc00",
    '"',
    "'",
    "\\",
    "`",
    "$",
    "{",
    "*",
    "/",
];

function evaluate(expression: string): unknown {
    return new Function(`return (${expression});`)();
}

describe("export: lossless program text (in process)", () => {
    const shapes = policyShapes(TENANT);
    const stored = shapes.map((shape, i) => asStoredInGraph(shape.body, i));
    const exported = stored.map(exportedPolicy);
    const source = renderIndex(exported);
    const declared = runProgram(source);

    it("declares every policy once, adopting it by id, with unique names", () => {
        assert.equal(declared.length, shapes.length);
        assert.deepEqual(new Set(declared.map((d) => d.args.adopt)), new Set(stored.map((p) => p.id)));
        assert.equal(new Set(declared.map((d) => d.name)).size, declared.length);
        assert.ok(
            declared.some((d) => d.args.displayName === HOSTILE_NAME),
            "the hostile name survives the program text",
        );
    });

    shapes.forEach(({ shape }, i) => {
        it(`${shape}: the program's inputs check to themselves and diff as no change against the policy's outputs`, () => {
            const args = declared.find((d) => d.args.adopt === stored[i].id)?.args;
            assert.ok(args);
            const { inputs, failures } = checkPolicy({}, args);
            assert.deepEqual(failures, []);
            // The program states only what is not Graph's default; check fills in the rest, to exactly the canonical inputs.
            assert.deepEqual(args, exported[i].declared);
            assert.deepEqual(inputs, exported[i].inputs);
            assert.deepEqual(diffPolicy(outputsFromGraph(stored[i]), inputs as CanonicalPolicy), {
                changes: false,
                replaces: [],
                diffs: [],
            });
        });
    });

    it("leaves Graph's defaults out: each policy declares less than its canonical inputs, and no zero-valued pattern", () => {
        for (const policy of exported) {
            assert.ok(
                JSON.stringify(policy.declared).length < JSON.stringify(policy.inputs).length,
                `${policy.inputs.displayName} declares every default`,
            );
        }
        for (const defaultValue of [
            /\bmonth: 0,/,
            /\bdaysOfWeek: \[\],/,
            /\bnumberOfOccurrences: 0,/,
            /\bisApprovalRequiredForUpdate: false,/,
        ]) {
            assert.doesNotMatch(source, defaultValue);
        }
    });

    it("names each access package and each repeated directory id once, as a constant with Graph's name beside it", () => {
        for (const id of new Set(exported.map((policy) => policy.inputs.accessPackageId))) {
            assert.equal(source.split(`"${id}"`).length - 1, 1, `${id} is written once`);
            assert.match(source, new RegExp(`^const accessPackage\\w* = "${id}";`, "m"));
        }
        const repeated = /^const (group|user)\w* = "[0-9a-f-]{36}"; \/\/ ".*"$/m.exec(source);
        assert.ok(repeated, "a directory id used by several policies is a constant with its description");
        assert.equal(source.split(repeated[0].split(" = ")[1].split(";")[0]).length - 1, 1);
    });

    it("is the same text whatever order Graph lists the policies in", () => {
        assert.equal(renderIndex([...exported].reverse()), source);
    });

    it("keeps every sub-day duration, manager level, sponsor and localized choice verbatim", () => {
        const args = declared.find((d) => d.args.displayName === "Contractors: 8-hour access")?.args as PolicyInputs | undefined;
        const stages = args?.requestApprovalSettings?.stages ?? [];
        assert.deepEqual(args?.expiration, { type: "afterDuration", duration: "PT8H" });
        assert.equal(stages[0].durationBeforeEscalation, "PT4H30M");
        assert.equal(managerLevelOf(stages[0].primaryApprovers?.[0]), 2);
        assert.ok(args?.requestorSettings?.onBehalfRequestors?.some((s) => managerLevelOf(s) === 3));
        assert.deepEqual(
            new Set(stages[1].primaryApprovers?.map((s) => s["@odata.type"])),
            new Set(["#microsoft.graph.externalSponsors", "#microsoft.graph.targetUserSponsors"]),
        );
        const [question] = args?.questions ?? [];
        const choices = question !== undefined && "choices" in question ? question.choices : [];
        assert.deepEqual(choices[0]?.localizations, [{ languageCode: "fr-FR", text: "Berlin (Allemagne)" }]);
    });

    it("refuses a policy the provider cannot declare, naming it and the property", () => {
        const broken = { ...stored[0], allowedTargetScope: "someFutureScope" } as unknown as Graph.AccessPackageAssignmentPolicy;
        assert.throws(
            () => exportedPolicy(broken),
            (error: unknown) => {
                assert.ok(error instanceof PolicyExportError);
                assert.match(error.message, /allowedTargetScope/);
                assert.ok(error.message.includes(stored[0].id as string));
                return true;
            },
        );
    });
});

describe("export: TypeScript literals", () => {
    it("writes a string literal that evaluates to the same string and holds no line break or invisible character", () => {
        fc.assert(
            fc.property(
                fc.string({
                    unit: fc.oneof(fc.constantFrom(...TRICKY_CHARACTERS), fc.string({ unit: "binary", minLength: 1, maxLength: 1 })),
                }),
                (text) => {
                    const literal = stringLiteral(text);
                    assert.equal(evaluate(literal), text);
                    assert.doesNotMatch(literal, /[\n\r\u0085\u2028\u2029\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]|[\ud800-\udfff]/u);
                },
            ),
        );
    });

    it("writes any JSON value as an expression equal to it", () => {
        fc.assert(
            fc.property(fc.jsonValue(), (value) => {
                const json = JSON.parse(JSON.stringify(value));
                assert.deepEqual(evaluate(typescriptLiteral(json)), json);
            }),
        );
    });

    it("defines __proto__ as a property rather than setting the prototype", () => {
        const value = JSON.parse('{"__proto__": {"polluted": true}}');
        const evaluated = evaluate(typescriptLiteral(value)) as Record<string, unknown>;
        assert.deepEqual(Object.keys(evaluated), ["__proto__"]);
        assert.equal(Object.getPrototypeOf(evaluated), Object.prototype);
    });
});

describe("export: resource names", () => {
    const policies = fc.uniqueArray(
        fc.record({ id: fc.uuid(), displayName: fc.oneof(fc.string(), fc.constantFrom("All Users", "all-users", "ALL users!", "")) }),
        {
            selector: (policy) => policy.id,
            maxLength: 12,
        },
    );

    it("are unique, URN-safe and independent of listing order", () => {
        fc.assert(
            fc.property(policies, (list) => {
                const names = resourceNames(list);
                assert.equal(new Set(names.values()).size, list.length);
                for (const name of names.values()) {
                    assert.match(name, /^[a-z0-9]+(-[a-z0-9]+)*$/);
                }
                assert.deepEqual(new Map([...resourceNames([...list].reverse())].sort()), new Map([...names].sort()));
            }),
        );
    });

    it("read like the display name, with an id suffix only where names collide", () => {
        const names = resourceNames([
            { id: "87e1c7f7-c7f7-87e1-f7c7-e187f7c7e187", displayName: "All Users" },
            { id: "12345678-0000-4000-8000-000000000000", displayName: "all users" },
            { id: "22222222-0000-4000-8000-000000000000", displayName: "Café — Zürich" },
            { id: "33333333-0000-4000-8000-000000000000", displayName: "!!!" },
        ]);
        assert.deepEqual([...names.values()], ["all-users-87e1c7f7", "all-users-12345678", "cafe-zurich", "policy"]);
    });
});

describe("export: command line", () => {
    it("takes exactly one scope, with options in either form", () => {
        assert.deepEqual(parseExportArguments(["--access-package", PACKAGE_ID, "--out=dir", "--endpoint", "http://127.0.0.1:1"]), {
            scope: { kind: "accessPackage", accessPackageId: PACKAGE_ID },
            out: "dir",
            endpoint: "http://127.0.0.1:1",
            token: undefined,
        });
        assert.deepEqual(parseExportArguments(["--all"]), {
            scope: { kind: "all" },
            out: "entra-assignment-policies",
            endpoint: undefined,
            token: undefined,
        });
        assert.equal(parseExportArguments(["--all", "--help"]), HELP);
        assert.equal(parseExportArguments(["-h", "--bogus"]), HELP);
        assert.deepEqual(parseExportArguments(["--catalog", "-x", "--out= dir "]), {
            scope: { kind: "catalog", catalogId: "-x" },
            out: "dir",
            endpoint: undefined,
            token: undefined,
        });
        assert.match(USAGE, /--access-package <id> \| --catalog <id> \| --all/);
    });

    for (const [argv, reason] of [
        [[], /exactly one of/],
        [["--all", "--catalog", PACKAGE_ID], /exactly one of/],
        [["--catalog"], /--catalog needs a value/],
        [["--access-package", "--all"], /needs a value/],
        [["--all", "--out", "a", "--out", "b"], /given twice/],
        [["--all", "--bogus"], /unknown argument/],
        // The corners of parseArgs' splitting, answered as the hand-written parser before it did.
        [["--all=yes"], /unknown argument "--all=yes"/],
        [["-hx", "--all"], /unknown argument "-hx"/],
        [["--all", "stray"], /unknown argument "stray"/],
        [["--all", "--", "--catalog"], /unknown argument "--"/],
        [["--all", "--out="], /--out needs a value/],
        [["--all", "--token", " "], /--token needs a value/],
        [["--bogus", "--help"], /unknown argument "--bogus"/],
    ] as const) {
        it(`refuses ${JSON.stringify(argv)}`, () => {
            assert.throws(
                () => parseExportArguments([...argv]),
                (error: unknown) => error instanceof UsageError && reason.test(error.message),
            );
        });
    }
});
