/** `reviewSettings`: access reviews of assignments, with their schedule and recurrence. */
import type { PatternedRecurrence, RecurrencePattern, RecurrenceRange, ReviewSchedule, ReviewSettings } from "../types";
import { childPath } from "./checkContext";
import { defaultsOf } from "./defaults";
import { DAYS_OF_WEEK, EXPIRATION_BEHAVIORS, RECURRENCE_PATTERN_TYPES, RECURRENCE_RANGE_TYPES, WEEK_INDEXES } from "./enumValues";
import { expirationPattern } from "./expiration";
import {
    booleanValue,
    dateTimeValue,
    dateValue,
    enumValue,
    integerValue,
    listOf,
    objectOf,
    textValue,
    type FieldsOf,
    type ObjectRule,
    type Reader,
} from "./readers";
import { reviewers } from "./subjectSets";
import { droppingTypeTag, type Untagged } from "./typeTags";
import { isPlainObject } from "./unknown";

const PATTERN_FIELDS: FieldsOf<Untagged<RecurrencePattern>> = {
    type: enumValue(RECURRENCE_PATTERN_TYPES, { required: true }),
    interval: integerValue({ min: 1 }, { required: true }),
    month: integerValue({ min: 0, max: 12 }, { default: 0 }),
    dayOfMonth: integerValue({ min: 0, max: 31 }, { default: 0 }),
    daysOfWeek: listOf(enumValue(DAYS_OF_WEEK)),
    firstDayOfWeek: enumValue(DAYS_OF_WEEK, { default: "sunday" }),
    index: enumValue(WEEK_INDEXES, { default: "first" }),
};

const recurrencePattern = droppingTypeTag<RecurrencePattern>("recurrencePattern", objectOf("a recurrence pattern", PATTERN_FIELDS));

const rangeEnds: ObjectRule = (range, path, check) => {
    if (range.type === "endDate" && range.endDate === undefined) {
        check.fail(childPath(path, "endDate"), "required when type is endDate");
    }
    if (range.type === "numbered" && range.numberOfOccurrences === 0) {
        check.fail(childPath(path, "numberOfOccurrences"), "must be at least 1 when type is numbered");
    }
    return range;
};

const RANGE_FIELDS: FieldsOf<Untagged<RecurrenceRange>> = {
    type: enumValue(RECURRENCE_RANGE_TYPES, { required: true }),
    startDate: dateValue(),
    endDate: dateValue(),
    numberOfOccurrences: integerValue({ min: 0 }, { default: 0 }),
    recurrenceTimeZone: textValue(),
};

const recurrenceRange = droppingTypeTag<RecurrenceRange>("recurrenceRange", objectOf("a recurrence range", RANGE_FIELDS, {}, rangeEnds));

const RECURRENCE_FIELDS: FieldsOf<Untagged<PatternedRecurrence>> = { pattern: recurrencePattern, range: recurrenceRange };

const SCHEDULE_FIELDS: FieldsOf<Untagged<ReviewSchedule>> = {
    startDateTime: dateTimeValue({ required: true }),
    expiration: expirationPattern(),
    recurrence: droppingTypeTag<PatternedRecurrence>(
        "patternedRecurrence",
        objectOf("a recurrence", RECURRENCE_FIELDS, { required: true }),
    ),
};

const schedule = droppingTypeTag<ReviewSchedule>("entitlementManagementSchedule", objectOf("a review schedule", SCHEDULE_FIELDS));

const enabledReviewsAreComplete: ObjectRule = (settings, path, check) => {
    if (settings.isEnabled !== true) {
        return settings;
    }
    if (settings.schedule === undefined) {
        check.fail(
            childPath(path, "schedule"),
            "required when isEnabled is true: when reviews start (startDateTime) and how often they recur (recurrence)",
        );
    }
    const { primaryReviewers, isSelfReview } = settings;
    if (isSelfReview === false && Array.isArray(primaryReviewers) && primaryReviewers.length === 0) {
        check.fail(
            childPath(path, "primaryReviewers"),
            "must name at least one reviewer when isEnabled is true, unless isSelfReview is true",
        );
    }
    return settings;
};

const SETTINGS_FIELDS: FieldsOf<Untagged<ReviewSettings>> = {
    isEnabled: booleanValue({ default: false }),
    isRecommendationEnabled: booleanValue({ default: true }),
    isReviewerJustificationRequired: booleanValue({ default: true }),
    isSelfReview: booleanValue({ default: false }),
    expirationBehavior: enumValue(EXPIRATION_BEHAVIORS, { default: "keepAccess" }),
    primaryReviewers: reviewers,
    fallbackReviewers: reviewers,
    schedule,
};

/** A `reviewSettings` object with every documented default explicit. */
export const reviewSettings: Reader = droppingTypeTag<ReviewSettings>(
    "accessPackageAssignmentReviewSettings",
    objectOf("review settings", SETTINGS_FIELDS, {}, enabledReviewsAreComplete),
);

/** Canonical review settings with reviews off and nothing else configured: every documented default. */
export const REVIEWS_OFF = defaultsOf(reviewSettings);

/** Whether canonical review settings leave reviews off: absent, or `isEnabled` known to be `false`. */
export function reviewsAreOff(settings: unknown): settings is Record<string, unknown> | undefined {
    return settings === undefined || (isPlainObject(settings) && settings.isEnabled === false);
}
