/**
 * Property-based tests of `check` as the provider runs it: through the bound provider operations (the bulk of the
 * runs, in process) and through the real dynamic-provider host (a handful of generated programs). Invalid input must
 * never throw, must come back as failures with property paths, and must never reach Graph. (The pure `checkPolicy`
 * properties are in test/core/model/properties.test.ts.)
 */
import * as assert from "node:assert/strict";
import fc from "fast-check";
import { startGraphEmulator, type RunningGraphEmulator } from "../../../emulator";
import type { PolicyInputs } from "../../../provider/core/types";
import { EngineError } from "../../harness";
import { DOCUMENTED_POLICY_FIXTURES, documentedInputs } from "../../support/documentedPolicies";
import { operationsOn, type PolicyOperations } from "../../support/providerOnEmulator";
import { policyStack, policyUrn, type PolicyStack } from "./policyStack";

/** A documented (valid) policy with one property made invalid, and the top-level property that was broken. */
interface Corrupted {
    fixture: string;
    broken: string;
    inputs: Record<string, unknown>;
}

const notString = fc.oneof(
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.array(fc.string(), { maxLength: 2 }),
    fc.dictionary(fc.string(), fc.string(), { maxKeys: 2 }),
);
const ENUM_SCOPES = [
    "notspecified",
    "specificdirectoryusers",
    "specificconnectedorganizationusers",
    "specificdirectoryserviceprincipals",
    "allmemberusers",
    "alldirectoryusers",
    "alldirectoryserviceprincipals",
    "allconfiguredconnectedorganizationusers",
    "allexternalusers",
];
// Names of Object.prototype members are drawn often: lookup tables keyed by user text must not find them.
const PROTOTYPE_NAMES = Object.getOwnPropertyNames(Object.prototype);
const notAScope = fc
    .oneof(fc.constantFrom(...PROTOTYPE_NAMES), fc.string())
    .filter((text) => !ENUM_SCOPES.includes(text.trim().toLowerCase()));
const notADuration = fc.string().filter((text) => !/^P/i.test(text.trim()));
const notAGuid = fc.string().filter((text) => !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(text.trim()));

type Inputs = Record<string, unknown>;

/** A way to break a valid policy, naming the top-level property a failure must point at. */
interface Corruption {
    broken: string;
    apply: (inputs: Inputs) => Inputs;
}

function breaks<T>(broken: string, values: fc.Arbitrary<T>, apply: (inputs: Inputs, value: T) => Inputs): fc.Arbitrary<Corruption> {
    return values.map((value) => ({ broken, apply: (inputs: Inputs) => apply(inputs, value) }));
}

const corruption: fc.Arbitrary<Corruption> = fc.oneof(
    breaks("displayName", notString, (inputs, displayName) => ({ ...inputs, displayName })),
    breaks("allowedTargetScope", notAScope, (inputs, allowedTargetScope) => ({ ...inputs, allowedTargetScope })),
    breaks("accessPackageId", notAGuid, (inputs, accessPackageId) => ({ ...inputs, accessPackageId })),
    breaks("expiration", notADuration, (inputs, duration) => ({ ...inputs, expiration: { type: "afterDuration", duration } })),
    breaks("requestorSettings", fc.string(), (inputs, type) => ({
        ...inputs,
        requestorSettings: { onBehalfRequestors: [{ "@odata.type": `#microsoft.graph.nope${type}` }] },
    })),
    breaks(
        "questions",
        fc.jsonValue().filter((value) => !Array.isArray(value) && value !== null),
        (inputs, questions) => ({ ...inputs, questions }),
    ),
    breaks("requestApprovalSettings", fc.integer({ min: 4, max: 6 }), (inputs, count) => ({
        ...inputs,
        requestApprovalSettings: { isApprovalRequiredForAdd: true, stages: Array(count).fill({ durationBeforeAutomaticDenial: "P1D" }) },
    })),
);

const corrupted: fc.Arbitrary<Corrupted> = fc
    .tuple(fc.constantFrom(...DOCUMENTED_POLICY_FIXTURES), corruption)
    .map(([fixture, { broken, apply }]) => ({ fixture, broken, inputs: apply(documentedInputs(fixture)) }));

/** Anything JSON, and JSON shaped like a policy (real property names with random values). */
const arbitraryInputs = fc.oneof(
    fc.jsonValue({ maxDepth: 4 }),
    fc.dictionary(
        fc.constantFrom("accessPackageId", "displayName", "description", "allowedTargetScope", "expiration", "questions", "adopt"),
        fc.jsonValue({ maxDepth: 3 }),
    ),
);

function assertPointsAt(failures: readonly { property: string; reason: string }[] | undefined, broken: string, what: string): void {
    assert.ok(failures && failures.length > 0, `no failure for ${what}`);
    for (const failure of failures) {
        assert.equal(typeof failure.property, "string");
        assert.ok(failure.reason.length > 0, `failure without a reason for ${what}`);
    }
    assert.ok(
        failures.some(
            (failure) =>
                failure.property === broken || failure.property.startsWith(`${broken}.`) || failure.property.startsWith(`${broken}[`),
        ),
        `no failure at ${broken} for ${what}: ${JSON.stringify(failures)}`,
    );
}

describe("reliability: check on generated input", () => {
    let emulator: RunningGraphEmulator;
    let operations: PolicyOperations;

    before(async () => {
        emulator = await startGraphEmulator();
        operations = operationsOn(emulator);
    });
    after(() => emulator?.close());

    it("never throws through the provider operations, for any news and olds", async () => {
        await fc.assert(
            fc.asyncProperty(arbitraryInputs, arbitraryInputs, async (news, olds) => {
                const result = await operations.check(olds as unknown as PolicyInputs, news as unknown as PolicyInputs);
                assert.ok(Array.isArray(result.failures ?? []));
                for (const failure of result.failures ?? []) assert.ok(typeof failure.property === "string" && failure.reason.length > 0);
            }),
            { numRuns: 300 },
        );
        assert.deepEqual(await emulator.admin.requests(), [], "check made no Graph request");
    });

    it("reports a failure at the broken property of every corrupted documented policy, as a new resource and as an update", async () => {
        await fc.assert(
            fc.asyncProperty(corrupted, async ({ fixture, broken, inputs }) => {
                const what = `${fixture} with ${broken} = ${JSON.stringify(inputs[broken])}`;
                assertPointsAt((await operations.check({} as PolicyInputs, inputs as PolicyInputs)).failures, broken, what);
                const olds = documentedInputs(fixture) as PolicyInputs;
                assertPointsAt((await operations.check(olds, inputs as PolicyInputs)).failures, broken, `${what} (update)`);
            }),
            { numRuns: 300 },
        );
        assert.deepEqual(await emulator.admin.requests(), [], "check made no Graph request");
    });

    describe("through the dynamic-provider host", () => {
        let stack: PolicyStack;
        // Fixed seed: the same few programs every run, so a host failure is reproducible.
        const generated = fc.sample(corrupted, { numRuns: 4, seed: 20260101 });
        // The resource class itself insists on the required properties being present, whatever their values.
        const garbage = fc.sample(
            fc.record({
                accessPackageId: fc.jsonValue({ maxDepth: 2 }),
                displayName: fc.jsonValue({ maxDepth: 2 }),
                description: fc.jsonValue({ maxDepth: 2 }),
                allowedTargetScope: fc.jsonValue({ maxDepth: 2 }),
                expiration: fc.jsonValue({ maxDepth: 2 }),
            }),
            { numRuns: 1, seed: 7 },
        );

        before(() => {
            stack = policyStack(emulator, [
                ...generated.map((sample, i) => ({ name: `corrupted-${i}`, args: sample.inputs })),
                ...garbage.map((args, i) => ({ name: `garbage-${i}`, args })),
            ]);
        });
        after(() => stack?.dispose());
        beforeEach(() => emulator.admin.resetLog());

        it("previews every generated invalid policy as a check failure at the broken property, with no Graph request", async () => {
            const plan = await stack.engine.preview();
            assert.equal(plan.steps.length, generated.length + garbage.length);
            const failuresOf = (name: string) => plan.steps.find((step) => step.urn === policyUrn(name))?.failures;
            generated.forEach((sample, i) =>
                assertPointsAt(failuresOf(`corrupted-${i}`), sample.broken, `host preview of ${sample.fixture} / ${sample.broken}`),
            );
            garbage.forEach((_, i) => assert.ok(failuresOf(`garbage-${i}`)?.length, "random args are invalid"));
            assert.ok(
                plan.errors.every((error) => error.includes("has a problem")),
                plan.errors.join("\n"),
            );
            assert.deepEqual(await emulator.admin.requests(), []);
        });

        it("fails up before any change: nothing in state, nothing in the tenant, no Graph request", async () => {
            await assert.rejects(stack.engine.up(), EngineError);
            assert.equal(stack.engine.state.resources.length, 0);
            assert.deepEqual(await emulator.admin.requests(), []);
            assert.deepEqual(await emulator.admin.policies(), []);
        });
    });
});
