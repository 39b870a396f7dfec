/**
 * The whole policy: its properties, the rules that tie them together, and the canonical form check returns.
 * The same reading canonicalises Graph's responses, so that state and desired inputs meet in one form.
 */
import { isDeepStrictEqual } from "node:util";
import type { AutomaticRequestSettings, NotificationSettings, PolicyInputs } from "../types";
import { approvalSettings, approvingProperties } from "./approvalSettings";
import { CheckContext, childPath, describe, indexPath, oneOf } from "./checkContext";
import { customExtensionStageSettings } from "./customExtensions";
import { isZero } from "./durations";
import { ALLOWED_TARGET_SCOPES } from "./enumValues";
import { expirationPattern } from "./expiration";
import { questions } from "./questions";
import {
    booleanValue,
    durationOf,
    durationValue,
    enumValue,
    guidValue,
    ignored,
    isGuid,
    objectOf,
    readFields,
    textValue,
    type FieldsOf,
    type ObjectRule,
    type Reader,
} from "./readers";
import { requestingProperties, requestorSettings } from "./requestorSettings";
import { REVIEWS_OFF, reviewSettings } from "./reviewSettings";
import {
    allowedTargets,
    allowedTargetTypesFor,
    isAllowedTargetType,
    nameOfSubjectSet,
    SPECIFIC_SCOPES,
    subjectSetODataType,
} from "./subjectSets";
import { droppingTypeTag, withoutTypeTag, type Untagged } from "./typeTags";
import { containsUnknown, isPlainObject, isUnknown } from "./unknown";

const adopt: Reader = (value, path, check) => {
    if (value === undefined || value === null || isUnknown(value) || typeof value === "boolean") {
        return value ?? undefined;
    }
    if (!isGuid(value)) {
        check.fail(
            path,
            `must be true (adopt the policy with the same displayName in the access package) or the id (GUID) of the policy to adopt; got ${describe(value)}`,
        );
        return value;
    }
    return value.toLowerCase();
};

/**
 * A zero grace period removes access at once, as no grace period does. One canonical form (none) means Graph may
 * answer an omitted grace period with null or with PT0S without a diff, and a declared PT0S is not sent at all.
 */
const zeroGraceIsNone: ObjectRule = (settings) => {
    const grace = durationOf(settings.gracePeriodBeforeAccessRemoval);
    if (grace === undefined || !isZero(grace)) {
        return settings;
    }
    const { gracePeriodBeforeAccessRemoval: _zero, ...rest } = settings;
    return rest;
};

const AUTOMATIC_REQUEST_FIELDS: FieldsOf<Untagged<AutomaticRequestSettings>> = {
    requestAccessForAllowedTargets: booleanValue({ default: false }),
    removeAccessWhenTargetLeavesAllowedTargets: booleanValue({ default: false }),
    gracePeriodBeforeAccessRemoval: durationValue(),
};

const NOTIFICATION_FIELDS: FieldsOf<Untagged<NotificationSettings>> = {
    isAssignmentNotificationDisabled: booleanValue({ default: false }),
};

/** Every input property, in the order Graph documents them. */
const POLICY_FIELDS: FieldsOf<PolicyInputs> & { id: Reader } = {
    accessPackageId: guidValue("access package's id", { required: true }),
    displayName: textValue({ nonEmpty: true }, { required: true }),
    description: textValue({}, { required: true }),
    allowedTargetScope: enumValue(ALLOWED_TARGET_SCOPES, { required: true }),
    specificAllowedTargets: allowedTargets,
    automaticRequestSettings: droppingTypeTag<AutomaticRequestSettings>(
        "accessPackageAutomaticRequestSettings",
        objectOf("automatic request settings", AUTOMATIC_REQUEST_FIELDS, {}, zeroGraceIsNone),
    ),
    expiration: expirationPattern({ default: { type: "noExpiration" } }),
    requestorSettings: requestorSettings(false),
    requestApprovalSettings: approvalSettings(false),
    reviewSettings,
    notificationSettings: droppingTypeTag<NotificationSettings>(
        "accessPackageNotificationSettings",
        objectOf("notification settings", NOTIFICATION_FIELDS, { default: {} }),
    ),
    questions,
    customExtensionStageSettings,
    adopt,
    // Graph's PUT examples carry the policy id in the body; it is read-only and the URL names the policy.
    id: ignored(guidValue("policy id")),
};

/** The names a user may write at the top level. */
export const INPUT_NAMES: readonly string[] = Object.keys(POLICY_FIELDS);

/**
 * The lists, by property name, whose order means nothing: subject sets, custom extension stages (one per stage),
 * days of the week. Diff compares them as sets, and a property carried from Graph follows its element, wherever the
 * inputs list it. Every other list is ordered: an element's position is its identity (approval stages, questions).
 */
export const UNORDERED_LISTS: ReadonlySet<string> = new Set([
    "specificAllowedTargets",
    "onBehalfRequestors",
    "primaryApprovers",
    "fallbackPrimaryApprovers",
    "escalationApprovers",
    "fallbackEscalationApprovers",
    "primaryReviewers",
    "fallbackReviewers",
    "customExtensionStageSettings",
    "daysOfWeek",
]);

const REQUEST_SETTINGS = ["requestorSettings", "requestApprovalSettings"] as const;
const DEFAULT_MEANING = { requestorSettings: "nobody may request", requestApprovalSettings: "requests need no approval" };

const requestBasedOrAutomatic: ObjectRule = (policy, _path, check) => {
    const automatic = policy.automaticRequestSettings;
    if (automatic === undefined) {
        for (const name of REQUEST_SETTINGS) {
            if (policy[name] === undefined) {
                check.fail(
                    name,
                    `required for a request-based policy (one without automaticRequestSettings); write {} to accept the defaults (${DEFAULT_MEANING[name]})`,
                );
            }
        }
        // A membership rule assigns by itself: Graph takes one only as the rule of an auto-assignment policy.
        const targets = Array.isArray(policy.specificAllowedTargets) ? policy.specificAllowedTargets : [];
        targets.forEach((target, i) => {
            if (nameOfSubjectSet(target) === "attributeRuleMembers") {
                check.fail(
                    `${indexPath("specificAllowedTargets", i)}["@odata.type"]`,
                    "attributeRuleMembers is allowed only in an auto-assignment policy (one with automaticRequestSettings); " +
                        "a request-based policy lists singleUser or groupMembers, or use a dynamic group with groupMembers",
                );
            }
        });
        return policy;
    }
    if (isUnknown(automatic)) {
        return policy;
    }
    const { allowedTargetScope: scope, specificAllowedTargets: targets } = policy;
    const auto = "on an auto-assignment policy (one with automaticRequestSettings)";
    if (typeof scope === "string" && !isUnknown(scope) && scope !== "specificDirectoryUsers") {
        check.fail("allowedTargetScope", `must be specificDirectoryUsers ${auto}; got ${scope}`);
    }
    if (
        Array.isArray(targets) &&
        (targets.length !== 1 || (nameOfSubjectSet(targets[0]) ?? "attributeRuleMembers") !== "attributeRuleMembers")
    ) {
        check.fail(
            "specificAllowedTargets",
            `must be exactly one ${subjectSetODataType("attributeRuleMembers")} (the membership rule) ${auto}`,
        );
    }
    const result = { ...policy };
    const offending = { requestorSettings: requestingProperties, requestApprovalSettings: approvingProperties };
    for (const name of REQUEST_SETTINGS) {
        const settings = policy[name];
        if (!isPlainObject(settings)) {
            continue;
        }
        const found = offending[name](settings);
        found.forEach((property) =>
            check.fail(
                childPath(name, property),
                `must be false or empty (or omitted) ${auto}: nobody requests, assignments follow the membership rule`,
            ),
        );
        if (found.length === 0 && !containsUnknown(settings)) {
            // Settings that grant nothing are what Graph holds for an auto-assignment policy anyway; leaving them out
            // makes "omitted" and "all defaults" one canonical form. Settings with unknowns stay, so preview shows them.
            delete result[name];
        }
    }
    return result;
};

const scopeMatchesTargets: ObjectRule = (policy, _path, check) => {
    const { allowedTargetScope: scope, specificAllowedTargets: targets } = policy;
    if (typeof scope !== "string" || isUnknown(scope) || !Array.isArray(targets)) {
        return policy;
    }
    const allowed = allowedTargetTypesFor(scope);
    if (allowed === undefined) {
        if (targets.length > 0 && (ALLOWED_TARGET_SCOPES as readonly string[]).includes(scope)) {
            check.fail(
                "specificAllowedTargets",
                `must be empty when allowedTargetScope is ${scope}, which already names who may be assigned; to list principals use ${oneOf(SPECIFIC_SCOPES)}`,
            );
        }
        return policy;
    }
    const types = oneOf(allowed.map(subjectSetODataType));
    if (targets.length === 0) {
        check.fail("specificAllowedTargets", `must list at least one target when allowedTargetScope is ${scope}: ${types}`);
    }
    targets.forEach((target, i) => {
        const name = nameOfSubjectSet(target);
        if (name !== undefined && isAllowedTargetType(name) && !allowed.includes(name)) {
            check.fail(
                `${indexPath("specificAllowedTargets", i)}["@odata.type"]`,
                `${name} is not allowed when allowedTargetScope is ${scope}; allowed: ${types}`,
            );
        }
    });
    return policy;
};

const disabledReviewsAreAbsent: ObjectRule = (policy) => {
    // Disabled reviews with nothing else configured mean "no reviews", which Graph may hold as null or as defaults.
    if (!isDeepStrictEqual(policy.reviewSettings, REVIEWS_OFF)) {
        return policy;
    }
    const { reviewSettings: _off, ...rest } = policy;
    return rest;
};

/**
 * Read-only properties of a body copied from a GET: they describe the policy Graph holds, not what to declare, so they
 * are dropped without a word. (`accessPackage` is not among them: it is writable, and `accessPackageId` replaces it.)
 */
const READ_ONLY = new Set(["@odata.context", "createdDateTime", "modifiedDateTime", "catalog"]);

/**
 * Reads a policy's input properties (anything but an object counts as `{}`) into canonical form, reporting every
 * failure to `check`. Best effort: invalid values are kept as given, unknown properties are left out.
 */
export function canonicalPolicy(raw: unknown, check: CheckContext): Record<string, unknown> {
    const policy = withoutTypeTag(isPlainObject(raw) ? raw : {}, "accessPackageAssignmentPolicy", "", check);
    const writable = Object.fromEntries(Object.entries(policy).filter(([key]) => !READ_ONLY.has(key)));
    return readFields(writable, "", check, POLICY_FIELDS, [requestBasedOrAutomatic, scopeMatchesTargets, disabledReviewsAreAbsent]);
}
