/**
 * Policies of every shape an export must carry over losslessly, as Graph bodies: the documented examples (fixtures
 * shared with the unit tests) and shapes the documentation leaves out (sub-day durations, manager levels, sponsors,
 * localized choices, expiration-stage extensions, weekly reviews, auto-assignment with a grace period, names that
 * need escaping).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { GROUP_ID, USER_ID } from "../../support/policies";

/** The tenant objects the shapes refer to. */
export interface ShapeTenant {
    /** Access package of the request-based shapes (and of the documented auto-assignment example). */
    accessPackageId: string;
    /** A second access package in the same catalog: a package holds at most one auto-assignment policy. */
    secondAccessPackageId: string;
    /** A request workflow extension in the packages' catalog. */
    requestExtensionId: string;
    /** An assignment workflow extension in the packages' catalog. */
    assignmentExtensionId: string;
}

/** A named Graph body of a policy. */
export interface PolicyShape {
    /** Which shape, for test titles. */
    shape: string;
    /** The POST body. */
    body: Record<string, unknown>;
}

const FIXTURES = path.join(__dirname, "../../fixtures/graph-docs");

/** The documented bodies (the beta-shaped one is not v1.0; the extension-removal one is a PUT). */
const DOCUMENTED = [
    "seed-000-all-users.json",
    "create-e1-direct-assignment.json",
    "create-e2-external-two-stages-reviews.json",
    "create-e3-auto-assignment.json",
    "create-e4-questions.json",
    "seed-004-custom-extension-at-request-created.json",
];

/** A display name that no quoting, comment or line structure of generated code may trip over. */
export const HOSTILE_NAME = 'Ünïcödé "quoted" \\ back`tick` ${x} */ // \n new line \u2028 sep \u202e bidi \ud83d\ude00';

function documented(name: string, tenant: ShapeTenant): Record<string, unknown> {
    const body = JSON.parse(fs.readFileSync(path.join(FIXTURES, name), "utf8")) as Record<string, unknown>;
    const settings = (body.customExtensionStageSettings ?? []) as { customExtension: { id: string } }[];
    settings.forEach((setting) => (setting.customExtension.id = tenant.requestExtensionId));
    return { ...body, accessPackage: { id: tenant.accessPackageId } };
}

const EXTENSION_TYPE = "#microsoft.graph.accessPackageAssignment";

const singleUser = (userId: string) => ({ "@odata.type": "#microsoft.graph.singleUser", userId });
const groupMembers = (groupId: string) => ({ "@odata.type": "#microsoft.graph.groupMembers", groupId });
const subject = (type: string, extra: Record<string, unknown> = {}) => ({ "@odata.type": `#microsoft.graph.${type}`, ...extra });

function subDayManagersSponsors(tenant: ShapeTenant): Record<string, unknown> {
    return {
        displayName: "Contractors: 8-hour access",
        description: "Short access approved by managers and sponsors",
        allowedTargetScope: "allDirectoryUsers",
        expiration: { type: "afterDuration", duration: "PT8H" },
        requestorSettings: {
            enableTargetsToSelfAddAccess: true,
            enableTargetsToSelfUpdateAccess: true,
            enableTargetsToSelfRemoveAccess: true,
            allowCustomAssignmentSchedule: true,
            enableOnBehalfRequestorsToAddAccess: true,
            onBehalfRequestors: [subject("targetManager", { managerLevel: 3 }), singleUser(USER_ID)],
        },
        requestApprovalSettings: {
            isApprovalRequiredForAdd: true,
            isApprovalRequiredForUpdate: true,
            isRequestorJustificationRequired: true,
            stages: [
                {
                    durationBeforeAutomaticDenial: "P1D",
                    isApproverJustificationRequired: true,
                    isEscalationEnabled: true,
                    durationBeforeEscalation: "PT4H30M",
                    primaryApprovers: [subject("requestorManager", { managerLevel: 2 })],
                    fallbackPrimaryApprovers: [groupMembers(GROUP_ID)],
                    escalationApprovers: [subject("internalSponsors")],
                    fallbackEscalationApprovers: [singleUser(USER_ID)],
                },
                {
                    durationBeforeAutomaticDenial: "P3D",
                    primaryApprovers: [subject("externalSponsors"), subject("targetUserSponsors")],
                    fallbackPrimaryApprovers: [singleUser(USER_ID)],
                },
            ],
        },
        notificationSettings: { isAssignmentNotificationDisabled: true },
        questions: [
            {
                "@odata.type": "#microsoft.graph.accessPackageMultipleChoiceQuestion",
                sequence: 1,
                isRequired: true,
                isAnswerEditable: false,
                text: "Which site?",
                localizations: [{ languageCode: "de", text: "Welcher Standort?" }],
                isMultipleSelectionAllowed: true,
                choices: [
                    { actualValue: "ber", text: "Berlin", localizations: [{ languageCode: "fr-FR", text: "Berlin (Allemagne)" }] },
                    { actualValue: "nyc", text: "New York", localizations: [] },
                ],
            },
            {
                "@odata.type": "#microsoft.graph.accessPackageTextInputQuestion",
                sequence: 2,
                isRequired: false,
                text: 'Ticket number ("INC…")',
                isSingleLineQuestion: true,
                regexPattern: "^INC[0-9]{6}$",
            },
        ],
        accessPackage: { id: tenant.accessPackageId },
    };
}

function datedWeeklyReviewsExtensions(tenant: ShapeTenant): Record<string, unknown> {
    return {
        displayName: HOSTILE_NAME,
        description: "Ends on a date; weekly self reviews; extensions at grant and before expiry",
        allowedTargetScope: "specificDirectoryUsers",
        specificAllowedTargets: [groupMembers(GROUP_ID), singleUser(USER_ID)],
        expiration: { type: "afterDateTime", endDateTime: "2030-06-30T17:00:00Z" },
        requestorSettings: { enableTargetsToSelfAddAccess: true },
        requestApprovalSettings: { isApprovalRequiredForAdd: false, stages: [] },
        reviewSettings: {
            isEnabled: true,
            expirationBehavior: "removeAccess",
            isRecommendationEnabled: false,
            isReviewerJustificationRequired: false,
            isSelfReview: true,
            schedule: {
                startDateTime: "2026-01-05T08:00:00Z",
                expiration: { type: "afterDuration", duration: "P3D" },
                recurrence: {
                    pattern: { type: "weekly", interval: 2, daysOfWeek: ["monday", "thursday"], firstDayOfWeek: "monday" },
                    range: { type: "endDate", startDate: "2026-01-05", endDate: "2027-01-04" },
                },
            },
            primaryReviewers: [],
            fallbackReviewers: [singleUser(USER_ID)],
        },
        customExtensionStageSettings: [
            {
                stage: "assignmentRequestGranted",
                customExtension: { "@odata.type": `${EXTENSION_TYPE}RequestWorkflowExtension`, id: tenant.requestExtensionId },
            },
            {
                stage: "assignmentFourteenDaysBeforeExpiration",
                customExtension: { "@odata.type": `${EXTENSION_TYPE}WorkflowExtension`, id: tenant.assignmentExtensionId },
            },
        ],
        accessPackage: { id: tenant.accessPackageId },
    };
}

function autoAssignmentWithGrace(tenant: ShapeTenant): Record<string, unknown> {
    return {
        displayName: "Engineering (automatic)",
        description: "Everyone in engineering, removed 12 hours after leaving",
        allowedTargetScope: "specificDirectoryUsers",
        specificAllowedTargets: [
            subject("attributeRuleMembers", { description: "engineering", membershipRule: '(user.department -eq "Engineering")' }),
        ],
        automaticRequestSettings: {
            requestAccessForAllowedTargets: true,
            removeAccessWhenTargetLeavesAllowedTargets: true,
            gracePeriodBeforeAccessRemoval: "PT12H",
        },
        expiration: { type: "noExpiration" },
        accessPackage: { id: tenant.secondAccessPackageId },
    };
}

function sameNameOtherPackage(tenant: ShapeTenant): Record<string, unknown> {
    return {
        displayName: "All Users",
        description: "Same display name as a policy of the first package",
        allowedTargetScope: "allMemberUsers",
        requestorSettings: { enableTargetsToSelfAddAccess: true },
        requestApprovalSettings: { stages: [] },
        accessPackage: { id: tenant.secondAccessPackageId },
    };
}

/** Every shape, bodies referring to `tenant`'s objects. */
export function policyShapes(tenant: ShapeTenant): PolicyShape[] {
    return [
        ...DOCUMENTED.map((name) => ({ shape: `documented ${name.replace(/\.json$/, "")}`, body: documented(name, tenant) })),
        { shape: "sub-day durations, manager levels, sponsors, localized choices", body: subDayManagersSponsors(tenant) },
        {
            shape: "end date, weekly reviews, extensions at grant and before expiry, hostile name",
            body: datedWeeklyReviewsExtensions(tenant),
        },
        { shape: "auto-assignment with a grace period", body: autoAssignmentWithGrace(tenant) },
        { shape: "display name shared with another package", body: sameNameOtherPackage(tenant) },
    ];
}
