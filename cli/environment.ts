/** What a command reads and writes besides its arguments (so tests can run commands in-process), and its command line. */

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

/** A command line asked for help. */
export const HELP = Symbol("help");

/** A command line that cannot be run; the message says why. */
export class UsageError extends Error {
    override readonly name = "UsageError";
}

/** Exit status of a command line that cannot be run. */
const USAGE_EXIT = 2;

/**
 * Parses a command line with `parse`; answers `--help` (usage on stdout, exit 0) and usage errors (the reason and
 * usage on stderr, exit 2) itself, returning the exit status then, and the parsed arguments otherwise.
 */
export function readCommandLine<A>(
    command: string,
    argv: readonly string[],
    parse: (argv: readonly string[]) => A | typeof HELP,
    usage: string,
    environment: CommandEnvironment,
): { args: A } | { exit: number } {
    try {
        const parsed = parse(argv);
        if (parsed === HELP) {
            environment.stdout(usage);
            return { exit: 0 };
        }
        return { args: parsed };
    } catch (error) {
        if (error instanceof UsageError) {
            environment.stderr(`${command}: ${error.message}\n\n${usage}`);
            return { exit: USAGE_EXIT };
        }
        throw error;
    }
}
