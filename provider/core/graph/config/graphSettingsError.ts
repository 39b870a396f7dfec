/** Invalid or contradictory settings; the message names the key and what it accepts, never a secret value. */
export class GraphSettingsError extends Error {
    override readonly name = "GraphSettingsError";
}
