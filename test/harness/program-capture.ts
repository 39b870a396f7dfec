/** Runs a Pulumi program in a child process under mocks and returns what it registered. */
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { CAPTURE_REQUEST_ENV, type CaptureRequest } from "./capture-protocol";
import type { CapturedProgram } from "./types";

/**
 * Which program to run and how: a {@link CaptureRequest} whose paths may be relative to the caller's directory,
 * plus extra environment for the child (the mocks module may read it, e.g. an emulator URL).
 */
export interface CaptureOptions extends Omit<CaptureRequest, "program" | "outFile"> {
    /** Program module; defaults to `<projectDir>/index.ts`. */
    program?: string;
    env?: NodeJS.ProcessEnv;
}

/** Runs the program once and returns its registrations. Rejects with the child's stderr when the program fails. */
export async function captureProgram(opts: CaptureOptions): Promise<CapturedProgram> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pulumi-capture-"));
    const request: CaptureRequest = {
        projectDir: path.resolve(opts.projectDir),
        program: path.resolve(opts.projectDir, opts.program ?? "index.ts"),
        ...(opts.exportName ? { exportName: opts.exportName } : {}),
        project: opts.project,
        stack: opts.stack,
        preview: opts.preview,
        config: opts.config,
        ...(opts.mocks ? { mocks: absoluteMocks(opts.mocks) } : {}),
        outFile: path.join(dir, "capture.json"),
    };
    try {
        await new Promise<void>((resolve, reject) => {
            execFile(
                process.execPath,
                ["-r", require.resolve("ts-node/register"), path.join(__dirname, "capture-child.ts")],
                {
                    cwd: request.projectDir,
                    env: {
                        ...process.env,
                        ...ownTsConfig(request.projectDir),
                        ...opts.env,
                        TS_NODE_TRANSPILE_ONLY: "true",
                        [CAPTURE_REQUEST_ENV]: JSON.stringify(request),
                    },
                    maxBuffer: 64 * 1024 * 1024,
                },
                (error, _stdout, stderr) => {
                    if (error) reject(new Error(`program ${request.program} failed: ${stderr || error.message}`));
                    else resolve();
                },
            );
        });
        return JSON.parse(fs.readFileSync(request.outFile, "utf8")) as CapturedProgram;
    } finally {
        fs.rmSync(dir, { recursive: true, force: true });
    }
}

/**
 * The capture child is TypeScript compiled by ts-node with the project's tsconfig. A project without one (a plain
 * JavaScript program) would get ts-node's defaults, which TypeScript 5.9 rejects, so the child uses the harness's own.
 */
function ownTsConfig(projectDir: string): NodeJS.ProcessEnv {
    return fs.existsSync(path.join(projectDir, "tsconfig.json"))
        ? {}
        : { TS_NODE_PROJECT: path.join(__dirname, "..", "..", "tsconfig.json") };
}

/** Resolves the module part of `<path>[#<export>]` against our cwd, since the child runs in the project dir. */
function absoluteMocks(spec: string): string {
    const [file, exportName] = spec.split("#");
    return exportName ? `${path.resolve(file)}#${exportName}` : path.resolve(file);
}
