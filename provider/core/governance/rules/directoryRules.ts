/** Rules that look the policy's principals up in the directory (only when a directory snapshot is given). */
import { principalReferences } from "../policyFacts";
import { MAESTER_DELETED_GROUPS, violationIf } from "./ruleSupport";
import type { GovernanceRule } from "../types";

export const directoryPrincipalsExist: GovernanceRule = {
    id: "directory-principals-exist",
    title: "Users and groups the policy names still exist",
    rationale: "A deleted approver, reviewer or target group breaks approvals and assignments without any error at the policy.",
    source: MAESTER_DELETED_GROUPS,
    property: "userId and groupId of specificAllowedTargets[], requestorSettings.onBehalfRequestors[], every approver and reviewer list",
    remediation: "Replace or remove the deleted user or group.",
    severity: "high",
    settings: [],
    needsDirectory: true,
    check: (policy, { directory }) =>
        principalReferences(policy).flatMap((reference) => {
            const exists = reference.kind === "user" ? directory?.userExists(reference.id) : directory?.group(reference.id)?.exists;
            const field = reference.kind === "user" ? "userId" : "groupId";
            return violationIf(
                exists === false,
                `${reference.property}.${field}`,
                `${reference.kind} ${reference.id} does not exist in the directory`,
            );
        }),
};

export const approverGroupsNotEmpty: GovernanceRule = {
    id: "approver-groups-not-empty",
    title: "Approver and reviewer groups have members",
    rationale:
        "An empty approver group leaves requests with nobody to approve them, and an empty reviewer group leaves reviews to their default.",
    source: "Stated practice, as Maester's entitlement-management tenant checks test that policies have valid approvers",
    property: "groupId of requestApprovalSettings.stages[] approver lists and reviewSettings reviewer lists",
    remediation: "Add members to the group, or name another approver or reviewer.",
    severity: "high",
    settings: [],
    needsDirectory: true,
    check: (policy, { directory }) =>
        principalReferences(policy)
            .filter((reference) => reference.kind === "group" && reference.decides)
            .flatMap((reference) => {
                const group = directory?.group(reference.id);
                return violationIf(
                    group?.exists === true && !group.hasMembers,
                    `${reference.property}.groupId`,
                    `group ${reference.id} has no members`,
                );
            }),
};
