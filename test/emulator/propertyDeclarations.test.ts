/**
 * On the emulator side a Graph property is one declaration in a shape table (emulator/validation/): the reader's
 * allowed keys, its defaults, its checks and what GET renders all come from there.
 */
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import * as path from "node:path";
import { field } from "../../emulator/validation/field";
import { readObject, type ObjectShape } from "../../emulator/validation/ObjectShape";
import { NOTIFICATION_SETTINGS } from "../../emulator/validation/policySettings";

const EMULATOR = path.join(__dirname, "..", "..", "emulator");

/** The code of every emulator source file, comments left out (a comment may name a property it does not declare). */
function emulatorCode(directory = EMULATOR): { file: string; code: string }[] {
    return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
        const file = path.join(directory, entry.name);
        if (entry.isDirectory()) return emulatorCode(file);
        if (!entry.name.endsWith(".ts")) return [];
        const code = readFileSync(file, "utf8")
            .replace(/\/\*[\s\S]*?\*\//g, "")
            .replace(/^\s*\/\/.*$/gm, "");
        return [{ file: path.relative(EMULATOR, file), code }];
    });
}

describe("emulator: each Graph property is declared once", () => {
    const declaredIn: Readonly<Record<string, string>> = {
        approverInformationVisibility: "validation/policySettings.ts",
        accessPackageDynamicApprovalStage: "validation/policySettings.ts",
        allDirectoryAgentIdentities: "validation/assignmentPolicyShape.ts",
        targetAgentIdentitySponsorsOrOwners: "validation/subjectSets.ts",
    };
    for (const [member, file] of Object.entries(declaredIn)) {
        it(`the 2026 member ${member} is named once, in the table of ${file}`, () => {
            const places = emulatorCode().flatMap(({ file: where, code }) =>
                [...code.matchAll(new RegExp(`\\b${member}\\b`, "g"))].map(() => where),
            );
            assert.deepEqual(places, [file]);
        });
    }

    describe("a property added to a shape's table", () => {
        const shape: ObjectShape = {
            ...NOTIFICATION_SETTINGS,
            fields: { ...NOTIFICATION_SETTINGS.fields, isDigestEnabled: field.boolean(true) },
        };
        const read = (value: Record<string, unknown> | undefined) => readObject(value as never, "notificationSettings", shape);

        it("is allowed, read and rendered after the others in table order", () => {
            const body = { isDigestEnabled: false, isAssignmentNotificationDisabled: true };
            assert.deepEqual(Object.entries(read(body) ?? {}), [
                ["isAssignmentNotificationDisabled", true],
                ["isDigestEnabled", false],
            ]);
        });

        it("takes its declared default when absent, in an omitted object too", () => {
            assert.deepEqual(read({}), { isAssignmentNotificationDisabled: false, isDigestEnabled: true });
            assert.deepEqual(read(undefined), { isAssignmentNotificationDisabled: false, isDigestEnabled: true });
        });

        it("is validated as its kind, and a misspelling is refused as an unknown property", () => {
            assert.throws(() => read({ isDigestEnabled: "maybe" }), /'notificationSettings\.isDigestEnabled': expected a boolean/);
            assert.throws(() => read({ isDigestEnable: true }), /'isDigestEnable' does not exist on type/);
        });
    });
});
