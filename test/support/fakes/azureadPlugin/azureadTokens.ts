/** Type tokens of the @pulumi/azuread resources the examples use, shared by the harness's mocks and the plugin double. */
export const AZUREAD = {
    catalog: "azuread:index/accessPackageCatalog:AccessPackageCatalog",
    accessPackage: "azuread:index/accessPackage:AccessPackage",
    group: "azuread:index/group:Group",
    user: "azuread:index/user:User",
    catalogAssociation: "azuread:index/accessPackageResourceCatalogAssociation:AccessPackageResourceCatalogAssociation",
    packageAssociation: "azuread:index/accessPackageResourcePackageAssociation:AccessPackageResourcePackageAssociation",
} as const;

/** One of {@link AZUREAD}'s tokens. */
export type AzureadToken = (typeof AZUREAD)[keyof typeof AZUREAD];
