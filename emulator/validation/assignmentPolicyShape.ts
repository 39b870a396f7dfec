import { graphErrors } from "../errors/graphErrors";
import type { JsonObject, JsonValue } from "../json";
import { field } from "./field";
import { propertyNames, type ObjectShape } from "./ObjectShape";
import {
    APPROVAL_SETTINGS,
    AUTOMATIC_REQUEST_SETTINGS,
    EXPIRATION,
    NOTIFICATION_SETTINGS,
    REQUESTOR_SETTINGS,
    REVIEW_SETTINGS,
    requestorSettingsEnableRequests,
} from "./policySettings";
import { subjectSetType } from "./subjectSets";

/** Subject set types each `specific…` scope admits in `specificAllowedTargets`. */
const SPECIFIC_TARGET_TYPES: Readonly<Record<string, readonly string[]>> = {
    specificDirectoryUsers: ["singleUser", "groupMembers", "attributeRuleMembers"],
    specificConnectedOrganizationUsers: ["connectedOrganizationMembers"],
    // singleServicePrincipal is the one subject set that names a service principal; groups hold users, and application
    // owners request on an application's behalf.
    specificDirectoryServicePrincipals: ["singleServicePrincipal"],
};

function checkTargets(scope: string, targets: JsonObject[], automatic: boolean): void {
    const admitted = SPECIFIC_TARGET_TYPES[scope];
    if (admitted === undefined) {
        if (targets.length > 0) {
            throw graphErrors.invalidProperty("specificAllowedTargets", `must be empty when allowedTargetScope is '${scope}'.`);
        }
        return;
    }
    if (targets.length === 0) {
        throw graphErrors.invalidProperty(
            "specificAllowedTargets",
            `at least one target is required when allowedTargetScope is '${scope}'.`,
        );
    }
    targets.forEach((target, index) => {
        const type = subjectSetType(target);
        if (!admitted.includes(type)) {
            throw graphErrors.invalidProperty(
                `specificAllowedTargets[${index}]`,
                `'${type}' is not allowed when allowedTargetScope is '${scope}'.`,
            );
        }
        if (type === "attributeRuleMembers" && !automatic) {
            throw graphErrors.invalidProperty(
                `specificAllowedTargets[${index}]`,
                "'attributeRuleMembers' targets are only allowed in an auto-assignment policy (automaticRequestSettings set).",
            );
        }
    });
}

function checkAutomaticPolicy(properties: JsonObject): void {
    const targets = properties.specificAllowedTargets as JsonObject[];
    if (properties.allowedTargetScope !== "specificDirectoryUsers") {
        throw graphErrors.invalidProperty("allowedTargetScope", "an auto-assignment policy must use 'specificDirectoryUsers'.");
    }
    if (targets.length !== 1 || subjectSetType(targets[0]) !== "attributeRuleMembers") {
        throw graphErrors.invalidProperty(
            "specificAllowedTargets",
            "an auto-assignment policy needs exactly one 'attributeRuleMembers' target.",
        );
    }
    if (requestorSettingsEnableRequests(properties.requestorSettings as JsonObject)) {
        throw graphErrors.invalidProperty("requestorSettings", "an auto-assignment policy cannot let users request access.");
    }
    const approval = properties.requestApprovalSettings as JsonObject;
    if (
        approval.isApprovalRequiredForAdd === true ||
        approval.isApprovalRequiredForUpdate === true ||
        (approval.stages as JsonValue[]).length > 0
    ) {
        throw graphErrors.invalidProperty("requestApprovalSettings", "an auto-assignment policy cannot require approval.");
    }
}

/**
 * The structural properties of an accessPackageAssignmentPolicy a body writes, in GET order: adding one to Graph's
 * schema is one line here (and, for a complex type, its shape in policySettings.ts). The navigations (questions,
 * customExtensionStageSettings) and the access package reference are read beside it, in assignmentPolicyBody.ts.
 */
export const ASSIGNMENT_POLICY: ObjectShape = {
    typeName: "microsoft.graph.accessPackageAssignmentPolicy",
    fields: {
        displayName: field.nonBlankString(),
        description: field.requiredString(),
        allowedTargetScope: field.enumOf([
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
        ]),
        specificAllowedTargets: field.subjectSets(),
        expiration: field.object(EXPIRATION),
        requestorSettings: field.requiredOnReplace(field.object(REQUESTOR_SETTINGS)),
        requestApprovalSettings: field.requiredOnReplace(field.object(APPROVAL_SETTINGS)),
        reviewSettings: field.object(REVIEW_SETTINGS),
        automaticRequestSettings: field.object(AUTOMATIC_REQUEST_SETTINGS),
        notificationSettings: field.object(NOTIFICATION_SETTINGS),
    },
    // Of several faults, the emulator reports a bad displayName's first, then a bad automaticRequestSettings'.
    readFirst: ["displayName", "automaticRequestSettings"],
    whenAbsent: "refuse",
    check(properties) {
        const automatic = properties.automaticRequestSettings !== null;
        checkTargets(String(properties.allowedTargetScope), properties.specificAllowedTargets as JsonObject[], automatic);
        if (automatic) checkAutomaticPolicy(properties);
    },
};

/** Read-only timestamps: Graph sets them, a client may echo them back from a GET, and the service ignores them. */
const SERVICE_SET = ["createdDateTime", "modifiedDateTime"];

/** Structural properties of a policy besides its id, read-only timestamps included, as Graph returns them. */
export const POLICY_PROPERTIES: readonly string[] = [...propertyNames(ASSIGNMENT_POLICY), ...SERVICE_SET];
