import assert from "node:assert/strict";
import { bestCandidate, highestSetting, settingLookup, type ConfigSource } from "../../../provider/core/graph/config/settingLookup";

const config = (values: Record<string, string>): ConfigSource => ({ get: (key) => values[key] });

describe("settingLookup", () => {
    it("takes entra:* over azuread:* over the environment, naming the key and its rank", () => {
        const env = { ARM_TENANT_ID: "from-env" };
        assert.deepEqual(settingLookup(config({ "entra:tenantId": "e", "azuread:tenantId": "a" }), env)("tenantId"), {
            value: "e",
            key: "entra:tenantId",
            rank: 0,
        });
        assert.deepEqual(settingLookup(config({ "azuread:tenantId": "a" }), env)("tenantId"), {
            value: "a",
            key: "azuread:tenantId",
            rank: 1,
        });
        assert.deepEqual(settingLookup(undefined, env)("tenantId"), { value: "from-env", key: "ARM_TENANT_ID", rank: 2 });
    });

    it("trims values and treats blank ones as not set", () => {
        const find = settingLookup(config({ "entra:tenantId": "  ", "azuread:tenantId": " a \n" }), { ARM_CLIENT_ID: "" });
        assert.deepEqual(find("tenantId"), { value: "a", key: "azuread:tenantId", rank: 1 });
        assert.equal(find("clientId"), undefined);
    });

    it("takes the first environment variable set, in the table's order", () => {
        const find = settingLookup(undefined, {
            SYSTEM_OIDCREQUESTURI: "https://ado.example/",
            ACTIONS_ID_TOKEN_REQUEST_URL: "https://gh.example/",
        });
        assert.equal(find("oidcRequestUrl")?.key, "ACTIONS_ID_TOKEN_REQUEST_URL");
    });

    it("chooses the highest-ranked candidate, the earliest among equals", () => {
        const found = (key: string, rank: number) => ({ value: key, key, rank });
        assert.equal(
            bestCandidate([
                ["a", found("a", 2)],
                ["b", found("b", 1)],
                ["c", found("c", 1)],
            ])?.choice,
            "b",
        );
        assert.equal(bestCandidate([["a", undefined]]), undefined);
        assert.equal(highestSetting(undefined, found("x", 2), found("y", 2))?.key, "x");
    });
});
