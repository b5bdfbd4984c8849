// What every large fuzz run shares: its options, the examples, per-case seeds, the commit the cases come from, and
// the report's formatting.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Example } from './cases.js';

/** Reads `--name value` options; whole numbers may be written with underscores (100_000). */
export function optionReader(argv: readonly string[]): {
    value(name: string): string | undefined;
    number(name: string, fallback: number): number;
} {
    const value = (name: string) => {
        const i = argv.indexOf(name);
        return i >= 0 ? argv[i + 1] : undefined;
    };
    const number = (name: string, fallback: number) => {
        const v = value(name);
        if (v === undefined) return fallback;
        const n = Number(v.replace(/_/g, ''));
        if (!Number.isSafeInteger(n) || n < 0) throw new Error(`${name} must be a whole number, got '${v}'`);
        return n;
    };
    return { value, number };
}

/** The examples the mutations start from and the LSP cases end with. */
export function loadExamples(root: string): Example[] {
    const folder = path.join(root, 'examples');
    return readdirSync(folder)
        .filter((f) => f.endsWith('.mregion'))
        .sort()
        .map((f) => ({ name: f.replace(/\.mregion$/, ''), text: readFileSync(path.join(folder, f), 'utf8') }));
}

/** The seed of case `index` of a run: a 32-bit mix of both, so neighbouring cases are unrelated. */
export function caseSeed(runSeed: number, index: number): number {
    let h = Math.imul(runSeed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(index + 1, 0xc2b2ae35);
    h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
    return (h ^ (h >>> 16)) >>> 0;
}

/** The repository's commit, marked when files the cases come from were changed since. */
export function commitOf(root: string): string {
    try {
        const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
        const changed = execFileSync('git', ['status', '--porcelain', '--', 'examples', 'test/robustness/fuzz'], {
            cwd: root,
            encoding: 'utf8',
        }).trim();
        return changed === '' ? commit : `${commit} (with uncommitted changes to examples/ or the fuzz harness)`;
    } catch {
        return 'unknown (not a git checkout)';
    }
}

export function percentile(values: readonly number[], p: number): number {
    if (values.length === 0) return 0;
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export const ms = (n: number) => `${n < 10 ? n.toFixed(1) : Math.round(n).toLocaleString('en-US')} ms`;

export function fence(text: string, maxLines = 80): string {
    const lines = text.replace(/\r\n?/g, '\n').split('\n');
    const shown =
        lines.length > maxLines ? [...lines.slice(0, maxLines), `… (${lines.length - maxLines} more lines)`] : lines;
    return ['```', ...shown.map((l) => l.replace(/```/g, '`\u200b``')), '```'].join('\n');
}
