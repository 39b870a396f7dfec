/** Renders rows as a GitHub-flavoured Markdown table; `|` in cells is escaped. */
export function markdownTable(headers: string[], rows: (string | number)[][]): string {
    const cell = (value: string | number): string => String(value).replace(/\|/g, "\\|");
    const line = (cells: (string | number)[]): string => `| ${cells.map(cell).join(" | ")} |`;
    return [line(headers), line(headers.map(() => "---")), ...rows.map(line)].join("\n");
}
