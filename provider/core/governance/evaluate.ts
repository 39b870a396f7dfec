/** Runs the rules over one policy. */
import type { PolicyInputs } from "../types";
import { GOVERNANCE_RULES, unknownRuleIds } from "./rules";
import { DEFAULT_SETTINGS, GovernanceSettingsError } from "./settings";
import { SEVERITIES, type DirectorySnapshot, type Finding, type GovernanceSettings, type Severity } from "./types";

/** How to evaluate: thresholds, the clock for fixed end dates, the directory, and per-rule severity overrides. */
export interface EvaluationOptions {
    /** Thresholds; {@link DEFAULT_SETTINGS} when absent. */
    settings?: GovernanceSettings;
    /** When "now" is; the current time when absent. */
    now?: Date;
    /** The directory, for the rules that need it; they are skipped without it. */
    directory?: DirectorySnapshot;
    /** A severity per rule id in place of the default, or `off` to skip the rule. */
    severities?: Readonly<Record<string, Severity | "off">>;
}

/** Refuses overrides that name no rule or no severity, so a typo does not silently keep a rule at its default. */
export function checkSeverityOverrides(severities: Readonly<Record<string, string>>): void {
    const unknown = unknownRuleIds(Object.keys(severities));
    if (unknown.length > 0) {
        throw new GovernanceSettingsError(`unknown rule id ${unknown.map((id) => JSON.stringify(id)).join(", ")}`);
    }
    for (const [id, severity] of Object.entries(severities)) {
        if (severity !== "off" && !(SEVERITIES as readonly string[]).includes(severity)) {
            throw new GovernanceSettingsError(
                `rule ${id}: severity must be one of ${[...SEVERITIES, "off"].join(", ")}; got ${JSON.stringify(severity)}`,
            );
        }
    }
}

/** The findings of every rule on `policy`, in rule order. */
export function evaluatePolicy(policy: PolicyInputs, options: EvaluationOptions = {}): Finding[] {
    const context = { settings: options.settings ?? DEFAULT_SETTINGS, now: options.now ?? new Date(), directory: options.directory };
    return GOVERNANCE_RULES.flatMap((rule) => {
        const severity = options.severities?.[rule.id] ?? rule.severity;
        if (severity === "off" || (rule.needsDirectory && context.directory === undefined)) {
            return [];
        }
        return rule.check(policy, context).map((violation) => ({ ruleId: rule.id, severity, ...violation }));
    });
}

/** Whether `severity` is `threshold` or more severe. */
export function atLeast(severity: Severity, threshold: Severity): boolean {
    return SEVERITIES.indexOf(severity) <= SEVERITIES.indexOf(threshold);
}
