/** `customExtensionStageSettings`: custom workflow extensions run at stages of the assignment lifecycle. */
import { childPath, indexPath, oneOf } from "./checkContext";
import { CUSTOM_EXTENSION_STAGES, EXPIRATION_STAGES, REQUEST_STAGES } from "./enumValues";
import { enumValue, guidValue, listOf, objectOf, textValue, typed, type ObjectRule, type Reader } from "./readers";
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
const extensionType: Reader = (value, path, ctx) =>
    extensionTypes(typeof value === "string" && !isUnknown(value) && !value.trim().startsWith("#") ? `#${value.trim()}` : value, path, ctx);

const extensionFitsStage: ObjectRule = (setting, path, ctx) => {
    const expected = extensionTypeFor(setting.stage);
    const extension = setting.customExtension;
    if (expected !== undefined && isPlainObject(extension) && typeof extension["@odata.type"] === "string") {
        const actual = extension["@odata.type"];
        if ((actual === REQUEST_EXTENSION || actual === ASSIGNMENT_EXTENSION) && actual !== expected) {
            ctx.fail(
                childPath(childPath(path, "customExtension"), "@odata.type"),
                `stage ${setting.stage} runs a ${expected}; got ${actual}`,
            );
        }
    }
    return setting;
};

const stageSetting = typed(
    "customExtensionStageSetting",
    objectOf(
        "a custom extension stage setting",
        {
            id: textValue({ nonEmpty: true }),
            stage: enumValue(CUSTOM_EXTENSION_STAGES, { required: true }),
            customExtension: objectOf(
                "a custom workflow extension reference",
                { id: guidValue("custom workflow extension's id", { required: true }), "@odata.type": extensionType },
                { required: true },
            ),
        },
        {},
        extensionFitsStage,
    ),
);

/** The `customExtensionStageSettings` list; each stage may appear once. */
export const customExtensionStageSettings: Reader = (value, path, ctx) => {
    const list = listOf(stageSetting)(value, path, ctx);
    if (Array.isArray(list)) {
        const first = new Map<unknown, number>();
        list.forEach((setting, i) => {
            const stage = isPlainObject(setting) ? setting.stage : undefined;
            if (typeof stage !== "string" || !(CUSTOM_EXTENSION_STAGES as readonly string[]).includes(stage)) {
                return;
            }
            if (first.has(stage)) {
                ctx.fail(
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
