import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { keysOf, SETTING_SOURCES, settingKeys, type SettingField } from "../../../provider/core/graph/config/settingSources";

describe("SETTING_SOURCES", () => {
    it("reads exactly the keys docs/configuration.md's table lists", () => {
        const doc = fs.readFileSync(path.resolve(__dirname, "../../../docs/configuration.md"), "utf8");
        const section = doc.slice(doc.indexOf("# Configuration\n"), doc.indexOf("\n## Credentials\n"));
        const tableRows = section.split("\n").filter((line) => line.startsWith("| ") && !line.startsWith("| Setting"));
        assert.ok(tableRows.length > 0, "docs/configuration.md has a configuration table");
        // Columns 2 to 4: stack config, azuread stack config, environment.
        const documented = new Set(
            tableRows.flatMap((row) =>
                row
                    .split("|")
                    .slice(2, 5)
                    .flatMap((cell) => [...cell.matchAll(/`([^`]+)`/g)].map((match) => match[1])),
            ),
        );
        const read = new Set((Object.keys(SETTING_SOURCES) as SettingField[]).flatMap(settingKeys));
        assert.deepEqual([...documented].sort(), [...read].sort());
    });

    it("names a setting's keys in precedence order: entra, azuread, then the environment in the order read", () => {
        assert.deepEqual(settingKeys("oidcRequestUrl"), [
            "azuread:oidcRequestUrl",
            "ARM_OIDC_REQUEST_URL",
            "ACTIONS_ID_TOKEN_REQUEST_URL",
            "SYSTEM_OIDCREQUESTURI",
        ]);
        assert.equal(keysOf("tenantId", "operationTimeout"), "entra:tenantId, azuread:tenantId, ARM_TENANT_ID, entra:operationTimeout");
    });
});
