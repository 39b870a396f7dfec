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
import { everyMember } from "./exhaustiveList";

export const ALLOWED_TARGET_SCOPES = everyMember<AllowedTargetScope>()([
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

export const APPROVER_INFORMATION_VISIBILITIES = everyMember<ApproverInformationVisibility>()(["default", "notVisible", "visible"]);

export const EXPIRATION_PATTERN_TYPES = everyMember<ExpirationPatternType>()([
    "notSpecified",
    "noExpiration",
    "afterDateTime",
    "afterDuration",
]);

export const EXPIRATION_BEHAVIORS = everyMember<AccessReviewExpirationBehavior>()([
    "keepAccess",
    "removeAccess",
    "acceptAccessRecommendation",
]);

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

export const CUSTOM_EXTENSION_STAGES = everyMember<AccessPackageCustomExtensionStage>()([...REQUEST_STAGES, ...EXPIRATION_STAGES]);

export const RECURRENCE_PATTERN_TYPES = everyMember<RecurrencePatternType>()([
    "daily",
    "weekly",
    "absoluteMonthly",
    "relativeMonthly",
    "absoluteYearly",
    "relativeYearly",
]);

export const RECURRENCE_RANGE_TYPES = everyMember<RecurrenceRangeType>()(["endDate", "noEnd", "numbered"]);

export const DAYS_OF_WEEK = everyMember<DayOfWeek>()(["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"]);

export const WEEK_INDEXES = everyMember<WeekIndex>()(["first", "second", "third", "fourth", "last"]);
