import { allUsers, EXTENSION_ID, GROUP_ID, quarterlyReviews, salesAutoAssignment } from "../../support/policies";
import { approver, describeRuleCases, singleUser, stage, type RuleCase } from "./ruleCases";

/** The rules on the settings objects: approval stages, reviews, questions, auto-assignment, custom extensions. */
const RULES: RuleCase[] = [
    {
        rule: "approval needs a stage",
        bad: (p) => (p.requestApprovalSettings.stages = []),
        property: "requestApprovalSettings.stages",
        reason: /one to three stages when isApprovalRequiredForAdd or isApprovalRequiredForUpdate is true/,
        good: (p) => (p.requestApprovalSettings = { isApprovalRequiredForAdd: false, stages: [] }),
    },
    {
        rule: "at most three stages",
        bad: (p) => (p.requestApprovalSettings.stages = [1, 2, 3, 4].map(() => stage(allUsers()))),
        property: "requestApprovalSettings.stages",
        reason: /at most 3 stages; got 4/,
        good: (p) => (p.requestApprovalSettings.stages = [1, 2, 3].map(() => stage(allUsers()))),
    },
    {
        rule: "no stages without approval",
        bad: (p) => (p.requestApprovalSettings.isApprovalRequiredForAdd = false),
        property: "requestApprovalSettings.stages",
        reason: /must be empty when neither isApprovalRequiredForAdd nor isApprovalRequiredForUpdate is true/,
        good: (p) => Object.assign(p.requestApprovalSettings, { isApprovalRequiredForAdd: false, isApprovalRequiredForUpdate: true }),
    },
    {
        rule: "a stage needs an approver",
        bad: (p) => Object.assign(stage(p), { primaryApprovers: [], fallbackPrimaryApprovers: [] }),
        property: "requestApprovalSettings.stages[0].primaryApprovers",
        reason: /at least one approver \(here or in fallbackPrimaryApprovers\)/,
        good: (p) => (stage(p).primaryApprovers = []),
    },
    {
        rule: "service principal scopes list service principals only",
        bad: (p) =>
            Object.assign(p, {
                allowedTargetScope: "specificDirectoryServicePrincipals",
                specificAllowedTargets: [approver("groupMembers", { groupId: GROUP_ID })],
            }),
        property: 'specificAllowedTargets[0]["@odata.type"]',
        reason: /groupMembers is not allowed when allowedTargetScope is specificDirectoryServicePrincipals; allowed: #microsoft.graph.singleServicePrincipal$/,
        good: (p) =>
            Object.assign(p, {
                allowedTargetScope: "specificDirectoryServicePrincipals",
                specificAllowedTargets: [approver("singleServicePrincipal", { servicePrincipalId: GROUP_ID })],
            }),
    },
    {
        rule: "a request-based policy takes no membership rule",
        bad: (p) =>
            Object.assign(p, {
                allowedTargetScope: "specificDirectoryUsers",
                specificAllowedTargets: [singleUser, approver("attributeRuleMembers", { membershipRule: '(user.department -eq "Sales")' })],
            }),
        property: 'specificAllowedTargets[1]["@odata.type"]',
        reason: /attributeRuleMembers is allowed only in an auto-assignment policy \(one with automaticRequestSettings\)/,
        good: (p) =>
            Object.assign(p, {
                allowedTargetScope: "specificDirectoryUsers",
                specificAllowedTargets: [singleUser, approver("groupMembers", { groupId: GROUP_ID })],
            }),
    },
    {
        rule: "approver information visibility is Graph's enum",
        bad: (p) => (stage(p).approverInformationVisibility = "hidden"),
        property: "requestApprovalSettings.stages[0].approverInformationVisibility",
        reason: /must be one of default, notVisible or visible; got "hidden"/,
        good: (p) => (stage(p).approverInformationVisibility = "NotVisible"),
    },
    {
        rule: "a stage is plain or dynamic",
        bad: (p) => (stage(p)["@odata.type"] = "#microsoft.graph.approvalStage"),
        property: 'requestApprovalSettings.stages[0]["@odata.type"]',
        reason: /must be #microsoft.graph.accessPackageApprovalStage \(or be left out\) or #microsoft.graph.accessPackageDynamicApprovalStage; got "#microsoft.graph.approvalStage"/,
        good: (p) => (stage(p)["@odata.type"] = "accessPackageDynamicApprovalStage"),
    },
    {
        rule: "service principals do not approve",
        bad: (p) => stage(p).primaryApprovers.push(approver("singleServicePrincipal", { servicePrincipalId: GROUP_ID })),
        property: 'requestApprovalSettings.stages[0].primaryApprovers[1]["@odata.type"]',
        reason: /singleServicePrincipal cannot be an approver; allowed here: .*#microsoft.graph.targetAgentIdentitySponsorsOrOwners \(the approver types of Graph's accessPackageApprovalStage page\)/,
        good: (p) => stage(p).primaryApprovers.push(approver("targetAgentIdentitySponsorsOrOwners")),
    },
    {
        rule: "agent identity sponsors do not review",
        bad: (p) => (
            (p.reviewSettings = quarterlyReviews()),
            p.reviewSettings.primaryReviewers.push(approver("targetAgentIdentitySponsorsOrOwners"))
        ),
        property: 'reviewSettings.primaryReviewers[1]["@odata.type"]',
        reason: /targetAgentIdentitySponsorsOrOwners cannot be a reviewer/,
        good: (p) => (p.requestorSettings.onBehalfRequestors = [approver("targetAgentIdentitySponsorsOrOwners")]),
    },
    {
        rule: "denial is at least a day",
        bad: (p) => (stage(p).durationBeforeAutomaticDenial = "P0D"),
        property: "requestApprovalSettings.stages[0].durationBeforeAutomaticDenial",
        reason: /whole number of days, at least P1D \(Graph: "the number of days that a request can be pending"\); got P0D/,
        good: (p) => (stage(p).durationBeforeAutomaticDenial = "PT24H"),
    },
    {
        rule: "denial is whole days",
        bad: (p) => (stage(p).durationBeforeAutomaticDenial = "PT36H"),
        property: "requestApprovalSettings.stages[0].durationBeforeAutomaticDenial",
        reason: /whole number of days, at least P1D \(Graph: "the number of days that a request can be pending"\); got PT36H/,
        good: (p) => (stage(p).durationBeforeAutomaticDenial = "P1D"),
    },
    {
        rule: "escalation comes before denial",
        bad: (p) =>
            Object.assign(stage(p), { isEscalationEnabled: true, durationBeforeEscalation: "P2D", escalationApprovers: [singleUser] }),
        property: "requestApprovalSettings.stages[0].durationBeforeEscalation",
        reason: /must be shorter than durationBeforeAutomaticDenial \(P2D\) when isEscalationEnabled is true.*got P2D/,
        good: (p) =>
            Object.assign(stage(p), { isEscalationEnabled: true, durationBeforeEscalation: "PT36H", escalationApprovers: [singleUser] }),
    },
    {
        rule: "escalation takes time",
        bad: (p) => Object.assign(stage(p), { isEscalationEnabled: true, escalationApprovers: [singleUser] }),
        property: "requestApprovalSettings.stages[0].durationBeforeEscalation",
        reason: /longer than PT0S when isEscalationEnabled is true/,
        good: (p) =>
            Object.assign(stage(p), { isEscalationEnabled: true, durationBeforeEscalation: "P1D", escalationApprovers: [singleUser] }),
    },
    {
        rule: "escalation needs escalation approvers",
        bad: (p) => Object.assign(stage(p), { isEscalationEnabled: true, durationBeforeEscalation: "P1D" }),
        property: "requestApprovalSettings.stages[0].escalationApprovers",
        reason: /at least one approver when isEscalationEnabled is true \(Graph: isEscalationEnabled "true, then one or more escalationApprovers are configured"\)/,
        good: (p) =>
            Object.assign(stage(p), { isEscalationEnabled: true, durationBeforeEscalation: "P1D", escalationApprovers: [singleUser] }),
    },
    {
        rule: "no escalation approvers without escalation",
        bad: (p) => (stage(p).fallbackEscalationApprovers = [singleUser]),
        property: "requestApprovalSettings.stages[0].fallbackEscalationApprovers",
        reason: /must be empty when isEscalationEnabled is false/,
        good: (p) => (stage(p).fallbackEscalationApprovers = []),
    },
    {
        rule: "no escalation delay without escalation",
        bad: (p) => (stage(p).durationBeforeEscalation = "P1D"),
        property: "requestApprovalSettings.stages[0].durationBeforeEscalation",
        reason: /must be PT0S \(or omitted\) when isEscalationEnabled is false; got P1D/,
        good: (p) => (stage(p).durationBeforeEscalation = "P0D"),
    },
    {
        rule: "enabled reviews need a schedule",
        bad: (p) => (p.reviewSettings = { ...quarterlyReviews(), schedule: undefined }),
        property: "reviewSettings.schedule",
        reason: /required when isEnabled is true: when reviews start \(startDateTime\)/,
        good: (p) => (p.reviewSettings = { ...quarterlyReviews(), isEnabled: false, schedule: undefined }),
    },
    {
        rule: "a schedule starts somewhere",
        bad: (p) => ((p.reviewSettings = quarterlyReviews()), delete p.reviewSettings.schedule.startDateTime),
        property: "reviewSettings.schedule.startDateTime",
        reason: /^required: an ISO 8601 date-time/,
        good: (p) => (p.reviewSettings = quarterlyReviews()),
    },
    {
        rule: "enabled reviews need reviewers unless self-review",
        bad: (p) => (p.reviewSettings = { ...quarterlyReviews(), primaryReviewers: [] }),
        property: "reviewSettings.primaryReviewers",
        reason: /at least one reviewer when isEnabled is true, unless isSelfReview is true/,
        good: (p) => (p.reviewSettings = { ...quarterlyReviews(), primaryReviewers: [], isSelfReview: true }),
    },
    {
        rule: "review expiration behaviour is Graph's enum",
        bad: (p) => (p.reviewSettings = { ...quarterlyReviews(), expirationBehavior: "revoke" }),
        property: "reviewSettings.expirationBehavior",
        reason: /one of keepAccess, removeAccess or acceptAccessRecommendation/,
        good: (p) => (p.reviewSettings = { ...quarterlyReviews(), expirationBehavior: "REMOVEACCESS" }),
    },
    {
        rule: "numbered recurrences have occurrences",
        bad: (p) => ((p.reviewSettings = quarterlyReviews()), (p.reviewSettings.schedule.recurrence.range = { type: "numbered" })),
        property: "reviewSettings.schedule.recurrence.range.numberOfOccurrences",
        reason: /at least 1 when type is numbered/,
        good: (p) => (
            (p.reviewSettings = quarterlyReviews()),
            (p.reviewSettings.schedule.recurrence.range = { type: "numbered", numberOfOccurrences: 4 })
        ),
    },
    {
        rule: "endDate ranges have an end date",
        bad: (p) => (
            (p.reviewSettings = quarterlyReviews()),
            (p.reviewSettings.schedule.recurrence.range = { type: "endDate", startDate: "2025-07-01" })
        ),
        property: "reviewSettings.schedule.recurrence.range.endDate",
        reason: /required when type is endDate/,
        good: (p) => (
            (p.reviewSettings = quarterlyReviews()),
            (p.reviewSettings.schedule.recurrence.range = { type: "endDate", startDate: "2025-07-01", endDate: "2026-06-30" })
        ),
    },
    {
        rule: "range start dates are calendar dates",
        bad: (p) => ((p.reviewSettings = quarterlyReviews()), (p.reviewSettings.schedule.recurrence.range.startDate = "2025-02-29")),
        property: "reviewSettings.schedule.recurrence.range.startDate",
        reason: /must be a calendar date YYYY-MM-DD, e\.g\. 2025-01-31; got "2025-02-29"/,
        good: (p) => ((p.reviewSettings = quarterlyReviews()), (p.reviewSettings.schedule.recurrence.range.startDate = "2024-02-29")),
    },
    {
        rule: "range end dates are calendar dates",
        bad: (p) => (
            (p.reviewSettings = quarterlyReviews()),
            (p.reviewSettings.schedule.recurrence.range = { type: "endDate", endDate: "2026-06-30T00:00:00Z" })
        ),
        property: "reviewSettings.schedule.recurrence.range.endDate",
        reason: /must be a calendar date YYYY-MM-DD.*got "2026-06-30T00:00:00Z"/,
        good: (p) => (
            (p.reviewSettings = quarterlyReviews()),
            (p.reviewSettings.schedule.recurrence.range = { type: "endDate", endDate: "2026-06-30" })
        ),
    },
    {
        rule: "multiple-choice questions have choices",
        bad: (p) =>
            (p.questions = [{ "@odata.type": "#microsoft.graph.accessPackageMultipleChoiceQuestion", text: "Where?", choices: [] }]),
        property: "questions[0].choices",
        reason: /at least one choice/,
        good: (p) =>
            (p.questions = [
                {
                    "@odata.type": "#microsoft.graph.accessPackageMultipleChoiceQuestion",
                    text: "Where?",
                    choices: [{ actualValue: "KE", text: "Kenya" }],
                },
            ]),
    },
    {
        rule: "choices have text",
        bad: (p) =>
            (p.questions = [
                { "@odata.type": "#microsoft.graph.accessPackageMultipleChoiceQuestion", text: "Where?", choices: [{ actualValue: "KE" }] },
            ]),
        property: "questions[0].choices[0].text",
        reason: /^required: a non-empty string/,
        good: (p) =>
            (p.questions = [
                {
                    "@odata.type": "#microsoft.graph.accessPackageMultipleChoiceQuestion",
                    text: "Where?",
                    choices: [{ actualValue: "KE", text: "Kenya" }],
                },
            ]),
    },
    {
        rule: "choice type tags name an answer choice",
        bad: (p) =>
            (p.questions = [
                {
                    "@odata.type": "#microsoft.graph.accessPackageMultipleChoiceQuestion",
                    text: "Where?",
                    choices: [{ "@odata.type": "#microsoft.graph.accessPackageQuestion", actualValue: "KE", text: "Kenya" }],
                },
            ]),
        property: 'questions[0].choices[0]["@odata.type"]',
        reason: /must be #microsoft.graph.accessPackageAnswerChoice \(or be left out\); got "#microsoft.graph.accessPackageQuestion"/,
        good: (p) =>
            (p.questions = [
                {
                    "@odata.type": "#microsoft.graph.accessPackageMultipleChoiceQuestion",
                    text: "Where?",
                    choices: [{ "@odata.type": "Microsoft.Graph.AccessPackageAnswerChoice", actualValue: "KE", text: "Kenya" }],
                },
            ]),
    },
    {
        rule: "localization type tags name a localized text",
        bad: (p) =>
            (p.questions = [
                {
                    "@odata.type": "#microsoft.graph.accessPackageTextInputQuestion",
                    text: "Why?",
                    localizations: [{ "@odata.type": "#microsoft.graph.localizedText", languageCode: "fr", text: "Pourquoi ?" }],
                },
            ]),
        property: 'questions[0].localizations[0]["@odata.type"]',
        reason: /must be #microsoft.graph.accessPackageLocalizedText \(or be left out\); got "#microsoft.graph.localizedText"/,
        good: (p) =>
            (p.questions = [
                {
                    "@odata.type": "#microsoft.graph.accessPackageTextInputQuestion",
                    text: "Why?",
                    localizations: [
                        { "@odata.type": "microsoft.graph.accessPackageLocalizedText", languageCode: "fr", text: "Pourquoi ?" },
                    ],
                },
            ]),
    },
    {
        rule: "language codes are ISO 639-1 with an optional country",
        bad: (p) =>
            (p.questions = [
                {
                    "@odata.type": "#microsoft.graph.accessPackageTextInputQuestion",
                    text: "Why?",
                    localizations: [{ languageCode: "French", text: "Pourquoi ?" }],
                },
            ]),
        property: "questions[0].localizations[0].languageCode",
        reason: /ISO 639-1 language code.*e\.g\. en, en-us or fr-CA; got "French"/,
        good: (p) =>
            (p.questions = [
                {
                    "@odata.type": "#microsoft.graph.accessPackageTextInputQuestion",
                    text: "Why?",
                    localizations: [{ languageCode: "fr", text: "Pourquoi ?" }],
                },
            ]),
    },
    {
        rule: "regex patterns are sound .NET regular expressions",
        bad: (p) =>
            (p.questions = [{ "@odata.type": "#microsoft.graph.accessPackageTextInputQuestion", text: "Why?", regexPattern: "[a-z" }]),
        property: "questions[0].regexPattern",
        reason: /must be a \.NET regular expression \(Graph's dialect\), but "\[a-z" has an unterminated character class/,
        good: (p) =>
            (p.questions = [
                { "@odata.type": "#microsoft.graph.accessPackageTextInputQuestion", text: "Why?", regexPattern: "(?i)[a-z]+" },
            ]),
    },
    {
        rule: "questions are text or multiple choice",
        bad: (p) => (p.questions = [{ "@odata.type": "#microsoft.graph.accessPackageQuestion", text: "Why?" }]),
        property: 'questions[0]["@odata.type"]',
        reason: /unknown question type.*#microsoft.graph.accessPackageTextInputQuestion or #microsoft.graph.accessPackageMultipleChoiceQuestion/,
        good: (p) => (p.questions = [{ "@odata.type": "accessPackageTextInputQuestion", text: "Why?" }]),
    },
    {
        rule: "question types are own names, not Object.prototype members",
        bad: (p) => (p.questions = [{ "@odata.type": "constructor", text: "Why?" }]),
        property: 'questions[0]["@odata.type"]',
        reason: /unknown question type "constructor"/,
        good: (p) => (p.questions = [{ "@odata.type": "ACCESSPACKAGETEXTINPUTQUESTION", text: "Why?" }]),
    },
    {
        rule: "text questions have no choices",
        bad: (p) => (p.questions = [{ "@odata.type": "#microsoft.graph.accessPackageTextInputQuestion", text: "Why?", choices: [] }]),
        property: "questions[0].choices",
        reason: /^unknown property/,
        good: (p) =>
            (p.questions = [
                {
                    "@odata.type": "#microsoft.graph.accessPackageMultipleChoiceQuestion",
                    text: "Why?",
                    choices: [{ actualValue: "KE", text: "Kenya" }],
                },
            ]),
    },
    {
        rule: "auto-assignment is for specificDirectoryUsers",
        base: salesAutoAssignment,
        bad: (p) => Object.assign(p, { allowedTargetScope: "allMemberUsers", specificAllowedTargets: [] }),
        property: "allowedTargetScope",
        reason: /must be specificDirectoryUsers on an auto-assignment policy/,
        good: (p) => (p.allowedTargetScope = "SpecificDirectoryUsers"),
    },
    {
        rule: "auto-assignment has exactly one rule target",
        base: salesAutoAssignment,
        bad: (p) => p.specificAllowedTargets.push(singleUser),
        property: "specificAllowedTargets",
        reason: /exactly one #microsoft.graph.attributeRuleMembers \(the membership rule\)/,
        good: (p) => (p.specificAllowedTargets[0].description = "Sales"),
    },
    {
        rule: "auto-assignment has nobody requesting",
        base: salesAutoAssignment,
        bad: (p) => (p.requestorSettings = { enableTargetsToSelfAddAccess: true }),
        property: "requestorSettings.enableTargetsToSelfAddAccess",
        reason: /must be false or empty \(or omitted\) on an auto-assignment policy/,
        good: (p) => (p.requestorSettings = { enableTargetsToSelfAddAccess: false }),
    },
    {
        rule: "auto-assignment has no approval",
        base: salesAutoAssignment,
        bad: (p) => (p.requestApprovalSettings = { isApprovalRequiredForAdd: true, stages: [stage(allUsers())] }),
        property: "requestApprovalSettings.isApprovalRequiredForAdd",
        reason: /must be false or empty \(or omitted\) on an auto-assignment policy/,
        good: (p) => (p.requestApprovalSettings = { stages: [] }),
    },
    {
        rule: "custom extension stages are Graph's",
        bad: (p) => (p.customExtensionStageSettings = [{ stage: "assignmentExpired", customExtension: { id: EXTENSION_ID } }]),
        property: "customExtensionStageSettings[0].stage",
        reason: /must be one of assignmentRequestCreated, .*assignmentOneDayBeforeExpiration/,
        good: (p) => (p.customExtensionStageSettings = [{ stage: "AssignmentRequestGranted", customExtension: { id: EXTENSION_ID } }]),
    },
    {
        rule: "each stage runs one extension",
        bad: (p) =>
            (p.customExtensionStageSettings = [1, 2].map(() => ({
                stage: "assignmentRequestCreated",
                customExtension: { id: EXTENSION_ID },
            }))),
        property: "customExtensionStageSettings[1].stage",
        reason: /assignmentRequestCreated is already set by customExtensionStageSettings\[0\]/,
        good: (p) =>
            (p.customExtensionStageSettings = ["assignmentRequestCreated", "assignmentRequestApproved"].map((s) => ({
                stage: s,
                customExtension: { id: EXTENSION_ID },
            }))),
    },
    {
        rule: "extension ids are GUIDs",
        bad: (p) => (p.customExtensionStageSettings = [{ stage: "assignmentRequestCreated", customExtension: { id: "my-logic-app" } }]),
        property: "customExtensionStageSettings[0].customExtension.id",
        reason: /custom workflow extension's id as a GUID/,
        good: (p) =>
            (p.customExtensionStageSettings = [{ stage: "assignmentRequestCreated", customExtension: { id: EXTENSION_ID.toUpperCase() } }]),
    },
    {
        rule: "expiration stages run assignment extensions",
        bad: (p) =>
            (p.customExtensionStageSettings = [
                {
                    stage: "assignmentOneDayBeforeExpiration",
                    customExtension: {
                        id: EXTENSION_ID,
                        "@odata.type": "#microsoft.graph.accessPackageAssignmentRequestWorkflowExtension",
                    },
                },
            ]),
        property: 'customExtensionStageSettings[0].customExtension["@odata.type"]',
        reason: /stage assignmentOneDayBeforeExpiration runs a #microsoft.graph.accessPackageAssignmentWorkflowExtension/,
        good: (p) =>
            (p.customExtensionStageSettings = [
                {
                    stage: "assignmentOneDayBeforeExpiration",
                    customExtension: { id: EXTENSION_ID, "@odata.type": "microsoft.graph.accessPackageAssignmentWorkflowExtension" },
                },
            ]),
    },
    {
        rule: "extension types are the two workflow extension types",
        bad: (p) =>
            (p.customExtensionStageSettings = [
                {
                    stage: "assignmentRequestCreated",
                    customExtension: { id: EXTENSION_ID, "@odata.type": "#microsoft.graph.customCalloutExtension" },
                },
            ]),
        property: 'customExtensionStageSettings[0].customExtension["@odata.type"]',
        reason: /must be one of #microsoft.graph.accessPackageAssignmentRequestWorkflowExtension or #microsoft.graph.accessPackageAssignmentWorkflowExtension; got "#microsoft.graph.customCalloutExtension"/,
        good: (p) =>
            (p.customExtensionStageSettings = [
                {
                    stage: "assignmentRequestCreated",
                    customExtension: {
                        id: EXTENSION_ID,
                        "@odata.type": "#MICROSOFT.GRAPH.accessPackageAssignmentRequestWorkflowExtension",
                    },
                },
            ]),
    },
    {
        rule: "request stages run request extensions",
        bad: (p) =>
            (p.customExtensionStageSettings = [
                {
                    stage: "assignmentRequestCreated",
                    customExtension: { id: EXTENSION_ID, "@odata.type": "#microsoft.graph.accessPackageAssignmentWorkflowExtension" },
                },
            ]),
        property: 'customExtensionStageSettings[0].customExtension["@odata.type"]',
        reason: /stage assignmentRequestCreated runs a #microsoft.graph.accessPackageAssignmentRequestWorkflowExtension; got #microsoft.graph.accessPackageAssignmentWorkflowExtension/,
        good: (p) =>
            (p.customExtensionStageSettings = [
                {
                    stage: "assignmentFourteenDaysBeforeExpiration",
                    customExtension: { id: EXTENSION_ID, "@odata.type": "#microsoft.graph.accessPackageAssignmentWorkflowExtension" },
                },
            ]),
    },
];

describe("check: validation of the settings objects", () => {
    describeRuleCases(RULES);
});
