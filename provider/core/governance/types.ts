/** The vocabulary of the governance rules: severities, settings, findings, and what a rule declares about itself. */
import type { AllowedTargetScope, PolicyInputs } from "../types";

/** How much a finding matters; `high` blocks a deployment by default. Ordered from most to least severe. */
export const SEVERITIES = ["high", "medium", "low"] as const;

/** One of {@link SEVERITIES}. */
export type Severity = (typeof SEVERITIES)[number];

/** The thresholds the rules use. Every rule reads them from here, so one settings object configures them all. */
export interface GovernanceSettings {
    /** Longest assignment, in days, that a policy letting external users in may grant. */
    maxExternalAssignmentDays: number;
    /** Longest access review, in days, before its default decision applies. */
    maxReviewDurationDays: number;
    /** Most entries in `requestorSettings.onBehalfRequestors`. */
    maxOnBehalfRequestors: number;
    /** The `allowedTargetScope` values a policy may use. */
    allowedTargetScopes: AllowedTargetScope[];
    /** The scopes (member users only) whose assignments may never expire. */
    neverExpiringScopes: AllowedTargetScope[];
}

/** What the directory says about a user or group a policy names; `undefined` = not looked up. */
export interface DirectorySnapshot {
    /** Whether the user exists. */
    userExists(id: string): boolean | undefined;
    /** Whether the group exists, and whether it has members when it does. */
    group(id: string): { exists: false } | { exists: true; hasMembers: boolean } | undefined;
}

/** What a rule sees besides the policy. */
export interface RuleContext {
    /** The thresholds. */
    settings: GovernanceSettings;
    /** The moment a fixed end date is measured from. */
    now: Date;
    /** The directory, when the caller looked it up (lint against a tenant); rules that need it skip without one. */
    directory?: DirectorySnapshot;
}

/** One thing wrong in one policy, at one property. */
export interface Violation {
    /** Path of the property at fault, e.g. `requestApprovalSettings.stages[0].fallbackPrimaryApprovers`. */
    property: string;
    /** What is wrong, with the values involved. */
    message: string;
}

/** A governance rule over the provider's policy model (Graph's names and shapes). */
export interface GovernanceRule {
    /** Stable id; also the policy name in the Pulumi policy pack and the rule id in SARIF. */
    id: string;
    /** One line. */
    title: string;
    /** Why it matters. */
    rationale: string;
    /** Where the rationale comes from: Microsoft's guidance, a Maester tenant check, or a stated practice. */
    source: string;
    /** The property path the rule looks at (`[]` marks any element). */
    property: string;
    /** What to change. */
    remediation: string;
    /** Default severity; callers may override it per rule. */
    severity: Severity;
    /** The settings it reads, so front doors can offer exactly those as its configuration. */
    settings: readonly (keyof GovernanceSettings)[];
    /** Whether it needs {@link RuleContext.directory}. */
    needsDirectory: boolean;
    /** The violations of `policy`; empty when it complies or the rule does not apply. */
    check(policy: PolicyInputs, context: RuleContext): Violation[];
}

/** A violation with the rule that found it and the severity in force. */
export interface Finding extends Violation {
    /** The rule's id. */
    ruleId: string;
    /** The severity in force (the rule's default unless overridden). */
    severity: Severity;
}
