/**
 * "Did you mean …?" for unknown property names: snake_case, kebab-case and letter-case variants, close misspellings,
 * and the names Graph's beta endpoint or the Graph SDKs use for the same thing.
 */
import { ownValue } from "./unknown";

/** Names from Graph beta / other shapes whose v1.0 equivalent is not a near spelling. */
const RENAMED: Readonly<Record<string, string>> = {
    accessPackage: "accessPackageId",
    accessReviewSettings: "reviewSettings",
    approvalStages: "stages",
    isApprovalRequired: "isApprovalRequiredForAdd",
    isApprovalRequiredForExtension: "isApprovalRequiredForUpdate",
    allowedRequestors: "onBehalfRequestors",
    acceptRequests: "enableTargetsToSelfAddAccess",
    customExtensionHandlers: "customExtensionStageSettings",
    durationInDays: "expiration",
};

function squash(name: string): string {
    return name.replace(/[_\-\s]/g, "").toLowerCase();
}

function editDistance(a: string, b: string): number {
    let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        const current = [i];
        for (let j = 1; j <= b.length; j++) {
            current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        }
        previous = current;
    }
    return previous[b.length];
}

/** The known name `name` was probably meant to be, if any. */
export function suggestName(name: string, known: readonly string[]): string | undefined {
    const renamed = ownValue(RENAMED, name);
    if (renamed !== undefined && known.includes(renamed)) {
        return renamed;
    }
    const squashed = squash(name);
    const sameLetters = known.find((candidate) => squash(candidate) === squashed);
    if (sameLetters !== undefined) {
        return sameLetters;
    }
    let best: string | undefined;
    let bestDistance = Math.max(2, Math.floor(squashed.length / 4)) + 1;
    for (const candidate of known) {
        const distance = editDistance(squashed, squash(candidate));
        if (distance < bestDistance) {
            best = candidate;
            bestDistance = distance;
        }
    }
    return best;
}
