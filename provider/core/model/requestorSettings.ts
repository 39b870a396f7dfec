/** `requestorSettings`: who may request, for whom, and what. */
import { booleanValue, objectOf, typed, type Reader } from "./readers";
import { onBehalfRequestors } from "./subjectSets";

const off = booleanValue({ default: false });

/** The flags that let someone request; an auto-assignment policy has none of them set. */
const REQUESTOR_FLAGS = [
    "enableTargetsToSelfAddAccess",
    "enableTargetsToSelfUpdateAccess",
    "enableTargetsToSelfRemoveAccess",
    "allowCustomAssignmentSchedule",
    "enableOnBehalfRequestorsToAddAccess",
    "enableOnBehalfRequestorsToUpdateAccess",
    "enableOnBehalfRequestorsToRemoveAccess",
] as const;

/** A `requestorSettings` object with every flag explicit. */
export function requestorSettings(required: boolean): Reader {
    const flags = Object.fromEntries(REQUESTOR_FLAGS.map((flag) => [flag, off]));
    return typed(
        "accessPackageAssignmentRequestorSettings",
        objectOf("requestor settings", { ...flags, onBehalfRequestors }, { required }),
    );
}

/**
 * The properties of canonical requestor settings known to let someone request (what an auto-assignment policy must
 * not have). A value still unknown at preview is not reported: it may turn out to grant nothing.
 */
export function requestingProperties(settings: Record<string, unknown>): string[] {
    const enabled: string[] = REQUESTOR_FLAGS.filter((flag) => settings[flag] === true);
    const list = settings.onBehalfRequestors;
    return Array.isArray(list) && list.length > 0 ? [...enabled, "onBehalfRequestors"] : enabled;
}
