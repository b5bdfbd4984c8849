// docs/facts.md is the reference every default cites and the package ships: each entry has an anchor, a value, a
// kind of source and a date; every anchor is used by the product, every citation anywhere resolves to an anchor,
// and nothing users get (docs, bundles, CLI output) names the developers' folder `shared/`.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as defaults from '../../language/semantics/facts/defaults.js';
import { citedFactIds, FACT_IDS, factRef, linkFactCitations } from '../../language/semantics/facts/citation.js';
import { KNOWN_REGIONS } from '../../language/semantics/facts/regions.js';
import { MEASURED_RTT_SOURCE } from '../../language/semantics/facts/latency.js';
import { bundle, ROOT } from '../helpers/bundles.js';

const FACTS_MD = readFileSync(path.join(ROOT, 'docs', 'facts.md'), 'utf8');

/** Files under `dir` (relative to the root) whose names end with one of `extensions`, recursively. */
function filesUnder(dir: string, extensions: readonly string[]): string[] {
    const full = path.join(ROOT, dir);
    if (!existsSync(full)) return [];
    return readdirSync(full, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile() && extensions.some((x) => e.name.endsWith(x)))
        .map((e) => path.relative(ROOT, path.join(e.parentPath, e.name)));
}

const PRODUCT_SOURCES = ['language', 'simulation', 'export', 'import', 'cli', 'server', 'client', 'protocol', 'webview']
    .flatMap((d) => filesUnder(d, ['.ts', '.langium']))
    .filter((f) => !f.startsWith(path.join('language', 'generated')));
const DOCS = [...filesUnder('docs', ['.md']), 'README.md', path.join('simulation', 'README.md')];
const EXAMPLES = filesUnder('examples', ['.mregion']);

/** The entries of docs/facts.md: anchor id and the text up to the next anchor or heading of a section. */
function entries(): { id: string; text: string }[] {
    const parts = FACTS_MD.split(/<a id="([^"]+)"><\/a>\n/);
    const result: { id: string; text: string }[] = [];
    for (let i = 1; i < parts.length; i += 2) result.push({ id: parts[i]!, text: parts[i + 1]!.split(/\n## /)[0]! });
    return result;
}

/** Every `facts.md#<id>` a text names: plain citations and relative Markdown links alike. */
function anchorsCitedIn(text: string): string[] {
    return [...text.matchAll(/facts\.md\\?#([a-z0-9-]+)/g)].map((m) => m[1]!);
}

/** Every Fact object reachable from a module's exports (defaults.ts nests them in records and arrays). */
function factsIn(value: unknown, seen = new Set<unknown>()): { id: string; source: string }[] {
    if (value === null || typeof value !== 'object' || seen.has(value)) return [];
    seen.add(value);
    const record = value as Record<string, unknown>;
    if (typeof record.id === 'string' && typeof record.source === 'string' && 'value' in record)
        return [{ id: record.id, source: record.source }];
    return Object.values(record).flatMap((v) => factsIn(v, seen));
}

describe('docs/facts.md', () => {
    const ids = entries().map((e) => e.id);

    it('has one anchor per fact id, and no other', () => {
        expect(new Set(ids).size).toBe(ids.length);
        expect([...ids].sort()).toEqual([...FACT_IDS].sort());
    });

    it.each(entries())(
        'entry $id states a value, what it is, a kinded source and the date it was checked',
        ({ text }) => {
            expect(text).toMatch(/^### \S/);
            expect(text).toMatch(/\n- \*\*Value:\*\* \S/);
            expect(text).toMatch(/\n- \*\*What it is:\*\* \S/);
            const source = /\n- \*\*Source:\*\* ([\s\S]*?)\n- \*\*Checked:\*\*/.exec(text)?.[1];
            expect(source).toMatch(/^\[[DMES]\]/);
            // A public address, the honest statement that none could be confirmed, or for an estimate what it is
            // worked out from (other entries, or a modelling decision with no public source).
            expect(source).toMatch(
                /https:\/\/\S+|URLs? not verified|\]\(#[a-z0-9-]+\)|no public source|modelling decision|calculation from/,
            );
            expect(text).toMatch(/\n- \*\*Checked:\*\* 2026-12-06\n?/);
        },
    );

    it('links only to its own anchors', () => {
        const internal = [...FACTS_MD.matchAll(/\]\(#([a-z0-9-]+)\)/g)].map((m) => m[1]!);
        expect(internal.filter((id) => !ids.includes(id))).toEqual([]);
    });

    it('has every entry used by the product: a fact, or a citation in a message or comment', () => {
        const text = PRODUCT_SOURCES.filter((f) => !f.endsWith(path.join('facts', 'citation.ts')))
            .map((f) => readFileSync(path.join(ROOT, f), 'utf8'))
            .join('\n');
        const used = new Set(
            [...text.matchAll(/'([a-z0-9]+(?:-[a-z0-9]+)*)'/g)].map((m) => m[1]!).concat(anchorsCitedIn(text)),
        );
        expect(FACT_IDS.filter((id) => !used.has(id))).toEqual([]);
    });
});

describe('citations of the facts reference', () => {
    const anchors = new Set(entries().map((e) => e.id));

    it('render as the plain path and anchor, and as a Markdown link whose target the caller chooses', () => {
        expect(factRef('route53-failover-ttl')).toBe('docs/facts.md#route53-failover-ttl');
        expect(
            citedFactIds('TTL 60 s (docs/facts.md#route53-failover-ttl), escaped docs/facts.md\\#dns-resolver-tail'),
        ).toEqual(['route53-failover-ttl', 'dns-resolver-tail']);
        expect(
            linkFactCitations(
                '60 s (docs/facts.md#route53-failover-ttl); [docs/facts.md#a-b](x)',
                (id) => `facts.md#${id}`,
            ),
        ).toBe('60 s ([docs/facts.md#route53-failover-ttl](facts.md#route53-failover-ttl)); [docs/facts.md#a-b](x)');
    });

    it('in every fact object name an anchor, and its source text cites that same anchor', () => {
        const facts = [
            ...factsIn(defaults),
            ...KNOWN_REGIONS.map((r) => ({ id: citedFactIds(r.source)[0] ?? '', source: r.source })),
        ];
        expect(facts.length).toBeGreaterThan(50);
        for (const f of facts) {
            expect(anchors.has(f.id), f.source).toBe(true);
            expect(citedFactIds(f.source)).toContain(f.id);
        }
        expect(citedFactIds(MEASURED_RTT_SOURCE)).toEqual(['cloudping-rtt-matrix']);
    });

    it.each([...PRODUCT_SOURCES, ...DOCS, ...EXAMPLES])(
        'in %s resolve to an anchor, and no "facts §" section is cited',
        (file) => {
            const text = readFileSync(path.join(ROOT, file), 'utf8');
            expect(anchorsCitedIn(text).filter((id) => !anchors.has(id))).toEqual([]);
            expect(text).not.toMatch(/facts §|shared\/reference/);
        },
    );

    it.each(DOCS)('%s names no path under shared/', (file) => {
        expect(readFileSync(path.join(ROOT, file), 'utf8')).not.toContain('shared/');
    });

    it('never reach the bundles as a path under shared/: no bundle or source map names one', () => {
        bundle('cli');
        const shipped = readdirSync(path.join(ROOT, 'dist')).filter((f) => /\.(cjs|js|css|map)$/.test(f));
        expect(shipped.length).toBeGreaterThan(4);
        for (const f of shipped) expect(readFileSync(path.join(ROOT, 'dist', f), 'utf8'), f).not.toContain('shared/');
    });

    it.each(['text', 'sarif'])(
        'printed by `mregion check --format %s` on every example resolve to an anchor',
        (format) => {
            const result = spawnSync(process.execPath, [bundle('cli'), 'check', '--format', format, ...EXAMPLES], {
                cwd: ROOT,
                encoding: 'utf8',
            });
            expect(result.status, result.stderr).not.toBe(2);
            const cited = anchorsCitedIn(result.stdout);
            // The examples trigger rules that cite at least these entries; a message that lost its citation fails here.
            expect(cited).toEqual(
                expect.arrayContaining([
                    'aurora-global-lag',
                    'control-plane-vs-data-plane',
                    'cosmos-strong-max-distance',
                    'us-east-1-2021-outage',
                ]),
            );
            expect(cited.filter((id) => !anchors.has(id))).toEqual([]);
            expect(result.stdout).not.toContain('shared/');
        },
    );
});
