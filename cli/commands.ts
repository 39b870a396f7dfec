import { main as runEmulator } from "../emulator/cli";
import { runExport } from "./export";
import { runLint } from "./lint";
import type { CliOutput } from "./runCli";

/**
 * What a finished command leaves: an exit code, or `"serving"` when it started a server that keeps the process alive
 * and decides the exit code itself when a signal stops it.
 */
export type CommandOutcome = number | "serving";

/** One subcommand of the `pulumi-entra-assignment-policy` binary. */
export interface Command {
    /** Arguments synopsis shown after the command name in `--help`. */
    readonly synopsis: string;
    /** One-line description shown in `--help`. */
    readonly summary: string;
    /** Runs the command with the arguments that follow its name; `output` takes what it prints. */
    run(argv: string[], output: CliOutput): Promise<CommandOutcome>;
}

/** The subcommands, by name. */
export const COMMANDS: Readonly<Record<string, Command>> = {
    emulator: {
        synopsis: "[--port N] [--host H] [--token T] [--state FILE] [--access-package NAME]",
        summary:
            "Run the local Microsoft Graph emulator; prints GRAPH_URL= and GRAPH_TOKEN= lines (and ACCESS_PACKAGE_ID= for --access-package) and serves until interrupted.",
        async run(argv, output) {
            return (await runEmulator(argv, output.stdout)) === "help" ? 0 : "serving";
        },
    },
    export: {
        synopsis: "(--access-package <id> | --catalog <id> | --all) [options]",
        summary: "Write a TypeScript Pulumi program that adopts existing assignment policies by id (see `export --help`).",
        run: (argv, output) => runExport(argv, { env: process.env, cwd: process.cwd(), ...output }),
    },
    lint: {
        synopsis:
            "(--access-package <id> | --catalog <id> | --all | --from <path>) [--fail-on high|medium|low|none] [--json FILE] [--sarif FILE]",
        summary:
            "Check existing policies (a tenant, or an export) against the governance rules; prints a table, writes JSON and SARIF (see `lint --help`).",
        run: (argv, output) => runLint(argv, { env: process.env, cwd: process.cwd(), ...output }),
    },
};
