/** `requestApprovalSettings` and its stages. */
import type { ApprovalSettings, ApprovalStage } from "../types";
import { childPath, describe } from "./checkContext";
import { defaultsOf, departuresFrom } from "./defaults";
import { compareDurations, days, isWholeDays, isZero } from "./durations";
import { APPROVER_INFORMATION_VISIBILITIES } from "./enumValues";
import {
    booleanValue,
    durationOf,
    durationValue,
    enumValue,
    listOf,
    objectOf,
    type FieldsOf,
    type ObjectRule,
    type Reader,
} from "./readers";
import { approvers } from "./subjectSets";
import { bareODataType, droppingTypeTag, type Untagged } from "./typeTags";
import { isUnknown } from "./unknown";

// Graph documents the denial as "the number of days that a request can be pending"; it states no upper limit.
const MIN_DENIAL = days(1);
const MAX_STAGES = 3;

function isEmptyList(value: unknown): boolean {
    return Array.isArray(value) && value.length === 0;
}

function isKnownList(value: unknown): value is unknown[] {
    return Array.isArray(value);
}

const denialWithinLimits: ObjectRule = (stage, path, check, written) => {
    const denial = durationOf(stage.durationBeforeAutomaticDenial);
    if (denial && (!isWholeDays(denial) || compareDurations(denial, MIN_DENIAL) < 0)) {
        check.fail(
            childPath(path, "durationBeforeAutomaticDenial"),
            `must be a whole number of days, at least P1D (Graph: "the number of days that a request can be pending"); got ${String(written.durationBeforeAutomaticDenial)}`,
        );
    }
    return stage;
};

const someoneApproves: ObjectRule = (stage, path, check) => {
    const { primaryApprovers, fallbackPrimaryApprovers } = stage;
    if (isEmptyList(primaryApprovers) && isEmptyList(fallbackPrimaryApprovers)) {
        check.fail(
            childPath(path, "primaryApprovers"),
            "must name at least one approver (here or in fallbackPrimaryApprovers): a stage nobody can approve denies every request",
        );
    }
    return stage;
};

const escalationConsistent: ObjectRule = (stage, path, check, written) => {
    const enabled = stage.isEscalationEnabled;
    if (typeof enabled !== "boolean") {
        return stage;
    }
    const escalation = durationOf(stage.durationBeforeEscalation);
    const escalationPath = childPath(path, "durationBeforeEscalation");
    if (enabled) {
        const denial = durationOf(stage.durationBeforeAutomaticDenial);
        if (escalation && isZero(escalation)) {
            check.fail(escalationPath, "must be longer than PT0S when isEscalationEnabled is true, e.g. P1D");
        } else if (escalation && denial && compareDurations(escalation, denial) >= 0) {
            check.fail(
                escalationPath,
                `must be shorter than durationBeforeAutomaticDenial (${String(written.durationBeforeAutomaticDenial)}) when isEscalationEnabled is true, ` +
                    `or the request is denied before it escalates; got ${String(written.durationBeforeEscalation)}`,
            );
        }
        if (isEmptyList(stage.escalationApprovers)) {
            check.fail(
                childPath(path, "escalationApprovers"),
                'must name at least one approver when isEscalationEnabled is true (Graph: isEscalationEnabled "true, then one or more escalationApprovers are configured")',
            );
        }
        return stage;
    }
    if (escalation && !isZero(escalation)) {
        check.fail(
            escalationPath,
            `must be PT0S (or omitted) when isEscalationEnabled is false; got ${String(written.durationBeforeEscalation)}. Set isEscalationEnabled: true to escalate`,
        );
    }
    for (const list of ["escalationApprovers", "fallbackEscalationApprovers"] as const) {
        if (isKnownList(stage[list]) && (stage[list] as unknown[]).length > 0) {
            check.fail(
                childPath(path, list),
                "must be empty when isEscalationEnabled is false; set isEscalationEnabled: true to use escalation approvers",
            );
        }
    }
    return stage;
};

const PLAIN_STAGE = "accessPackageApprovalStage";
const DYNAMIC_STAGE = "accessPackageDynamicApprovalStage";

/**
 * The stage's derived type: a dynamic stage keeps its `@odata.type`, so that a PUT sends it back as one; a plain
 * stage's tag is dropped, so that a tagged and an untagged plain stage are one canonical form.
 */
const stageType: Reader = (value, path, check) => {
    if (isUnknown(value)) {
        return value;
    }
    if (value === undefined || value === null) {
        return undefined;
    }
    const bare = bareODataType(value);
    if (bare === DYNAMIC_STAGE.toLowerCase()) {
        return `#microsoft.graph.${DYNAMIC_STAGE}`;
    }
    if (bare !== PLAIN_STAGE.toLowerCase()) {
        check.fail(
            path,
            `must be #microsoft.graph.${PLAIN_STAGE} (or be left out) or #microsoft.graph.${DYNAMIC_STAGE}; got ${describe(value)}`,
        );
        return value;
    }
    return undefined;
};

const STAGE_FIELDS: FieldsOf<ApprovalStage> = {
    "@odata.type": stageType,
    durationBeforeAutomaticDenial: durationValue({ required: true }),
    approverInformationVisibility: enumValue(APPROVER_INFORMATION_VISIBILITIES, { default: "default" }),
    isApproverJustificationRequired: booleanValue({ default: false }),
    isEscalationEnabled: booleanValue({ default: false }),
    durationBeforeEscalation: durationValue({ default: "PT0S" }),
    primaryApprovers: approvers,
    fallbackPrimaryApprovers: approvers,
    escalationApprovers: approvers,
    fallbackEscalationApprovers: approvers,
};

/** One `accessPackageApprovalStage` (or `accessPackageDynamicApprovalStage`) with every default explicit. */
const approvalStage = objectOf("an approval stage", STAGE_FIELDS, {}, denialWithinLimits, someoneApproves, escalationConsistent);

const stagesMatchApproval: ObjectRule = (settings, path, check) => {
    const { isApprovalRequiredForAdd: add, isApprovalRequiredForUpdate: update, stages } = settings;
    if (!isKnownList(stages)) {
        return settings;
    }
    const stagesPath = childPath(path, "stages");
    if (stages.length > MAX_STAGES) {
        check.fail(stagesPath, `must have at most ${MAX_STAGES} stages; got ${stages.length}`);
    }
    if ((add === true || update === true) && stages.length === 0) {
        check.fail(stagesPath, "must have one to three stages when isApprovalRequiredForAdd or isApprovalRequiredForUpdate is true");
    }
    if (add === false && update === false && stages.length > 0) {
        check.fail(
            stagesPath,
            "must be empty when neither isApprovalRequiredForAdd nor isApprovalRequiredForUpdate is true; set one of them to require approval",
        );
    }
    return settings;
};

const SETTINGS_FIELDS: FieldsOf<Untagged<ApprovalSettings>> = {
    isApprovalRequiredForAdd: booleanValue({ default: false }),
    isApprovalRequiredForUpdate: booleanValue({ default: false }),
    isRequestorJustificationRequired: booleanValue({ default: false }),
    stages: listOf(approvalStage),
};

/** A `requestApprovalSettings` object with every default explicit. */
export function approvalSettings(required: boolean): Reader {
    return droppingTypeTag<ApprovalSettings>(
        "accessPackageAssignmentApprovalSettings",
        objectOf("approval settings", SETTINGS_FIELDS, { required }, stagesMatchApproval),
    );
}

/** Approval settings with every default: requests need no approval. */
export const NO_APPROVAL = defaultsOf(approvalSettings(false));

/**
 * The properties of canonical approval settings known to differ from no approval at all (an auto-assignment policy
 * has none). A value still unknown at preview is not reported: it may turn out to be no approval.
 */
export function approvingProperties(settings: Record<string, unknown>): string[] {
    return departuresFrom(settings, NO_APPROVAL);
}
