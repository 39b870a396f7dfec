/** Rules on assignments themselves: their lifetime, automatic assignment, custom extension stages. */
import { EXPIRATION_STAGES } from "../../model/enumValues";
import { matchesEveryUser } from "../membershipRule";
import { durationInDays, expirationOf, isRequestBased, neverExpires, requiresApproval } from "../policyFacts";
import { EXTERNAL_GUIDANCE, AUTO_GUIDANCE, EXTENSION_GUIDANCE, violationIf } from "./ruleSupport";
import type { GovernanceRule } from "../types";

export const neverExpiringMembersOnly: GovernanceRule = {
    id: "never-expiring-members-only",
    title: "Only member users get assignments that never expire",
    rationale: "Guests and external users leave without the directory knowing; only an expiration removes their access reliably.",
    source: EXTERNAL_GUIDANCE,
    property: "expiration.type",
    remediation:
        'Set expiration to { type: "afterDuration", duration: "P365D" } (or shorter), or narrow allowedTargetScope to member users.',
    severity: "high",
    settings: ["neverExpiringScopes"],
    needsDirectory: false,
    check: (policy, { settings }) => {
        const expiration = expirationOf(policy);
        return violationIf(
            neverExpires(expiration) && !settings.neverExpiringScopes.includes(policy.allowedTargetScope),
            "expiration.type",
            `assignments never expire (${expiration.type}) but allowedTargetScope ${policy.allowedTargetScope} is not member-only (allowed: ${settings.neverExpiringScopes.join(", ")})`,
        );
    },
};

export const autoAssignmentNotEveryone: GovernanceRule = {
    id: "auto-assignment-not-everyone",
    title: "Auto-assignment rules do not match every user",
    rationale:
        "An automatic policy assigns everyone its rule matches, without a request or approval; a rule that matches everyone hands the package to the whole directory.",
    source: AUTO_GUIDANCE,
    property: "specificAllowedTargets[].membershipRule",
    remediation: 'Narrow the membershipRule to the attribute that defines who needs access, e.g. (user.department -eq "Sales").',
    severity: "high",
    settings: [],
    needsDirectory: false,
    check: (policy) =>
        isRequestBased(policy)
            ? []
            : (policy.specificAllowedTargets ?? []).flatMap((target, index) =>
                  violationIf(
                      "membershipRule" in target && matchesEveryUser(target.membershipRule),
                      `specificAllowedTargets[${index}].membershipRule`,
                      `the rule ${JSON.stringify((target as { membershipRule: string }).membershipRule)} matches every user`,
                  ),
              ),
};

export const customExtensionStageReachable: GovernanceRule = {
    id: "custom-extension-stage-reachable",
    title: "Custom extensions run only at stages the policy goes through",
    rationale:
        "An extension at a stage the policy never reaches (approval without approval, expiry without expiration) silently never runs.",
    source: EXTENSION_GUIDANCE,
    property: "customExtensionStageSettings[].stage",
    remediation: "Remove the stage setting, or configure what makes the stage happen (approval, or an expiration long enough).",
    severity: "medium",
    settings: [],
    needsDirectory: false,
    check: (policy) => {
        const expiration = expirationOf(policy);
        const lengthInDays = expiration.type === "afterDuration" ? durationInDays(expiration.duration) : undefined;
        const unreachable = (stage: string): string | undefined => {
            if (stage === "assignmentRequestApproved" && !requiresApproval(policy)) {
                return "requests are never approved: the policy requires no approval";
            }
            if ((EXPIRATION_STAGES as readonly string[]).includes(stage) && neverExpires(expiration)) {
                return `assignments never expire (${expiration.type})`;
            }
            if (stage === "assignmentFourteenDaysBeforeExpiration" && lengthInDays !== undefined && lengthInDays <= 14) {
                return `assignments last ${expiration.duration}, so fourteen days before expiration is before they start`;
            }
            return undefined;
        };
        return (policy.customExtensionStageSettings ?? []).flatMap((setting, index) => {
            const reason = unreachable(setting.stage);
            return violationIf(
                reason !== undefined,
                `customExtensionStageSettings[${index}].stage`,
                `${setting.stage} never happens: ${reason}`,
            );
        });
    },
};
