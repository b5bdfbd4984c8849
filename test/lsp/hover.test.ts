import { readFileSync } from 'node:fs';
import { expectHover } from 'langium/test';
import { describe, expect, it } from 'vitest';
import {
    estimateFailoverTime,
    estimateWriteLatency,
    lwwLossesForStore,
} from '../../language/semantics/estimators/index.js';
import { measuredRttMs } from '../../language/semantics/facts/latency.js';
import { formatDuration } from '../../format/quantities.js';
import { modelOf, mregion } from '../helpers/services.js';
import { hoverAt } from './lsp-helpers.js';
import { factDocUri } from '../../language/validation/rules/docs-link.js';

/** A facts citation as hovers and tooltips show it: a link to the shipped docs/facts.md. */
const cited = (id: string) => `[docs/facts.md#${id}](${factDocUri(id)})`;

const hover = expectHover(mregion);

const TWO_REGIONS = `topology T "t"
region us-east-1 { provider aws }
region eu-west-1 { provider aws }
region mars { provider on-prem  jurisdiction US }
`;

describe('hover over a region', () => {
    it('shows its provider, its jurisdiction from the facts reference and the measured RTT to the other regions', async () => {
        const text = await hoverAt(TWO_REGIONS.replace('region us-east-1', 'region us-<|>east-1'));
        expect(text).toContain('**region us-east-1**');
        expect(text).toContain(`- Jurisdiction: US *(${cited('aws-region-jurisdictions')})*`);
        expect(text).toContain(
            `| eu-west-1 | ${measuredRttMs('us-east-1', 'eu-west-1')} ms | measured (${cited('cloudping-rtt-matrix')}) |`,
        );
    });

    it('says when a region has no location and its RTT is unknown', async () => {
        const text = await hoverAt(TWO_REGIONS.replace('region mars', 'region ma<|>rs'));
        expect(text).toContain('- Location: no location');
        expect(text).toContain('| us-east-1 | unknown | no link, no measured value, no location');
        expect(text).toContain('- Jurisdiction: US *(declared)*');
    });

    it('prefers a declared link over the measured table, naming the link', async () => {
        const text = await hoverAt(
            `${TWO_REGIONS}link us-east-1 <-> eu-west-1 { rtt 70ms }\ncell c { regions us-<|>east-1 }`,
        );
        expect(text).toContain('| eu-west-1 | 70 ms | declared link at line 5 |');
        expect(text).toContain('Declared at line 2.');
    });

    it('estimates the RTT from the great-circle distance when a region declares a location', async () => {
        const text = await hoverAt(
            `region par<|>is { provider aws  jurisdiction EU  location 48.8566, 2.3522 }\nregion eu-west-1 { provider aws }`,
        );
        expect(text).toMatch(
            /\| eu-west-1 \| ≈ 12 ms \| great-circle estimate over 7\d\d km \(\[docs\/facts\.md#rtt-from-distance\]\([^)]*\)\) \|/,
        );
    });
});

const STORE = `topology T "t"
region us-east-1 { provider aws }
region eu-west-1 { provider aws }
region us-west-2 { provider aws }
store accounts {
    engine      cockroachdb
    regions     us-east-1, eu-west-1, us-west-2
    holds       shared rows
    writes      any-region
    replication consensus
    leader      us-east-1
}
store carts {
    engine  dynamodb
    regions us-east-1, eu-west-1
    holds   shared counter
    writes  any-region
}
service api {
    regions   us-east-1, eu-west-1
    posture   active-active
    capacity  100% per region
    uses      accounts, carts
    objective rto 1m  write-latency p99 20ms
}
failover api {
    detect health-check
    route  dns ttl 120s
    action promote accounts
    drill  every 30d
}
workload busy for api {
    writes    500/s from us-east-1 50%, eu-west-1 50%
    keys      10000 shared 20%
    item-size 1KB
}
`;

describe('hover over a store', () => {
    it('shows write latency from each region, replication lag, RPO and monthly egress', async () => {
        const text = await hoverAt(STORE.replace('store accounts', 'store acc<|>ounts'));
        const { model } = await modelOf(STORE);
        const fromEu = estimateWriteLatency(model, model.stores.get('accounts')!, 'eu-west-1');
        expect(text).toContain(`| eu-west-1 | ≈ ${formatDuration(fromEu.ms!)} | ${fromEu.formula} |`);
        expect(text).toContain('- Replication lag: 0 (consensus replication)');
        expect(text).toContain('- RPO: 0 ms (consensus replication');
        expect(text).toMatch(
            /- Monthly egress: ≈ \$\d+(\.\d+)?\/month \(\(500 writes\/s × 1 KB × 2 other regions \+ 250 writes\/s × 1 KB forwarded to the leader\) × \$0\.02\/GB over 30 days\)/,
        );
    });

    it('shows the engine defaults it relies on, with their facts entries', async () => {
        const text = await hoverAt(STORE.replace('store carts', 'store ca<|>rts'));
        expect(text).toContain(`- Replication: async, lag 1 s *(default, ${cited('dynamodb-mrec')})*`);
        expect(text).toContain(`- Conflicts: lww *(default, ${cited('dynamodb-mrec')})*`);
        // DynamoDB's 1 s is typical, not a bound (docs/facts.md#dynamodb-mrec-lag): the RPO has no worst end.
        expect(text).toContain(
            '- RPO: 1 s typical, no documented bound (asynchronous replication lags ≈ 1 s behind (typical, not a bound)',
        );
    });

    it.each([
        {
            name: 'says a store without a catch-up rate drains its simulated backlogs at once',
            clause: '',
            line: `- Catch-up after a heal: not declared — a simulated backlog arrives at once, so drain times are lower bounds (${cited('catch-up-rate')})`,
        },
        {
            name: 'shows a declared catch-up rate in writes per second',
            clause: '    catch-up 5000/s\n',
            line: '- Catch-up after a heal: 5,000 writes/s *(declared)*',
        },
        {
            name: 'shows a declared catch-up throughput',
            clause: '    catch-up 50MB/s\n',
            line: '- Catch-up after a heal: 50 MB/s *(declared)*',
        },
    ])('$name', async ({ clause, line }) => {
        const text = await hoverAt(
            STORE.replace('store carts', 'store ca<|>rts').replace(
                '    writes  any-region\n}',
                `    writes  any-region\n${clause}}`,
            ),
        );
        expect(text).toContain(line);
    });

    it('shows the writes last-write-wins loses with the number the lww-on-shared-state rule reports', async () => {
        const text = await hoverAt(STORE.replace('store carts', 'store ca<|>rts'));
        const { model, diagnostics } = await modelOf(STORE);
        const perDay = lwwLossesForStore(model, model.stores.get('carts')!)[0]!.perDay!;
        const rule = diagnostics.find((d) => d.code === 'lww-on-shared-state');
        const number = /≈ ([\d,]+) lost writes a day/.exec(String(rule?.message))?.[1];
        expect(number, `rule message: ${rule?.message}`).toBeDefined();
        expect(Number(number!.replace(/,/g, ''))).toBeCloseTo(perDay, -3);
        expect(text).toContain(`≈ ${number} lost writes a day`);
    });

    it('shows the write latency the write-latency-budget rule reports', async () => {
        const text = await hoverAt(STORE.replace('uses      accounts', 'uses      acc<|>ounts'));
        const { diagnostics } = await modelOf(STORE);
        const rule = diagnostics.find((d) => d.code === 'write-latency-budget');
        const number = /waits ≈ ([\d.]+ ms)/.exec(String(rule?.message))?.[1];
        expect(number, `rule message: ${rule?.message}`).toBeDefined();
        expect(text).toContain(`≈ ${number}`);
    });
});

describe('hover over a service', () => {
    it('shows the replication egress of its stores with the total the egress-cost rule reports', async () => {
        const design = STORE.replace('objective rto 1m  write-latency p99 20ms', 'objective cost $1/month');
        const text = await hoverAt(design.replace('service api', 'service a<|>pi'));
        const { diagnostics } = await modelOf(design);
        const rule = diagnostics.find((d) => d.code === 'egress-cost');
        const total = /costs ≈ (\$[\d,.]+)\/month/.exec(String(rule?.message))?.[1];
        expect(total, `rule message: ${rule?.message}`).toBeDefined();
        expect(text).toContain(`- Replication egress: ≈ ${total}/month`);
        expect(text).toContain('**above the cost objective of $1/month**');
    });
});

describe('hover over a failover', () => {
    it('shows the failover-time breakdown with the total the rto-unachievable rule reports', async () => {
        const text = await hoverAt(STORE.replace('failover api', 'fail<|>over api'));
        const { model, diagnostics } = await modelOf(STORE);
        const { range } = estimateFailoverTime(model, model.failovers[0]!);
        const [best, typical, worst] = [range.bestMs, range.typicalMs, range.worstMs].map(formatDuration);
        expect(text).toContain(`| **total** | **${best}–${worst}** | **${typical}** |`);
        // Every 30 s, threshold 3, 6 s timeout: 66–96 s, typical 81 s; a 2 m TTL: 0–2 m, typical 1 m.
        expect(text).toMatch(
            /\| detection \| 1 m 6 s–1 m 36 s \| 1 m 21 s \| 30 s × 3 \+ 6 s timeout detection \*\(default, \[docs\/facts\.md#route53-health-check-interval\]\([^)]*\), \[docs\/facts\.md#route53-failure-threshold\]\([^)]*\), \[docs\/facts\.md#route53-health-check-timeout\]\([^)]*\)\)\*; best when the failure lands just before a check, worst when the failure lands just after a check \|/,
        );
        expect(text).toContain(
            '| routing (dns) | 0–2 m | 1 m | 2 m TTL; best when a cached answer expires at the change, worst when a client fetched its answer just before the change |',
        );
        const rule = diagnostics.find((d) => d.code === 'rto-unachievable');
        expect(rule?.message).toContain(`failover takes ${best}–${worst}, typical ${typical}`);
        expect(rule?.message).toContain(`(judged: the worst case, ${worst})`);
    });

    it('shows the breakdown first when hovering the target name in the failover header, then the service', async () => {
        const text = await hoverAt(STORE.replace('failover api', 'failover a<|>pi'));
        // The answer first: the range, then the RTO against it.
        expect(text).toMatch(
            /^\*\*failover api\*\* — failover 1 m 6 s–3 m 36 s \(typical 2 m 21 s; worst when [^)]*\) — \*\*misses the RTO of 1 m\*\*, even typically \(2 m 21 s\)/,
        );
        expect(text).toContain('**service api**');
    });
});

describe('hover over keywords and values', () => {
    it.each([
        ['store `writes`', 'store s {\n    wri<|>tes home-region\n}', /^\*\*writes\*\* — Who may write/],
        [
            'workload `writes`',
            'workload w {\n    wri<|>tes 10/s\n}',
            /^\*\*writes\*\* — Write rate of the workload[\s\S]*Value: a rate/,
        ],
        [
            '`ttl` of a DNS route, citing its facts entry',
            'failover f {\n    route dns t<|>tl 60s\n}',
            /DNS time to live[\s\S]*docs\/facts\.md#route53-failover-ttl/,
        ],
        [
            'an engine, with its documented defaults',
            'store s { engine dyna<|>modb }',
            /DynamoDB global tables[\s\S]*Defaults when not declared: replication async with lag 1 s \(\[docs\/facts\.md#dynamodb-mrec\]/,
        ],
        [
            'an action kind, with its plane and duration',
            'failover f { action edit<|>-dns }',
            /Control plane \(Route 53\) \(\[docs\/facts\.md#control-plane-vs-data-plane\]\([^)]*\)\), takes 1 m \(\[docs\/facts\.md#route53-change-propagation\]/,
        ],
        ['a duration value', 'failover f { route dns ttl 6<|>0s }', /^\*\*60s\*\* — DNS TTL: 1 m \(60,000 ms\)/],
        [
            'a percentage value',
            'service s { objective availability 99.9<|>9% }',
            /^\*\*99\.99%\*\* — availability objective: 99\.99% \(fraction 0\.9999\)/,
        ],
        [
            'a coordinate, without rounding it',
            'region r { location 48.856<|>6, 2.3522 }',
            /^\*\*48\.8566\*\* — latitude \(degrees\): 48\.8566/,
        ],
        [
            'a value with the wrong unit',
            'failover f { route dns ttl 6<|>0GB }',
            /^\*\*60GB\*\* — DNS TTL: '60GB' is a size/,
        ],
    ])('explains %s', async (_what, text, pattern) => {
        await hover({ text, index: 0, hover: pattern, disposeAfterCheck: true });
    });

    it('explains a rule code named in a suppression comment, linking its documentation', async () => {
        const text = await hoverAt(
            '// mregion-ignore dns-ttl-to<|>o-long: legacy resolvers pin 300 s\nfailover f { route dns ttl 300s }',
        );
        expect(text).toMatch(/^\*\*dns-ttl-too-long\*\* — .+ \(warning by default\)/);
        expect(text).toMatch(/\[Documentation\]\(file:\/\/.*\/rules\/dns-ttl-too-long\.md\)/);
        expect(await hoverAt('// mregion-ignore no-such-r<|>ule: why\nregion a { provider aws }')).toContain(
            'is not a design rule',
        );
    });

    it('shows nothing over whitespace or a comment', async () => {
        expect(await hoverAt('region a {  <|>  provider aws }')).toBeUndefined();
        expect(await hoverAt('// a co<|>mment\nregion a { provider aws }')).toBeUndefined();
    });
});

describe('hover over a reference', () => {
    it('shows the declaration of a name imported from another file, with a link to it', async () => {
        const text = await hoverAt('import "regions.mregion"\ncell c { regions eu-we<|>st-1 }', {
            'regions.mregion': 'region eu-west-1 { provider aws }\n',
        });
        expect(text).toContain('**region eu-west-1**');
        expect(text).toMatch(
            /Declared in \[regions\.mregion\]\(file:\/\/\/test\/case\d+\/regions\.mregion#L1\) at line 1\./,
        );
    });

    it.each([
        ['workload', 'scenario s { workload bu<|>sy }', '**workload busy** for service api'],
        ['service', 'workload w for a<|>pi { writes 1/s }', '**service api**'],
        [
            'cell',
            'cell eu { regions us-east-1 }\nstore s per cell { engine redis  holds shared rows }\nscenario x { at 1m outage region us-e<|>ast-1 for 1m }',
            '**region us-east-1**',
        ],
    ])('shows a %s it points at', async (_kind, extra, heading) => {
        expect(await hoverAt(`${STORE}${extra}`)).toContain(heading);
    });

    it.each([
        {
            kind: 'outage',
            fault: 'at 1m outage region us-east-1 for 10m',
            line: '- At 1 m: outage of us-east-1 for 10 m',
        },
        {
            kind: 'destroy',
            fault: 'at 1m destroy region eu-west-1',
            line: '- At 1 m: eu-west-1 destroyed (its storage is gone; it does not come back)',
        },
        {
            kind: 'partition',
            fault: 'at 2m partition us-east-1 <-> eu-west-1 for 30m',
            line: '- At 2 m: partition us-east-1 ↔ eu-west-1 for 30 m',
        },
        {
            kind: 'control-plane',
            fault: 'at 10m impair control-plane us-east-1 for 7h',
            line: '- At 10 m: control plane of us-east-1 impaired for 7 h',
        },
        {
            kind: 'lag-spike',
            fault: 'at 20m lag-spike carts to 30s for 5m',
            line: '- At 20 m: lag spike of carts to 30 s for 5 m',
        },
        {
            kind: 'flap',
            fault: 'at 30m flap health-check api in eu-west-1 every 30s for 10m',
            line: '- At 30 m: health checks flapping in eu-west-1 for 10 m',
        },
        {
            kind: 'degrade',
            fault: 'at 40m degrade api in eu-west-1 errors 30% latency +2s for 20m',
            line: '- At 40 m: service api degraded in eu-west-1 (30% of requests fail, +2 s each; the region stays up) for 20 m',
        },
        {
            kind: 'fail',
            fault: 'at 50m fail api in eu-west-1 for 15m',
            line: '- At 50 m: service api fails in eu-west-1 (the region stays up) for 15 m',
        },
    ])('shows a $kind fault of a scenario as one line of its timeline', async ({ fault, line }) => {
        const text = await hoverAt(`${STORE}scenario s<|>c {\n    workload busy\n    duration 2h\n    ${fault}\n}\n`);
        expect(text).toContain(line);
    });

    it('shows a scenario with its faults and expectations', async () => {
        const fintech = readFileSync(new URL('../../examples/fintech.mregion', import.meta.url), 'utf8');
        const text = await hoverAt(fintech.replace('scenario us-east-1-outage', 'scenario us-east-1-out<|>age'));
        expect(text).toContain('- At 5 m: outage of us-east-1 for 10 m');
        expect(text).toContain('- Expects: `rto <= 5m`, `lost-writes of ledger == 0`');
    });
});

describe('hover shows text from the user as text, never as Markdown or HTML', () => {
    // Each hostile string would render as markup, run as HTML, open a link, or break out of a code span or a line.
    const HOSTILE =
        '<img src=x onerror=alert(1)> **bold** [link](https://evil.example) `code` _it_ | cell \\ & ~~gone~~';
    /** What the hostile text renders as once escaped: the same characters, shown literally. */
    const SHOWN =
        '&lt;img src=x onerror=alert(1)&gt; \\*\\*bold\\*\\* \\[link\\](https://evil.example) \\`code\\` \\_it\\_ \\| cell \\\\ &amp; \\~\\~gone\\~\\~';

    it.each([
        {
            what: 'a topology description',
            text: `topology T<|>opo "${HOSTILE.replace(/\\/g, '\\\\')}"\nregion us-east-1 { provider aws }`,
            shows: `**topology Topo** — ${SHOWN}`,
        },
        {
            what: 'a region city',
            text: `topology T "t"\nregion par<|>is { provider aws  jurisdiction EU  location 48.8566, 2.3522  city "${HOSTILE.replace(/\\/g, '\\\\')}" }`,
            shows: `- Location: ${SHOWN}, 48.8566, 2.3522 *(declared)*`,
        },
    ])('escapes $what', async ({ text, shows }) => {
        const markdown = await hoverAt(text);
        expect(markdown).toContain(shows);
        expect(markdown).not.toContain('<img');
    });

    it('keeps a description with a line break on its line', async () => {
        const markdown = await hoverAt('topology T<|>opo "first\\n# Heading"\nregion us-east-1 { provider aws }');
        expect(markdown!.split('\n')[0]).toMatch(/^\*\*topology Topo\*\* — first/);
        expect(markdown).not.toMatch(/^# Heading/m);
    });

    it('links a declaration in another file whose name holds Markdown, showing the name as text', async () => {
        const name = 'a](x)[y*z_.mregion';
        const markdown = await hoverAt(`import "${name}"\ncell c { regions us-<|>east-1 }`, {
            [name]: 'region us-east-1 { provider aws }',
        });
        const link = /Declared in \[(.*)\]\((.*)\) at line 1\./.exec(markdown ?? '');
        expect(link?.[1]).toBe('a\\](x)\\[y\\*z\\_.mregion');
        expect(link?.[2]).not.toMatch(/[()<>\s`]/);
    });
});

describe('hover shows figures worked out by hand from the facts', () => {
    // Measured RTTs (docs/facts.md#cloudping-rtt-matrix) used below: us-east-1 ↔ eu-west-1 76 ms, us-east-1 ↔ us-west-2 78 ms, eu-west-1 ↔ us-west-2 133 ms.
    // Workload busy: 500 writes/s (250/s from each of us-east-1, eu-west-1), 1 KB items, 10,000 keys, 20 % shared.
    const MONTH_S = 30 * 86_400; // 2,592,000 s
    const egress = (otherRegions: number) => ((500 * 1_000 * otherRegions * MONTH_S) / 1e9) * 0.02; // GB × $0.02/GB
    // LWW on carts: μ = 250/s ÷ 10,000 keys = 0.025/s per key and region, window w = max(lag 1 s, 76 ms / 2) = 1 s.
    // A write is lost when the other region writes the key within w and its own region does not write it again
    // first: per shared key 2 × μ·μ·e^{−μw}(1 − e^{−2μw}) / 2μ per s; × 2,000 shared keys × 86,400 s.
    const mu = 250 / 10_000;
    const lostPerDay = mu * Math.exp(-mu) * (1 - Math.exp(-2 * mu)) * 2_000 * 86_400;

    it('has the arithmetic right (checked once here, so the cases below can be read as plain figures)', () => {
        expect(egress(2)).toBeCloseTo(51.84, 10);
        expect(egress(2) + egress(1) / 2).toBeCloseTo(64.8, 10); // the 250 writes/s forwarded to the leader: half of egress(1)
        expect(egress(1)).toBeCloseTo(25.92, 10);
        expect(Math.round(lostPerDay / 1_000) * 1_000).toBe(205_000);
    });

    it.each([
        // Consensus, quorum 2 of 3, leader us-east-1 (docs/facts.md#cockroachdb-multi-region): a write travels to the leader, whose own vote
        // counts at 0 ms and whose nearest other voter, eu-west-1 (76 ms), closes the quorum.
        {
            what: 'the quorum write from the leader us-east-1: nearest other voter eu-west-1, 76 ms',
            at: ['store accounts', 'store acc<|>ounts'],
            shows: '| us-east-1 | ≈ 76 ms | quorum 2 of 3: RTT us-east-1 → eu-west-1 76 ms |',
        },
        {
            what: 'the quorum write from eu-west-1: 76 ms to the leader + 76 ms quorum',
            at: ['store accounts', 'store acc<|>ounts'],
            shows: '| eu-west-1 | ≈ 152 ms | RTT eu-west-1 → us-east-1 76 ms + quorum 2 of 3: RTT us-east-1 → eu-west-1 76 ms |',
        },
        {
            what: 'the quorum write from us-west-2: 78 ms to the leader + 76 ms quorum',
            at: ['store accounts', 'store acc<|>ounts'],
            shows: '| us-west-2 | ≈ 154 ms | RTT us-west-2 → us-east-1 78 ms + quorum 2 of 3: RTT us-east-1 → eu-west-1 76 ms |',
        },
        {
            what: 'the leader of a consensus store and its default locality',
            at: ['store accounts', 'store acc<|>ounts'],
            shows: '- Leader: us-east-1\n- Locality: regional-by-table *(default, [docs/facts.md#cockroachdb-default-locality](',
        },
        // 500 writes/s × 1,000 B × 2 other regions × 2,592,000 s = 2,592 GB, plus the 250 writes/s from eu-west-1
        // forwarded to the leader us-east-1: 648 GB; 3,240 GB × $0.02 = $64.80.
        {
            what: 'the egress of a consensus store in three regions, with the trips to the leader: $64.80',
            at: ['store accounts', 'store acc<|>ounts'],
            shows: '- Monthly egress: ≈ $64.8/month ((500 writes/s × 1 KB × 2 other regions + 250 writes/s × 1 KB forwarded to the leader) × $0.02/GB over 30 days)',
        },
        // The same with 1 other region: 1,296 GB × $0.02 = $25.92.
        {
            what: 'the egress of a store in two regions: $25.92',
            at: ['store carts', 'store ca<|>rts'],
            shows: '- Monthly egress: ≈ $25.92/month (500 writes/s × 1 KB × 1 other region × $0.02/GB over 30 days)',
        },
        // 0.025 × e^{−0.025} × (1 − e^{−0.05}) = 0.025 × 0.97531 × 0.04877 = 0.0011892 per key per s;
        // × 2,000 keys × 86,400 s = 205,494 a day, shown to three figures.
        {
            what: 'the writes last-write-wins loses a day: ≈ 205,000',
            at: ['store carts', 'store ca<|>rts'],
            shows: '≈ 205,000 lost writes a day (500 writes/s from 2 regions, 20% of 10,000 keys shared, replication window ≈ 1 s)',
        },
        // The counter's increments (test/estimators/counter-increments.test.ts): per shared key
        // 2μ − μ ÷ (1 − e^{−μw}/2) = 0.05 − 0.025 ÷ (1 − 0.97531/2) = 0.0012048 per s; × 2,000 × 86,400 = 208,182.
        {
            what: 'the increments the carts counter loses a day: ≈ 208,000, more than the overwritten writes',
            at: ['store carts', 'store ca<|>rts'],
            shows: '- Counter increments lost, workload busy: ≈ 208,000 a day (an estimate, exact for two writing regions; each overwritten write can carry earlier increments with it)',
        },
        // $64.80 + $25.92.
        {
            what: 'the replication egress of a service: $90.72',
            at: ['service api', 'service a<|>pi'],
            shows: '- Replication egress: ≈ $90.72/month (accounts ≈ $64.8, carts ≈ $25.92)',
        },
        // Default health check (docs/facts.md#dns-failover-time) every 30 s, threshold 3, 6 s timeout: 66–96 s (typical
        // 81 s); then the 120 s TTL: 0–120 s (typical 60 s). In all 66–216 s = 1 m 6 s–3 m 36 s, typical 141 s = 2 m 21 s.
        {
            what: 'the failover time of a service: 1 m 6 s–3 m 36 s',
            at: ['service api', 'service a<|>pi'],
            shows: '- Failover: 1 m 6 s–3 m 36 s (typical 2 m 21 s; worst when the failure lands just after a check and a client fetched its answer just before the change) — **misses the RTO of 1 m**, even typically (2 m 21 s)',
        },
        {
            what: 'the failover total: 1 m 6 s–1 m 36 s detection + 0–2 m TTL',
            at: ['failover api', 'fail<|>over api'],
            shows: '| **total** | **1 m 6 s–3 m 36 s** | **2 m 21 s** | max(sum of the parts, posture minimum), end by end |',
        },
        {
            what: 'the measured RTT of a region pair from the measured matrix: 76 ms',
            at: ['region us-east-1', 'region us-<|>east-1'],
            shows: `| eu-west-1 | 76 ms | measured (${cited('cloudping-rtt-matrix')}) |`,
        },
    ])('shows $what', async ({ at, shows }) => {
        expect(await hoverAt(STORE.replace(at[0]!, at[1]!))).toContain(shows);
    });
});
