// Every example (the seed's systems) parses and links cleanly, loaded from disk the way the CLI loads it, and
// names in its header the rules it is meant to trigger.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { loadWorkspace, type LoadedWorkspace } from '../../cli/workspace.js';
import { ProblemCodes } from '../../language/semantics/problem-codes.js';
import { bundle, ROOT } from '../helpers/bundles.js';

const EXAMPLES = path.join(ROOT, 'examples');
const files = readdirSync(EXAMPLES)
    .filter((f) => f.endsWith('.mregion'))
    .sort();
const STANDARD = new Set<string>(Object.values(ProblemCodes));

describe('examples', () => {
    let workspace: LoadedWorkspace;
    beforeAll(async () => {
        workspace = await loadWorkspace(files.map((f) => path.join(EXAMPLES, f)));
    });

    test('include one file per system of the language design', () => {
        expect(files).toEqual(
            expect.arrayContaining([
                'fintech.mregion',
                'netflix.mregion',
                'shopify-pods.mregion',
                'cloudflare.mregion',
                'dynamodb-mrec-cart.mregion',
                'dynamodb-mrsc.mregion',
                'aurora-warm-standby.mregion',
                'aurora-false-strong.mregion',
                'cockroachdb-global.mregion',
                'cosmos-far-strong.mregion',
                'control-plane-2021.mregion',
                'gray-payment-dependency.mregion',
                's3-2017-us-east-1.mregion',
            ]),
        );
    });

    test.each(files)('%s parses and links with no syntax, reference or standard-check problem', (file) => {
        const document = workspace.requested.find((d) => d.uri.fsPath.endsWith(`/${file}`))!;
        const problems = (document.diagnostics ?? []).filter((d) => STANDARD.has(String(d.code)));
        expect(problems.map((d) => `${d.range.start.line + 1}: ${d.code} ${d.message}`)).toEqual([]);
        expect(document.parseResult.parserErrors).toEqual([]);
    });

    test.each(files)('%s names the rules it is meant to trigger in its header', (file) => {
        const header = readFileSync(path.join(EXAMPLES, file), 'utf8')
            .split('\n')
            .filter((l) => l.startsWith('//'));
        expect(
            header.some((l) => /^\/\/ rules: (none|[a-z-]+(, [a-z-]+)*)$/.test(l)),
            header.join('\n'),
        ).toBe(true);
    });

    test("are written in the formatter's canonical layout (mregion format --check)", () => {
        const result = spawnSync(process.execPath, [bundle('cli'), 'format', '--check', EXAMPLES], {
            encoding: 'utf8',
        });
        expect(result.stdout + result.stderr).toMatch(/already formatted|formatted/);
        expect(result.status, result.stdout + result.stderr).toBe(0);
    });
});
