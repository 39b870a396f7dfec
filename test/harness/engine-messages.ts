/** Error texts worded like the CLI's diagnostics, so assertions read like what a user sees. */
import type { CapturedResource, CheckFailure, PropertyPath } from "./types";

/** `diag.GetResourcePropertyInvalidValueError` / `GetResourceInvalidError`; secret values print as `[secret]`. */
export function checkFailureMessage(resource: CapturedResource, failure: CheckFailure): string {
    const subject = `${resource.type} resource '${resource.name}'`;
    if (!failure.property) return `${subject} has a problem: ${failure.reason}`;
    const secret = resource.secretPaths.some((p: PropertyPath) => p.length === 1 && p[0] === failure.property);
    const value = secret ? "[secret]" : JSON.stringify(resource.inputs[failure.property] ?? null);
    return `${subject}: property ${failure.property} value ${value} has a problem: ${failure.reason}`;
}

/** A failed step, as the CLI prints it under the resource. */
export function stepErrorMessage(type: string, urn: string, message: string): string {
    return `${type} (${urn.split("::").slice(3).join("::")}): error: ${message}`;
}
