import { COMMANDS, type CommandOutcome } from "./commands";

/** The binary's name, as `bin` in package.json installs it. */
const BIN = "pulumi-entra-assignment-policy";

/** Where the dispatcher writes; the process streams in the binary, buffers in tests. */
export interface CliOutput {
    /** Normal output (help, version). */
    stdout(text: string): void;
    /** Diagnostics. */
    stderr(text: string): void;
}

/** The installed package's version, read through the package's own name so it is right from `dist/` and from sources. */
function packageVersion(): string {
    return (require("pulumi-entra-assignment-policy/package.json") as { version: string }).version;
}

function usage(): string {
    const width = Math.max(...Object.keys(COMMANDS).map((name) => name.length));
    const lines = Object.entries(COMMANDS).map(
        ([name, command]) => `  ${name.padEnd(width)}  ${command.summary}\n  ${" ".repeat(width)}  ${BIN} ${name} ${command.synopsis}`,
    );
    return [
        `Usage: ${BIN} <command> [arguments]`,
        "",
        "Commands:",
        ...lines,
        "",
        "Options:",
        "  --help, -h     Show this help.",
        "  --version, -v  Show the package version.",
        "",
    ].join("\n");
}

/**
 * Dispatches `argv` (the arguments after the binary's name) to a subcommand. Command failures are reported on stderr
 * and become exit code 1, so the binary never prints a stack trace for an expected error.
 */
export async function runCli(argv: string[], output: CliOutput): Promise<CommandOutcome> {
    const [name, ...rest] = argv;
    if (name === undefined) {
        output.stderr(usage());
        return 2;
    }
    if (name === "--help" || name === "-h" || name === "help") {
        output.stdout(usage());
        return 0;
    }
    if (name === "--version" || name === "-v") {
        output.stdout(`${packageVersion()}\n`);
        return 0;
    }
    const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
    if (!command) {
        output.stderr(`${BIN}: unknown command '${name}'\n\n${usage()}`);
        return 2;
    }
    try {
        return await command.run(rest, output);
    } catch (error) {
        output.stderr(`${BIN} ${name}: ${error instanceof Error ? error.message : String(error)}\n`);
        return 1;
    }
}
