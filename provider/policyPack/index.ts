/**
 * The governance rules as a Pulumi policy pack: one resource policy per rule, applied to this package's
 * `AccessPackageAssignmentPolicy` resources at `pulumi preview` and `pulumi up`, before anything reaches Graph.
 * Needs `@pulumi/policy` (an optional peer dependency: only policy packs load this module).
 *
 * @packageDocumentation
 */
import {
    PolicyPack,
    type EnforcementLevel,
    type PolicyConfigSchema,
    type PolicyPackConfig,
    type ResourceValidationPolicy,
} from "@pulumi/policy";
import {
    GOVERNANCE_RULES,
    governanceSettings,
    SETTINGS_SCHEMA,
    DEFAULT_SETTINGS,
    type GovernanceRule,
    type Severity,
} from "../core/governance";
import type { PolicyInputs } from "../core/types";

/** The type token of `AccessPackageAssignmentPolicy` (a dynamic resource of module `entitlementManagement`). */
export const POLICY_RESOURCE_TYPE = "pulumi-nodejs:dynamic/entitlementManagement:AccessPackageAssignmentPolicy";

/** The pack's default name, as `pulumi preview` reports it. */
export const DEFAULT_PACK_NAME = "entra-assignment-policy-governance";

/** High findings block a deployment; the others are reported and let it through. */
const ENFORCEMENT: Readonly<Record<Severity, EnforcementLevel>> = { high: "mandatory", medium: "advisory", low: "advisory" };

function configSchemaOf(rule: GovernanceRule): PolicyConfigSchema | undefined {
    if (rule.settings.length === 0) {
        return undefined;
    }
    const properties = Object.fromEntries(rule.settings.map((key) => [key, { ...SETTINGS_SCHEMA[key], default: DEFAULT_SETTINGS[key] }]));
    return { properties: properties as PolicyConfigSchema["properties"] };
}

function policyOf(rule: GovernanceRule): ResourceValidationPolicy {
    return {
        name: rule.id,
        description: `${rule.title}. ${rule.rationale} Source: ${rule.source}.`,
        enforcementLevel: ENFORCEMENT[rule.severity],
        severity: rule.severity,
        remediationSteps: rule.remediation,
        tags: ["entra", "entitlement-management"],
        configSchema: configSchemaOf(rule),
        validateResource: (args, reportViolation) => {
            if (args.type !== POLICY_RESOURCE_TYPE) {
                return;
            }
            const settings = governanceSettings(args.getConfig<Record<string, unknown>>());
            for (const violation of rule.check(args.props as PolicyInputs, { settings, now: new Date() })) {
                reportViolation(`${violation.property}: ${violation.message}. Remediation: ${rule.remediation}`);
            }
        },
    };
}

/**
 * One policy per governance rule that can be judged from the program alone (the rules that need the directory run
 * in `lint`), each named by the rule id, mandatory for high severity and advisory otherwise. Thresholds are each
 * policy's configuration, e.g. `{ "external-expiration": { "maxExternalAssignmentDays": 90 } }` in the file given
 * to `--policy-pack-config`.
 */
export function governancePolicies(): ResourceValidationPolicy[] {
    return GOVERNANCE_RULES.filter((rule) => !rule.needsDirectory).map(policyOf);
}

/** Registers the pack: call it once from a policy pack's entry point (see `policy-pack/index.js`). */
export function governancePolicyPack(name: string = DEFAULT_PACK_NAME, initialConfig?: PolicyPackConfig): PolicyPack {
    return new PolicyPack(name, { policies: governancePolicies() }, initialConfig);
}
