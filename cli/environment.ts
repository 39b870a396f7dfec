/** What a command reads and writes besides its arguments, so tests can run commands in-process. */

/** Where a command reads its settings and writes its messages; the process's own by default. */
export interface CommandEnvironment {
    /** Environment variables, read like the provider reads them (`ENTRA_GRAPH_*`, `ARM_*`, `AZURE_*`). */
    env: NodeJS.ProcessEnv;
    /** Directory relative paths are resolved against. */
    cwd: string;
    /** Output and the summary. */
    stdout: (text: string) => void;
    /** Errors and usage. */
    stderr: (text: string) => void;
}

/** The process's own environment, read when the command runs. */
export function processEnvironment(): CommandEnvironment {
    return {
        env: process.env,
        cwd: process.cwd(),
        stdout: (text) => process.stdout.write(text),
        stderr: (text) => process.stderr.write(text),
    };
}
