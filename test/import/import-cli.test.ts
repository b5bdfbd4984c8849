// `mregion import` on hand-written CloudFormation: a cdk.out folder with three stacks (every resource kind the
// importer knows, in several regions) and a lone template; the output is checked by the real `mregion check`.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkCodes, FIXTURES, mregion } from './helpers/cli.js';
import { block, commentAbove } from './helpers/design-text.js';

const work = mkdtempSync(path.join(tmpdir(), 'mregion-import-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('mregion import of a cdk.out folder', () => {
    const result = mregion('import', `${FIXTURES}/cdk.out`);
    const text = result.stdout;

    it('exits 0 and summarizes what it imported on stderr', () => {
        expect(result.status, result.stderr).toBe(0);
        expect(result.stderr).toContain('imported 3 stacks: 4 regions, 4 stores, 4 services, 4 failovers');
        expect(result.stderr).toContain('not imported: AWS::SQS::Queue ×1');
    });

    // Each expected block is what the fixture's resources state, worked out by hand from the templates.
    const declarations: { head: string; clauses: string[]; from: string[] }[] = [
        {
            head: 'store carts',
            from: ['Carts1A2B3C4D (stack Shop-us-east-1)'],
            clauses: [
                'engine dynamodb',
                'regions us-east-1, us-east-2',
                'witness us-west-2',
                'writes any-region',
                'replication sync',
                'consistency strong',
                'conflicts reject',
            ],
        },
        {
            head: 'store sessions',
            from: ['Sessions5E6F7A8B (stack Shop-us-east-1)'],
            clauses: [
                'engine dynamodb',
                'regions us-east-1, eu-west-1',
                'writes any-region',
                'replication async',
                'consistency eventual',
                'conflicts lww',
            ],
        },
        {
            head: 'store orders-db',
            from: ['OrdersGlobal0A1B2C3D (stack Shop-us-east-1)', 'OrdersSecondary0A1B2C3D (stack Shop-us-west-2)'],
            clauses: ['engine aurora', 'regions us-east-1, us-west-2', 'writes primary us-east-1', 'replication async'],
        },
        {
            head: 'store assets',
            from: ['AssetsBucket11223344 (stack Shop-us-east-1)', 'AssetsReplica55667788 (stack Shop-us-west-2)'],
            clauses: [
                'engine s3',
                'regions us-east-1, us-west-2',
                'writes primary us-east-1',
                'replication async lag 15m',
            ],
        },
        {
            head: 'service checkout',
            from: ['CheckoutPrimary (stack Shop-global)'],
            clauses: ['regions us-east-1, us-west-2', 'primary us-east-1'],
        },
        {
            head: 'failover checkout',
            from: ['CheckoutCheck1 (stack Shop-global)'],
            clauses: ['detect health-check every 10s threshold 2', 'route dns ttl 30s'],
        },
        {
            head: 'service search',
            from: ['SearchEast (stack Shop-global)', 'SearchWest (stack Shop-global)'],
            clauses: ['regions us-east-1, us-west-2', 'posture active-active'],
        },
        // The check leaves interval and threshold out: Route 53's documented defaults, 30 s and 3.
        {
            head: 'failover search',
            from: ['SearchCheckEast (stack Shop-global)'],
            clauses: ['detect health-check every 30s threshold 3', 'route dns ttl 60s'],
        },
        // One endpoint group dials 0 %: a standby, so no posture is guessed.
        {
            head: 'service edge',
            from: ['Edge0F0F0F0F (stack Shop-global)', 'EdgeWest (stack Shop-global)'],
            clauses: ['regions us-east-1, us-west-2'],
        },
        {
            head: 'failover edge',
            from: ['EdgeListener (stack Shop-global)'],
            clauses: ['detect health-check every 30s threshold 3', 'route global-accelerator'],
        },
        // Load balancer endpoints: their own health checks decide, and this template does not hold them.
        {
            head: 'service api',
            from: ['Api0E0E0E0E (stack Shop-global)'],
            clauses: ['regions us-east-1, us-west-2', 'posture active-active'],
        },
        { head: 'failover api', from: ['ApiEast (stack Shop-global)'], clauses: ['route global-accelerator'] },
    ];
    for (const d of declarations) {
        it(`writes ${d.head} with exactly the clauses its resources state, under a comment naming them`, () => {
            expect(block(text, d.head)).toEqual(d.clauses);
            for (const origin of d.from) expect(commentAbove(text, d.head)).toContain(origin);
        });
    }

    const todos: { head: string; todo: string }[] = [
        { head: 'store carts', todo: '// TODO holds <shared|per-user|per-tenant|reference>' },
        { head: 'store orders-db', todo: '// TODO consistency <strong|session|eventual>' },
        { head: 'service checkout', todo: '// TODO posture <active-passive|warm-standby|pilot-light>' },
        { head: 'service search', todo: '// TODO uses <stores>' },
        { head: 'failover edge', todo: '// TODO action <promote|shift-traffic|…>' },
        { head: 'failover api', todo: '// TODO detect health-check every <interval> threshold <count>' },
    ];
    for (const t of todos) {
        it(`leaves what ${t.head}'s template cannot know as a commented clause: ${t.todo}`, () => {
            const start = text.indexOf(`\n${t.head} {`);
            expect(text.slice(start, text.indexOf('\n}', start))).toContain(t.todo);
        });
    }

    const notes: { head: string; note: RegExp }[] = [
        { head: 'store orders-db', note: /headless secondary \(no DB instance\) in us-west-2/ },
        { head: 'failover checkout', note: /no health check on secondary: Route 53 never moves traffic away/ },
        {
            head: 'failover search',
            note: /RequestInterval default 30 s \(docs\/facts\.md#route53-health-check-interval\)/,
        },
        {
            head: 'failover edge',
            note: /threshold count default 3 \(docs\/facts\.md#global-accelerator-health-check\)/,
        },
        { head: 'failover api', note: /the endpoints are load balancers: their own health checks decide/ },
    ];
    for (const n of notes) {
        it(`says above ${n.head} what the template implies but no clause carries`, () => {
            expect(commentAbove(text, n.head)).toMatch(n.note);
        });
    }

    it('names the topology after the mregion:topology tag and takes its name off the resource names', () => {
        expect(text).toMatch(/\ntopology Shop\n/);
    });

    it('declares every region the declarations use, with its jurisdiction', () => {
        const regions = text
            .split('\n')
            .filter((l) => l.startsWith('region '))
            .map((l) => l.replace(/\s+/g, ' '));
        expect(regions).toEqual([
            'region us-east-1 { provider aws jurisdiction US }',
            'region us-east-2 { provider aws jurisdiction US }',
            'region us-west-2 { provider aws jurisdiction US }',
            'region eu-west-1 { provider aws jurisdiction EU }',
        ]);
    });

    it('lists the resource types it did not import instead of dropping them, but not CDK metadata', () => {
        expect(text).toContain('//   AWS::SQS::Queue ×1: Queue99887766 (stack Shop-us-east-1)');
        expect(text).not.toContain('AWS::CDK::Metadata');
    });

    it('writes a design the checker parses and links, already formatted', () => {
        const file = path.join(work, 'shop.mregion');
        writeFileSync(file, text);
        expect(
            checkCodes(file).filter((c) =>
                ['syntax-error', 'unresolved-reference', 'duplicate-name', 'duplicate-clause'].includes(c),
            ),
        ).toEqual([]);
        expect(mregion('format', '--check', file).status).toBe(0);
    });
});

describe('mregion import of a lone template', () => {
    it('takes the stack region from --region and the writer region from the source cluster ARN', () => {
        const { status, stdout, stderr } = mregion(
            'import',
            `${FIXTURES}/lone.template.json`,
            '--region',
            'eu-central-1',
        );
        expect(status, stderr).toBe(0);
        expect(block(stdout, 'store ledger-global')).toEqual([
            'engine aurora',
            'regions eu-west-1, eu-central-1',
            'writes primary eu-west-1',
            'replication async',
        ]);
    });

    it('without --region warns that the cluster region is unknown instead of guessing one', () => {
        const { status, stdout, stderr } = mregion('import', `${FIXTURES}/lone.template.json`);
        expect(status).toBe(0);
        expect(block(stdout, 'store ledger-global')).toEqual([
            'engine aurora',
            'regions eu-west-1',
            'writes primary eu-west-1',
            'replication async',
        ]);
        expect(stderr).toMatch(/warning: lone\/LedgerCluster: the cluster's region is unknown/);
    });
});

describe('mregion import --out', () => {
    it('writes the same design to a new file', () => {
        const out = path.join(work, 'written.mregion');
        const printed = mregion('import', `${FIXTURES}/cdk.out`).stdout;
        const { status, stderr } = mregion('import', `${FIXTURES}/cdk.out`, '--out', out);
        expect(status, stderr).toBe(0);
        expect(readFileSync(out, 'utf8')).toBe(printed);
    });

    it('never overwrites an existing file', () => {
        const out = path.join(work, 'existing.mregion');
        writeFileSync(out, 'keep me\n');
        const { status, stderr } = mregion('import', `${FIXTURES}/cdk.out`, '--out', out);
        expect(status).toBe(2);
        expect(stderr).toMatch(/already exists \(mregion import never overwrites a file/);
        expect(readFileSync(out, 'utf8')).toBe('keep me\n');
    });
});

describe('mregion import of bad input', () => {
    const cases: { input: string[]; message: RegExp }[] = [
        { input: [`${FIXTURES}/missing.template.json`], message: /cannot read '.*missing\.template\.json'/ },
        {
            input: [`${FIXTURES}/bad/yaml.template.json`],
            message: /looks like a YAML template; mregion reads JSON templates/,
        },
        {
            input: [`${FIXTURES}/bad/no-resources.template.json`],
            message: /is neither a CloudFormation template \(it has no "Resources" object\) nor Terraform JSON/,
        },
        { input: [`${FIXTURES}/bad/no-type.template.json`], message: /resource 'Thing' has no "Type"/ },
        {
            input: [`${FIXTURES}/bad/escaping`],
            message: /names '\.\.\/\.\.\/cdk\.out\/Shop-global\.template\.json', which is outside its folder/,
        },
        { input: [`${FIXTURES}/bad/empty-folder`], message: /cannot read '.*empty-folder\/manifest\.json'/ },
        {
            input: [`${FIXTURES}/lone.template.json`, '--region', 'moon-1'],
            message: /--region needs an AWS region code such as us-east-1, not 'moon-1'/,
        },
    ];
    for (const c of cases) {
        it(`exits 2 with a clear message, not a stack trace, for ${c.input.join(' ')}`, () => {
            const { status, stdout, stderr } = mregion('import', ...c.input);
            expect(status).toBe(2);
            expect(stderr).toMatch(c.message);
            expect(stderr).not.toMatch(/\n\s+at /);
            expect(stdout).toBe('');
        });
    }
});
