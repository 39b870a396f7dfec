/**
 * Whether a dynamic-membership rule (the syntax of `attributeRuleMembers.membershipRule`) matches every user: some
 * `-or` branch only tests that an attribute is present or matches anything. A heuristic over the rule's text; it
 * errs on the side of not flagging rules it cannot read.
 */

/** Comparisons that hold for every user who has the attribute, or for everyone. */
const ANYTHING = [/^user\.\w+\s+-ne\s+(null|""|'')$/i, /^user\.\w+\s+-(match|startsWith|contains)\s+("(\^?\.\*\$?)?"|'(\^?\.\*\$?)?')$/i];

/** Splits `text` at `operator` (`-or`, `-and`) where it is outside parentheses and quotes. */
function splitTopLevel(text: string, operator: string): string[] {
    const parts: string[] = [];
    let depth = 0;
    let quote: string | undefined;
    let start = 0;
    const keyword = new RegExp(`^\\s${operator}\\s`, "i");
    for (let i = 0; i < text.length; i++) {
        const char = text[i];
        if (quote !== undefined) {
            quote = char === quote ? undefined : quote;
        } else if (char === '"' || char === "'") {
            quote = char;
        } else if (char === "(") {
            depth++;
        } else if (char === ")") {
            depth--;
        } else if (depth === 0 && keyword.test(text.slice(i))) {
            parts.push(text.slice(start, i));
            start = i + operator.length + 1;
        }
    }
    parts.push(text.slice(start));
    return parts.map((part) => part.trim());
}

/** `text` without parentheses that enclose all of it. */
function unwrapped(text: string): string {
    let inner = text.trim();
    while (inner.startsWith("(") && inner.endsWith(")") && balanced(inner.slice(1, -1))) {
        inner = inner.slice(1, -1).trim();
    }
    return inner;
}

/** Whether the parentheses of `text` (outside quotes) never close more than they opened. */
function balanced(text: string): boolean {
    let depth = 0;
    let quote: string | undefined;
    for (const char of text) {
        if (quote !== undefined) {
            quote = char === quote ? undefined : quote;
        } else if (char === '"' || char === "'") {
            quote = char;
        } else if (char === "(" || char === ")") {
            depth += char === "(" ? 1 : -1;
            if (depth < 0) {
                return false;
            }
        }
    }
    return depth === 0;
}

/** Whether `rule` admits every user (see the module comment). */
export function matchesEveryUser(rule: string): boolean {
    const expression = unwrapped(rule);
    if (expression === "") {
        return false;
    }
    const branches = splitTopLevel(expression, "-or");
    if (branches.length > 1) {
        return branches.some(matchesEveryUser);
    }
    const conditions = splitTopLevel(expression, "-and");
    if (conditions.length > 1) {
        return conditions.every(matchesEveryUser);
    }
    return ANYTHING.some((pattern) => pattern.test(expression));
}
