/**
 * Graph's enumerations as this provider accepts them: Graph's own unions from `@microsoft/microsoft-graph-types`
 * without the evolvable-enum sentinel `unknownFutureValue`, which Graph reserves for values newer than the client
 * and which must never be sent. Members Graph v1.0 gained after those typings were published are added here; the
 * oracle test (`test/oracle`) holds every list to Microsoft's generated v1.0 SDK models.
 */
import type * as Graph from "@microsoft/microsoft-graph-types";

/** Graph's evolvable-enum sentinel; never a valid input. */
export type UnknownFutureValue = "unknownFutureValue";

/**
 * The scopes of an assignment policy, by who they let be assigned:
 *
 * - `notSpecified`: nobody may request; assignments are made directly by an administrator (direct-assignment policy).
 * - `specificDirectoryUsers`: the users and groups listed in `specificAllowedTargets` (singleUser, groupMembers,
 *   attributeRuleMembers).
 * - `specificConnectedOrganizationUsers`: users of the connected organizations listed in `specificAllowedTargets`
 *   (connectedOrganizationMembers).
 * - `specificDirectoryServicePrincipals`: the service principals listed in `specificAllowedTargets`
 *   (singleServicePrincipal).
 * - `allMemberUsers`, `allDirectoryUsers`, `allDirectoryServicePrincipals`, `allConfiguredConnectedOrganizationUsers`,
 *   `allExternalUsers`, `allDirectoryAgentIdentities` (every agent identity of the directory): everyone in that
 *   population; `specificAllowedTargets` must then be empty.
 */
export type AllowedTargetScope = Exclude<Graph.AllowedTargetScope, UnknownFutureValue> | "allDirectoryAgentIdentities";

/**
 * Whether requestors see who approves a stage: `default` (the tenant's setting), `notVisible` or `visible`.
 * Graph v1.0 since 2026; not nullable, so Graph answers `default` for a stage that never set it.
 */
export type ApproverInformationVisibility = "default" | "notVisible" | "visible";

/** When assignments expire: `notSpecified`, `noExpiration`, `afterDateTime` (needs `endDateTime`), `afterDuration` (needs `duration`). */
export type ExpirationPatternType = Graph.ExpirationPatternType;

/** What an access review applies when reviewers do not decide: `keepAccess`, `removeAccess` or `acceptAccessRecommendation`. */
export type AccessReviewExpirationBehavior = Exclude<Graph.AccessReviewExpirationBehavior, UnknownFutureValue>;

/**
 * When a custom workflow extension runs. The four request stages take an
 * `accessPackageAssignmentRequestWorkflowExtension`; the two expiration stages take an
 * `accessPackageAssignmentWorkflowExtension`.
 */
export type AccessPackageCustomExtensionStage = Exclude<Graph.AccessPackageCustomExtensionStage, UnknownFutureValue>;

/** How often a review recurs: `daily`, `weekly`, `absoluteMonthly`, `relativeMonthly`, `absoluteYearly`, `relativeYearly`. */
export type RecurrencePatternType = Graph.RecurrencePatternType;

/** How a recurrence ends: `endDate` (needs `endDate`), `noEnd`, `numbered` (needs `numberOfOccurrences`). */
export type RecurrenceRangeType = Graph.RecurrenceRangeType;

/** A day of the week, lower-case as Graph spells it (`sunday` … `saturday`). */
export type DayOfWeek = Graph.DayOfWeek;

/** Which week of the month a relative recurrence uses: `first`, `second`, `third`, `fourth`, `last`. */
export type WeekIndex = Graph.WeekIndex;

/**
 * A policy body without the `allowedTargetScope` members Graph v1.0 gained after `@microsoft/microsoft-graph-types`
 * 2.43.1 (those the typings' own union lacks): the body as those typings can describe it.
 */
export type PredatingTypings<T extends { allowedTargetScope: AllowedTargetScope }> = Omit<T, "allowedTargetScope"> & {
    allowedTargetScope: Extract<AllowedTargetScope, Graph.AllowedTargetScope>;
};
