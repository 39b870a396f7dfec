import { parseArgs } from "node:util";
import { startGraphEmulator, type EmulatorAdminClient } from "./index";

/**
 * The access package with this display name, created (with a catalog of its own) when the tenant has none, so that
 * a user can point a stack at the emulator at once; with `--state` a restart finds the same package again.
 */
async function ensureAccessPackage(
    admin: EmulatorAdminClient,
    displayName: string,
): Promise<{ catalogId: string; accessPackageId: string }> {
    const existing = (await admin.list("accessPackages")).find((record) => record.properties.displayName === displayName);
    if (existing) return { catalogId: existing.catalogId, accessPackageId: existing.id };
    const catalog = await admin.seed("catalogs", { displayName: `${displayName} catalog`, description: `Catalog of ${displayName}` });
    const accessPackage = await admin.seed("accessPackages", { displayName, description: displayName, catalog: { id: catalog.id } });
    return { catalogId: catalog.id, accessPackageId: accessPackage.id };
}

/** What `--help` prints. */
export const EMULATOR_USAGE = `Usage: pulumi-entra-assignment-policy emulator [--port N] [--host H] [--token T] [--state FILE] [--access-package NAME]

Runs a local Microsoft Graph (v1.0 entitlement management) until interrupted, and prints GRAPH_URL= and GRAPH_TOKEN=
lines to point a stack at it (ENTRA_GRAPH_ENDPOINT / ENTRA_GRAPH_TOKEN, or entra:graphEndpoint / entra:token).

Options:
  --port N                 Port to listen on (default: a free port).
  --host H                 Address to listen on (default: 127.0.0.1).
  --token T                The bearer token it accepts (default: a random one, printed).
  --state FILE             Keep the tenant in FILE across restarts (locked while the emulator runs).
  --access-package NAME    Find or create an access package (and its catalog) named NAME; prints ACCESS_PACKAGE_ID=.
  --help, -h               Show this help.
`;

/**
 * Runs the emulator until SIGINT/SIGTERM:
 * `ts-node emulator/cli.ts [--port N] [--token T] [--state FILE] [--host H] [--access-package NAME]`.
 * Exported for the package's `emulator` command, which passes the arguments after its subcommand. Resolves to
 * `"serving"` once the emulator listens, or `"help"` when it only printed its usage.
 */
export async function main(
    argv: string[] = process.argv.slice(2),
    stdout: (text: string) => void = (text) => void process.stdout.write(text),
): Promise<"serving" | "help"> {
    const { values } = parseArgs({
        args: argv,
        options: {
            port: { type: "string" },
            host: { type: "string" },
            token: { type: "string" },
            state: { type: "string" },
            "access-package": { type: "string" },
            help: { type: "boolean", short: "h" },
        },
    });
    if (values.help) {
        stdout(EMULATOR_USAGE);
        return "help";
    }
    const port = values.port === undefined ? 0 : Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be an integer 0..65535, got '${values.port}'.`);
    const emulator = await startGraphEmulator({ port, host: values.host, token: values.token, statePath: values.state });
    const stop = (): void => {
        emulator.close().then(
            () => process.exit(0),
            (error: unknown) => {
                process.stderr.write(`${String(error)}\n`);
                process.exit(1);
            },
        );
    };
    // Before the lines below announce readiness: whoever reads them may signal at once.
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
    const accessPackageName = values["access-package"];
    const seeded = accessPackageName === undefined ? undefined : await ensureAccessPackage(emulator.admin, accessPackageName);
    stdout(
        `Graph emulator listening on ${emulator.url}\n` +
            (seeded ? `CATALOG_ID=${seeded.catalogId}\nACCESS_PACKAGE_ID=${seeded.accessPackageId}\n` : "") +
            `GRAPH_URL=${emulator.url}\nGRAPH_TOKEN=${emulator.token}\n`,
    );
    return "serving";
}

if (require.main === module) {
    main().catch((error: unknown) => {
        process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
        process.exit(1);
    });
}
