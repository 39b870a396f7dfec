/**
 * The policy's nested settings objects, with Graph's property names. Durations are ISO 8601 durations in days,
 * hours, minutes and seconds (`P2D`, `PT8H`, `P1DT12H`); Graph stores them as a TimeSpan, so years and months
 * (`P1Y`, `P2M`) cannot be expressed: write days (`P365D`, `P60D`). Date-times are ISO 8601 with `Z` or an offset.
 */
import type {
    AccessPackageCustomExtensionStage,
    AccessReviewExpirationBehavior,
    ApproverInformationVisibility,
    DayOfWeek,
    ExpirationPatternType,
    RecurrencePatternType,
    RecurrenceRangeType,
    WeekIndex,
} from "./enums";
import type { GraphTypeTag } from "./graphTypeTag";
import type { Approver, OnBehalfRequestor, Reviewer } from "./subjectSets";

/** When something expires. */
export interface ExpirationPattern extends GraphTypeTag<"expirationPattern"> {
    /** `notSpecified`, `noExpiration`, `afterDateTime` or `afterDuration`. Required. */
    type: ExpirationPatternType;
    /** ISO 8601 duration, e.g. `P365D` or `PT8H`. Required with `afterDuration`, forbidden otherwise. */
    duration?: string;
    /** ISO 8601 date-time. Required with `afterDateTime`, forbidden otherwise. */
    endDateTime?: string;
}

/** Who may create requests through the policy and what they may ask for. Every flag defaults to `false`. */
export interface RequestorSettings extends GraphTypeTag<"accessPackageAssignmentRequestorSettings"> {
    /** Targets may request access for themselves. */
    enableTargetsToSelfAddAccess?: boolean;
    /** Targets may request to update (extend) their own access. */
    enableTargetsToSelfUpdateAccess?: boolean;
    /** Targets may request to remove their own access. */
    enableTargetsToSelfRemoveAccess?: boolean;
    /** Requestors may include their own schedule in a request. */
    allowCustomAssignmentSchedule?: boolean;
    /** `onBehalfRequestors` may request access for others. */
    enableOnBehalfRequestorsToAddAccess?: boolean;
    /** `onBehalfRequestors` may request to update others' access. */
    enableOnBehalfRequestorsToUpdateAccess?: boolean;
    /** `onBehalfRequestors` may request to remove others' access. */
    enableOnBehalfRequestorsToRemoveAccess?: boolean;
    /**
     * Who may request on behalf of others: singleUser, groupMembers, targetManager, targetApplicationOwners,
     * targetAgentIdentitySponsorsOrOwners. Compared as a set. Default `[]`.
     */
    onBehalfRequestors?: OnBehalfRequestor[];
}

/** One approval stage. */
export interface ApprovalStage {
    /**
     * The stage's type. Omit it (or write `#microsoft.graph.accessPackageApprovalStage`) for a plain stage;
     * `#microsoft.graph.accessPackageDynamicApprovalStage` makes it a stage of a dynamic approval, which Graph
     * keeps as such. Accepted without `#` and in any letter case.
     */
    "@odata.type"?: "#microsoft.graph.accessPackageApprovalStage" | "#microsoft.graph.accessPackageDynamicApprovalStage";
    /**
     * How long a request may wait in this stage before it is denied: a whole number of days, at least `P1D`
     * (Graph: "the number of days that a request can be pending"). Required.
     */
    durationBeforeAutomaticDenial: string;
    /**
     * Whether requestors see who approves this stage: `default` (the tenant's setting, the default), `notVisible`
     * or `visible`.
     */
    approverInformationVisibility?: ApproverInformationVisibility;
    /** Approvers must justify their decision. Default `false`. */
    isApproverJustificationRequired?: boolean;
    /** Requests escalate to `escalationApprovers` after `durationBeforeEscalation`. Default `false`. */
    isEscalationEnabled?: boolean;
    /**
     * How long primary approvers have before escalation. With escalation, greater than zero and shorter than
     * `durationBeforeAutomaticDenial`; without, `PT0S` (the default).
     */
    durationBeforeEscalation?: string;
    /**
     * Who approves: singleUser, groupMembers, requestorManager, internalSponsors, externalSponsors,
     * targetUserSponsors, targetAgentIdentitySponsorsOrOwners. A stage needs at least one approver here or in
     * `fallbackPrimaryApprovers`. Default `[]`.
     */
    primaryApprovers?: Approver[];
    /** Who approves when no primary approver can be resolved (e.g. the requestor has no manager). Default `[]`. */
    fallbackPrimaryApprovers?: Approver[];
    /**
     * Who approves after escalation. Non-empty with escalation (Graph: isEscalationEnabled "true, then one or more
     * escalationApprovers are configured"), empty without. Default `[]`.
     */
    escalationApprovers?: Approver[];
    /** Fallback for `escalationApprovers`. Empty without escalation. Default `[]`. */
    fallbackEscalationApprovers?: Approver[];
}

/** Whether and how requests are approved. */
export interface ApprovalSettings extends GraphTypeTag<"accessPackageAssignmentApprovalSettings"> {
    /** Requests to add access need approval. Default `false`. */
    isApprovalRequiredForAdd?: boolean;
    /** Requests to update access need approval. Default `false`. */
    isApprovalRequiredForUpdate?: boolean;
    /** Requestors must justify their request. Default `false`. */
    isRequestorJustificationRequired?: boolean;
    /** One to three stages when approval is required, none otherwise. Ordered. Default `[]`. */
    stages?: ApprovalStage[];
}

/** How often a review repeats. Graph's `recurrencePattern`. */
export interface RecurrencePattern extends GraphTypeTag<"recurrencePattern"> {
    /** `daily`, `weekly`, `absoluteMonthly`, `relativeMonthly`, `absoluteYearly`, `relativeYearly`. Required. */
    type: RecurrencePatternType;
    /** Units of `type` between occurrences (integer ≥ 1). Required. */
    interval: number;
    /** Month of the year for yearly patterns (1..12); 0 when unused (default). */
    month?: number;
    /** Day of the month for absolute patterns (1..31); 0 when unused (default). */
    dayOfMonth?: number;
    /** Days of the week for weekly and relative patterns. Compared as a set. Default `[]`. */
    daysOfWeek?: DayOfWeek[];
    /** First day of the week. Default `sunday`. */
    firstDayOfWeek?: DayOfWeek;
    /** Week of the month for relative patterns. Default `first`. */
    index?: WeekIndex;
}

/** When a recurrence ends. Graph's `recurrenceRange`. */
export interface RecurrenceRange extends GraphTypeTag<"recurrenceRange"> {
    /** `endDate`, `noEnd` or `numbered`. Required. */
    type: RecurrenceRangeType;
    /** First date (`YYYY-MM-DD`). */
    startDate?: string;
    /** Last date (`YYYY-MM-DD`); required with `endDate`. */
    endDate?: string;
    /** Number of occurrences; at least 1 with `numbered`, otherwise 0 (the default). */
    numberOfOccurrences?: number;
    /** Time zone of the dates, e.g. `Pacific Standard Time`. */
    recurrenceTimeZone?: string;
}

/** A recurrence. Graph's `patternedRecurrence`. */
export interface PatternedRecurrence extends GraphTypeTag<"patternedRecurrence"> {
    /** How often. Required. */
    pattern: RecurrencePattern;
    /** Until when. Required. */
    range: RecurrenceRange;
}

/** When reviews start, how long each lasts, and how often they recur. Graph's `entitlementManagementSchedule`. */
export interface ReviewSchedule extends GraphTypeTag<"entitlementManagementSchedule"> {
    /** When the first review starts (ISO 8601 date-time). Required. */
    startDateTime: string;
    /** How long each review lasts, e.g. `{ type: "afterDuration", duration: "P14D" }`. */
    expiration?: ExpirationPattern;
    /** How often reviews recur. Required. */
    recurrence: PatternedRecurrence;
}

/** Access reviews of the assignments made through the policy. */
export interface ReviewSettings extends GraphTypeTag<"accessPackageAssignmentReviewSettings"> {
    /** Whether reviews run. Default `false`. When `true`, `schedule` is required and so are `primaryReviewers` unless `isSelfReview`. */
    isEnabled?: boolean;
    /** Whether reviewers see recommendations. Default `true`. */
    isRecommendationEnabled?: boolean;
    /** Whether reviewers must justify their decision. Default `true`. */
    isReviewerJustificationRequired?: boolean;
    /** Whether assignees review their own access. Default `false`. */
    isSelfReview?: boolean;
    /** Decision applied when reviewers do not respond: `keepAccess` (default), `removeAccess`, `acceptAccessRecommendation`. */
    expirationBehavior?: AccessReviewExpirationBehavior;
    /** Reviewers: singleUser, groupMembers, requestorManager. Compared as a set. Default `[]`. */
    primaryReviewers?: Reviewer[];
    /** Reviewers when primary reviewers cannot be resolved: singleUser, groupMembers, requestorManager. Default `[]`. */
    fallbackReviewers?: Reviewer[];
    /** The review schedule. Required when `isEnabled`. */
    schedule?: ReviewSchedule;
}

/** Present only on an auto-assignment policy (absent = request-based policy). */
export interface AutomaticRequestSettings extends GraphTypeTag<"accessPackageAutomaticRequestSettings"> {
    /** Create assignments automatically for everyone in the allowed targets. Default `false`. */
    requestAccessForAllowedTargets?: boolean;
    /** Remove the assignment when the target no longer matches. Default `false`. */
    removeAccessWhenTargetLeavesAllowedTargets?: boolean;
    /**
     * How long access is kept after the target stops matching (ISO 8601 duration). Omitted = none, the same as `PT0S`:
     * the update sends the whole policy, so removing it from the inputs removes it from the policy.
     */
    gracePeriodBeforeAccessRemoval?: string;
}

/** Email notifications for assignments. */
export interface NotificationSettings extends GraphTypeTag<"accessPackageNotificationSettings"> {
    /** Disable assignment notification emails. Default `false`. */
    isAssignmentNotificationDisabled?: boolean;
}

/** A reference to a custom workflow extension of the same catalog. */
export interface CustomExtensionReference {
    /** Id (GUID) of the custom workflow extension. Required. */
    id: string;
    /**
     * The extension's type: `#microsoft.graph.accessPackageAssignmentRequestWorkflowExtension` for the four request
     * stages, `#microsoft.graph.accessPackageAssignmentWorkflowExtension` for the two expiration stages. Optional;
     * checked against `stage` when given.
     */
    "@odata.type"?:
        "#microsoft.graph.accessPackageAssignmentRequestWorkflowExtension" | "#microsoft.graph.accessPackageAssignmentWorkflowExtension";
}

/** Runs a custom workflow extension at one stage of the assignment lifecycle. */
export interface CustomExtensionStageSetting extends GraphTypeTag<"customExtensionStageSetting"> {
    /** Service-generated id. Omit it; when omitted it is never compared. */
    id?: string;
    /** The stage. Each stage may appear once per policy. Required. */
    stage: AccessPackageCustomExtensionStage;
    /** The extension to run (compared by id). Required. */
    customExtension: CustomExtensionReference;
}
