// Compares every number the CLI prints for the examples between two builds of mregion.
// Usage: node scripts/numbers-before-after.mjs <before-worktree> <after-worktree> [--json out.json]
// Each worktree must be built (node esbuild.mjs). Each CLI runs on its own version of each example;
// simulations run one at a time, niced, because they are CPU-bound.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [beforeDir, afterDir] = process.argv.slice(2);
const jsonOut = process.argv.includes('--json') ? process.argv[process.argv.indexOf('--json') + 1] : undefined;
if (!beforeDir || !afterDir) {
    console.error('usage: node scripts/numbers-before-after.mjs <before-worktree> <after-worktree> [--json out.json]');
    process.exit(2);
}

function cli(dir, args) {
    try {
        return execFileSync('nice', ['node', 'dist/cli.cjs', ...args], {
            cwd: dir,
            maxBuffer: 1 << 30,
            encoding: 'utf8',
        });
    } catch (error) {
        // check and simulate exit non-zero on errors or failed expectations; their JSON is still on stdout.
        if (error.stdout) return error.stdout;
        throw error;
    }
}

// Target of a diagnostic: the first two words of the source text it points at (e.g. "store ledger"),
// so the same finding pairs up even when lines moved between the two versions of an example.
function target(source, range) {
    const line = source.split('\n')[range.start.line] ?? '';
    const text =
        range.start.line === range.end.line
            ? line.slice(range.start.character, range.end.character)
            : line.slice(range.start.character);
    return text
        .trim()
        .split(/\s+/)
        .slice(0, 2)
        .join(' ')
        .replace(/[,;:]+$/, '');
}

const UNIT = String.raw`(?:ms|s|m|h|d|min|%|km|KB|MB|GB|TB|B|writes\/s|req\/s|\/s|×|x|USD|GB\/s|MB\/s)`;
const NUMBER = new RegExp(
    String.raw`\$?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:\s?${UNIT}(?![A-Za-z]))?(?:\s\d+(?:\.\d+)?\s?(?:s|ms)(?![A-Za-z]))?`,
    'g',
);

// Numbers with their unit, from a message; fact anchors, line numbers and region codes are not numbers the user reads.
function numbers(message) {
    const cleaned = message
        .replace(/docs\/facts\.md#[\w-]+/g, '')
        .replace(/facts §[\d.]+/g, '')
        .replace(/\b[a-z]{2}(?:-[a-z]+)+-\d\b/g, '') // region codes such as us-east-1
        .replace(/\bline \d+/g, '');
    return (cleaned.match(NUMBER) ?? []).map((n) => n.trim());
}

function diagnostics(dir, file) {
    const path = join(dir, 'examples', file);
    if (!existsSync(path)) return undefined;
    const source = readFileSync(path, 'utf8');
    const out = JSON.parse(cli(dir, ['check', `examples/${file}`, '--format', 'json']));
    const own = out.find((f) => f.file === `examples/${file}`) ?? out[0];
    const seen = new Map();
    return own.diagnostics.map((d) => {
        const base = `${d.code} @ ${target(source, d.range)}`;
        const n = (seen.get(base) ?? 0) + 1;
        seen.set(base, n);
        return {
            key: n > 1 ? `${base} #${n}` : base,
            severity: d.severity,
            message: d.message,
            numbers: numbers(d.message),
        };
    });
}

const HEADLINE = [
    ['worst RTO (s)', (s) => ms(s.worstRtoMs)],
    ['unrecovered', (s) => s.unrecovered],
    ['worst RPO (s)', (s) => ms(s.worstRpoMs)],
    ['availability', (s) => s.availability],
    ['lost writes', (s) => s.lostWrites],
    ['stranded writes', (s) => s.strandedWrites],
    ['write latency p50 (ms)', (s) => s.writeLatencyMs?.p50],
    ['write latency p99 (ms)', (s) => s.writeLatencyMs?.p99],
    ['cost (USD/month)', (s) => s.costUsdPerMonth],
    ['expectations passed', (s) => (s.expectations ? `${s.expectations.passed}/${s.expectations.total}` : undefined)],
];
function ms(v) {
    return v === null || v === undefined ? v : Math.round(v) / 1000;
}

function scenarios(dir, file) {
    if (!existsSync(join(dir, 'examples', file))) return undefined;
    const out = JSON.parse(cli(dir, ['simulate', `examples/${file}`, '--format', 'json']));
    // Headline numbers of the summary, then what each expectation measured (the text report prints both).
    return Object.fromEntries(
        out.map((r) => [
            r.scenario.name,
            Object.fromEntries([
                ...HEADLINE.map(([label, get]) => [label, get(r.summary)]),
                ...r.expectations.map((e) => [`${e.text}: measured`, e.measuredText]),
            ]),
        ]),
    );
}

const show = (v) => (v === undefined ? 'n/a' : v === null ? '—' : String(v));
const sameNumbers = (a, b) => a.length === b.length && a.every((x, i) => x === b[i]);

const results = [];
for (const file of readdirSync(join(afterDir, 'examples'))
    .filter((f) => f.endsWith('.mregion'))
    .sort()) {
    const before = diagnostics(beforeDir, file);
    const after = diagnostics(afterDir, file);
    const rows = [];
    const keys = [...new Set([...(before ?? []).map((d) => d.key), ...after.map((d) => d.key)])];
    for (const key of keys) {
        const b = before?.find((d) => d.key === key);
        const a = after.find((d) => d.key === key);
        if (b && a && sameNumbers(b.numbers, a.numbers) && b.severity === a.severity) continue;
        rows.push({
            what: `check: ${key}`,
            before: b ? `${b.severity}: ${b.numbers.join(', ') || '(no numbers)'}` : 'absent',
            after: a ? `${a.severity}: ${a.numbers.join(', ') || '(no numbers)'}` : 'absent',
            beforeMessage: b?.message,
            afterMessage: a?.message,
        });
    }
    const simBefore = scenarios(beforeDir, file);
    const simAfter = scenarios(afterDir, file);
    for (const name of new Set([...Object.keys(simBefore ?? {}), ...Object.keys(simAfter)])) {
        const labels = new Set([...Object.keys(simBefore?.[name] ?? {}), ...Object.keys(simAfter[name] ?? {})]);
        for (const label of labels) {
            const b = simBefore?.[name]?.[label];
            const a = simAfter[name]?.[label];
            // A field the before build did not have (n/a) and that is 0 now is not a number that changed.
            if (b === undefined && simBefore?.[name] && (a === 0 || a === null)) continue;
            if (b !== a) rows.push({ what: `simulate ${name}: ${label}`, before: show(b), after: show(a) });
        }
    }
    results.push({ file, existedBefore: before !== undefined, rows });
}

if (jsonOut) writeFileSync(jsonOut, JSON.stringify(results, null, 2));
for (const { file, existedBefore, rows } of results) {
    console.log(`\n## ${file}${existedBefore ? '' : ' (new since the before commit)'}\n`);
    console.log('| what | before | after | why |\n|---|---|---|---|');
    for (const r of rows) console.log(`| ${r.what} | ${r.before} | ${r.after} | |`);
}
