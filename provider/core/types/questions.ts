/** Questions posed to requestors, polymorphic on `@odata.type` like Graph's `accessPackageQuestion`. */
import type { GraphTypeTag } from "./graphTypeTag";

/** A string in one language. */
export interface LocalizedText extends GraphTypeTag<"accessPackageLocalizedText"> {
    /**
     * Language of `text`: an ISO 639-1 language code, optionally followed by `-` and an ISO 3166-1 alpha-2 country
     * code, e.g. `en`, `en-us`, `fr-CA`. Required.
     */
    languageCode: string;
    /** The text in that language. Required. */
    text: string;
}

/** Fields every question has. */
export interface QuestionBase {
    /** Service-generated id. Omit it to let Graph assign one; when omitted it is never compared. */
    id?: string;
    /**
     * Position of the question in the list shown to requestors (integer ≥ 0). Default: its 1-based position in
     * `questions`. Questions that share a sequence are ordered by their content, whatever order they are written in.
     */
    sequence?: number;
    /** Whether the requestor must answer. Default `false`. */
    isRequired?: boolean;
    /** Whether the requestor may edit the answer later. Default `false`. */
    isAnswerEditable?: boolean;
    /** The question in the default language. Required, non-empty. */
    text: string;
    /** The question in other languages. Default `[]`. */
    localizations?: LocalizedText[];
}

/** A question answered with free text. */
export interface TextInputQuestion extends QuestionBase {
    /** Discriminator. The provider also accepts it without `#` and in any letter case. */
    "@odata.type": "#microsoft.graph.accessPackageTextInputQuestion";
    /** Whether the answer is a single line. Default `false`. */
    isSingleLineQuestion?: boolean;
    /**
     * A .NET regular expression (the dialect Graph matches answers with) the answer must match, e.g. `^E\d{5}$` or
     * `(?i)^[a-z]+$`. Check refuses malformed patterns: unbalanced parentheses, an unterminated class or group, a
     * quantifier with nothing to repeat, a trailing backslash.
     */
    regexPattern?: string;
}

/** One choice of a multiple-choice question. */
export interface AnswerChoice extends GraphTypeTag<"accessPackageAnswerChoice"> {
    /** The value recorded when this choice is picked. Required, non-empty. */
    actualValue: string;
    /** The text shown for the choice. Required. */
    text: string;
    /** The text in other languages. Default `[]`. */
    localizations?: LocalizedText[];
}

/** A question answered by picking among choices. */
export interface MultipleChoiceQuestion extends QuestionBase {
    /** Discriminator. */
    "@odata.type": "#microsoft.graph.accessPackageMultipleChoiceQuestion";
    /** Whether several choices may be picked. Default `false`. */
    isMultipleSelectionAllowed?: boolean;
    /** The choices, in display order. At least one. */
    choices: AnswerChoice[];
}

/** Any question. */
export type Question = TextInputQuestion | MultipleChoiceQuestion;
