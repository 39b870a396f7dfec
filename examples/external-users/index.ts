/**
 * Access for partners: users of connected organizations request access, answer two questions (in three
 * languages), and go through two approval stages: their external sponsor (escalating to the partner managers
 * group if the sponsor does not answer), then an internal sponsor. Assignments end after 90 days and are reviewed
 * every quarter by the partner managers; access nobody confirms is removed.
 */
import * as azuread from "@pulumi/azuread";
import * as pulumi from "@pulumi/pulumi";
import { AccessPackageAssignmentPolicy } from "pulumi-entra-assignment-policy";

const config = new pulumi.Config();
// Connected organizations are set up in Entra ID > Identity Governance > Connected organizations.
const connectedOrganizationIds = config.requireObject<string[]>("connectedOrganizationIds");
// The first quarterly review; later ones follow every three months on the same day of the month.
const firstReview = config.get("firstReview") ?? "2026-01-05";

// The partner managers group named in config (one that exists already), else a new one.
const partnerManagersId: pulumi.Input<string> =
    config.get("partnerManagersGroupId") ??
    new azuread.Group("partner-managers", { displayName: "Partner managers", securityEnabled: true }).objectId;

/** The access package named in config, else a new one in a new, externally visible catalog. */
function partnerPortal(): pulumi.Input<string> {
    const existing = config.get("accessPackageId");
    if (existing !== undefined) return existing;
    const catalog = new azuread.AccessPackageCatalog("partners", {
        displayName: "Partners",
        description: "Resources shared with connected organizations",
        externallyVisible: true,
    });
    return new azuread.AccessPackage("partner-portal", {
        catalogId: catalog.id,
        displayName: "Partner portal",
        description: "Project sites shared with partners",
    }).id;
}
const partnerPortalId = partnerPortal();

const partnerManagersGroup = { "@odata.type": "#microsoft.graph.groupMembers", groupId: partnerManagersId } as const;

const partners = new AccessPackageAssignmentPolicy("connected-organizations", {
    accessPackageId: partnerPortalId,
    displayName: "Connected organization users",
    description: "Users of our connected organizations request access; their sponsors approve.",
    allowedTargetScope: "specificConnectedOrganizationUsers",
    specificAllowedTargets: connectedOrganizationIds.map((connectedOrganizationId) => ({
        "@odata.type": "#microsoft.graph.connectedOrganizationMembers" as const,
        connectedOrganizationId,
    })),
    expiration: { type: "afterDuration", duration: "P90D" },
    requestorSettings: {
        enableTargetsToSelfAddAccess: true,
        enableTargetsToSelfUpdateAccess: true,
        enableTargetsToSelfRemoveAccess: true,
    },
    requestApprovalSettings: {
        isApprovalRequiredForAdd: true,
        isApprovalRequiredForUpdate: true,
        isRequestorJustificationRequired: true,
        stages: [
            {
                durationBeforeAutomaticDenial: "P4D",
                isApproverJustificationRequired: true,
                isEscalationEnabled: true,
                durationBeforeEscalation: "P2D",
                primaryApprovers: [{ "@odata.type": "#microsoft.graph.externalSponsors" }],
                fallbackPrimaryApprovers: [{ "@odata.type": "#microsoft.graph.internalSponsors" }],
                escalationApprovers: [partnerManagersGroup],
            },
            {
                durationBeforeAutomaticDenial: "P7D",
                isApproverJustificationRequired: true,
                primaryApprovers: [{ "@odata.type": "#microsoft.graph.internalSponsors" }],
                fallbackPrimaryApprovers: [partnerManagersGroup],
            },
        ],
    },
    reviewSettings: {
        isEnabled: true,
        isRecommendationEnabled: true,
        isReviewerJustificationRequired: true,
        isSelfReview: false,
        expirationBehavior: "removeAccess",
        primaryReviewers: [partnerManagersGroup],
        schedule: {
            startDateTime: `${firstReview}T09:00:00Z`,
            // Each review stays open for two weeks.
            expiration: { type: "afterDuration", duration: "P14D" },
            recurrence: {
                pattern: { type: "absoluteMonthly", interval: 3, dayOfMonth: Number(firstReview.slice(8, 10)) },
                range: { type: "noEnd", startDate: firstReview },
            },
        },
    },
    questions: [
        {
            "@odata.type": "#microsoft.graph.accessPackageTextInputQuestion",
            sequence: 1,
            isRequired: true,
            isSingleLineQuestion: true,
            text: "Which project do you work on with us?",
            localizations: [
                { languageCode: "fr", text: "Sur quel projet travaillez-vous avec nous ?" },
                { languageCode: "de", text: "An welchem Projekt arbeiten Sie mit uns?" },
            ],
        },
        {
            "@odata.type": "#microsoft.graph.accessPackageMultipleChoiceQuestion",
            sequence: 2,
            isRequired: true,
            isMultipleSelectionAllowed: true,
            text: "Which sites do you need?",
            localizations: [
                { languageCode: "fr", text: "De quels sites avez-vous besoin ?" },
                { languageCode: "de", text: "Welche Websites benötigen Sie?" },
            ],
            choices: [
                {
                    actualValue: "delivery",
                    text: "Delivery",
                    localizations: [
                        { languageCode: "fr", text: "Livraison" },
                        { languageCode: "de", text: "Lieferung" },
                    ],
                },
                {
                    actualValue: "support",
                    text: "Support",
                    localizations: [
                        { languageCode: "fr", text: "Assistance" },
                        { languageCode: "de", text: "Kundendienst" },
                    ],
                },
            ],
        },
    ],
});

export const accessPackageId = partnerPortalId;
export const partnerPolicyId = partners.id;
