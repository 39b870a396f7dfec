/** What the harness asks of the capture child process (`capture-child.ts`). */
import type { StackConfig } from "./types";

/** The environment variable carrying the JSON `CaptureRequest` to the child. */
export const CAPTURE_REQUEST_ENV = "PULUMI_HARNESS_CAPTURE_REQUEST";

/** One program run under mocks. */
export interface CaptureRequest {
    /** Project directory; `@pulumi/pulumi` is resolved from here so the program and the mocks share one runtime. */
    projectDir: string;
    /** Absolute path of the program module. */
    program: string;
    /** A named export of the program to call instead of using the module's exports. */
    exportName?: string;
    /** Project name. */
    project: string;
    /** Stack name. */
    stack: string;
    /** Whether `pulumi.runtime.isDryRun()` is true. */
    preview: boolean;
    /** Stack config; secrets are handed to the program as secret config. */
    config: StackConfig;
    /** `<module path>` or `<module path>#<export>` of a `pulumi.runtime.Mocks` for other packages' resources. */
    mocks?: string;
    /** Where the child writes the `CapturedProgram` JSON (stdout belongs to the program). */
    outFile: string;
}
