/** `questions`: text and multiple-choice questions, their localizations and choices. */
import type { AnswerChoice, LocalizedText, MultipleChoiceQuestion, Question, QuestionBase, TextInputQuestion } from "../types";
import { CheckContext, childPath, describe, oneOf } from "./checkContext";
import { dotNetRegexProblem } from "./dotNetRegex";
import {
    booleanValue,
    integerValue,
    listOf,
    objectOf,
    readFields,
    textValue,
    type Fields,
    type FieldsOf,
    type ObjectRule,
    type Reader,
} from "./readers";
import { bareODataType, droppingTypeTag, type Untagged } from "./typeTags";
import { isPlainObject, isUnknown } from "./unknown";

const LANGUAGE_CODE = /^[a-z]{2}(-[a-z]{2})?$/i;

const languageCode = textValue({ nonEmpty: true }, { required: true });
const LOCALIZED_TEXT_FIELDS: FieldsOf<Untagged<LocalizedText>> = {
    languageCode: (value, path, check) => {
        const code = languageCode(value, path, check);
        if (typeof code === "string" && !isUnknown(code) && code.trim() !== "" && !LANGUAGE_CODE.test(code)) {
            check.fail(
                path,
                `must be an ISO 639-1 language code, optionally with an ISO 3166-1 country code, e.g. en, en-us or fr-CA; got ${describe(code)}`,
            );
        }
        return code;
    },
    text: textValue({ nonEmpty: true }, { required: true }),
};
const localizations = listOf(
    droppingTypeTag<LocalizedText>("accessPackageLocalizedText", objectOf("a localized text", LOCALIZED_TEXT_FIELDS)),
);

const CHOICE_FIELDS: FieldsOf<Untagged<AnswerChoice>> = {
    actualValue: textValue({ nonEmpty: true }, { required: true }),
    text: textValue({ nonEmpty: true }, { required: true }),
    localizations,
};
const choice = droppingTypeTag<AnswerChoice>("accessPackageAnswerChoice", objectOf("an answer choice", CHOICE_FIELDS));

const hasChoices: ObjectRule = (question, path, check) => {
    const { choices } = question;
    if (!Array.isArray(choices)) {
        return question;
    }
    if (choices.length === 0) {
        check.fail(childPath(path, "choices"), "must have at least one choice for a multiple-choice question");
    }
    return question;
};

const regexPattern: Reader = (value, path, check) => {
    const pattern = textValue()(value, path, check);
    const problem = typeof pattern === "string" && !isUnknown(pattern) ? dotNetRegexProblem(pattern) : undefined;
    if (problem !== undefined) {
        check.fail(path, `must be a .NET regular expression (Graph's dialect), but ${describe(pattern)} ${problem}`);
    }
    return pattern;
};

const COMMON_FIELDS: FieldsOf<QuestionBase> = {
    id: textValue({ nonEmpty: true }),
    sequence: integerValue({ min: 0 }),
    isRequired: booleanValue({ default: false }),
    isAnswerEditable: booleanValue({ default: false }),
    text: textValue({ nonEmpty: true }, { required: true }),
    localizations,
};

const TEXT_INPUT_FIELDS: FieldsOf<Untagged<TextInputQuestion>> = {
    ...COMMON_FIELDS,
    isSingleLineQuestion: booleanValue({ default: false }),
    regexPattern,
};

const MULTIPLE_CHOICE_FIELDS: FieldsOf<Untagged<MultipleChoiceQuestion>> = {
    ...COMMON_FIELDS,
    isMultipleSelectionAllowed: booleanValue({ default: false }),
    choices: listOf(choice, { required: true }),
};

/** A question type: its canonical `@odata.type`, its reader table and the rules over it. */
interface QuestionVariant {
    odataType: Question["@odata.type"];
    fields: Fields;
    rules: ObjectRule[];
}

const VARIANTS: readonly QuestionVariant[] = [
    { odataType: "#microsoft.graph.accessPackageTextInputQuestion", fields: TEXT_INPUT_FIELDS, rules: [] },
    { odataType: "#microsoft.graph.accessPackageMultipleChoiceQuestion", fields: MULTIPLE_CHOICE_FIELDS, rules: [hasChoices] },
];
/** The question types by the bare name {@link bareODataType} gives their `@odata.type`. */
const VARIANT_BY_NAME = new Map(VARIANTS.map((variant) => [bareODataType(variant.odataType), variant]));
const QUESTION_TYPES = oneOf(VARIANTS.map((variant) => variant.odataType));

const question: Reader = (value, path, check) => {
    if (isUnknown(value)) {
        return value;
    }
    if (!isPlainObject(value)) {
        check.fail(path, `must be a question: an object with "@odata.type" (${QUESTION_TYPES}); got ${describe(value)}`);
        return value;
    }
    const odataType = value["@odata.type"];
    if (isUnknown(odataType)) {
        return value;
    }
    const variant = VARIANT_BY_NAME.get(bareODataType(odataType));
    if (variant === undefined) {
        const reason = odataType === undefined || odataType === null ? "required" : `unknown question type ${describe(odataType)}`;
        check.fail(childPath(path, "@odata.type"), `${reason}; a question is one of ${QUESTION_TYPES}`);
        return value;
    }
    const { "@odata.type": _type, ...rest } = value;
    return { "@odata.type": variant.odataType, ...readFields(rest, path, check, variant.fields, variant.rules) };
};

function compareText(a: string, b: string): number {
    return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Questions default their `sequence` to their position and are kept in `sequence` order, the order requestors see.
 * Graph documents `sequence` only as a relative position, not as unique, so questions sharing one are ordered by
 * their content and then their id: the same order whichever order Graph returns them in. The service-generated id
 * comes last, so inputs without ids order like the outputs that have them. Each question comes with its index in
 * `list`; `undefined` when `list` is not a list of questions with numeric sequences.
 */
function inOrder(list: unknown): { question: Record<string, unknown>; index: number }[] | undefined {
    if (!Array.isArray(list) || !list.every((q) => isPlainObject(q) && (q.sequence === undefined || typeof q.sequence === "number"))) {
        return undefined;
    }
    const keyed = list.map((q: Record<string, unknown>, index) => {
        const question: Record<string, unknown> = { ...q, sequence: q.sequence ?? index + 1 };
        const { id, ...content } = question;
        return { question, index, content: JSON.stringify(content), id: JSON.stringify(id ?? "") };
    });
    keyed.sort(
        (a, b) =>
            (a.question.sequence as number) - (b.question.sequence as number) ||
            compareText(a.content, b.content) ||
            compareText(a.id, b.id),
    );
    return keyed.map(({ question, index }) => ({ question, index }));
}

function ordered(list: unknown): unknown {
    return inOrder(list)?.map(({ question }) => question) ?? list;
}

/** The `questions` list. */
export const questions: Reader = (value, path, check) => ordered(listOf(question)(value, path, check));

/**
 * Where each question of a raw `questions` list (Graph's answer, in Graph's order) stands once read into canonical
 * order, by its index in `raw`; `undefined` when the list cannot be ordered (then reading keeps its order).
 */
export function canonicalQuestionPositions(raw: unknown): number[] | undefined {
    const sorted = inOrder(listOf(question)(raw, "questions", new CheckContext()));
    if (sorted === undefined) {
        return undefined;
    }
    const positions: number[] = [];
    sorted.forEach(({ index }, position) => {
        positions[index] = position;
    });
    return positions;
}
