import * as assert from "node:assert/strict";
import * as pulumi from "@pulumi/pulumi";

/**
 * `__provider` is stored in the inputs and outputs of every policy in state, so it must stay small, must name the
 * implementation by package (so upgrades apply to existing resources), and must never capture a credential.
 */
describe("serialized provider (__provider)", () => {
    const secrets = {
        ENTRA_GRAPH_TOKEN: "sentinel-env-token-5c1f0b",
        ARM_CLIENT_SECRET: "sentinel-env-client-secret-9d2e",
        AZURE_CLIENT_SECRET: "sentinel-env-azure-secret-77aa",
    };
    const stackConfig = {
        "entra:token": "sentinel-config-token-1e4c",
        "azuread:clientSecret": "sentinel-config-client-secret-a0b3",
    };
    const saved: Record<string, string | undefined> = {};

    before(() => {
        for (const [key, value] of Object.entries(secrets)) {
            saved[key] = process.env[key];
            process.env[key] = value;
        }
        pulumi.runtime.setAllConfig(stackConfig, Object.keys(stackConfig));
    });

    after(() => {
        for (const [key, value] of Object.entries(saved)) {
            if (value === undefined) delete process.env[key];
            else process.env[key] = value;
        }
    });

    function assertNoSecret(text: string): void {
        for (const secret of [...Object.values(secrets), ...Object.values(stackConfig)]) {
            assert.ok(!text.includes(secret), `serialized provider contains ${secret}`);
        }
    }

    it("serializes to at most 2 KB that names the implementation by package and holds no credential", async () => {
        const { policyProvider } = await import("../../provider");
        const { text, containsSecrets } = await pulumi.runtime.serializeFunction(() => policyProvider, { allowSecrets: true });
        assert.ok(Buffer.byteLength(text) <= 2048, `__provider is ${Buffer.byteLength(text)} bytes`);
        assert.match(text, /"pulumi-entra-assignment-policy\/implementation"/);
        assert.equal(containsSecrets, false);
        assertNoSecret(text);
        // No module of ours or of a Graph/identity SDK is captured by path or by value.
        assert.doesNotMatch(text, /microsoft-graph|@azure\/identity|\/work\/|provider\/(dynamic\/)?implementation/);
    });

    it("records the same tiny __provider on a resource registered by a program", async () => {
        const registered: Record<string, unknown>[] = [];
        await pulumi.runtime.setMocks(
            {
                newResource: (args) => {
                    registered.push(args.inputs);
                    return { id: "00000000-0000-4000-8000-000000000001", state: args.inputs };
                },
                call: (args) => args.inputs,
            },
            "serialization-test",
            "dev",
            true,
        );
        const { AccessPackageAssignmentPolicy } = await import("../../provider");
        const policy = new AccessPackageAssignmentPolicy("p", {
            accessPackageId: "49d2c59b-0a81-463d-a8ec-ddad3935d8a0",
            displayName: "All Users",
            description: "All users can request for access to the directory.",
            allowedTargetScope: "allDirectoryUsers",
        });
        await new Promise<void>((resolve) => policy.urn.apply(() => resolve()));
        assert.equal(registered.length, 1);
        const serialized = registered[0].__provider as string;
        assert.equal(typeof serialized, "string");
        assert.ok(Buffer.byteLength(serialized) <= 2048);
        assertNoSecret(JSON.stringify(registered[0]));
    });
});
