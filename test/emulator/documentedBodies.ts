/**
 * Request bodies exactly as documented: seeds 000/004 (the PUT page) and the v1.0 create page
 * (microsoft-graph-docs-contrib api-reference/v1.0/api/entitlementmanagement-post-assignmentpolicies.md).
 */

/** Seed 000: PUT "All Users". */
export const SEED_000_ALL_USERS = {
  policyId: "87e1c7f7-c7f7-87e1-f7c7-e187f7c7e187",
  accessPackageId: "49d2c59b-0a81-463d-a8ec-ddad3935d8a0",
  body: {
    id: "87e1c7f7-c7f7-87e1-f7c7-e187f7c7e187",
    displayName: "All Users",
    description: "All users can request for access to the directory.",
    allowedTargetScope: "allDirectoryUsers",
    automaticRequestSettings: null,
    specificAllowedTargets: [],
    expiration: { type: "noExpiration" },
    requestorSettings: {
      enableTargetsToSelfAddAccess: true,
      enableTargetsToSelfUpdateAccess: false,
      enableTargetsToSelfRemoveAccess: true,
      allowCustomAssignmentSchedule: false,
      enableOnBehalfRequestorsToAddAccess: false,
      enableOnBehalfRequestorsToUpdateAccess: false,
      enableOnBehalfRequestorsToRemoveAccess: false,
      onBehalfRequestors: [],
    },
    requestApprovalSettings: {
      isApprovalRequiredForAdd: true,
      isApprovalRequiredForUpdate: false,
      stages: [
        {
          durationBeforeAutomaticDenial: "P2D",
          isApproverJustificationRequired: false,
          isEscalationEnabled: false,
          durationBeforeEscalation: "PT0S",
          primaryApprovers: [{ "@odata.type": "#microsoft.graph.requestorManager", managerLevel: 1 }],
          fallbackPrimaryApprovers: [{ "@odata.type": "#microsoft.graph.singleUser", userId: "e6bf4d7d-6824-4dd0-809d-5bf42d4817c2", description: "user" }],
          escalationApprovers: [],
          fallbackEscalationApprovers: [],
        },
      ],
    },
    accessPackage: { id: "49d2c59b-0a81-463d-a8ec-ddad3935d8a0" },
  },
};

/** Seed 004, example 2: remove all custom extension stages (legacy beta-era names included). */
export const SEED_004_REMOVE_STAGES = {
  policyId: "5540a08f-8ab5-43f6-a923-015275799197",
  accessPackageId: "ba5807c7-2aa9-4c8a-907e-4a17ee587500",
  body: {
    id: "5540a08f-8ab5-43f6-a923-015275799197",
    displayName: "policy with access package custom workflow extension",
    description: "Run specified access package custom workflow extension at different stages.",
    accessPackageId: "ba5807c7-2aa9-4c8a-907e-4a17ee587500",
    expiration: { type: "afterDuration", duration: "P365D" },
    requestApprovalSettings: null,
    requestorSettings: { acceptRequests: true, scopeType: "AllExistingDirectorySubjects", allowedRequestors: [] },
    accessReviewSettings: null,
    customExtensionStageSettings: [],
  },
};

/** Seed 004, example 3: a custom extension at `assignmentRequestCreated`. */
export const SEED_004_SET_STAGE = {
  accessPackageId: "f9afd2e3-7486-40df-9c35-aa2ae108c495",
  customExtensionId: "bebe7873-1f0d-4db9-b6c3-01f7ebfe8476",
  body: {
    displayName: "API Created policy with updated customExtensionStageSettings",
    description: "policy with updated customExtensionStageSettings",
    allowedTargetScope: "notSpecified",
    specificAllowedTargets: [],
    expiration: { endDateTime: null, duration: null, type: "noExpiration" },
    requestorSettings: {
      enableTargetsToSelfAddAccess: false,
      enableTargetsToSelfUpdateAccess: false,
      enableTargetsToSelfRemoveAccess: false,
      allowCustomAssignmentSchedule: true,
      enableOnBehalfRequestorsToAddAccess: false,
      enableOnBehalfRequestorsToUpdateAccess: false,
      enableOnBehalfRequestorsToRemoveAccess: false,
      onBehalfRequestors: [],
    },
    requestApprovalSettings: { isApprovalRequiredForAdd: false, isApprovalRequiredForUpdate: false, stages: [] },
    accessPackage: { id: "f9afd2e3-7486-40df-9c35-aa2ae108c495" },
    customExtensionStageSettings: [
      {
        stage: "assignmentRequestCreated",
        customExtension: { "@odata.type": "#microsoft.graph.accessPackageAssignmentRequestWorkflowExtension", id: "bebe7873-1f0d-4db9-b6c3-01f7ebfe8476" },
      },
    ],
  },
};

/** Create example 1: direct assignment policy. */
export const CREATE_DIRECT_ASSIGNMENT = {
  accessPackageId: "a2e1ca1e-4e56-47d2-9daa-e2ba8d12a82b",
  body: {
    displayName: "New Policy",
    description: "policy for assignment",
    allowedTargetScope: "notSpecified",
    specificAllowedTargets: [],
    expiration: { endDateTime: null, duration: null, type: "noExpiration" },
    requestorSettings: {
      enableTargetsToSelfAddAccess: false,
      enableTargetsToSelfUpdateAccess: false,
      enableTargetsToSelfRemoveAccess: false,
      allowCustomAssignmentSchedule: true,
      enableOnBehalfRequestorsToAddAccess: false,
      enableOnBehalfRequestorsToUpdateAccess: false,
      enableOnBehalfRequestorsToRemoveAccess: false,
      onBehalfRequestors: [],
    },
    requestApprovalSettings: { isApprovalRequiredForAdd: false, isApprovalRequiredForUpdate: false, stages: [] },
    accessPackage: { id: "a2e1ca1e-4e56-47d2-9daa-e2ba8d12a82b" },
  },
};

/** Create example 2: external users, two approval stages, quarterly access reviews. */
export const CREATE_EXTERNAL_TWO_STAGES = {
  accessPackageId: "a2e1ca1e-4e56-47d2-9daa-e2ba8d12a82b",
  body: {
    displayName: "policy for external access requests",
    description: "policy for users from connected organizations to request access, with two stages of approval.",
    allowedTargetScope: "allConfiguredConnectedOrganizationUsers",
    specificAllowedTargets: [],
    expiration: { type: "noExpiration" },
    requestorSettings: {
      enableTargetsToSelfAddAccess: true,
      enableTargetsToSelfUpdateAccess: true,
      enableTargetsToSelfRemoveAccess: true,
      allowCustomAssignmentSchedule: false,
      enableOnBehalfRequestorsToAddAccess: false,
      enableOnBehalfRequestorsToUpdateAccess: false,
      enableOnBehalfRequestorsToRemoveAccess: false,
      onBehalfRequestors: [],
    },
    requestApprovalSettings: {
      isApprovalRequiredForAdd: true,
      isApprovalRequiredForUpdate: false,
      stages: [
        {
          durationBeforeAutomaticDenial: "P14D",
          isApproverJustificationRequired: false,
          isEscalationEnabled: false,
          durationBeforeEscalation: "PT0S",
          primaryApprovers: [{ "@odata.type": "#microsoft.graph.internalSponsors" }],
          fallbackPrimaryApprovers: [
            { "@odata.type": "#microsoft.graph.singleUser", userId: "7deff43e-1f17-44ef-9e5f-d516b0ba11d4" },
            { "@odata.type": "#microsoft.graph.groupMembers", groupId: "1623f912-5e86-41c2-af47-39dd67582b66" },
          ],
          escalationApprovers: [],
          fallbackEscalationApprovers: [],
        },
        {
          durationBeforeAutomaticDenial: "P14D",
          isApproverJustificationRequired: false,
          isEscalationEnabled: false,
          durationBeforeEscalation: "PT0S",
          primaryApprovers: [],
          fallbackPrimaryApprovers: [
            { "@odata.type": "#microsoft.graph.singleUser", userId: "46184453-e63b-4f20-86c2-c557ed5d5df9" },
            { "@odata.type": "#microsoft.graph.groupMembers", groupId: "1623f912-5e86-41c2-af47-39dd67582b66" },
          ],
          escalationApprovers: [],
          fallbackEscalationApprovers: [],
        },
      ],
    },
    reviewSettings: {
      isEnabled: true,
      expirationBehavior: "keepAccess",
      isRecommendationEnabled: true,
      isReviewerJustificationRequired: true,
      isSelfReview: false,
      schedule: {
        startDateTime: "2022-07-02T06:59:59.998Z",
        expiration: { duration: "P14D", type: "afterDuration" },
        recurrence: {
          pattern: { type: "absoluteMonthly", interval: 3, month: 0, dayOfMonth: 0, daysOfWeek: [] },
          range: { type: "noEnd", numberOfOccurrences: 0 },
        },
      },
      primaryReviewers: [{ "@odata.type": "#microsoft.graph.groupMembers", groupId: "1623f912-5e86-41c2-af47-39dd67582b66" }],
      fallbackReviewers: [],
    },
    accessPackage: { id: "a2e1ca1e-4e56-47d2-9daa-e2ba8d12a82b" },
  },
};

/** Create example 3: auto-assignment on `user.department`. */
export const CREATE_AUTO_ASSIGNMENT = {
  accessPackageId: "8a36831e-1527-4b2b-aff2-81259a8d8e76",
  body: {
    displayName: "Sales department users",
    description: "All users from sales department",
    allowedTargetScope: "specificDirectoryUsers",
    specificAllowedTargets: [
      {
        "@odata.type": "#microsoft.graph.attributeRuleMembers",
        description: "Membership rule for all users from sales department",
        membershipRule: '(user.department -eq "Sales")',
      },
    ],
    automaticRequestSettings: { requestAccessForAllowedTargets: true },
    accessPackage: { id: "8a36831e-1527-4b2b-aff2-81259a8d8e76" },
  },
};

/** Create example 4: questions (booleans and sequence sent as strings, as documented). */
export const CREATE_WITH_QUESTIONS = {
  accessPackageId: "977c7ff4-ef8f-4910-9d31-49048ddf3120",
  body: {
    displayName: "A Policy With Questions",
    description: "",
    allowedTargetScope: "allMemberUsers",
    expiration: { type: "noExpiration" },
    requestorSettings: { enableTargetsToSelfAddAccess: "true", enableTargetsToSelfUpdateAccess: "true", enableTargetsToSelfRemoveAccess: "true" },
    requestApprovalSettings: {
      isApprovalRequiredForAdd: "true",
      isApprovalRequiredForUpdate: "true",
      stages: [
        {
          durationBeforeAutomaticDenial: "P7D",
          isApproverJustificationRequired: "false",
          isEscalationEnabled: "false",
          fallbackPrimaryApprovers: [],
          escalationApprovers: [],
          fallbackEscalationApprovers: [],
          primaryApprovers: [{ "@odata.type": "#microsoft.graph.singleUser", userId: "08a551cb-575a-4343-b914-f6e42798bd20" }],
        },
      ],
    },
    questions: [
      {
        "@odata.type": "#microsoft.graph.accessPackageMultipleChoiceQuestion",
        sequence: "1",
        isRequired: "true",
        isAnswerEditable: "true",
        text: "What country are you working from?",
        isMultipleSelectionAllowed: "false",
        choices: [
          { "@odata.type": "microsoft.graph.accessPackageAnswerChoice", actualValue: "KE", text: "Kenya" },
          { "@odata.type": "microsoft.graph.accessPackageAnswerChoice", actualValue: "US", text: "United States" },
          { "@odata.type": "microsoft.graph.accessPackageAnswerChoice", actualValue: "GY", text: "Guyana" },
          { "@odata.type": "microsoft.graph.accessPackageAnswerChoice", actualValue: "BD", text: "Bangladesh" },
          { "@odata.type": "microsoft.graph.accessPackageAnswerChoice", actualValue: "JP", text: "Japan" },
        ],
      },
      {
        "@odata.type": "#microsoft.graph.accessPackageTextInputQuestion",
        sequence: "2",
        isRequired: "true",
        isAnswerEditable: "true",
        text: "What do you do for work?",
        localizations: [{ languageCode: "fr-CA", text: "Que fais-tu comme travail?" }],
        isSingleLineQuestion: "false",
        regexPattern: "[a-zA-Z]+[a-zA-Z\\s]*",
      },
    ],
    accessPackage: { id: "977c7ff4-ef8f-4910-9d31-49048ddf3120" },
  },
};
