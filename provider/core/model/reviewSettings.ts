/** `reviewSettings`: access reviews of assignments, with their schedule and recurrence. */
import { CheckContext, childPath } from "./checkContext";
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
    typed,
    type ObjectRule,
    type Reader,
} from "./readers";
import { reviewers } from "./subjectSets";
import { isPlainObject } from "./unknown";

const off = booleanValue({ default: false });
const on = booleanValue({ default: true });

const recurrencePattern = typed(
    "recurrencePattern",
    objectOf("a recurrence pattern", {
        type: enumValue(RECURRENCE_PATTERN_TYPES, { required: true }),
        interval: integerValue({ min: 1 }, { required: true }),
        month: integerValue({ min: 0, max: 12 }, { default: 0 }),
        dayOfMonth: integerValue({ min: 0, max: 31 }, { default: 0 }),
        daysOfWeek: listOf(enumValue(DAYS_OF_WEEK)),
        firstDayOfWeek: enumValue(DAYS_OF_WEEK, { default: "sunday" }),
        index: enumValue(WEEK_INDEXES, { default: "first" }),
    }),
);

const rangeEnds: ObjectRule = (range, path, ctx) => {
    if (range.type === "endDate" && range.endDate === undefined) {
        ctx.fail(childPath(path, "endDate"), "required when type is endDate");
    }
    if (range.type === "numbered" && range.numberOfOccurrences === 0) {
        ctx.fail(childPath(path, "numberOfOccurrences"), "must be at least 1 when type is numbered");
    }
    return range;
};

const recurrenceRange = typed(
    "recurrenceRange",
    objectOf(
        "a recurrence range",
        {
            type: enumValue(RECURRENCE_RANGE_TYPES, { required: true }),
            startDate: dateValue(),
            endDate: dateValue(),
            numberOfOccurrences: integerValue({ min: 0 }, { default: 0 }),
            recurrenceTimeZone: textValue(),
        },
        {},
        rangeEnds,
    ),
);

const schedule = typed(
    "entitlementManagementSchedule",
    objectOf("a review schedule", {
        startDateTime: dateTimeValue({ required: true }),
        expiration: expirationPattern(),
        recurrence: typed(
            "patternedRecurrence",
            objectOf("a recurrence", { pattern: recurrencePattern, range: recurrenceRange }, { required: true }),
        ),
    }),
);

const enabledReviewsAreComplete: ObjectRule = (settings, path, ctx) => {
    if (settings.isEnabled !== true) {
        return settings;
    }
    if (settings.schedule === undefined) {
        ctx.fail(
            childPath(path, "schedule"),
            "required when isEnabled is true: when reviews start (startDateTime) and how often they recur (recurrence)",
        );
    }
    const { primaryReviewers, isSelfReview } = settings;
    if (isSelfReview === false && Array.isArray(primaryReviewers) && primaryReviewers.length === 0) {
        ctx.fail(
            childPath(path, "primaryReviewers"),
            "must name at least one reviewer when isEnabled is true, unless isSelfReview is true",
        );
    }
    return settings;
};

/** A `reviewSettings` object with every documented default explicit. */
export const reviewSettings: Reader = typed(
    "accessPackageAssignmentReviewSettings",
    objectOf(
        "review settings",
        {
            isEnabled: off,
            isRecommendationEnabled: on,
            isReviewerJustificationRequired: on,
            isSelfReview: off,
            expirationBehavior: enumValue(EXPIRATION_BEHAVIORS, { default: "keepAccess" }),
            primaryReviewers: reviewers,
            fallbackReviewers: reviewers,
            schedule,
        },
        {},
        enabledReviewsAreComplete,
    ),
);

/** Canonical review settings with reviews off and nothing else configured: every documented default. */
export const REVIEWS_OFF: Readonly<Record<string, unknown>> = reviewSettings({}, "reviewSettings", new CheckContext()) as Record<
    string,
    unknown
>;

/** Whether canonical review settings leave reviews off: absent, or `isEnabled` known to be `false`. */
export function reviewsAreOff(settings: unknown): settings is Record<string, unknown> | undefined {
    return settings === undefined || (isPlainObject(settings) && settings.isEnabled === false);
}
