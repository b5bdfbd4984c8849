// `mregion export-cdk` as users run it: the bundled CLI, spawned, writing into temporary folders.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { stableHash } from '../../export/cdk/hash.js';
import { PINNED } from '../../export/cdk/versions.js';
import { bundle, ROOT } from '../helpers/bundles.js';

let sandbox: string;
beforeAll(() => {
    sandbox = mkdtempSync(path.join(tmpdir(), 'mregion-export-cli-'));
});
afterAll(() => rmSync(sandbox, { recursive: true, force: true }));

function mregion(...args: string[]): { status: number | null; stdout: string; stderr: string } {
    const result = spawnSync(process.execPath, [bundle('cli'), ...args], { cwd: ROOT, encoding: 'utf8' });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const BROKEN = `topology Broken "a store without an engine"
region us-east-1 { provider aws jurisdiction US }
region us-west-2 { provider aws jurisdiction US }
store orders { regions us-east-1, us-west-2 holds per-user rows writes any-region replication async lag 1s consistency eventual conflicts lww }
store carts { engine dynamodb regions us-east-1, us-west-2 holds per-user rows writes any-region }
`;

describe('mregion export-cdk', () => {
    test('writes the fintech app, lists what it did not generate, and says what to run next', () => {
        const out = path.join(sandbox, 'fintech');
        const { status, stdout } = mregion('export-cdk', 'examples/fintech.mregion', '--out', out);
        expect(status).toBe(0);
        // 13 files, plus the game-day stack of its scenario in us-east-1, the experiment construct, the app's tests and their config.
        expect(stdout).toContain(`Wrote 17 files to ${out}:`);
        expect(stdout).toMatch(/Not generated:\n {2}store ledger \(cells eu, us\): engine cockroachdb/);
        expect(stdout).toContain('npm install && npx cdk synth --no-lookups --no-notices');
        const pkg = JSON.parse(readFileSync(path.join(out, 'package.json'), 'utf8'));
        expect(pkg.dependencies).toEqual({ 'aws-cdk-lib': '2.276.0', constructs: '10.8.1', 'cdk-nag': '3.0.2' });
        expect(pkg.devDependencies).toMatchObject({
            'aws-cdk': PINNED['aws-cdk'],
            typescript: '~5.9.3',
            tsx: PINNED.tsx,
            vitest: PINNED.vitest,
        });
        expect(pkg.scripts.test).toBe('vitest run');
        expect(JSON.parse(readFileSync(path.join(out, 'cdk.json'), 'utf8')).app).toBe('npx tsx bin/app.ts');
        expect(readdirSync(path.join(out, 'lib', 'stacks')).sort()).toEqual([
            'eu-west-1-stack.ts',
            'global-stack.ts',
            'us-east-1-gameday-stack.ts',
            'us-east-1-stack.ts',
        ]);
    });

    test("refuses a folder with the user's files (exit 2) with the reason, even with --force and --overwrite, changing nothing", () => {
        const out = path.join(sandbox, 'occupied');
        mkdirSync(out);
        writeFileSync(path.join(out, 'README.md'), 'my notes');
        for (const flags of [[], ['--force'], ['--overwrite'], ['--force', '--overwrite']]) {
            const refused = mregion('export-cdk', 'examples/aurora-warm-standby.mregion', '--out', out, ...flags);
            expect(refused.status, flags.join(' ')).toBe(2);
            expect(refused.stderr).toContain(
                `cannot export into ${out}: the folder is not empty; choose an empty folder, or the folder of an earlier export with --overwrite`,
            );
            expect(readdirSync(out)).toEqual(['README.md']);
            expect(readFileSync(path.join(out, 'README.md'), 'utf8')).toBe('my notes');
        }
    });

    test("replaces an earlier export only with --overwrite: the files its manifest lists go, the user's stay", () => {
        const out = path.join(sandbox, 'earlier');
        expect(mregion('export-cdk', 'examples/fintech.mregion', '--out', out).status).toBe(0);
        const manifest = JSON.parse(readFileSync(path.join(out, '.mregion-export.json'), 'utf8')) as {
            source: string;
            files: string[];
        };
        expect(manifest.source).toMatch(/^file:\/\/.*\/examples\/fintech\.mregion$/);
        expect(manifest.files).toContain('lib/stacks/eu-west-1-stack.ts');
        writeFileSync(path.join(out, 'NOTES.md'), 'mine');
        // A design without errors: only the folder can refuse it.
        const refused = mregion('export-cdk', 'examples/aurora-warm-standby.mregion', '--out', out);
        expect(refused.status).toBe(2);
        expect(refused.stderr).toMatch(
            /holds an earlier export of file:.*fintech\.mregion \(\d+ files listed in its \.mregion-export\.json\); pass --overwrite to replace it/,
        );
        const replaced = mregion('export-cdk', 'examples/aurora-warm-standby.mregion', '--out', out, '--overwrite');
        expect(replaced.status).toBe(0);
        expect(replaced.stdout).toContain(`Replaced the earlier export (${manifest.files.length} files) with`);
        expect(readFileSync(path.join(out, 'README.md'), 'utf8')).toMatch(/^# OrdersAurora: AWS CDK app/);
        // The earlier design's stack files are gone; the user's file is kept.
        expect(existsSync(path.join(out, 'lib', 'stacks', 'eu-west-1-stack.ts'))).toBe(false);
        expect(readFileSync(path.join(out, 'NOTES.md'), 'utf8')).toBe('mine');
    });

    test('refuses a design with errors (exit 1), naming each error, and exports it with --force', () => {
        const file = path.join(sandbox, 'broken.mregion');
        writeFileSync(file, BROKEN);
        const out = path.join(sandbox, 'broken');
        const refused = mregion('export-cdk', file, '--out', out);
        expect(refused.status).toBe(1);
        expect(refused.stderr).toContain('Not exported: the design has errors');
        expect(refused.stderr).toMatch(/broken\.mregion:4:7 missing-property store orders needs an 'engine'/);
        expect(existsSync(out)).toBe(false);
        const forced = mregion('export-cdk', file, '--out', out, '--force');
        expect(forced.status).toBe(0);
        expect(forced.stdout).toContain('store orders: the design declares no engine for it');
        expect(forced.stderr).toMatch(/Exported despite \d+ errors? in the design/);
    });

    test('exports nothing for a design without AWS regions (exit 1) and says why', () => {
        const out = path.join(sandbox, 'cloudflare');
        const { status, stderr } = mregion('export-cdk', 'examples/cloudflare.mregion', '--out', out);
        expect(status).toBe(1);
        expect(stderr).toContain('topology Cloudflare: the design has no region with provider aws');
        expect(stderr).toContain('store config: engine workers-kv: Workers KV is a Cloudflare service');
        expect(existsSync(out)).toBe(false);
    });

    test.each([
        {
            name: 'rejects an account id that is not 12 digits',
            args: ['examples/fintech.mregion', '--out', 'x', '--account', '1234'],
            message: "--account '1234' is not a 12-digit AWS account id",
        },
        {
            name: 'requires --out',
            args: ['examples/fintech.mregion'],
            message: "required option '-o, --out <dir>' not specified",
        },
        {
            name: 'rejects a file that is not .mregion',
            args: ['package.json', '--out', 'x'],
            message: "'package.json' is not a .mregion file",
        },
    ])('$name (exit 2)', ({ args, message }) => {
        const { status, stderr } = mregion('export-cdk', ...args);
        expect(status).toBe(2);
        expect(stderr).toContain(message);
    });

    test('puts the given account into cdk.json and the README, and no availability zone of its own', () => {
        const out = path.join(sandbox, 'account');
        expect(
            mregion('export-cdk', 'examples/aurora-warm-standby.mregion', '--out', out, '--account', '210987654321')
                .status,
        ).toBe(0);
        const context = JSON.parse(readFileSync(path.join(out, 'cdk.json'), 'utf8')).context;
        expect(context['mregion:account']).toBe('210987654321');
        expect(Object.keys(context).filter((k) => k.startsWith('availability-zones'))).toEqual([]);
        expect(readFileSync(path.join(out, 'README.md'), 'utf8')).toContain(
            'npx cdk bootstrap aws://210987654321/us-east-1',
        );
    });

    test('refuses, even with --force, two model names that give one AWS name (exit 2), writing nothing', () => {
        const spelled = `orders-db-${stableHash('Collide\u0000orders_db')}`;
        const file = path.join(sandbox, 'collide.mregion');
        writeFileSync(
            file,
            `topology Collide "names that meet"
region us-east-1 { provider aws jurisdiction US }
${['orders_db', 'orders-db', spelled].map((n) => `store ${n} { engine s3 regions us-east-1 holds reference blob }`).join('\n')}
`,
        );
        const out = path.join(sandbox, 'collide');
        const refused = mregion('export-cdk', file, '--out', out, '--force');
        expect(refused.status).toBe(2);
        expect(refused.stderr).toContain(
            `Not exported: two names in the design give one AWS name, so the app could not deploy:\n  '${spelled}' and 'orders_db' both give the S3 bucket name prefix 'collide-${spelled}'`,
        );
        expect(existsSync(out)).toBe(false);
    });
});
