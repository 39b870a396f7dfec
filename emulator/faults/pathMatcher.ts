import type { FaultMatch } from "./FaultRule";

function globToRegExp(glob: string): RegExp {
    const escaped = glob.replace(/[.+?^${}()|[\]\\]/g, "\\$&");
    const pattern = escaped.replace(/\*\*|\*/g, (star) => (star === "**" ? ".*" : "[^/]*"));
    return new RegExp(`^${pattern}$`);
}

/** Method the kinds that react to writes match by default. */
const DEFAULT_METHOD: Readonly<Record<string, string>> = {
    readAfterWriteLag: "POST",
    forbiddenAfterDelete: "DELETE",
    conflictOnParallelCreate: "POST",
    lateApply: "POST",
    secondWriter: "POST",
};

/** Compiles the method/path part of a rule into a predicate. */
export function compileMatcher(rule: FaultMatch & { kind: string }): (method: string, pathname: string) => boolean {
    const method = (rule.method ?? DEFAULT_METHOD[rule.kind] ?? "*").toUpperCase();
    const path = rule.pathRegex !== undefined ? new RegExp(rule.pathRegex) : rule.path !== undefined ? globToRegExp(rule.path) : undefined;
    return (requestMethod, pathname) => (method === "*" || method === requestMethod) && (path === undefined || path.test(pathname));
}
