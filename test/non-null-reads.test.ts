// Non-null index assertions (`xs[i]!`) in product code are a decision, not a habit (issue 20): with
// noUncheckedIndexedAccess on, a read that can miss is checked (itemAt, typed-at.ts, the plan's index maps).
// A `]!` stays only where an index is in range by construction in a loop that a check measurably slows, and
// simulation/README.md ("Non-null reads") says where and why. This table is the ratchet: a file may lose
// assertions, never gain them, and a file not listed has none. Comments are not counted.
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers/bundles.js';

const PRODUCT = [
    'cli',
    'client',
    'export',
    'format',
    'import',
    'language',
    'protocol',
    'server',
    'simulation',
    'webview',
];

/** At most this many `]!` per file (paths from the repository root). */
const ALLOWED: Readonly<Record<string, number>> = {
    'language/semantics/estimators/nth-smallest.ts': 8,
    'language/util/closest.ts': 5,
    'simulation/counter-increments.ts': 3,
    'simulation/engine/arrival-process.ts': 2,
    'simulation/engine/event-queue.ts': 26,
    'simulation/engine/exponential-ziggurat.ts': 3,
    'simulation/engine/mechanisms/availability.ts': 8,
    'simulation/engine/mechanisms/detection.ts': 3,
    'simulation/engine/mechanisms/failover.ts': 21,
    'simulation/engine/mechanisms/faults.ts': 5,
    'simulation/engine/mechanisms/leadership.ts': 5,
    'simulation/engine/mechanisms/losses.ts': 28,
    'simulation/engine/mechanisms/queues.ts': 35,
    'simulation/engine/mechanisms/reads.ts': 30,
    'simulation/engine/mechanisms/replication.ts': 61,
    'simulation/engine/mechanisms/routing.ts': 41,
    'simulation/engine/mechanisms/staleness.ts': 9,
    'simulation/engine/mechanisms/writes.ts': 57,
    'simulation/engine/read-flow.ts': 30,
    'simulation/engine/receiving-log.ts': 2,
    'simulation/engine/simulation.ts': 9,
    'simulation/engine/steady-writes.ts': 4,
    'simulation/partial-faults.ts': 33,
    'simulation/replication.ts': 12,
    'simulation/routing.ts': 9,
    'simulation/service-capacity.ts': 29,
};

function sourceFiles(dir: string): string[] {
    return readdirSync(path.join(ROOT, dir), { withFileTypes: true, recursive: true })
        .filter((e) => e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.d.ts'))
        .map((e) => path.relative(ROOT, path.join(e.parentPath, e.name)))
        .filter((f) => !f.includes(`${path.sep}generated${path.sep}`));
}

/** `]!` outside line comments (a comment may quote the pattern it warns about). */
function assertions(file: string): number {
    return readFileSync(path.join(ROOT, file), 'utf8')
        .split('\n')
        .map((line) => line.replace(/\/\/.*$/, ''))
        .reduce((n, line) => n + (line.match(/\]!/g)?.length ?? 0), 0);
}

describe('non-null index assertions in product code', () => {
    const counts = new Map(PRODUCT.flatMap(sourceFiles).map((f) => [f.split(path.sep).join('/'), assertions(f)]));

    it('grow in no file: each file keeps at most the assertions listed', () => {
        const over = [...counts]
            .filter(([file, n]) => n > (ALLOWED[file] ?? 0))
            .map(([file, n]) => `${file}: ${n} > ${ALLOWED[file] ?? 0}`);
        expect(
            over,
            'check the read (itemAt, typed-at.ts) or, in a measured hot loop, list it in simulation/README.md',
        ).toEqual([]);
    });

    it('lists no file that has none left, so the table shrinks as assertions go', () => {
        const stale = Object.keys(ALLOWED).filter((file) => (counts.get(file) ?? 0) === 0);
        expect(stale).toEqual([]);
    });
});
