/** `questions`: text and multiple-choice questions, their localizations and choices. */
import { childPath, describe, oneOf } from "./checkContext";
import { dotNetRegexProblem } from "./dotNetRegex";
import {
    bareODataType,
    booleanValue,
    integerValue,
    listOf,
    objectOf,
    readFields,
    textValue,
    typed,
    type Fields,
    type ObjectRule,
    type Reader,
} from "./readers";
import { isPlainObject, isUnknown, ownValue } from "./unknown";

const off = booleanValue({ default: false });
const LANGUAGE_CODE = /^[a-z]{2}(-[a-z]{2})?$/i;

const languageCode = textValue({ nonEmpty: true }, { required: true });
const localizedText = typed(
    "accessPackageLocalizedText",
    objectOf("a localized text", {
        languageCode: (value, path, ctx) => {
            const code = languageCode(value, path, ctx);
            if (typeof code === "string" && !isUnknown(code) && code.trim() !== "" && !LANGUAGE_CODE.test(code)) {
                ctx.fail(
                    path,
                    `must be an ISO 639-1 language code, optionally with an ISO 3166-1 country code, e.g. en, en-us or fr-CA; got ${describe(code)}`,
                );
            }
            return code;
        },
        text: textValue({ nonEmpty: true }, { required: true }),
    }),
);
const localizations = listOf(localizedText);

const choice = typed(
    "accessPackageAnswerChoice",
    objectOf("an answer choice", {
        actualValue: textValue({ nonEmpty: true }, { required: true }),
        text: textValue({ nonEmpty: true }, { required: true }),
        localizations,
    }),
);

const hasChoices: ObjectRule = (question, path, ctx) => {
    const { choices } = question;
    if (!Array.isArray(choices)) {
        return question;
    }
    if (choices.length === 0) {
        ctx.fail(childPath(path, "choices"), "must have at least one choice for a multiple-choice question");
    }
    return question;
};

const regexPattern: Reader = (value, path, ctx) => {
    const pattern = textValue()(value, path, ctx);
    const problem = typeof pattern === "string" && !isUnknown(pattern) ? dotNetRegexProblem(pattern) : undefined;
    if (problem !== undefined) {
        ctx.fail(path, `must be a .NET regular expression (Graph's dialect), but ${describe(pattern)} ${problem}`);
    }
    return pattern;
};

const common: Fields = {
    id: textValue({ nonEmpty: true }),
    sequence: integerValue({ min: 0 }),
    isRequired: off,
    isAnswerEditable: off,
    text: textValue({ nonEmpty: true }, { required: true }),
    localizations,
};

const VARIANTS: Readonly<Record<string, { odataType: string; fields: Fields; rules: ObjectRule[] }>> = {
    accesspackagetextinputquestion: {
        odataType: "#microsoft.graph.accessPackageTextInputQuestion",
        fields: { ...common, isSingleLineQuestion: off, regexPattern },
        rules: [],
    },
    accesspackagemultiplechoicequestion: {
        odataType: "#microsoft.graph.accessPackageMultipleChoiceQuestion",
        fields: { ...common, isMultipleSelectionAllowed: off, choices: listOf(choice, { required: true }) },
        rules: [hasChoices],
    },
};
const QUESTION_TYPES = oneOf(Object.values(VARIANTS).map((variant) => variant.odataType));

const question: Reader = (value, path, ctx) => {
    if (isUnknown(value)) {
        return value;
    }
    if (!isPlainObject(value)) {
        ctx.fail(path, `must be a question: an object with "@odata.type" (${QUESTION_TYPES}); got ${describe(value)}`);
        return value;
    }
    const odataType = value["@odata.type"];
    if (isUnknown(odataType)) {
        return value;
    }
    const variant = ownValue(VARIANTS, bareODataType(odataType) ?? "");
    if (variant === undefined) {
        const reason = odataType === undefined || odataType === null ? "required" : `unknown question type ${describe(odataType)}`;
        ctx.fail(childPath(path, "@odata.type"), `${reason}; a question is one of ${QUESTION_TYPES}`);
        return value;
    }
    const { "@odata.type": _type, ...rest } = value;
    return { "@odata.type": variant.odataType, ...readFields(rest, path, ctx, variant.fields, variant.rules) };
};

function compareText(a: string, b: string): number {
    return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Questions default their `sequence` to their position and are kept in `sequence` order, the order requestors see.
 * Graph documents `sequence` only as a relative position, not as unique, so questions sharing one are ordered by
 * their content and then their id: the same order whichever order Graph returns them in. The service-generated id
 * comes last, so inputs without ids order like the outputs that have them.
 */
function ordered(list: unknown): unknown {
    if (!Array.isArray(list) || !list.every((q) => isPlainObject(q) && (q.sequence === undefined || typeof q.sequence === "number"))) {
        return list;
    }
    const numbered: Record<string, unknown>[] = list.map((q: Record<string, unknown>, i) => ({ ...q, sequence: q.sequence ?? i + 1 }));
    const keyed = numbered.map((q) => {
        const { id, ...content } = q;
        return { q, content: JSON.stringify(content), id: JSON.stringify(id ?? "") };
    });
    keyed.sort(
        (a, b) => (a.q.sequence as number) - (b.q.sequence as number) || compareText(a.content, b.content) || compareText(a.id, b.id),
    );
    return keyed.map(({ q }) => q);
}

/** The `questions` list. */
export const questions: Reader = (value, path, ctx) => ordered(listOf(question)(value, path, ctx));
