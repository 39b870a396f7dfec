/**
 * Peak resident memory and CPU time of the dynamic-provider hosts this process spawns. The harness starts and kills
 * hosts inside each operation without exposing them, so this samples `/proc` for children running
 * `cmd/dynamic-provider`. `VmHWM` is the kernel's own high-water mark, so only growth in the last sampling interval
 * before a host exits can be missed; CPU time is likewise the last sample's. Linux only; elsewhere it reports nothing.
 */
import * as fs from "node:fs";

const SAMPLE_INTERVAL_MS = 100;
// USER_HZ, the unit of utime/stime in /proc/<pid>/stat, is 100 on every mainstream Linux architecture.
const CLOCK_TICKS_PER_SECOND = 100;

/** What the hosts used while some work ran. */
export interface HostUsage {
    /** Largest peak resident set of any host seen, MiB. */
    peakRssMiB?: number;
    /** User plus system CPU time of all hosts seen, seconds. */
    cpuSeconds?: number;
}

interface Sample {
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

function sampleHost(pid: string): Sample | undefined {
    if (!(readText(`/proc/${pid}/cmdline`) ?? "").includes("cmd/dynamic-provider")) return undefined;
    const stat = readText(`/proc/${pid}/stat`);
    const peak = /^VmHWM:\s+(\d+)\s+kB$/m.exec(readText(`/proc/${pid}/status`) ?? "");
    if (stat === undefined || !peak) return undefined;
    const fields = statFields(stat);
    return { peakKiB: Number(peak[1]), cpuTicks: Number(fields[11]) + Number(fields[12]) };
}

function childPids(): string[] {
    let pids: string[];
    try {
        pids = fs.readdirSync("/proc").filter((name) => /^\d+$/.test(name));
    } catch {
        return [];
    }
    return pids.filter((pid) => {
        const stat = readText(`/proc/${pid}/stat`);
        return stat !== undefined && Number(statFields(stat)[1]) === process.pid;
    });
}

/** Samples this process's provider hosts while `work` runs. */
export async function withHostUsage<T>(work: () => Promise<T>): Promise<{ result: T; usage: HostUsage }> {
    const hosts = new Map<string, Sample>();
    const sample = (): void => {
        for (const pid of childPids()) {
            const current = sampleHost(pid);
            if (current === undefined) continue;
            const previous = hosts.get(pid);
            hosts.set(pid, { peakKiB: Math.max(current.peakKiB, previous?.peakKiB ?? 0), cpuTicks: current.cpuTicks });
        }
    };
    const timer = setInterval(sample, SAMPLE_INTERVAL_MS);
    try {
        const result = await work();
        if (hosts.size === 0) return { result, usage: {} };
        const samples = [...hosts.values()];
        return {
            result,
            usage: {
                peakRssMiB: Math.max(...samples.map((s) => s.peakKiB)) / 1024,
                cpuSeconds: samples.reduce((sum, s) => sum + s.cpuTicks, 0) / CLOCK_TICKS_PER_SECOND,
            },
        };
    } finally {
        clearInterval(timer);
    }
}
