import { graphErrors } from "../errors/graphErrors";
import type { JsonPrimitive } from "../json";

/** One `$expand` item, e.g. `customExtensionStageSettings($expand=customExtension)`. */
export interface ExpandItem {
    /** Navigation property name. */
    name: string;
    /** Nested `$expand` items. */
    expand: ExpandItem[];
    /** Nested `$select`, when given. */
    select?: string[];
}

/** One `path eq literal` comparison of a `$filter`. */
export interface FilterClause {
    /** Property path, e.g. `accessPackage/id`. */
    path: string;
    /** The literal compared against. */
    value: JsonPrimitive;
}

/** The system query options the emulator honours. */
export interface QueryOptions {
    /** `$filter` comparisons, all of which must hold (`and`). */
    filter: FilterClause[];
    /** `$expand` items. */
    expand: ExpandItem[];
    /** `$select` property names, when given. */
    select?: string[];
    /** `$top`: page size. */
    top?: number;
    /** Offset decoded from `$skiptoken`. */
    skip: number;
    /** `$count=true`. */
    count: boolean;
}

const SUPPORTED = new Set(["$filter", "$expand", "$select", "$top", "$skiptoken", "$count"]);

/** Splits on `separator` outside parentheses and single-quoted literals. */
export function splitTopLevel(text: string, separator: string): string[] {
    const parts: string[] = [];
    let depth = 0;
    let quoted = false;
    let current = "";
    for (const char of text) {
        if (char === "'") quoted = !quoted;
        else if (!quoted && char === "(") depth++;
        else if (!quoted && char === ")") depth--;
        if (!quoted && depth === 0 && char === separator) {
            parts.push(current);
            current = "";
        } else {
            current += char;
        }
    }
    parts.push(current);
    return parts.map((part) => part.trim()).filter((part) => part !== "");
}

/** Parses `$expand` text (items separated by commas, nested options separated by ';'). */
export function parseExpand(text: string): ExpandItem[] {
    return splitTopLevel(text, ",").map((item) => {
        const match = /^([A-Za-z][A-Za-z0-9_]*)(?:\((.*)\))?$/s.exec(item);
        if (!match) throw graphErrors.invalidQuery(`Syntax error in $expand at '${item}'.`);
        const expanded: ExpandItem = { name: match[1], expand: [] };
        for (const option of splitTopLevel(match[2] ?? "", ";")) {
            const [key, ...rest] = option.split("=");
            const value = rest.join("=");
            if (key === "$expand") expanded.expand = parseExpand(value);
            else if (key === "$select") expanded.select = parseSelect(value);
            else throw graphErrors.invalidQuery(`The query option '${key}' is not supported inside $expand.`);
        }
        return expanded;
    });
}

function parseSelect(text: string): string[] {
    return splitTopLevel(text, ",");
}

function parseLiteral(text: string): JsonPrimitive {
    if (/^'.*'$/s.test(text)) return text.slice(1, -1).replace(/''/g, "'");
    if (text === "null") return null;
    if (text === "true" || text === "false") return text === "true";
    if (/^-?\d+(\.\d+)?$/.test(text)) return Number(text);
    // Unquoted GUIDs are valid literals in OData v4.
    if (/^[0-9a-f-]{36}$/i.test(text)) return text;
    throw graphErrors.invalidQuery(`Invalid filter clause: unsupported literal '${text}'.`);
}

/** Parses a `$filter` of `eq` comparisons joined by `and`. */
export function parseFilter(text: string): FilterClause[] {
    const clauses = text.split(/\s+and\s+(?=(?:[^']*'[^']*')*[^']*$)/i);
    return clauses.map((clause) => {
        const match = /^\(?\s*([A-Za-z][A-Za-z0-9_/]*)\s+eq\s+('(?:[^']|'')*'|[^\s)]+)\s*\)?$/is.exec(clause.trim());
        if (!match)
            throw graphErrors.invalidQuery(
                `Invalid filter clause: '${clause.trim()}' (only 'property eq literal' joined by 'and' is supported).`,
            );
        return { path: match[1], value: parseLiteral(match[2]) };
    });
}

/** Encodes a page offset as an opaque `$skiptoken`. */
export function encodeSkipToken(offset: number): string {
    return Buffer.from(`offset:${offset}`).toString("base64url");
}

function decodeSkipToken(token: string): number {
    const match = /^offset:(\d+)$/.exec(Buffer.from(token, "base64url").toString("utf8"));
    if (!match) throw graphErrors.invalidQuery("The $skiptoken is invalid.");
    return Number(match[1]);
}

/** Parses the system query options of a request; unknown `$` options are refused as OData does. */
export function parseQueryOptions(query: URLSearchParams): QueryOptions {
    for (const key of query.keys()) {
        if (key.startsWith("$") && !SUPPORTED.has(key)) throw graphErrors.invalidQuery(`The query parameter '${key}' is not supported.`);
    }
    const filter = query.get("$filter");
    const expand = query.get("$expand");
    const select = query.get("$select");
    const top = query.get("$top");
    const skipToken = query.get("$skiptoken");
    if (top !== null && !/^\d+$/.test(top)) throw graphErrors.invalidQuery(`Invalid value '${top}' for $top query option found.`);
    return {
        filter: filter === null ? [] : parseFilter(filter),
        expand: expand === null ? [] : parseExpand(expand),
        ...(select === null ? {} : { select: parseSelect(select) }),
        ...(top === null ? {} : { top: Number(top) }),
        skip: skipToken === null ? 0 : decodeSkipToken(skipToken),
        count: query.get("$count") === "true",
    };
}
