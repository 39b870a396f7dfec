import { parseArgs } from "node:util";
import { startGraphEmulator } from "./index";

/**
 * Runs the emulator until SIGINT/SIGTERM: `ts-node emulator/cli.ts [--port N] [--token T] [--state FILE] [--host H]`.
 * Exported for the package's `emulator` command, which passes the arguments after its subcommand.
 */
export async function main(argv: string[] = process.argv.slice(2)): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: "string" },
      host: { type: "string" },
      token: { type: "string" },
      state: { type: "string" },
    },
  });
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be an integer 0..65535, got '${values.port}'.`);
  const emulator = await startGraphEmulator({ port, host: values.host, token: values.token, statePath: values.state });
  process.stdout.write(`Graph emulator listening on ${emulator.url}\nGRAPH_URL=${emulator.url}\nGRAPH_TOKEN=${emulator.token}\n`);
  const stop = (): void => {
    emulator.close().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`${String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
