// Renders docs/language-reference.md from the keyword documentation, so the docs and the editor's hover and
// completion say the same thing. scripts/generate-language-reference.mjs writes the file; a test regenerates
// it in memory and compares.
import { KEYWORD_DOCS, SECTIONS, describeUnit, type KeywordUsage, type SectionId } from './keyword-docs.js';
import { METRIC_UNITS } from '../semantics/units.js';
import { QUANTITY_SLOTS } from './quantity-kinds.js';
import { UNIT_SPELLINGS, type UnitKind } from '../semantics/units.js';
import { linkFactCitations } from '../semantics/facts/citation.js';

/** Words for the places a keyword appears in, when it means different things in different places. */
const PLACE: Readonly<Record<string, string>> = {
    Region: 'a region declaration',
    Cell: 'a cell declaration',
    Store: 'a store declaration',
    Service: 'a service declaration',
    Workload: 'a workload declaration',
    Scenario: 'a scenario',
    Failover: 'a failover header',
    Link: 'a link',
    CapacityClause: '`capacity`',
    RetriesClause: '`retries`',
    QuotaClause: '`quota`',
    CachesClause: '`caches`',
    Fault: 'a fault (`at …`)',
    Expectation: '`expect`',
    ObjectiveTerm: '`objective`',
    WritesClause: 'a store',
    WriteRateClause: 'a workload',
    ReadsClause: 'a service',
    ReadRateClause: 'a workload',
    HoldsClause: '`holds`',
    KeysClause: '`keys`',
    FeaturesClause: '`features`',
    RouteClause: '`route`',
    DetectClause: '`detect`',
    DrillClause: '`drill`',
    BackupClause: '`backup`',
    ActionClause: '`action`',
    ReplicationClause: '`replication`',
    ConflictsClause: '`conflicts`',
    PrimaryClause: 'a service',
    ScenarioWorkloadClause: 'a scenario',
    Topology: 'the topology',
};

export function renderLanguageReference(): string {
    const out: string[] = [
        '# The .mregion language reference',
        '',
        '<!-- Generated from language/lsp/keyword-docs.ts by `node scripts/generate-language-reference.mjs`; do not edit by hand. -->',
        '',
        'Every keyword of the language, grouped by what it declares. The editor shows the same text when you hover a keyword or pick it from completion.',
        'Numbers cite their entry of [the facts reference](facts.md): value, kind of figure, public source and date checked.',
        '',
        ...SECTIONS.map((s) => `- [${s.title}](#${anchor(s.title)})`),
        '- [Units](#units)',
        '',
    ];
    for (const section of SECTIONS) {
        out.push(`## ${section.title}`, '', section.intro, '');
        for (const [keyword, usages] of usagesIn(section.id)) {
            out.push(`### \`${keyword}\``, '');
            for (const usage of usages) {
                const where =
                    usages.length > 1 || (KEYWORD_DOCS[keyword]?.length ?? 0) > usages.length
                        ? `*In ${places(usage)}:* `
                        : '';
                // This page sits next to facts.md: citations link to it relatively.
                out.push(
                    linkFactCitations(`${where}${usage.summary}`, (id) => `facts.md#${id}`),
                    '',
                );
                if (usage.unit) out.push(`Value: ${describeUnit(usage.unit)}.`, '');
                out.push('```mregion', usage.example, '```', '');
            }
        }
    }
    out.push(...renderUnits());
    return `${out.join('\n').trimEnd()}\n`;
}

function usagesIn(section: SectionId): [string, KeywordUsage[]][] {
    const result: [string, KeywordUsage[]][] = [];
    for (const [keyword, usages] of Object.entries(KEYWORD_DOCS)) {
        const here = usages.filter((u) => u.section === section);
        if (here.length > 0) result.push([keyword, here]);
    }
    return result;
}

function places(usage: KeywordUsage): string {
    return [...new Set(usage.in.map((t) => PLACE[t] ?? t))].join(' or ');
}

function renderUnits(): string[] {
    const kinds: UnitKind[] = [
        'duration',
        'rate',
        'percent',
        'size',
        'throughput',
        'price',
        'money',
        'count',
        'number',
    ];
    const out = [
        '## Units',
        '',
        'A value carries its unit glued to the number (`60s`, `99.99%`, `$0.02/GB`); `_` may group digits (`1_000_000`).',
        'A value with a missing or wrong unit is an error, never a silent default.',
        '',
        '| Kind | Written as |',
        '|---|---|',
        ...kinds.map(
            (k) =>
                `| ${k} | ${UNIT_SPELLINGS[k].length > 0 ? UNIT_SPELLINGS[k].map((u) => `\`${u}\``).join(' ') : 'plain number'} |`,
        ),
        '',
        '| Value | Kind |',
        '|---|---|',
        ...Object.values(QUANTITY_SLOTS).map((s) => `| ${s.what} | ${s.kind} |`),
        ...Object.entries(METRIC_UNITS).map(
            ([metric, kind]) =>
                `| \`${metric}\` in ${inObjectives(metric) ? 'objectives and expectations' : 'expectations'} | ${kind} |`,
        ),
        '',
    ];
    return out;
}

function inObjectives(metric: string): boolean {
    return (KEYWORD_DOCS[metric] ?? []).some((u) => u.in.includes('ObjectiveTerm'));
}

function anchor(title: string): string {
    return title
        .toLowerCase()
        .replace(/[^a-z0-9 -]/g, '')
        .replace(/ /g, '-');
}
