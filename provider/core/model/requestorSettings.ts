/** `requestorSettings`: who may request, for whom, and what. */
import type { RequestorSettings } from "../types";
import { defaultsOf, departuresFrom } from "./defaults";
import { booleanValue, objectOf, type FieldsOf, type Reader } from "./readers";
import { onBehalfRequestors } from "./subjectSets";
import { droppingTypeTag, type Untagged } from "./typeTags";

const FIELDS: FieldsOf<Untagged<RequestorSettings>> = {
    enableTargetsToSelfAddAccess: booleanValue({ default: false }),
    enableTargetsToSelfUpdateAccess: booleanValue({ default: false }),
    enableTargetsToSelfRemoveAccess: booleanValue({ default: false }),
    allowCustomAssignmentSchedule: booleanValue({ default: false }),
    enableOnBehalfRequestorsToAddAccess: booleanValue({ default: false }),
    enableOnBehalfRequestorsToUpdateAccess: booleanValue({ default: false }),
    enableOnBehalfRequestorsToRemoveAccess: booleanValue({ default: false }),
    onBehalfRequestors,
};

/** A `requestorSettings` object with every flag explicit. */
export function requestorSettings(required: boolean): Reader {
    return droppingTypeTag<RequestorSettings>(
        "accessPackageAssignmentRequestorSettings",
        objectOf("requestor settings", FIELDS, { required }),
    );
}

/** Requestor settings with every default: nobody may request. */
export const NOBODY_REQUESTS = defaultsOf(requestorSettings(false));

/**
 * The properties of canonical requestor settings known to let someone request (what an auto-assignment policy must
 * not have). A value still unknown at preview is not reported: it may turn out to grant nothing.
 */
export function requestingProperties(settings: Record<string, unknown>): string[] {
    return departuresFrom(settings, NOBODY_REQUESTS);
}
