import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { SETTING_SOURCES, type SettingKeys } from "../../provider/core/graph/config/settingSources";
import { packageSchema, RESOURCE_TOKEN, SCHEMA_FILE, schemaText } from "./schema/packageSchema";

describe("plugin: the package schema", function () {
    const schema = packageSchema();

    it("is the committed provider/plugin/schema.json (regenerate: npx ts-node test/plugin/schema/packageSchema.ts --write)", async () => {
        assert.equal(fs.readFileSync(SCHEMA_FILE, "utf8"), await schemaText(schema));
    });

    it("describes every input of PolicyInputs and every output but the resource id, each with its TSDoc", () => {
        const resource = schema.resources[RESOURCE_TOKEN] as {
            inputProperties: Record<string, { description?: string }>;
            properties: Record<string, { description?: string }>;
            requiredInputs: string[];
        };
        assert.deepEqual(Object.keys(resource.inputProperties), [
            "accessPackageId",
            "displayName",
            "description",
            "allowedTargetScope",
            "specificAllowedTargets",
            "automaticRequestSettings",
            "expiration",
            "requestorSettings",
            "requestApprovalSettings",
            "reviewSettings",
            "notificationSettings",
            "questions",
            "customExtensionStageSettings",
            "adopt",
        ]);
        assert.deepEqual(resource.requiredInputs, ["accessPackageId", "displayName", "description", "allowedTargetScope"]);
        assert.ok(!("id" in resource.properties));
        for (const name of ["createdDateTime", "modifiedDateTime", "catalogId", "carriedGraphProperties"]) {
            assert.ok(resource.properties[name], name);
        }
        assert.match(resource.inputProperties.accessPackageId.description ?? "", /Changing it replaces the policy/);
    });

    it("turns every enumeration of provider/core/types/enums.ts that the policy uses into an enum with Graph's values", () => {
        const enums = Object.entries(schema.types).filter(([, type]) => "enum" in type);
        const declared = [
            ...fs.readFileSync(path.resolve(__dirname, "../../provider/core/types/enums.ts"), "utf8").matchAll(/^export type (\w+) =/gm),
        ]
            .map((match) => match[1])
            .filter((name) => !["UnknownFutureValue", "PredatingTypings"].includes(name));
        assert.deepEqual(enums.map(([token]) => token).sort(), declared.map((name) => `entra:index:${name}`).sort());
        const scope = schema.types["entra:index:AllowedTargetScope"] as { enum: { value: string }[] };
        assert.ok(scope.enum.some(({ value }) => value === "allDirectoryAgentIdentities"));
        assert.ok(!scope.enum.some(({ value }) => value === "unknownFutureValue"));
    });

    it("types polymorphic lists as oneOf discriminated by @odata.type, named odataType for the SDKs", () => {
        const approvers = (schema.types["entra:index:ApprovalStage"] as { properties: Record<string, { items?: unknown }> }).properties
            .primaryApprovers;
        const items = approvers.items as { oneOf: unknown[]; discriminator: { propertyName: string; mapping: Record<string, string> } };
        assert.equal(items.discriminator.propertyName, "odataType");
        assert.equal(items.discriminator.mapping["#microsoft.graph.requestorManager"], "#/types/entra:index:RequestorManager");
        assert.equal(items.oneOf.length, Object.keys(items.discriminator.mapping).length);
    });

    it("declares a config variable for every entra:* setting, secrets marked", () => {
        const keys = (Object.values(SETTING_SOURCES) as SettingKeys[]).flatMap(({ entra }) =>
            entra === undefined ? [] : [entra.slice("entra:".length)],
        );
        assert.deepEqual(Object.keys(schema.config.variables), keys);
        assert.deepEqual(schema.provider.inputProperties, schema.config.variables);
        assert.equal((schema.config.variables.clientSecret as { secret?: boolean }).secret, true);
        assert.equal((schema.config.variables.graphEndpoint as { secret?: boolean }).secret, undefined);
    });
});
