import { graphErrors } from "../errors/graphErrors";
import type { JsonObject, JsonValue } from "../json";
import { dotNetPatternProblem } from "./dotNetPattern";
import { isGuid, ObjectReader, peekOdataType } from "./ObjectReader";

const BASE_KEYS = ["id", "sequence", "isRequired", "isAnswerEditable", "text", "localizations"];
const TEXT_INPUT = "microsoft.graph.accessPackageTextInputQuestion";
const MULTIPLE_CHOICE = "microsoft.graph.accessPackageMultipleChoiceQuestion";

function readLocalizations(reader: ObjectReader): JsonObject[] {
    return reader.collection("localizations", "microsoft.graph.accessPackageLocalizedText").map((item, index) => {
        const r = new ObjectReader(item, `${reader.at("localizations")}[${index}]`, "microsoft.graph.accessPackageLocalizedText", [
            "languageCode",
            "text",
        ]);
        return { languageCode: r.requiredString("languageCode"), text: r.requiredString("text") };
    });
}

function readChoice(value: JsonValue, path: string): JsonObject {
    const r = new ObjectReader(value, path, "microsoft.graph.accessPackageAnswerChoice", ["actualValue", "text", "localizations"]);
    return { actualValue: r.requiredString("actualValue"), text: r.requiredString("text"), localizations: readLocalizations(r) };
}

/**
 * Reads one accessPackageQuestion. The result keeps a client-supplied `id` (so a PUT can keep
 * a question's identity) and leaves `id` out otherwise, for the caller to generate.
 */
export function readQuestion(value: JsonValue, path: string): JsonObject {
    const type = peekOdataType(value, path);
    if (type !== TEXT_INPUT && type !== MULTIPLE_CHOICE) {
        throw graphErrors.invalidProperty(
            `${path}.@odata.type`,
            `'${type ?? "(missing)"}' is not an accessPackageQuestion type; use '#${TEXT_INPUT}' or '#${MULTIPLE_CHOICE}'.`,
        );
    }
    const specific = type === TEXT_INPUT ? ["isSingleLineQuestion", "regexPattern"] : ["isMultipleSelectionAllowed", "choices"];
    const r = new ObjectReader(value, path, type, [...BASE_KEYS, ...specific]);
    const id = r.optionalString("id");
    if (id !== null && !isGuid(id)) throw graphErrors.invalidProperty(r.at("id"), `'${id}' is not a valid GUID.`);
    const question: JsonObject = {
        "@odata.type": `#${type}`,
        ...(id === null ? {} : { id: id.toLowerCase() }),
        sequence: r.integer("sequence", 0, 0, 2_147_483_647),
        isRequired: r.boolean("isRequired", false),
        isAnswerEditable: r.boolean("isAnswerEditable", false),
        text: r.requiredString("text"),
        localizations: readLocalizations(r),
    };
    if (type === TEXT_INPUT) {
        const regexPattern = r.optionalString("regexPattern");
        const problem = regexPattern === null ? undefined : dotNetPatternProblem(regexPattern);
        if (problem !== undefined) {
            throw graphErrors.invalidProperty(r.at("regexPattern"), `is not a valid .NET regular expression: ${problem}`);
        }
        return { ...question, isSingleLineQuestion: r.boolean("isSingleLineQuestion", false), regexPattern };
    }
    const choices = r
        .collection("choices", "microsoft.graph.accessPackageAnswerChoice")
        .map((choice, index) => readChoice(choice, `${r.at("choices")}[${index}]`));
    if (choices.length === 0) throw graphErrors.invalidProperty(r.at("choices"), "a multiple choice question needs at least one choice.");
    return { ...question, isMultipleSelectionAllowed: r.boolean("isMultipleSelectionAllowed", false), choices };
}
