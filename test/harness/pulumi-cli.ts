/**
 * The same scenarios through the real `pulumi` CLI with a local file backend, when a CLI is on PATH. Programs run
 * for real there: no mocks, so they may only use packages whose plugins the CLI can find.
 */
import { execFile, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { StackConfig } from "./types";

/** Why CLI suites are skipped when there is no CLI. */
export const NO_CLI_REASON = "pulumi CLI not on PATH; scripts/build-pulumi-cli.sh builds it from the Go module proxy";

/** True when `pulumi version` runs. */
export function isPulumiCliAvailable(): boolean {
    return spawnSync("pulumi", ["version"], { stdio: "ignore" }).status === 0;
}

/**
 * `describe` for suites that need the CLI: without one, the suite title carries the reason and every test is
 * reported as skipped (pending) through mocha's `this.skip()`. Under CI (`CI` set) a missing CLI fails the suite
 * instead: CI builds the CLI, so its absence there is a broken build, not a reason to skip.
 */
export function describeWithCli(title: string, body: (this: Mocha.Suite) => void): Mocha.Suite {
    const available = isPulumiCliAvailable();
    return describe(available ? title : `${title} (skipped: ${NO_CLI_REASON})`, function () {
        before(function () {
            if (available) return;
            if (process.env.CI) throw new Error(`CI is set but the suite cannot run: ${NO_CLI_REASON}`);
            this.skip();
        });
        body.call(this);
    });
}

/** One stack in a throwaway file backend. */
export interface PulumiCliOptions {
    /** The Pulumi project directory. */
    projectDir: string;
    /** Stack name; defaults to `dev`. */
    stack?: string;
    /** Stack config set with `pulumi config set` (`--secret` for `{ secret }` values). */
    config?: StackConfig;
    /** Extra environment for every command. */
    env?: NodeJS.ProcessEnv;
    /** `PULUMI_CONFIG_PASSPHRASE`; defaults to a fixed test passphrase. */
    passphrase?: string;
    /** Runs every command with `--logtostderr --logflow -v=9`, so the engine's and plugins' logs land in the transcript. */
    verboseLogs?: boolean;
}

/** Drives `pulumi` commands against a stack whose backend and config file live in a temporary directory. */
export class PulumiCli {
    /** Everything every command printed, stdout and stderr, in order: what a user or a CI log would see. */
    transcript = "";
    /** Runs the next commands with `--logtostderr --logflow -v=9`; starts as the option says. */
    verboseLogs: boolean;

    private constructor(
        /** The backend directory: stack state, its history and backups. */
        readonly dir: string,
        private readonly opts: PulumiCliOptions,
        private readonly stack: string,
    ) {
        this.verboseLogs = opts.verboseLogs ?? false;
    }

    /** Creates the backend directory, inits the stack and sets its config. */
    static async create(opts: PulumiCliOptions): Promise<PulumiCli> {
        const cli = new PulumiCli(fs.mkdtempSync(path.join(os.tmpdir(), "pulumi-cli-")), opts, opts.stack ?? "dev");
        // `stack init` has no --config-file: it writes the stack's settings (its encryption salt) beside Pulumi.yaml,
        // where they would pile up in the repository. Every later command reads them from the backend directory.
        const projectStackFile = path.join(opts.projectDir, `Pulumi.${cli.stack}.yaml`);
        const hadStackFile = fs.existsSync(projectStackFile);
        await cli.run(["stack", "init", cli.stack]);
        if (!hadStackFile && fs.existsSync(projectStackFile)) fs.renameSync(projectStackFile, cli.configFile()[1]);
        await cli.setConfig(opts.config ?? {});
        return cli;
    }

    /**
     * `pulumi config set` for each key (`--secret` for `{ secret }` values), e.g. to change the program between runs.
     * A key that addresses a list element (`ids[0]`) is set with `--path`: config a project declares as an array must
     * be stored as one, and the CLI refuses a JSON string for it.
     */
    async setConfig(config: StackConfig): Promise<void> {
        for (const [key, value] of Object.entries(config)) {
            const secret = typeof value !== "string";
            const flags = [...(secret ? ["--secret"] : []), ...(/\[\d+\]/.test(key) ? ["--path"] : [])];
            // The value goes after `--`: it may start with a dash (the emulator's random tokens sometimes do), which the
            // CLI would read as a flag, and then wait for the value on standard input.
            await this.run(["config", "set", key, ...flags, ...this.configFile()], [secret ? value.secret : value]);
        }
    }

    /** `pulumi preview --json --show-sames`, parsed: unchanged resources are listed too, with the op `same`. */
    async preview(): Promise<unknown> {
        return JSON.parse(await this.run(["preview", "--json", "--show-sames", ...this.configFile()]));
    }

    /** `pulumi up --yes --skip-preview`; the CLI's output. */
    up(): Promise<string> {
        return this.run(["up", "--yes", "--skip-preview", ...this.configFile()]);
    }

    /**
     * `pulumi refresh --yes --skip-preview`: without `--skip-preview` the CLI first previews the refresh, which reads
     * every resource once more, so the request counts would not be the refresh's own.
     */
    refresh(): Promise<string> {
        return this.run(["refresh", "--yes", "--skip-preview", ...this.configFile()]);
    }

    /** `pulumi destroy --yes`. */
    destroy(): Promise<string> {
        return this.run(["destroy", "--yes", ...this.configFile()]);
    }

    /** `pulumi version`, e.g. `v3.248.0`. */
    async version(): Promise<string> {
        return (await this.run(["version"])).trim();
    }

    /** `pulumi import <type> <name> <id> --yes [flags]`: adopts an existing resource into the stack. */
    importResource(type: string, name: string, id: string, flags: string[] = []): Promise<string> {
        return this.run(["import", type, name, id, "--yes", ...flags, ...this.configFile()]);
    }

    /** `pulumi stack export`, secrets still encrypted. */
    async exportState(): Promise<unknown> {
        return JSON.parse(await this.run(["stack", "export"]));
    }

    /** Removes the stack and the backend directory. */
    async dispose(): Promise<void> {
        try {
            await this.run(["stack", "rm", "--yes", "--force"]);
        } finally {
            fs.rmSync(this.dir, { recursive: true, force: true });
        }
    }

    private configFile(): string[] {
        // Keeps Pulumi.<stack>.yaml out of the project directory.
        return ["--config-file", path.join(this.dir, `Pulumi.${this.stack}.yaml`)];
    }

    /** `pulumi preview` with extra arguments (`--policy-pack DIR`), passing or failing: its exit code and output. */
    tryPreview(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
        return new Promise((resolve) => {
            execFile(
                "pulumi",
                ["preview", ...args, ...this.configFile(), "--stack", this.stack, "--non-interactive", ...this.logging()],
                this.execOptions(),
                (error, stdout, stderr) => {
                    this.transcript += stdout + stderr;
                    resolve({ code: error ? (typeof error.code === "number" ? error.code : 1) : 0, stdout, stderr });
                },
            );
        });
    }

    /** With `verboseLogs`, the engine's and the plugins' logs go to stderr, into the transcript. */
    private logging(): string[] {
        return this.verboseLogs ? ["--logtostderr", "--logflow", "-v=9"] : [];
    }

    private execOptions() {
        return {
            cwd: this.opts.projectDir,
            env: {
                ...process.env,
                ...this.opts.env,
                PULUMI_BACKEND_URL: `file://${this.dir}`,
                PULUMI_CONFIG_PASSPHRASE: this.opts.passphrase ?? "pulumi-engine-harness",
                PULUMI_SKIP_UPDATE_CHECK: "true",
                // Packages such as @pulumi/azuread sit in node_modules for the mocked runs; their plugins must not be
                // downloaded: a test that runs one installs a double of it into its own PULUMI_HOME.
                PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
            },
            maxBuffer: 64 * 1024 * 1024,
        };
    }

    /** Runs `pulumi <args>` on this stack; `values` go last, after `--`, so that none is read as a flag. */
    private run(args: string[], values: string[] = []): Promise<string> {
        const stackArgs = (args[0] === "stack" && args[1] === "init") || args[0] === "version" ? [] : ["--stack", this.stack];
        return new Promise((resolve, reject) => {
            execFile(
                "pulumi",
                [...args, ...stackArgs, "--non-interactive", ...this.logging(), ...(values.length > 0 ? ["--", ...values] : [])],
                this.execOptions(),
                (error, stdout, stderr) => {
                    this.transcript += stdout + stderr;
                    if (error) reject(new Error(`pulumi ${args.join(" ")} failed: ${stderr || stdout || error.message}`));
                    else resolve(stdout);
                },
            );
        });
    }
}
