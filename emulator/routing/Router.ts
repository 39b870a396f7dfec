import { graphErrors } from "../errors/graphErrors";
import type { GraphHandler } from "../http/GraphExchange";

/** One route: a method and a path template with `{name}` segments. */
export interface Route {
    /** Upper-case HTTP method. */
    method: string;
    /** Path template, e.g. `/v1.0/identityGovernance/entitlementManagement/assignmentPolicies/{id}`. */
    template: string;
    /** The handler. */
    handler: GraphHandler;
}

/** Result of routing a request. */
export type RouteMatch =
    | { kind: "matched"; route: Route; params: Record<string, string> }
    /** The path exists but not for this method. */
    | { kind: "methodNotAllowed"; template: string; allowed: string[] }
    /** No route has this path; `segment` is the first segment no template accepts. */
    | { kind: "notFound"; segment: string };

function decodeSegment(segment: string): string {
    try {
        return decodeURIComponent(segment);
    } catch {
        throw graphErrors.invalidUrl(`the segment '${segment}' has an invalid percent-encoding.`);
    }
}

function matchTemplate(template: string, segments: readonly string[]): Record<string, string> | undefined {
    const parts = template.split("/").filter(Boolean);
    if (parts.length !== segments.length) return undefined;
    const params: Record<string, string> = {};
    for (const [index, part] of parts.entries()) {
        const segment = segments[index];
        if (part.startsWith("{") && part.endsWith("}")) params[part.slice(1, -1)] = segment;
        else if (part !== segment) return undefined;
    }
    return params;
}

function commonPrefixLength(template: string, segments: readonly string[]): number {
    const parts = template.split("/").filter(Boolean);
    let length = 0;
    while (length < parts.length && length < segments.length && (parts[length].startsWith("{") || parts[length] === segments[length]))
        length++;
    return length;
}

/** Matches requests against a fixed route table. */
export class Router {
    /** @param routes The route table; order does not matter. */
    constructor(private readonly routes: readonly Route[]) {}

    /** Routes one request; throws a 400 `GraphError` for a segment that does not decode. */
    match(method: string, pathname: string): RouteMatch {
        const segments = pathname.split("/").filter(Boolean).map(decodeSegment);
        const candidates = this.routes.flatMap((route) => {
            const params = matchTemplate(route.template, segments);
            return params === undefined ? [] : [{ route, params }];
        });
        const exact = candidates.find((candidate) => candidate.route.method === method);
        if (exact) return { kind: "matched", ...exact };
        if (candidates.length > 0) {
            return {
                kind: "methodNotAllowed",
                template: candidates[0].route.template,
                allowed: [...new Set(candidates.map((c) => c.route.method))],
            };
        }
        const deepest = Math.max(0, ...this.routes.map((route) => commonPrefixLength(route.template, segments)));
        return { kind: "notFound", segment: segments[deepest] ?? "" };
    }
}
