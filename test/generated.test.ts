// Generated code is committed: regenerating the AST from the grammar must reproduce language/generated exactly.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { ROOT } from './helpers/bundles.js';

const out = mkdtempSync(path.join(tmpdir(), 'mregion-generated-'));

describe('generated code', () => {
    afterAll(() => rmSync(out, { recursive: true, force: true }));

    test('language/generated is what langium generate produces from language/mregion.langium', () => {
        const config = JSON.parse(readFileSync(path.join(ROOT, 'langium-config.json'), 'utf8'));
        config.out = path.join(out, 'generated');
        config.languages = config.languages.map((l: { grammar: string }) => ({
            ...l,
            grammar: path.join(ROOT, l.grammar),
        }));
        const configFile = path.join(out, 'langium-config.json');
        writeFileSync(configFile, JSON.stringify(config));
        execFileSync(
            process.execPath,
            [
                '--require',
                path.join(ROOT, 'language/polyfill/object-group-by.cjs'),
                path.join(ROOT, 'node_modules/langium-cli/bin/langium.js'),
                'generate',
                '--file',
                configFile,
            ],
            { cwd: out, stdio: 'pipe' },
        );
        const committed = path.join(ROOT, 'language', 'generated');
        const files = readdirSync(committed).sort();
        expect(readdirSync(config.out).sort()).toEqual(files);
        for (const file of files) {
            const fresh = readFileSync(path.join(config.out, file), 'utf8');
            expect(
                readFileSync(path.join(committed, file), 'utf8'),
                `${file} is stale: run npm run langium:generate`,
            ).toBe(fresh);
        }
    });
});
