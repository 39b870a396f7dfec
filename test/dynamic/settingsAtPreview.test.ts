import * as assert from "node:assert/strict";
import { GraphSettingsError } from "../../provider/core/graph";
import { bindOperations } from "../../provider/dynamic/implementation";
import type { PolicyInputs } from "../../provider/core/types";

/** Stack config as the host's `configure` hands it over. */
function stackConfig(values: Record<string, string>): { get(key: string): string | undefined } {
    return { get: (key) => values[key] };
}

const NEWS = {
    accessPackageId: "49d2c59b-0a81-463d-a8ec-ddad3935d8a0",
    displayName: "All Users",
    description: "All users can request for access to the directory.",
    allowedTargetScope: "allDirectoryUsers",
    requestorSettings: { enableTargetsToSelfAddAccess: true },
    requestApprovalSettings: {},
} as PolicyInputs;

/**
 * Graph settings are validated by `check`, so a misconfigured stack fails `pulumi preview` with the key at fault,
 * while a stack with no settings at all (credentials come later, from the environment of `up`) still previews.
 */
describe("provider settings at preview", () => {
    const saved = { ...process.env };
    beforeEach(() => {
        for (const key of Object.keys(process.env)) {
            if (/^(ENTRA_|ARM_|AZURE_)/.test(key)) delete process.env[key];
        }
    });
    afterEach(() => {
        process.env = { ...saved };
    });

    it("fails check with the offending key and what it accepts", async () => {
        const operations = bindOperations(stackConfig({ "entra:cloud": "mars" }));
        await assert.rejects(operations.check({} as PolicyInputs, NEWS), (error: unknown) => {
            assert.ok(error instanceof GraphSettingsError);
            assert.match(error.message, /entra:cloud/);
            assert.match(error.message, /public/);
            return true;
        });
    });

    it("fails check when an environment setting is invalid", async () => {
        process.env.ENTRA_GRAPH_ENDPOINT = "not a url";
        await assert.rejects(bindOperations(stackConfig({})).check({} as PolicyInputs, NEWS), /ENTRA_GRAPH_ENDPOINT/);
    });

    it("checks inputs without any Graph setting or credential configured", async () => {
        const { failures } = await bindOperations(undefined).check({} as PolicyInputs, NEWS);
        assert.deepEqual(failures, []);
    });
});
