import { graphErrors } from "../errors/graphErrors";
import type { JsonObject, JsonValue } from "../json";
import { field } from "./field";
import type { ObjectShape } from "./ObjectShape";

/*
 * The complex properties of an accessPackageAssignmentPolicy, one declaration each. Every reader returns the
 * property exactly as GET renders it: every declared member present, omitted ones at the service's default
 * (emulated where the docs are silent, as noted).
 */

const DAYS_OF_WEEK = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];
const INT32_MAX = 2_147_483_647;

/** Graph's rendering of a policy without expiration (emulated: the docs show no GET body). */
export const NO_EXPIRATION: JsonObject = { endDateTime: null, duration: null, type: "noExpiration" };

/** expirationPattern; `null`/absent gives {@link NO_EXPIRATION}. */
export const EXPIRATION: ObjectShape = {
    typeName: "microsoft.graph.expirationPattern",
    fields: {
        endDateTime: field.dateTime(),
        duration: field.duration(null),
        type: field.enumOf(["notSpecified", "noExpiration", "afterDateTime", "afterDuration"], "notSpecified"),
    },
    // Of several faults, the type's is reported first (it decides which of the other two may be set), then duration's.
    readFirst: ["type", "duration"],
    whenAbsent: NO_EXPIRATION,
    check({ type, duration, endDateTime }, r) {
        if (type === "afterDuration") {
            if (duration === null) throw graphErrors.missingProperty(r.at("duration"));
            if (duration === "PT0S") throw graphErrors.invalidProperty(r.at("duration"), "must be greater than zero.");
        } else if (duration !== null) {
            throw graphErrors.invalidProperty(r.at("duration"), `only allowed when type is 'afterDuration', not '${type}'.`);
        }
        if (type === "afterDateTime") {
            if (endDateTime === null) throw graphErrors.missingProperty(r.at("endDateTime"));
        } else if (endDateTime !== null) {
            throw graphErrors.invalidProperty(r.at("endDateTime"), `only allowed when type is 'afterDateTime', not '${type}'.`);
        }
    },
};

/**
 * accessPackageAssignmentRequestorSettings; absent members default to `false`/`[]`. Beta's acceptRequests, scopeType
 * and allowedRequestors are no v1.0 properties and are refused.
 */
export const REQUESTOR_SETTINGS: ObjectShape = {
    typeName: "microsoft.graph.accessPackageAssignmentRequestorSettings",
    fields: {
        enableTargetsToSelfAddAccess: field.boolean(false),
        enableTargetsToSelfUpdateAccess: field.boolean(false),
        enableTargetsToSelfRemoveAccess: field.boolean(false),
        allowCustomAssignmentSchedule: field.boolean(false),
        enableOnBehalfRequestorsToAddAccess: field.boolean(false),
        enableOnBehalfRequestorsToUpdateAccess: field.boolean(false),
        enableOnBehalfRequestorsToRemoveAccess: field.boolean(false),
        onBehalfRequestors: field.subjectSets(),
    },
    whenAbsent: "defaults",
};

/** Whether requestor settings let anyone request (used to tell request-based from auto policies). */
export function requestorSettingsEnableRequests(settings: JsonObject): boolean {
    return Object.entries(settings).some(([key, flag]) => key.startsWith("enable") && flag === true);
}

const subjectSetCount = (stage: JsonObject, ...keys: string[]): number =>
    keys.reduce((count, key) => count + (stage[key] as JsonValue[]).length, 0);

/** accessPackageApprovalStage and its derived accessPackageDynamicApprovalStage. */
const APPROVAL_STAGE: ObjectShape = {
    typeName: "microsoft.graph.accessPackageApprovalStage",
    derivedTypes: ["microsoft.graph.accessPackageDynamicApprovalStage"],
    fields: {
        // Not nullable in Graph's metadata, so an omitted one holds the enum's default member.
        approverInformationVisibility: field.enumOf(["default", "notVisible", "visible"], "default"),
        // The docs give no default; an omitted one stays unset rather than taking an invented value.
        durationBeforeAutomaticDenial: field.duration(null),
        isApproverJustificationRequired: field.boolean(false),
        isEscalationEnabled: field.boolean(false),
        durationBeforeEscalation: field.duration("PT0S"),
        primaryApprovers: field.subjectSets(),
        fallbackPrimaryApprovers: field.subjectSets(),
        // A null here is refused by the collection reader: the 400 azuread users reported.
        escalationApprovers: field.subjectSets(),
        fallbackEscalationApprovers: field.subjectSets(),
    },
    whenAbsent: "refuse",
    check(stage, r) {
        if (subjectSetCount(stage, "primaryApprovers", "fallbackPrimaryApprovers") === 0) {
            throw graphErrors.invalidProperty(
                r.at("primaryApprovers"),
                "an approval stage needs at least one primary or fallback primary approver.",
            );
        }
        if (stage.isEscalationEnabled !== true) return;
        // accessPackageApprovalStage: isEscalationEnabled "If true, then one or more escalationApprovers are configured".
        if (subjectSetCount(stage, "escalationApprovers") === 0) {
            throw graphErrors.invalidProperty(r.at("escalationApprovers"), "escalation is enabled but no escalation approver is given.");
        }
        if (stage.durationBeforeEscalation === "PT0S") {
            throw graphErrors.invalidProperty(r.at("durationBeforeEscalation"), "must be greater than zero when escalation is enabled.");
        }
    },
};

/** accessPackageAssignmentApprovalSettings (null/absent: no approval). */
export const APPROVAL_SETTINGS: ObjectShape = {
    typeName: "microsoft.graph.accessPackageAssignmentApprovalSettings",
    fields: {
        isApprovalRequiredForAdd: field.boolean(false),
        isApprovalRequiredForUpdate: field.boolean(false),
        isRequestorJustificationRequired: field.boolean(false),
        stages: field.objects(APPROVAL_STAGE),
    },
    readFirst: ["stages"],
    whenAbsent: "defaults",
    check(settings, r) {
        const stages = settings.stages as JsonValue[];
        if (stages.length > 3) throw graphErrors.invalidProperty(r.at("stages"), "at most three approval stages are supported.");
        const approvalRequired = settings.isApprovalRequiredForAdd === true || settings.isApprovalRequiredForUpdate === true;
        if (approvalRequired && stages.length === 0) {
            throw graphErrors.invalidProperty(r.at("stages"), "approval is required but no approval stage is given.");
        }
    },
};

const RECURRENCE_PATTERN: ObjectShape = {
    typeName: "microsoft.graph.recurrencePattern",
    fields: {
        type: field.enumOf(["daily", "weekly", "absoluteMonthly", "relativeMonthly", "absoluteYearly", "relativeYearly"]),
        interval: field.integer(1, 1, INT32_MAX),
        month: field.integer(0, 0, 12),
        dayOfMonth: field.integer(0, 0, 31),
        daysOfWeek: field.enumCollection(DAYS_OF_WEEK, "dayOfWeek"),
        firstDayOfWeek: field.enumOf(DAYS_OF_WEEK, "sunday"),
        index: field.enumOf(["first", "second", "third", "fourth", "last"], "first"),
    },
    readFirst: ["daysOfWeek"],
    whenAbsent: "refuse",
};

const RECURRENCE_RANGE: ObjectShape = {
    typeName: "microsoft.graph.recurrenceRange",
    fields: {
        type: field.enumOf(["endDate", "noEnd", "numbered"]),
        startDate: field.date(),
        endDate: field.date(),
        recurrenceTimeZone: field.optionalString(),
        numberOfOccurrences: field.integer(0, 0, INT32_MAX),
    },
    whenAbsent: "refuse",
    check(range, r) {
        if (range.type === "endDate" && range.endDate === null) throw graphErrors.missingProperty(r.at("endDate"));
        if (range.type === "numbered" && range.numberOfOccurrences === 0) {
            throw graphErrors.invalidProperty(r.at("numberOfOccurrences"), "must be positive for a numbered range.");
        }
    },
};

const SCHEDULE: ObjectShape = {
    typeName: "microsoft.graph.entitlementManagementSchedule",
    fields: {
        startDateTime: field.dateTime(),
        expiration: field.object(EXPIRATION),
        recurrence: field.object({
            typeName: "microsoft.graph.patternedRecurrence",
            fields: { pattern: field.object(RECURRENCE_PATTERN), range: field.object(RECURRENCE_RANGE) },
            whenAbsent: null,
        }),
    },
    whenAbsent: null,
};

/** accessPackageAssignmentReviewSettings; null/absent stays `null` (no reviews). */
export const REVIEW_SETTINGS: ObjectShape = {
    typeName: "microsoft.graph.accessPackageAssignmentReviewSettings",
    fields: {
        isEnabled: field.boolean(false),
        expirationBehavior: field.enumOf(["keepAccess", "removeAccess", "acceptAccessRecommendation"], "keepAccess"),
        isRecommendationEnabled: field.boolean(true),
        isReviewerJustificationRequired: field.boolean(true),
        isSelfReview: field.boolean(false),
        schedule: field.object(SCHEDULE),
        primaryReviewers: field.subjectSets(),
        fallbackReviewers: field.subjectSets(),
    },
    whenAbsent: null,
    check(settings, r) {
        if (settings.isEnabled !== true) return;
        if (settings.schedule === null) throw graphErrors.missingProperty(r.at("schedule"));
        if (settings.isSelfReview !== true && (settings.primaryReviewers as JsonValue[]).length === 0) {
            throw graphErrors.invalidProperty(
                r.at("primaryReviewers"),
                "reviews are enabled but neither self-review nor a primary reviewer is set.",
            );
        }
    },
};

/** accessPackageAutomaticRequestSettings; null/absent stays `null` (request-based policy). */
export const AUTOMATIC_REQUEST_SETTINGS: ObjectShape = {
    typeName: "microsoft.graph.accessPackageAutomaticRequestSettings",
    fields: {
        requestAccessForAllowedTargets: field.boolean(false),
        removeAccessWhenTargetLeavesAllowedTargets: field.boolean(false),
        gracePeriodBeforeAccessRemoval: field.duration(null),
    },
    whenAbsent: null,
};

/** accessPackageNotificationSettings (emulated default: notifications on). */
export const NOTIFICATION_SETTINGS: ObjectShape = {
    typeName: "microsoft.graph.accessPackageNotificationSettings",
    fields: { isAssignmentNotificationDisabled: field.boolean(false) },
    whenAbsent: "defaults",
};
