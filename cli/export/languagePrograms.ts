/** Per language: the files of the exported program, and what to run next in the directory they are written to. */
import { csharpProgramFiles, CSHARP_NEXT_STEPS } from "./csharpProgram";
import type { ExportLanguage } from "./exportArguments";
import type { ExportedPolicy } from "./exportedPolicy";
import { goProgramFiles } from "./goProgram";
import { programFiles, type PackageVersions } from "./programFiles";
import { pythonProgramFiles } from "./pythonProgram";
import { yamlProgramFiles } from "./yamlProgram";

/** How one language's program is written and started. */
export interface LanguageProgram {
    files(policies: readonly ExportedPolicy[], projectName: string, versions: PackageVersions): Readonly<Record<string, string>>;
    /** The commands, after `cd` into the program, up to its first `pulumi up`. */
    nextSteps: string;
}

/** Every language `export` writes. */
export const LANGUAGE_PROGRAMS: Readonly<Record<ExportLanguage, LanguageProgram>> = {
    typescript: { files: programFiles, nextSteps: "npm install && pulumi stack init && pulumi up" },
    yaml: { files: yamlProgramFiles, nextSteps: "npm install && pulumi stack init && pulumi up" },
    // The SDKs are generated from the plugin's schema, not published: pip and go need to be pointed at them.
    python: {
        files: pythonProgramFiles,
        nextSteps: "npm install && (generate the pulumi_entra SDK, make requirements.txt point at it) && pulumi stack init && pulumi up",
    },
    go: {
        files: goProgramFiles,
        nextSteps: "npm install && (generate the Go SDK, replace its module in go.mod) && go mod tidy && pulumi stack init && pulumi up",
    },
    // The project file references the SDK's project where this command generates it.
    csharp: { files: csharpProgramFiles, nextSteps: CSHARP_NEXT_STEPS },
};
