// The real programs as children, watched for what a user would see go wrong: a run bounded in time (a child still
// running at the bound is killed and recorded as a hang), its peak resident memory, and stack traces in its output.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { ROOT } from '../../helpers/bundles.js';

export interface ChildResult {
    readonly status: number | null;
    readonly signal: NodeJS.Signals | null;
    readonly stdout: string;
    readonly stderr: string;
    /** Killed at the time bound. */
    readonly hung: boolean;
    readonly ms: number;
    /** Peak resident memory in MB, when the child lived to report it. */
    readonly peakMB?: number;
}

const PEAK_RSS = path.join(ROOT, 'test', 'robustness', 'fuzz', 'peak-rss.cjs');
let runs = 0;

/** Runs `node <script> ...args` to its end or until `timeoutMs`, whichever comes first. */
export function runNode(
    script: string,
    args: readonly string[],
    options: { cwd: string; timeoutMs: number },
): Promise<ChildResult> {
    const peakFile = path.join(tmpdir(), `mregion-fuzz-peak-${process.pid}-${++runs}`);
    const started = performance.now();
    const child = spawn(process.execPath, ['-r', PEAK_RSS, script, ...args], {
        cwd: options.cwd,
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, NO_COLOR: '1', MREGION_PEAK_RSS_FILE: peakFile },
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    let hung = false;
    const timer = setTimeout(() => {
        hung = true;
        child.kill('SIGKILL');
    }, options.timeoutMs);
    return new Promise((resolve) => {
        child.on('close', (status, signal) => {
            clearTimeout(timer);
            const peakMB = existsSync(peakFile) ? Number(readFileSync(peakFile, 'utf8')) / 1024 : undefined;
            rmSync(peakFile, { force: true });
            resolve({
                status,
                signal,
                stdout: Buffer.concat(out).toString('utf8'),
                stderr: Buffer.concat(err).toString('utf8'),
                hung,
                ms: performance.now() - started,
                peakMB,
            });
        });
    });
}

/** The peak resident memory (VmHWM) of a running process, in MB. */
export function peakMemoryMB(pid: number): number | undefined {
    try {
        const kb = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
        return kb === undefined ? undefined : Number(kb) / 1024;
    } catch {
        return undefined;
    }
}

// A V8 stack frame: `    at fn (/path/file.js:1:2)`, `    at /path/file.js:1:2`, `    at node:internal/…`.
const FRAME = /^\s+at (?:.+ \()?(?:\/|node:|file:|[A-Za-z]:\\|<anonymous>).*\)?$/m;

/** The first line of a stack trace in `text`, or undefined. */
export function stackTraceIn(text: string): string | undefined {
    return FRAME.exec(text)?.[0].trim();
}
