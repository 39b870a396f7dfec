import { graphErrors } from "../errors/graphErrors";
import type { JsonObject, JsonValue } from "../json";
import { isDate } from "./dateTime";
import { ObjectReader, peekOdataType } from "./ObjectReader";
import { readSubjectSets } from "./subjectSets";

/*
 * Readers for the complex properties of an accessPackageAssignmentPolicy. Each returns the
 * property exactly as GET renders it: every declared member present, omitted ones at the
 * service's default (emulated where the docs are silent, as noted).
 */

const EXPIRATION_TYPES = ["notSpecified", "noExpiration", "afterDateTime", "afterDuration"] as const;
const REVIEW_EXPIRATION_BEHAVIORS = ["keepAccess", "removeAccess", "acceptAccessRecommendation"] as const;
const RECURRENCE_PATTERN_TYPES = ["daily", "weekly", "absoluteMonthly", "relativeMonthly", "absoluteYearly", "relativeYearly"] as const;
const RECURRENCE_RANGE_TYPES = ["endDate", "noEnd", "numbered"] as const;
const DAYS_OF_WEEK = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"] as const;
const WEEK_INDEXES = ["first", "second", "third", "fourth", "last"] as const;
const APPROVER_INFORMATION_VISIBILITIES = ["default", "notVisible", "visible"] as const;
const INT32_MAX = 2_147_483_647;

/** Graph's rendering of a policy without expiration (emulated: the docs show no GET body). */
export const NO_EXPIRATION: JsonObject = { endDateTime: null, duration: null, type: "noExpiration" };

/** Reads an expirationPattern; `null`/absent gives {@link NO_EXPIRATION}. */
export function readExpiration(value: JsonValue | undefined, path: string): JsonObject {
    if (value === undefined || value === null) return { ...NO_EXPIRATION };
    const r = new ObjectReader(value, path, "microsoft.graph.expirationPattern", ["type", "duration", "endDateTime"]);
    const type = r.enumValue("type", EXPIRATION_TYPES, "notSpecified");
    const duration = r.duration("duration", null);
    const endDateTime = r.dateTime("endDateTime");
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
    return { endDateTime, duration, type };
}

/** Reads accessPackageAssignmentRequestorSettings; absent members default to `false`/`[]`. */
export function readRequestorSettings(value: JsonValue | undefined, path: string): JsonObject {
    const flags = [
        "enableTargetsToSelfAddAccess",
        "enableTargetsToSelfUpdateAccess",
        "enableTargetsToSelfRemoveAccess",
        "allowCustomAssignmentSchedule",
        "enableOnBehalfRequestorsToAddAccess",
        "enableOnBehalfRequestorsToUpdateAccess",
        "enableOnBehalfRequestorsToRemoveAccess",
    ];
    // Beta's acceptRequests, scopeType and allowedRequestors are no v1.0 properties and are refused.
    const r = new ObjectReader(value ?? {}, path, "microsoft.graph.accessPackageAssignmentRequestorSettings", [
        ...flags,
        "onBehalfRequestors",
    ]);
    const settings: JsonObject = {};
    for (const flag of flags) settings[flag] = r.boolean(flag, false);
    settings.onBehalfRequestors = readSubjectSets(r, "onBehalfRequestors");
    return settings;
}

/** Whether requestor settings let anyone request (used to tell request-based from auto policies). */
export function requestorSettingsEnableRequests(settings: JsonObject): boolean {
    return Object.entries(settings).some(([key, flag]) => key.startsWith("enable") && flag === true);
}

const APPROVAL_STAGE = "microsoft.graph.accessPackageApprovalStage";
const DYNAMIC_APPROVAL_STAGE = "microsoft.graph.accessPackageDynamicApprovalStage";

function readApprovalStage(value: JsonValue, path: string): JsonObject {
    const type = peekOdataType(value, path) ?? APPROVAL_STAGE;
    if (type !== APPROVAL_STAGE && type !== DYNAMIC_APPROVAL_STAGE) {
        throw graphErrors.invalidProperty(`${path}.@odata.type`, `'${type}' is not an accessPackageApprovalStage type.`);
    }
    const r = new ObjectReader(value, path, type, [
        "approverInformationVisibility",
        "durationBeforeAutomaticDenial",
        "isApproverJustificationRequired",
        "isEscalationEnabled",
        "durationBeforeEscalation",
        "primaryApprovers",
        "fallbackPrimaryApprovers",
        "escalationApprovers",
        "fallbackEscalationApprovers",
    ]);
    const stage: JsonObject = {
        // Only a derived stage renders its type: a plain stage is the declared type of the collection.
        ...(type === DYNAMIC_APPROVAL_STAGE ? { "@odata.type": `#${DYNAMIC_APPROVAL_STAGE}` } : {}),
        // Not nullable in Graph's metadata, so an omitted one holds the enum's default member.
        approverInformationVisibility: r.enumValue("approverInformationVisibility", APPROVER_INFORMATION_VISIBILITIES, "default"),
        // The docs give no default; an omitted one stays unset rather than taking an invented value.
        durationBeforeAutomaticDenial: r.duration("durationBeforeAutomaticDenial", null),
        isApproverJustificationRequired: r.boolean("isApproverJustificationRequired", false),
        isEscalationEnabled: r.boolean("isEscalationEnabled", false),
        durationBeforeEscalation: r.duration("durationBeforeEscalation", "PT0S"),
        primaryApprovers: readSubjectSets(r, "primaryApprovers"),
        fallbackPrimaryApprovers: readSubjectSets(r, "fallbackPrimaryApprovers"),
        // A null here is refused by the collection reader: the 400 azuread users reported.
        escalationApprovers: readSubjectSets(r, "escalationApprovers"),
        fallbackEscalationApprovers: readSubjectSets(r, "fallbackEscalationApprovers"),
    };
    if ((stage.primaryApprovers as JsonValue[]).length + (stage.fallbackPrimaryApprovers as JsonValue[]).length === 0) {
        throw graphErrors.invalidProperty(
            r.at("primaryApprovers"),
            "an approval stage needs at least one primary or fallback primary approver.",
        );
    }
    if (stage.isEscalationEnabled === true) {
        // accessPackageApprovalStage: isEscalationEnabled "If true, then one or more escalationApprovers are configured".
        if ((stage.escalationApprovers as JsonValue[]).length === 0) {
            throw graphErrors.invalidProperty(r.at("escalationApprovers"), "escalation is enabled but no escalation approver is given.");
        }
        if (stage.durationBeforeEscalation === "PT0S") {
            throw graphErrors.invalidProperty(r.at("durationBeforeEscalation"), "must be greater than zero when escalation is enabled.");
        }
    }
    return stage;
}

/** Reads accessPackageAssignmentApprovalSettings (null/absent: no approval). */
export function readApprovalSettings(value: JsonValue | undefined, path: string): JsonObject {
    const r = new ObjectReader(value ?? {}, path, "microsoft.graph.accessPackageAssignmentApprovalSettings", [
        "isApprovalRequiredForAdd",
        "isApprovalRequiredForUpdate",
        "isRequestorJustificationRequired",
        "stages",
    ]);
    const stages = r
        .collection("stages", "microsoft.graph.accessPackageApprovalStage")
        .map((stage, index) => readApprovalStage(stage, `${r.at("stages")}[${index}]`));
    const settings: JsonObject = {
        isApprovalRequiredForAdd: r.boolean("isApprovalRequiredForAdd", false),
        isApprovalRequiredForUpdate: r.boolean("isApprovalRequiredForUpdate", false),
        isRequestorJustificationRequired: r.boolean("isRequestorJustificationRequired", false),
        stages,
    };
    if (stages.length > 3) throw graphErrors.invalidProperty(r.at("stages"), "at most three approval stages are supported.");
    const approvalRequired = settings.isApprovalRequiredForAdd === true || settings.isApprovalRequiredForUpdate === true;
    if (approvalRequired && stages.length === 0) {
        throw graphErrors.invalidProperty(r.at("stages"), "approval is required but no approval stage is given.");
    }
    return settings;
}

function readRecurrence(value: JsonValue | undefined, path: string): JsonObject | null {
    if (value === undefined || value === null) return null;
    const r = new ObjectReader(value, path, "microsoft.graph.patternedRecurrence", ["pattern", "range"]);
    const p = new ObjectReader(r.raw("pattern"), r.at("pattern"), "microsoft.graph.recurrencePattern", [
        "type",
        "interval",
        "month",
        "dayOfMonth",
        "daysOfWeek",
        "firstDayOfWeek",
        "index",
    ]);
    const daysOfWeek = p.stringCollection("daysOfWeek");
    daysOfWeek.forEach((day, index) => {
        if (!(DAYS_OF_WEEK as readonly string[]).includes(day)) {
            throw graphErrors.invalidProperty(`${p.at("daysOfWeek")}[${index}]`, `'${day}' is not a dayOfWeek.`);
        }
    });
    const pattern: JsonObject = {
        type: p.enumValue("type", RECURRENCE_PATTERN_TYPES),
        interval: p.integer("interval", 1, 1, INT32_MAX),
        month: p.integer("month", 0, 0, 12),
        dayOfMonth: p.integer("dayOfMonth", 0, 0, 31),
        daysOfWeek,
        firstDayOfWeek: p.enumValue("firstDayOfWeek", DAYS_OF_WEEK, "sunday"),
        index: p.enumValue("index", WEEK_INDEXES, "first"),
    };
    const g = new ObjectReader(r.raw("range"), r.at("range"), "microsoft.graph.recurrenceRange", [
        "type",
        "startDate",
        "endDate",
        "numberOfOccurrences",
        "recurrenceTimeZone",
    ]);
    const date = (key: string): string | null => {
        const text = g.optionalString(key);
        if (text !== null && !isDate(text)) throw graphErrors.invalidProperty(g.at(key), `'${text}' is not a valid date (yyyy-mm-dd).`);
        return text;
    };
    const range: JsonObject = {
        type: g.enumValue("type", RECURRENCE_RANGE_TYPES),
        startDate: date("startDate"),
        endDate: date("endDate"),
        recurrenceTimeZone: g.optionalString("recurrenceTimeZone"),
        numberOfOccurrences: g.integer("numberOfOccurrences", 0, 0, INT32_MAX),
    };
    if (range.type === "endDate" && range.endDate === null) throw graphErrors.missingProperty(g.at("endDate"));
    if (range.type === "numbered" && range.numberOfOccurrences === 0) {
        throw graphErrors.invalidProperty(g.at("numberOfOccurrences"), "must be positive for a numbered range.");
    }
    return { pattern, range };
}

function readSchedule(value: JsonValue | undefined, path: string): JsonObject | null {
    if (value === undefined || value === null) return null;
    const r = new ObjectReader(value, path, "microsoft.graph.entitlementManagementSchedule", ["startDateTime", "expiration", "recurrence"]);
    return {
        startDateTime: r.dateTime("startDateTime"),
        expiration: readExpiration(r.raw("expiration"), r.at("expiration")),
        recurrence: readRecurrence(r.raw("recurrence"), r.at("recurrence")),
    };
}

/** Reads accessPackageAssignmentReviewSettings; null/absent stays `null` (no reviews). */
export function readReviewSettings(value: JsonValue | undefined, path: string): JsonObject | null {
    if (value === undefined || value === null) return null;
    const r = new ObjectReader(value, path, "microsoft.graph.accessPackageAssignmentReviewSettings", [
        "isEnabled",
        "expirationBehavior",
        "isRecommendationEnabled",
        "isReviewerJustificationRequired",
        "isSelfReview",
        "schedule",
        "primaryReviewers",
        "fallbackReviewers",
    ]);
    const settings: JsonObject = {
        isEnabled: r.boolean("isEnabled", false),
        expirationBehavior: r.enumValue("expirationBehavior", REVIEW_EXPIRATION_BEHAVIORS, "keepAccess"),
        isRecommendationEnabled: r.boolean("isRecommendationEnabled", true),
        isReviewerJustificationRequired: r.boolean("isReviewerJustificationRequired", true),
        isSelfReview: r.boolean("isSelfReview", false),
        schedule: readSchedule(r.raw("schedule"), r.at("schedule")),
        primaryReviewers: readSubjectSets(r, "primaryReviewers"),
        fallbackReviewers: readSubjectSets(r, "fallbackReviewers"),
    };
    if (settings.isEnabled === true) {
        if (settings.schedule === null) throw graphErrors.missingProperty(r.at("schedule"));
        if (settings.isSelfReview !== true && (settings.primaryReviewers as JsonValue[]).length === 0) {
            throw graphErrors.invalidProperty(
                r.at("primaryReviewers"),
                "reviews are enabled but neither self-review nor a primary reviewer is set.",
            );
        }
    }
    return settings;
}

/** Reads accessPackageAutomaticRequestSettings; null/absent stays `null` (request-based policy). */
export function readAutomaticRequestSettings(value: JsonValue | undefined, path: string): JsonObject | null {
    if (value === undefined || value === null) return null;
    const r = new ObjectReader(value, path, "microsoft.graph.accessPackageAutomaticRequestSettings", [
        "requestAccessForAllowedTargets",
        "removeAccessWhenTargetLeavesAllowedTargets",
        "gracePeriodBeforeAccessRemoval",
    ]);
    return {
        requestAccessForAllowedTargets: r.boolean("requestAccessForAllowedTargets", false),
        removeAccessWhenTargetLeavesAllowedTargets: r.boolean("removeAccessWhenTargetLeavesAllowedTargets", false),
        gracePeriodBeforeAccessRemoval: r.duration("gracePeriodBeforeAccessRemoval", null),
    };
}

/** Reads accessPackageNotificationSettings (emulated default: notifications on). */
export function readNotificationSettings(value: JsonValue | undefined, path: string): JsonObject {
    const r = new ObjectReader(value ?? {}, path, "microsoft.graph.accessPackageNotificationSettings", [
        "isAssignmentNotificationDisabled",
    ]);
    return { isAssignmentNotificationDisabled: r.boolean("isAssignmentNotificationDisabled", false) };
}
