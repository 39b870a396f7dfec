/** `customExtensionStageSettings`: custom workflow extensions run at stages of the assignment lifecycle. */
import type { CustomExtensionReference, CustomExtensionStageSetting } from "../types";
import { childPath, indexPath, oneOf } from "./checkContext";
import { CUSTOM_EXTENSION_STAGES, EXPIRATION_STAGES, REQUEST_STAGES } from "./enumValues";
import { enumValue, guidValue, listOf, objectOf, textValue, type FieldsOf, type ObjectRule, type Reader } from "./readers";
import { droppingTypeTag, type Untagged } from "./typeTags";
import { isPlainObject, isUnknown } from "./unknown";

const REQUEST_EXTENSION = "#microsoft.graph.accessPackageAssignmentRequestWorkflowExtension";
const ASSIGNMENT_EXTENSION = "#microsoft.graph.accessPackageAssignmentWorkflowExtension";

/** Which extension type runs at a stage. */
function extensionTypeFor(stage: unknown): string | undefined {
    if ((REQUEST_STAGES as readonly unknown[]).includes(stage)) {
        return REQUEST_EXTENSION;
    }
    return (EXPIRATION_STAGES as readonly unknown[]).includes(stage) ? ASSIGNMENT_EXTENSION : undefined;
}

const extensionTypes = enumValue([REQUEST_EXTENSION, ASSIGNMENT_EXTENSION]);

/** The extension's `@odata.type`, accepted with or without `#`, in any case. */
const extensionType: Reader = (value, path, check) =>
    extensionTypes(
        typeof value === "string" && !isUnknown(value) && !value.trim().startsWith("#") ? `#${value.trim()}` : value,
        path,
        check,
    );

const extensionFitsStage: ObjectRule = (setting, path, check) => {
    const expected = extensionTypeFor(setting.stage);
    const extension = setting.customExtension;
    if (expected !== undefined && isPlainObject(extension) && typeof extension["@odata.type"] === "string") {
        const actual = extension["@odata.type"];
        if ((actual === REQUEST_EXTENSION || actual === ASSIGNMENT_EXTENSION) && actual !== expected) {
            check.fail(
                childPath(childPath(path, "customExtension"), "@odata.type"),
                `stage ${setting.stage} runs a ${expected}; got ${actual}`,
            );
        }
    }
    return setting;
};

const REFERENCE_FIELDS: FieldsOf<CustomExtensionReference> = {
    id: guidValue("custom workflow extension's id", { required: true }),
    "@odata.type": extensionType,
};

const SETTING_FIELDS: FieldsOf<Untagged<CustomExtensionStageSetting>> = {
    id: textValue({ nonEmpty: true }),
    stage: enumValue(CUSTOM_EXTENSION_STAGES, { required: true }),
    customExtension: objectOf("a custom workflow extension reference", REFERENCE_FIELDS, { required: true }),
};

const stageSetting = droppingTypeTag<CustomExtensionStageSetting>(
    "customExtensionStageSetting",
    objectOf("a custom extension stage setting", SETTING_FIELDS, {}, extensionFitsStage),
);

/** The `customExtensionStageSettings` list; each stage may appear once. */
export const customExtensionStageSettings: Reader = (value, path, check) => {
    const list = listOf(stageSetting)(value, path, check);
    if (Array.isArray(list)) {
        const first = new Map<unknown, number>();
        list.forEach((setting, i) => {
            const stage = isPlainObject(setting) ? setting.stage : undefined;
            if (typeof stage !== "string" || !(CUSTOM_EXTENSION_STAGES as readonly string[]).includes(stage)) {
                return;
            }
            if (first.has(stage)) {
                check.fail(
                    childPath(indexPath(path, i), "stage"),
                    `${stage} is already set by ${path}[${first.get(stage)}]; each stage runs one extension (stages: ${oneOf(CUSTOM_EXTENSION_STAGES)})`,
                );
            } else {
                first.set(stage, i);
            }
        });
    }
    return list;
};
