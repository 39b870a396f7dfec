/**
 * Runtime lists of the enum values the provider accepts, each proven at compile time to list every member of the
 * corresponding type in `../types/enums` and nothing else.
 */
import type {
    AccessPackageCustomExtensionStage,
    AccessReviewExpirationBehavior,
    AllowedTargetScope,
    ApproverInformationVisibility,
    DayOfWeek,
    ExpirationPatternType,
    RecurrencePatternType,
    RecurrenceRangeType,
    WeekIndex,
} from "../types";

/** Returns `list` typed as `T[]`, failing to compile unless it names every member of `T`. */
function every<T extends string>() {
    return <const L extends readonly T[]>(
        list: L & ([Exclude<T, L[number]>] extends [never] ? unknown : { missing: Exclude<T, L[number]> }),
    ): readonly T[] => list;
}

export const ALLOWED_TARGET_SCOPES = every<AllowedTargetScope>()([
    "notSpecified",
    "specificDirectoryUsers",
    "specificConnectedOrganizationUsers",
    "specificDirectoryServicePrincipals",
    "allMemberUsers",
    "allDirectoryUsers",
    "allDirectoryServicePrincipals",
    "allConfiguredConnectedOrganizationUsers",
    "allExternalUsers",
    "allDirectoryAgentIdentities",
]);

export const APPROVER_INFORMATION_VISIBILITIES = every<ApproverInformationVisibility>()(["default", "notVisible", "visible"]);

export const EXPIRATION_PATTERN_TYPES = every<ExpirationPatternType>()(["notSpecified", "noExpiration", "afterDateTime", "afterDuration"]);

export const EXPIRATION_BEHAVIORS = every<AccessReviewExpirationBehavior>()(["keepAccess", "removeAccess", "acceptAccessRecommendation"]);

/** The stages that run an `accessPackageAssignmentRequestWorkflowExtension`. */
export const REQUEST_STAGES = [
    "assignmentRequestCreated",
    "assignmentRequestApproved",
    "assignmentRequestGranted",
    "assignmentRequestRemoved",
] as const satisfies readonly AccessPackageCustomExtensionStage[];

/** The stages that run an `accessPackageAssignmentWorkflowExtension`. */
export const EXPIRATION_STAGES = [
    "assignmentFourteenDaysBeforeExpiration",
    "assignmentOneDayBeforeExpiration",
] as const satisfies readonly AccessPackageCustomExtensionStage[];

export const CUSTOM_EXTENSION_STAGES = every<AccessPackageCustomExtensionStage>()([...REQUEST_STAGES, ...EXPIRATION_STAGES]);

export const RECURRENCE_PATTERN_TYPES = every<RecurrencePatternType>()([
    "daily",
    "weekly",
    "absoluteMonthly",
    "relativeMonthly",
    "absoluteYearly",
    "relativeYearly",
]);

export const RECURRENCE_RANGE_TYPES = every<RecurrenceRangeType>()(["endDate", "noEnd", "numbered"]);

export const DAYS_OF_WEEK = every<DayOfWeek>()(["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"]);

export const WEEK_INDEXES = every<WeekIndex>()(["first", "second", "third", "fourth", "last"]);
