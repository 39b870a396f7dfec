/**
 * Every example in examples/ (but quickstart, which has its own test) runs through the engine harness against one
 * emulator: `up` creates the policies with the shape the program declares, referencing the catalog, access package
 * and custom workflow extension the mocks made in the emulator; a second `up` changes nothing; `destroy` deletes
 * them. Needs `npm run build` (the host loads the compiled implementation by package name). Then the same programs
 * through the real `pulumi` CLI, with-azuread on a test double of the azuread plugin.
 */
import * as assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { startGraphEmulator, type AssignmentPolicyRecord, type RunningGraphEmulator } from "../../../emulator";
import { describeWithCli, Engine, PulumiCli, UNKNOWN, type OperationResult, type StackConfig } from "../../harness";
import { deployAndDestroyWithCli } from "../../support/cliStack";
import { emulatorStackConfig, SHORT_GRAPH_TIMINGS } from "../../support/emulatorStackConfig";
import { newAccessPackage } from "../../support/providerOnEmulator";
import { AZUREAD, fakeObjectId } from "../../support/fakes/azureadMocks";
import { installAzureadPlugin } from "../../support/fakes/azureadPlugin/installAzureadPlugin";
import type { GraphPolicy, SubjectSet } from "../../../provider/core/types";
import { EmulatorGraph } from "./emulatorGraph";

const EXAMPLES = path.resolve(__dirname, "../../../examples");
const MOCKS = `${path.join(__dirname, "../../support/fakes/azureadMocks.ts")}#mocks`;
const POLICY_TYPE = "pulumi-nodejs:dynamic/entitlementManagement:AccessPackageAssignmentPolicy";

/** A policy as the emulator renders it to Graph's clients (but its access package and stage settings). */
type RenderedPolicy = Omit<GraphPolicy, "accessPackage" | "customExtensionStageSettings">;

/**
 * The one conversion: the emulator keeps a policy's properties and questions in Graph's wire form, which the provider's
 * types describe.
 */
function rendered(policy: AssignmentPolicyRecord | undefined): RenderedPolicy {
    assert.ok(policy, "the policy is in the emulator");
    const wire: object = { ...policy.properties, questions: policy.questions };
    return wire as RenderedPolicy;
}

/** The group of a group's members (`groupMembers`), `undefined` for any other subject. */
function groupIdOf(subject: SubjectSet | undefined): string | undefined {
    return subject !== undefined && "groupId" in subject ? subject.groupId : undefined;
}

function assertSucceeded(result: OperationResult, what: string): void {
    assert.deepEqual(result.errors, [], `${what} failed`);
    assert.ok(
        result.steps.every((step) => step.status === "ok"),
        `${what}: ${JSON.stringify(result.steps)}`,
    );
}

describe("examples on the emulator", function () {
    let emulator: RunningGraphEmulator;

    before(async () => {
        emulator = await startGraphEmulator();
    });

    after(async () => {
        await emulator?.close();
    });

    /** A stack of the example whose Graph is the emulator; `config` keys are prefixed with the example's project. */
    function stackOf(example: string, project: string, config: Record<string, string> = {}): Engine {
        const stackConfig: StackConfig = { ...SHORT_GRAPH_TIMINGS };
        for (const [key, value] of Object.entries(config)) {
            stackConfig[`${project}:${key}`] = value;
        }
        return new Engine({
            projectDir: path.join(EXAMPLES, example),
            stack: "test",
            config: stackConfig,
            env: { ENTRA_GRAPH_ENDPOINT: emulator.url, ENTRA_GRAPH_TOKEN: emulator.token },
            mocks: MOCKS,
        });
    }

    /** The emulator's record of each policy in the stack, by resource name. */
    async function deployedPolicies(engine: Engine): Promise<Map<string, AssignmentPolicyRecord>> {
        const policies = new Map<string, AssignmentPolicyRecord>();
        for (const entry of engine.state.resources.filter((r) => r.type === POLICY_TYPE)) {
            const record = await emulator.admin.get("assignmentPolicies", entry.id);
            assert.ok(record, `policy ${entry.urn} (${entry.id}) is not in the emulator`);
            policies.set(entry.urn.split("::").pop() as string, record);
        }
        return policies;
    }

    /** Runs `up`, checks that it created `names` and nothing else, and returns what the emulator holds. */
    async function upCreates(engine: Engine, names: string[]): Promise<Map<string, AssignmentPolicyRecord>> {
        const result = await engine.up();
        assertSucceeded(result, "up");
        const created = result.steps.filter((step) => step.op === "create").map((step) => step.urn.split("::").pop());
        assert.deepEqual(created.sort(), [...names].sort());
        const policies = await deployedPolicies(engine);
        assert.deepEqual([...policies.keys()].sort(), [...names].sort());
        return policies;
    }

    /** A second `up` of the same program and config: every step is `same`. */
    async function upChangesNothing(engine: Engine): Promise<void> {
        const result = await engine.up();
        assertSucceeded(result, "second up");
        assert.deepEqual(
            result.steps.filter((step) => step.op !== "same"),
            [],
            "the second up is not a no-op",
        );
    }

    /** `destroy` empties the stack and the policies are gone from the emulator. */
    async function destroyRemoves(engine: Engine, policies: Map<string, AssignmentPolicyRecord>): Promise<void> {
        assertSucceeded(await engine.destroy(), "destroy");
        assert.deepEqual(engine.state.resources, []);
        for (const [name, record] of policies) {
            assert.equal(await emulator.admin.get("assignmentPolicies", record.id), undefined, `${name} survived destroy`);
        }
    }

    async function accessPackageName(accessPackageId: string): Promise<string> {
        const accessPackage = await emulator.admin.get("accessPackages", accessPackageId);
        assert.ok(accessPackage, `access package ${accessPackageId} is not in the emulator`);
        return accessPackage.properties.displayName as string;
    }

    describe("with-azuread", () => {
        const config = { domain: "contoso.onmicrosoft.com", salesLeadPassword: "Example-only-0!" };

        it("previews a new stack with the azuread ids unknown and every policy checked", async () => {
            const engine = stackOf("with-azuread", "entra-policy-with-azuread", config);
            const program = await engine.capture({ preview: true });
            const salesMembers = program.resources.find((r) => r.name === "sales-members");
            assert.ok(salesMembers);
            assert.equal(salesMembers.inputs.accessPackageId, UNKNOWN);
            assert.deepEqual(salesMembers.inputs.specificAllowedTargets, [
                { "@odata.type": "#microsoft.graph.groupMembers", groupId: UNKNOWN },
            ]);
            const plan = await engine.preview(program);
            assert.deepEqual(plan.errors, []);
            const policySteps = plan.steps.filter((step) => step.type === POLICY_TYPE);
            assert.deepEqual(policySteps.map((step) => [step.urn.split("::").pop(), step.op, step.failures]).sort(), [
                ["lead-assigned", "create", []],
                ["sales-members", "create", []],
            ]);
        });

        it("creates both policies with the stack's groups and user, changes nothing on a second up, and destroys them", async () => {
            const engine = stackOf("with-azuread", "entra-policy-with-azuread", config);
            const policies = await upCreates(engine, ["sales-members", "lead-assigned"]);
            const salesGroup = fakeObjectId(AZUREAD.group, "sales");
            const approversGroup = fakeObjectId(AZUREAD.group, "sales-approvers");
            const lead = fakeObjectId(AZUREAD.user, "sales-lead");

            const members = policies.get("sales-members") as AssignmentPolicyRecord;
            assert.equal(await accessPackageName(members.accessPackageId), "Sales tools");
            assert.equal(members.properties.allowedTargetScope, "specificDirectoryUsers");
            assert.deepEqual((members.properties.specificAllowedTargets as Record<string, unknown>[]).map(withoutEmptyDescription), [
                { "@odata.type": "#microsoft.graph.groupMembers", groupId: salesGroup },
            ]);
            const [stage] = (members.properties.requestApprovalSettings as { stages: Record<string, unknown>[] }).stages;
            assert.deepEqual((stage.fallbackPrimaryApprovers as Record<string, unknown>[]).map(withoutEmptyDescription), [
                { "@odata.type": "#microsoft.graph.groupMembers", groupId: approversGroup },
            ]);

            const assigned = policies.get("lead-assigned") as AssignmentPolicyRecord;
            assert.equal(assigned.accessPackageId, members.accessPackageId);
            const requestor = assigned.properties.requestorSettings as {
                onBehalfRequestors: Record<string, unknown>[];
                enableOnBehalfRequestorsToAddAccess: boolean;
            };
            assert.equal(requestor.enableOnBehalfRequestorsToAddAccess, true);
            assert.deepEqual(requestor.onBehalfRequestors.map(withoutEmptyDescription), [
                { "@odata.type": "#microsoft.graph.singleUser", userId: lead },
            ]);

            await upChangesNothing(engine);
            await destroyRemoves(engine, policies);
        });
    });

    it("auto-assignment: creates the attribute-rule policy and the request-based one, changes nothing on a second up, and destroys them", async () => {
        const engine = stackOf("auto-assignment", "entra-policy-auto-assignment");
        const policies = await upCreates(engine, ["department-members", "everyone-else"]);
        const automatic = policies.get("department-members") as AssignmentPolicyRecord;
        assert.equal(await accessPackageName(automatic.accessPackageId), "Marketing tools");
        assert.equal(automatic.properties.allowedTargetScope, "specificDirectoryUsers");
        assert.deepEqual((automatic.properties.specificAllowedTargets as Record<string, unknown>[]).map(withoutEmptyDescription), [
            {
                "@odata.type": "#microsoft.graph.attributeRuleMembers",
                description: "Users in Marketing",
                membershipRule: '(user.department -eq "Marketing")',
            },
        ]);
        assert.deepEqual(automatic.properties.automaticRequestSettings, {
            requestAccessForAllowedTargets: true,
            removeAccessWhenTargetLeavesAllowedTargets: true,
            gracePeriodBeforeAccessRemoval: "P7D",
        });
        const onRequest = policies.get("everyone-else") as AssignmentPolicyRecord;
        assert.equal(onRequest.properties.automaticRequestSettings ?? null, null);
        assert.equal(onRequest.properties.allowedTargetScope, "allMemberUsers");

        await upChangesNothing(engine);
        await destroyRemoves(engine, policies);
    });

    it("external-users: creates the two-stage, reviewed, questioned policy for connected organizations, changes nothing on a second up, and destroys it", async () => {
        const organizations = ["2d5ac8bb-5c1c-4e49-9f1b-0c6f29a8e7d1", "8f1e0b6a-3a1f-4f4e-bc55-6f7d3e2a9c10"];
        const engine = stackOf("external-users", "entra-policy-external-users", {
            connectedOrganizationIds: JSON.stringify(organizations),
            firstReview: "2026-02-09",
        });
        const policies = await upCreates(engine, ["connected-organizations"]);
        const policy = policies.get("connected-organizations") as AssignmentPolicyRecord;
        const wire = rendered(policy);
        assert.equal(await accessPackageName(policy.accessPackageId), "Partner portal");
        assert.equal(wire.allowedTargetScope, "specificConnectedOrganizationUsers");
        assert.deepEqual(
            wire.specificAllowedTargets.map((target) => ("connectedOrganizationId" in target ? target.connectedOrganizationId : undefined)),
            organizations,
        );
        const [sponsor, internal] = wire.requestApprovalSettings.stages ?? [];
        assert.equal(wire.requestApprovalSettings.stages?.length, 2);
        assert.equal(sponsor.isEscalationEnabled, true);
        assert.equal(sponsor.durationBeforeEscalation, "P2D");
        assert.deepEqual(sponsor.primaryApprovers, [{ "@odata.type": "#microsoft.graph.externalSponsors" }]);
        assert.equal(groupIdOf(sponsor.escalationApprovers?.[0]), fakeObjectId(AZUREAD.group, "partner-managers"));
        assert.deepEqual(internal.primaryApprovers, [{ "@odata.type": "#microsoft.graph.internalSponsors" }]);
        assert.equal(wire.reviewSettings?.isEnabled, true);
        assert.equal(wire.reviewSettings.expirationBehavior, "removeAccess");
        assert.equal(wire.reviewSettings.schedule?.startDateTime, "2026-02-09T09:00:00Z");
        assert.deepEqual(
            [
                wire.reviewSettings.schedule.recurrence.pattern.type,
                wire.reviewSettings.schedule.recurrence.pattern.interval,
                wire.reviewSettings.schedule.recurrence.pattern.dayOfMonth,
            ],
            ["absoluteMonthly", 3, 9],
        );
        assert.deepEqual(
            wire.questions.map((question) => [question["@odata.type"], question.localizations?.map((l) => l.languageCode)]),
            [
                ["#microsoft.graph.accessPackageTextInputQuestion", ["fr", "de"]],
                ["#microsoft.graph.accessPackageMultipleChoiceQuestion", ["fr", "de"]],
            ],
        );

        await upChangesNothing(engine);
        await destroyRemoves(engine, policies);
    });

    it("custom-extension: binds the extension at assignmentRequestCreated, removes it with [] when configured, and destroys the policy", async () => {
        const graph = new EmulatorGraph(emulator.url, emulator.token);
        const catalog = await graph.catalog("Workflows", "Catalog with a custom workflow extension");
        const extension = await graph.requestWorkflowExtension(catalog.id, "On request created");
        const engine = stackOf("custom-extension", "entra-policy-custom-extension", {
            catalogId: catalog.id,
            customExtensionId: extension.id,
        });

        const policies = await upCreates(engine, ["with-extension"]);
        const created = policies.get("with-extension") as AssignmentPolicyRecord;
        assert.equal((await emulator.admin.get("accessPackages", created.accessPackageId))?.catalogId, catalog.id);
        assert.equal(created.properties.allowedTargetScope, "notSpecified");
        assert.deepEqual(
            created.customExtensionStageSettings.map(({ stage, customExtensionId }) => ({ stage, customExtensionId })),
            [{ stage: "assignmentRequestCreated", customExtensionId: extension.id }],
        );
        await upChangesNothing(engine);

        engine.config["entra-policy-custom-extension:removeCustomExtension"] = "true";
        const removal = await engine.up();
        assertSucceeded(removal, "up with removeCustomExtension");
        assert.deepEqual(
            removal.steps.filter((step) => step.op !== "same").map((step) => [step.urn.split("::").pop(), step.op]),
            [["with-extension", "update"]],
        );
        const removed = await emulator.admin.get("assignmentPolicies", created.id);
        assert.deepEqual(removed?.customExtensionStageSettings, []);
        await upChangesNothing(engine);

        await destroyRemoves(engine, policies);
    });
});

/**
 * The real CLI has no mocks, so each program gets the Graph objects it would find in a tenant (seeded in the
 * emulator) through the config keys with which it leaves azuread out, as its README describes; with-azuread, made of
 * azuread objects, runs on the azuread plugin double installed into a PULUMI_HOME of its own.
 */
describeWithCli("examples through the real pulumi CLI", function () {
    let emulator: RunningGraphEmulator | undefined;

    before(async () => {
        emulator = await startGraphEmulator();
    });
    // After-hooks run even when the suite was skipped for want of a CLI.
    after(async () => {
        await emulator?.close();
    });

    /**
     * Preview, up, a no-op up and destroy of the example on the emulator; `config` keys without a namespace are the
     * project's, `env` is added to every command's.
     */
    async function runExample(
        example: string,
        config: StackConfig,
        policies: string[],
        afterCreate: (created: Map<string, AssignmentPolicyRecord>, cli: PulumiCli) => Promise<void> | void,
        env: NodeJS.ProcessEnv = {},
    ): Promise<PulumiCli> {
        const cli = await PulumiCli.create({
            projectDir: path.join(EXAMPLES, example),
            config: { ...emulatorStackConfig(emulator!), ...config },
            env,
        });
        try {
            await deployAndDestroyWithCli(emulator!, cli, policies, (created) => afterCreate(created, cli));
            return cli;
        } finally {
            await cli.dispose();
        }
    }

    /** The users, groups and access package azuread made are in the emulator, and the policies name them. */
    async function assertPoliciesUse(created: Map<string, AssignmentPolicyRecord>, made: AzureadObjects): Promise<void> {
        const admin = emulator!.admin;
        assert.equal((await admin.get("users", made.lead))?.properties.userPrincipalName, "sales-lead@contoso.onmicrosoft.com");
        assert.equal((await admin.get("groups", made.sales))?.properties.displayName, "Sales");
        assert.deepEqual((await admin.get("groups", made.approvers))?.memberIds, [made.lead]);
        const accessPackage = await admin.get("accessPackages", made.accessPackage);
        assert.deepEqual([accessPackage?.catalogId, accessPackage?.properties.displayName], [made.catalog, "Sales tools"]);

        const members = rendered(created.get("sales-members"));
        assert.equal(created.get("sales-members")?.accessPackageId, made.accessPackage);
        assert.equal(groupIdOf(members.specificAllowedTargets[0]), made.sales);
        assert.equal(groupIdOf(members.requestApprovalSettings.stages?.[0].fallbackPrimaryApprovers?.[0]), made.approvers);
        const assigned = rendered(created.get("lead-assigned"));
        assert.equal(created.get("lead-assigned")?.accessPackageId, made.accessPackage);
        const [onBehalf] = assigned.requestorSettings.onBehalfRequestors ?? [];
        assert.equal(onBehalf && "userId" in onBehalf ? onBehalf.userId : undefined, made.lead);
        assert.equal(groupIdOf(assigned.requestApprovalSettings.stages?.[0].primaryApprovers?.[0]), made.approvers);
    }

    /** After destroy, none of the objects azuread made is left in the emulator. */
    async function assertAzureadObjectsGone(made: AzureadObjects): Promise<void> {
        const { lead, sales, approvers, crmUsers, catalog, accessPackage } = made;
        const left = [];
        for (const [collection, id] of [
            ["users", lead],
            ["groups", sales],
            ["groups", approvers],
            ["groups", crmUsers],
            ["catalogs", catalog],
            ["accessPackages", accessPackage],
        ] as const) {
            if ((await emulator!.admin.get(collection, id)) !== undefined) left.push(`${collection}/${id}`);
        }
        assert.deepEqual(left, [], "destroy left azuread's objects behind");
    }

    it("with-azuread: previews, creates both policies on the access package, groups and user the azuread plugin double made in the emulator, keeps the password secret, changes nothing on a second up, and destroys it all", async () => {
        const pulumiHome = fs.mkdtempSync(path.join(os.tmpdir(), "pulumi-home-azuread-"));
        const password = `Example-only-${randomUUID()}`;
        try {
            const version = await installAzureadPlugin(pulumiHome, path.join(EXAMPLES, "with-azuread"));
            const env = { PULUMI_HOME: pulumiHome, ENTRA_GRAPH_ENDPOINT: emulator!.url, ENTRA_GRAPH_TOKEN: emulator!.token };
            const config = { domain: "contoso.onmicrosoft.com", salesLeadPassword: { secret: password } };
            let made: AzureadObjects | undefined;
            const cli = await runExample(
                "with-azuread",
                config,
                ["sales-members", "lead-assigned"],
                async (created, stack) => {
                    made = await azureadObjects(stack, version, password);
                    await assertPoliciesUse(created, made);
                },
                env,
            );
            assert.ok(made, "up ran");
            await assertAzureadObjectsGone(made);
            assert.ok(!cli.transcript.includes(password), "the CLI printed the password");
        } finally {
            fs.rmSync(pulumiHome, { recursive: true, force: true });
        }
    });

    it("quickstart: previews, creates the All Users policy on the configured access package, changes nothing on a second up, and destroys it", async () => {
        const accessPackageId = await newAccessPackage(emulator!, "quickstart");
        await runExample("quickstart", { accessPackageId }, ["all-users"], (created) => {
            assert.equal(created.get("all-users")?.accessPackageId, accessPackageId);
        });
    });

    it("auto-assignment: previews, creates both policies on the configured access package, changes nothing on a second up, and destroys them", async () => {
        const accessPackageId = await newAccessPackage(emulator!, "Marketing tools");
        await runExample("auto-assignment", { accessPackageId }, ["department-members", "everyone-else"], (created) => {
            assert.deepEqual(
                [...created.values()].map((policy) => policy.accessPackageId),
                [accessPackageId, accessPackageId],
            );
            assert.equal(
                (created.get("department-members")?.properties.automaticRequestSettings as Record<string, unknown>)
                    .requestAccessForAllowedTargets,
                true,
            );
        });
    });

    it("external-users: previews, creates the policy for the configured organizations with the configured group as escalation approvers, changes nothing on a second up, and destroys it", async () => {
        const accessPackageId = await newAccessPackage(emulator!, "Partner portal");
        const partnerManagersGroupId = randomUUID();
        const organizations = [randomUUID(), randomUUID()];
        const config: StackConfig = { accessPackageId, partnerManagersGroupId };
        organizations.forEach((id, index) => (config[`connectedOrganizationIds[${index}]`] = id));
        await runExample("external-users", config, ["connected-organizations"], (created) => {
            const wire = rendered(created.get("connected-organizations"));
            assert.deepEqual(
                wire.specificAllowedTargets.map((target) =>
                    "connectedOrganizationId" in target ? target.connectedOrganizationId : undefined,
                ),
                organizations,
            );
            assert.equal(groupIdOf(wire.requestApprovalSettings.stages?.[0].escalationApprovers?.[0]), partnerManagersGroupId);
        });
    });

    it("custom-extension: previews, creates the policy with the configured extension on the configured access package, changes nothing on a second up, and destroys it", async () => {
        const graph = new EmulatorGraph(emulator!.url, emulator!.token);
        const catalog = await graph.catalog("Workflows", "Catalog with a custom workflow extension");
        const extension = await graph.requestWorkflowExtension(catalog.id, "On request created");
        const accessPackage = await graph.accessPackage(catalog.id, "Provisioned by workflow");
        const config = { catalogId: catalog.id, customExtensionId: extension.id, accessPackageId: accessPackage.id };
        await runExample("custom-extension", config, ["with-extension"], (created) => {
            const policy = created.get("with-extension") as AssignmentPolicyRecord;
            assert.equal(policy.accessPackageId, accessPackage.id);
            assert.deepEqual(
                policy.customExtensionStageSettings.map(({ stage, customExtensionId }) => ({ stage, customExtensionId })),
                [{ stage: "assignmentRequestCreated", customExtensionId: extension.id }],
            );
        });
    });
});

/** A subject set without the `description` Graph fills in on read, which the examples do not set. */
function withoutEmptyDescription(subject: Record<string, unknown>): Record<string, unknown> {
    return Object.fromEntries(
        Object.entries(subject).filter(([key, value]) => !(key === "description" && (value === null || value === undefined))),
    );
}

/** The ids of the objects with-azuread's azuread resources made, as the stack's state holds them. */
interface AzureadObjects {
    lead: string;
    sales: string;
    approvers: string;
    crmUsers: string;
    catalog: string;
    accessPackage: string;
}

/** A resource of `pulumi stack export`, as far as these checks read it. */
interface ExportedResource {
    urn: string;
    type: string;
    id?: string;
    inputs?: Record<string, unknown>;
    outputs?: Record<string, unknown>;
}

/**
 * The azuread objects in the stack's state, made by the azuread provider of `version` (the one installed), with the
 * user's password there only as a secret (a ciphertext) and nowhere in the clear.
 */
async function azureadObjects(cli: PulumiCli, version: string, password: string): Promise<AzureadObjects> {
    const exported = (await cli.exportState()) as { deployment?: { resources?: ExportedResource[] } };
    assert.ok(!JSON.stringify(exported).includes(password), "the password is in the state in the clear");
    const resources = exported.deployment?.resources ?? [];
    assert.deepEqual(
        resources.filter((resource) => resource.type === "pulumi:providers:azuread").map((provider) => provider.inputs?.version),
        [version],
    );
    const entry = (type: string, name: string): ExportedResource => {
        const found = resources.find((resource) => resource.type === type && resource.urn.endsWith(`::${name}`));
        assert.ok(found?.id, `${type} ${name} is not in the state`);
        return found;
    };
    const objectId = (type: string, name: string): string => {
        const { id, outputs } = entry(type, name);
        assert.equal(outputs?.objectId, id, `the objectId of ${name}`);
        return id as string;
    };
    assert.ok(Object.keys(entry(AZUREAD.user, "sales-lead").outputs?.password as object).includes("ciphertext"));
    return {
        lead: objectId(AZUREAD.user, "sales-lead"),
        sales: objectId(AZUREAD.group, "sales"),
        approvers: objectId(AZUREAD.group, "sales-approvers"),
        crmUsers: objectId(AZUREAD.group, "crm-users"),
        catalog: entry(AZUREAD.catalog, "sales").id as string,
        accessPackage: entry(AZUREAD.accessPackage, "sales-tools").id as string,
    };
}
