import type { Policy } from "./operationContext";

// Navigation properties: Graph returns them only when expanded, so a POST or PUT answer lacks them.
const NAVIGATION_PROPERTIES = new Set(["accessPackage", "catalog", "questions", "customExtensionStageSettings"]);

// Properties the service sets, which every complete answer carries.
const SERVICE_PROPERTIES = ["id", "createdDateTime", "modifiedDateTime"] as const;

/**
 * The policy a POST or PUT answered, completed with the navigation properties that were sent (and the catalog, when
 * known), or `undefined` when the answer cannot stand in for a read-back: it lacks a property the service sets, or a
 * property that was sent with a value (Graph documents shortened PUT answers).
 */
export function answeredPolicy(sent: Policy, answer: unknown, catalogId?: string): Policy | undefined {
    if (typeof answer !== "object" || answer === null || Array.isArray(answer)) {
        return undefined;
    }
    const answered = answer as Policy & Record<string, unknown>;
    const holds = (key: string): boolean => answered[key] !== undefined && answered[key] !== null;
    const sentValues = Object.entries(sent).filter(
        ([key, value]) => !NAVIGATION_PROPERTIES.has(key) && value !== undefined && value !== null,
    );
    if (!SERVICE_PROPERTIES.every(holds) || !sentValues.every(([key]) => holds(key))) {
        return undefined;
    }
    return {
        ...answered,
        accessPackage: answered.accessPackage ?? {
            ...sent.accessPackage,
            ...(catalogId === undefined ? {} : { catalog: { id: catalogId } }),
        },
        questions: answered.questions ?? sent.questions,
        customExtensionStageSettings: answered.customExtensionStageSettings ?? sent.customExtensionStageSettings,
    };
}
