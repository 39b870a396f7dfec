/** Graph compares strings ignoring case: "All Users" and "all users" are the same display name to it, and ids alike. */
export function equalsIgnoringCase(held: string | null | undefined, wanted: string): boolean {
    return typeof held === "string" && held.toLowerCase() === wanted.toLowerCase();
}
