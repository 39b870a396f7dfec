/**
 * Governance guardrails: rules over the provider's policy model (Graph's names and shapes) that find policies which
 * let outsiders in forever, that nobody can approve, or that nobody reviews. Pure functions with no dependency on
 * Pulumi; the Pulumi policy pack (`pulumi-entra-assignment-policy/policy`) and the `lint` command are front doors on it.
 *
 * @packageDocumentation
 */
export { GOVERNANCE_RULES, governanceRule } from "./rules";
export { evaluatePolicy, checkSeverityOverrides, atLeast, type EvaluationOptions } from "./evaluate";
export { DEFAULT_SETTINGS, EXTERNAL_SCOPES, SETTINGS_SCHEMA, GovernanceSettingsError, governanceSettings } from "./settings";
export { principalReferences, type PrincipalReference } from "./policyFacts";
export {
    SEVERITIES,
    type DirectorySnapshot,
    type Finding,
    type GovernanceRule,
    type GovernanceSettings,
    type RuleContext,
    type Severity,
    type Violation,
} from "./types";
export { checkWarningLine, checkWarnings, type CheckWarning } from "./checkWarnings";
