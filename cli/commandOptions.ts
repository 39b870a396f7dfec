/**
 * The options `export` and `lint` share, declared once for `node:util`'s `parseArgs`: which policies to read, the
 * Graph flags, and `--help`.
 */
import type { ParseArgsConfig } from "node:util";
import type { TenantScope } from "./tenant";

/** `-h`, `--help`. */
export const HELP_OPTION = { help: { type: "boolean", short: "h", default: false } } as const satisfies ParseArgsConfig["options"];

/** Which policies of a tenant to read: `--access-package <id>`, `--catalog <id>`, `--all`. */
export const SCOPE_OPTIONS = {
    "access-package": { type: "string" },
    catalog: { type: "string" },
    all: { type: "boolean", default: false },
} as const satisfies ParseArgsConfig["options"];

/** `--endpoint <url>` and `--token <token>`, in place of `entra:graphEndpoint` and `entra:token` (see `GraphFlags`). */
export const GRAPH_OPTIONS = { endpoint: { type: "string" }, token: { type: "string" } } as const satisfies ParseArgsConfig["options"];

/** The scope options as parsed. */
export interface ScopeValues {
    "access-package"?: string;
    catalog?: string;
    all?: boolean;
}

/** Every scope the options name, in the order of `SCOPE_OPTIONS`; each command says how many it takes. */
export function scopesGiven(values: ScopeValues): TenantScope[] {
    return [
        ...(values["access-package"] !== undefined ? [{ kind: "accessPackage", accessPackageId: values["access-package"] } as const] : []),
        ...(values.catalog !== undefined ? [{ kind: "catalog", catalogId: values.catalog } as const] : []),
        ...(values.all ? [{ kind: "all" } as const] : []),
    ];
}
