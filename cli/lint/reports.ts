/** The three renderings of a lint: a table for people, JSON for scripts, SARIF 2.1.0 for code scanning. */
import { createHash } from "node:crypto";
import { GOVERNANCE_RULES, SEVERITIES, type Finding, type GovernanceSettings, type Severity } from "../../provider/core/governance";

/** A policy that was linted, and where it came from. */
export interface LintedPolicy {
    displayName: string;
    /** Graph id, when the policy exists (tenant, Graph JSON, or `adopt` of an exported program). */
    id?: string;
    accessPackageId: string;
    /** Where it is declared, for a program: a path relative to the working directory, and the line of `new`. */
    location?: { file: string; line: number };
}

/** A finding about one policy. */
export interface LintFinding extends Finding {
    policy: LintedPolicy;
}

/** What a lint found, with what it needs to render it. */
export interface LintReport {
    /** What was linted, e.g. `the tenant` or `program index.ts`. */
    source: string;
    policies: LintedPolicy[];
    findings: LintFinding[];
    settings: GovernanceSettings;
    /** Whether the directory checks ran. */
    directoryChecked: boolean;
    tool: { name: string; version: string; informationUri: string };
}

function label(policy: LintedPolicy): string {
    const where = policy.location ? `${policy.location.file}:${policy.location.line}` : policy.id;
    return `${JSON.stringify(policy.displayName)}${where ? ` (${where})` : ""}`;
}

function counts(findings: readonly LintFinding[]): string {
    return SEVERITIES.map((severity) => `${findings.filter((finding) => finding.severity === severity).length} ${severity}`).join(", ");
}

/** Findings as aligned columns, most severe first, and a summary line. */
export function renderTable(report: LintReport): string {
    const sorted = [...report.findings].sort((a, b) => SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity));
    const rows = [
        ["SEVERITY", "RULE", "POLICY", "PROPERTY", "MESSAGE"],
        ...sorted.map((f) => [f.severity, f.ruleId, label(f.policy), f.property, f.message]),
    ];
    const widths = rows[0].slice(0, -1).map((_, column) => Math.max(...rows.map((row) => row[column].length)));
    const lines = rows.map((row) =>
        row
            .map((cell, column) => (column < widths.length ? cell.padEnd(widths[column]) : cell))
            .join("  ")
            .trimEnd(),
    );
    const scanned = `${report.policies.length} ${report.policies.length === 1 ? "policy" : "policies"} of ${report.source}`;
    const directory = report.directoryChecked ? "" : " (directory checks skipped)";
    const summary = `${report.findings.length} finding${report.findings.length === 1 ? "" : "s"} (${counts(report.findings)}) in ${scanned}${directory}.`;
    return `${report.findings.length > 0 ? `${lines.join("\n")}\n\n` : ""}${summary}\n`;
}

/** The report as JSON: the settings in force, the policies, and each finding with its rule's remediation. */
export function renderJson(report: LintReport): string {
    const findings = report.findings.map((finding) => ({
        ruleId: finding.ruleId,
        severity: finding.severity,
        property: finding.property,
        message: finding.message,
        remediation: GOVERNANCE_RULES.find((rule) => rule.id === finding.ruleId)?.remediation,
        policy: finding.policy,
    }));
    const summary = Object.fromEntries(
        SEVERITIES.map((severity) => [severity, report.findings.filter((finding) => finding.severity === severity).length]),
    );
    const body = {
        tool: report.tool,
        source: report.source,
        directoryChecked: report.directoryChecked,
        settings: report.settings,
        summary,
        policies: report.policies,
        findings,
    };
    return `${JSON.stringify(body, null, 2)}\n`;
}

const SARIF_LEVEL: Readonly<Record<Severity, string>> = { high: "error", medium: "warning", low: "note" };
// GitHub code scanning ranks security results by this score (critical >= 9.0, high >= 7.0, medium >= 4.0).
const SECURITY_SEVERITY: Readonly<Record<Severity, string>> = { high: "8.0", medium: "5.0", low: "2.0" };

/**
 * The report as a SARIF 2.1.0 log: every rule described once, each finding located by policy and property path, and
 * in a file: the program that declares the policy, else `anchor` (GitHub refuses a whole log if one result has no file).
 */
export function renderSarif(report: LintReport, anchor: string): string {
    const rules = GOVERNANCE_RULES.map((rule) => ({
        id: rule.id,
        name: rule.id.replace(/(^|-)([a-z])/g, (_, _dash, letter: string) => letter.toUpperCase()),
        shortDescription: { text: rule.title },
        fullDescription: { text: rule.rationale },
        help: { text: `${rule.remediation} Source: ${rule.source}.` },
        defaultConfiguration: { level: SARIF_LEVEL[rule.severity] },
        properties: {
            tags: ["security", "governance", "entra"],
            "security-severity": SECURITY_SEVERITY[rule.severity],
            property: rule.property,
        },
    }));
    const results = report.findings.map((finding) => {
        const { policy } = finding;
        const where =
            policy.id !== undefined ? `assignmentPolicies/${policy.id}` : `accessPackages/${policy.accessPackageId}/${policy.displayName}`;
        const file = policy.location?.file ?? anchor;
        const physicalLocation = {
            artifactLocation: { uri: file.split("\\").join("/") },
            region: { startLine: policy.location?.line ?? 1 },
        };
        return {
            ruleId: finding.ruleId,
            ruleIndex: GOVERNANCE_RULES.findIndex((rule) => rule.id === finding.ruleId),
            level: SARIF_LEVEL[finding.severity],
            message: { text: `${label(policy)}: ${finding.property}: ${finding.message}` },
            locations: [
                {
                    physicalLocation,
                    logicalLocations: [{ name: finding.property, fullyQualifiedName: `${where}/${finding.property}`, kind: "member" }],
                },
            ],
            // Stable across runs and line moves, so code scanning tracks one finding as one alert.
            partialFingerprints: {
                "entraPolicyFinding/v1": createHash("sha256").update(`${finding.ruleId}\0${where}\0${finding.property}`).digest("hex"),
            },
        };
    });
    const log = {
        $schema: "https://json.schemastore.org/sarif-2.1.0.json",
        version: "2.1.0",
        runs: [{ tool: { driver: { ...report.tool, rules } }, results }],
    };
    return `${JSON.stringify(log, null, 2)}\n`;
}
