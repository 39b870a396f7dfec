/**
 * Peak resident memory and CPU time of processes this process starts, sampled from `/proc`: the harness starts and
 * kills provider hosts inside each operation without exposing them, and the `pulumi` CLI starts its language host,
 * the program and the provider plugins itself. `VmHWM` is the kernel's own high-water mark, so only growth in the
 * last sampling interval before a host exits can be missed; CPU time is likewise each process's last sample, and a
 * process that lives less than one interval may not be seen at all. The total CPU of a process tree is the kernel's
 * exact count instead (see {@link withHostUsage}). Linux only; elsewhere it reports nothing.
 */
import * as fs from "node:fs";
import * as path from "node:path";

const SAMPLE_INTERVAL_MS = 100;
// USER_HZ, the unit of utime/stime in /proc/<pid>/stat, is 100 on every mainstream Linux architecture.
const CLOCK_TICKS_PER_SECOND = 100;

/**
 * Which processes count: the dynamic-provider hosts (what the harness starts), or every descendant of this process
 * (a `pulumi` CLI and everything it starts).
 */
export type UsageScope = "provider hosts" | "process tree";

/** What one kind of process in a tree used (see {@link processRole}). */
export interface RoleUsage {
    /** The kind of process, e.g. `pulumi CLI` or `provider host (node cmd/dynamic-provider)`. */
    role: string;
    /** Processes of this kind seen. */
    processes: number;
    /** Their user plus system CPU time, seconds. */
    cpuSeconds: number;
    /** The largest peak resident set (`VmHWM`) of one of them, MiB. */
    peakRssMiB: number;
}

/** What the counted processes used while some work ran. */
export interface HostUsage {
    /**
     * Peak resident memory, MiB: of the largest provider host (its `VmHWM`), or for a process tree the largest sum
     * of the tree's resident sets at one sample (processes that run side by side all hold memory at once).
     */
    peakRssMiB?: number;
    /** User plus system CPU time of all counted processes, seconds. */
    cpuSeconds?: number;
    /** For a process tree: the same by kind of process, most CPU first (sampled, so they add up to a little less). */
    byRole?: RoleUsage[];
}

interface Sample {
    role: string;
    peakKiB: number;
    cpuTicks: number;
}

function readText(file: string): string | undefined {
    try {
        return fs.readFileSync(file, "utf8");
    } catch {
        // The process may exit between listing /proc and reading its files.
        return undefined;
    }
}

/** Fields of `/proc/<pid>/stat` after the parenthesised command name: [0] state, [1] ppid, [11] utime, [12] stime. */
function statFields(stat: string): string[] {
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ");
}

const PROVIDER_HOST = "provider host (node cmd/dynamic-provider)";

/**
 * What a process is, from its command line. Node.js and the shell are named by the script they run: the language
 * host runs the program with `node …/@pulumi/pulumi/cmd/run`, and the dynamic-provider plugin is a shell script that
 * resolves the host's path with `node -e` and then runs `node …/cmd/dynamic-provider`; the `entra` plugin's launcher
 * runs `node …/provider/plugin/main.js`.
 */
function processRole(argv: string[]): string {
    const [executable = "", first = ""] = argv;
    const name = path.basename(executable);
    if (name === "node") {
        if (/cmd[/\\]dynamic-provider/.test(first)) return PROVIDER_HOST;
        if (/cmd[/\\]run/.test(first)) return "program (node cmd/run)";
        if (/provider[/\\]plugin[/\\]main\.js$/.test(first)) return "plugin (node provider/plugin/main.js)";
        return `node ${first.startsWith("-") ? first : path.basename(first)}`;
    }
    if (name === "sh" || name === "bash") return `${path.basename(first)} (${name})`;
    if (name === "pulumi") return "pulumi CLI";
    return name;
}

function sampleProcess(pid: string): (Sample & { rssKiB: number }) | undefined {
    const argv = (readText(`/proc/${pid}/cmdline`) ?? "").split("\0").filter((arg) => arg !== "");
    const stat = readText(`/proc/${pid}/stat`);
    const status = readText(`/proc/${pid}/status`) ?? "";
    const peak = /^VmHWM:\s+(\d+)\s+kB$/m.exec(status);
    const rss = /^VmRSS:\s+(\d+)\s+kB$/m.exec(status);
    // Zombies have no memory left to report, and their CPU time was already sampled while they ran.
    if (argv.length === 0 || stat === undefined || !peak || !rss) return undefined;
    const fields = statFields(stat);
    return { role: processRole(argv), peakKiB: Number(peak[1]), rssKiB: Number(rss[1]), cpuTicks: Number(fields[11]) + Number(fields[12]) };
}

/** This process's descendants, from the parent links of every process in `/proc`. */
function descendantPids(): string[] {
    let pids: string[];
    try {
        pids = fs.readdirSync("/proc").filter((name) => /^\d+$/.test(name));
    } catch {
        return [];
    }
    const children = new Map<string, string[]>();
    for (const pid of pids) {
        const stat = readText(`/proc/${pid}/stat`);
        if (stat === undefined) continue;
        const parent = statFields(stat)[1];
        children.set(parent, [...(children.get(parent) ?? []), pid]);
    }
    const found: string[] = [];
    const pending = [String(process.pid)];
    for (let parent = pending.pop(); parent !== undefined; parent = pending.pop()) {
        for (const child of children.get(parent) ?? []) {
            found.push(child);
            pending.push(child);
        }
    }
    return found;
}

/** User plus system CPU time of this process's children that have exited and been waited for, in clock ticks. */
function reapedChildrenTicks(): number {
    const fields = statFields(readText("/proc/self/stat") ?? "");
    // [13] cutime and [14] cstime: each parent adds its own waited-for children's time, so this covers a whole tree.
    return Number(fields[13]) + Number(fields[14]);
}

function byRole(processes: Sample[]): RoleUsage[] {
    const roles = new Map<string, RoleUsage>();
    for (const { role, peakKiB, cpuTicks } of processes) {
        const usage = roles.get(role) ?? { role, processes: 0, cpuSeconds: 0, peakRssMiB: 0 };
        usage.processes += 1;
        usage.cpuSeconds += cpuTicks / CLOCK_TICKS_PER_SECOND;
        usage.peakRssMiB = Math.max(usage.peakRssMiB, peakKiB / 1024);
        roles.set(role, usage);
    }
    return [...roles.values()].sort((a, b) => b.cpuSeconds - a.cpuSeconds);
}

/**
 * Samples the processes `scope` names while `work` runs. For a process tree whose processes have all exited by the
 * end of `work` (a CLI command), the total CPU time is what the kernel added to this process's children's time,
 * which misses nothing that was waited for (the CLI, the language host and the plugin shim wait for their children).
 */
export async function withHostUsage<T>(
    work: () => Promise<T>,
    scope: UsageScope = "provider hosts",
): Promise<{ result: T; usage: HostUsage }> {
    const processes = new Map<string, Sample>();
    const reapedBefore = reapedChildrenTicks();
    let peakTreeKiB = 0;
    const sample = (): void => {
        let treeKiB = 0;
        for (const pid of descendantPids()) {
            const current = sampleProcess(pid);
            if (current === undefined || (scope === "provider hosts" && current.role !== PROVIDER_HOST)) continue;
            treeKiB += current.rssKiB;
            const previous = processes.get(pid);
            processes.set(pid, {
                role: current.role,
                peakKiB: Math.max(current.peakKiB, previous?.peakKiB ?? 0),
                cpuTicks: current.cpuTicks,
            });
        }
        peakTreeKiB = Math.max(peakTreeKiB, treeKiB);
    };
    const timer = setInterval(sample, SAMPLE_INTERVAL_MS);
    try {
        const result = await work();
        if (processes.size === 0) return { result, usage: {} };
        const samples = [...processes.values()];
        if (scope === "process tree") {
            const cpuSeconds = (reapedChildrenTicks() - reapedBefore) / CLOCK_TICKS_PER_SECOND;
            return { result, usage: { peakRssMiB: peakTreeKiB / 1024, cpuSeconds, byRole: byRole(samples) } };
        }
        const cpuSeconds = samples.reduce((sum, s) => sum + s.cpuTicks, 0) / CLOCK_TICKS_PER_SECOND;
        return { result, usage: { peakRssMiB: Math.max(...samples.map((s) => s.peakKiB)) / 1024, cpuSeconds } };
    } finally {
        clearInterval(timer);
    }
}
