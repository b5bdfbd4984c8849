// The extension manifest points at files that exist, and the TextMate grammar colours every keyword of the
// Langium grammar (a keyword added to the grammar without a colour fails here).
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { AstUtils, GrammarAST } from 'langium';
import { describe, expect, test } from 'vitest';
import { ROOT } from './helpers/bundles.js';
import { mregion } from './helpers/services.js';

const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const textMate = JSON.parse(readFileSync(path.join(ROOT, 'syntaxes', 'mregion.tmLanguage.json'), 'utf8'));

interface Pattern {
    match?: string;
    begin?: string;
    patterns?: Pattern[];
    include?: string;
}

function allMatchPatterns(): RegExp[] {
    const found: RegExp[] = [];
    const visit = (p: Pattern) => {
        if (p.match) found.push(new RegExp(p.match));
        p.patterns?.forEach(visit);
    };
    Object.values(textMate.repository as Record<string, Pattern>).forEach(visit);
    return found;
}

describe('extension manifest', () => {
    test('contributes the mregion language for .mregion files with its configuration', () => {
        const language = manifest.contributes.languages.find((l: { id: string }) => l.id === 'mregion');
        expect(language.extensions).toEqual(['.mregion']);
        expect(existsSync(path.join(ROOT, language.configuration))).toBe(true);
        const configuration = JSON.parse(readFileSync(path.join(ROOT, language.configuration), 'utf8'));
        expect(configuration.comments).toEqual({ lineComment: '//', blockComment: ['/*', '*/'] });
        expect(configuration.brackets).toContainEqual(['{', '}']);
        expect(configuration.autoClosingPairs.map((p: { open: string }) => p.open)).toEqual(
            expect.arrayContaining(['{', '"']),
        );
        expect(configuration.folding.markers.start).toBeTruthy();
    });

    test('points its grammar contribution at the TextMate grammar of scope source.mregion', () => {
        const grammar = manifest.contributes.grammars.find((g: { language: string }) => g.language === 'mregion');
        expect(existsSync(path.join(ROOT, grammar.path))).toBe(true);
        expect(grammar.scopeName).toBe(textMate.scopeName);
        expect(textMate.scopeName).toBe('source.mregion');
    });

    test('starts the bundled extension and exposes the bundled CLI as `mregion`', () => {
        expect(manifest.main).toBe('./dist/extension.cjs');
        expect(manifest.bin).toEqual({ mregion: './dist/cli.cjs' });
        expect(manifest.engines.vscode).toMatch(/^\^1\.\d+/);
    });

    test('colours every keyword of the grammar as a whole word in the TextMate grammar', () => {
        const keywords = AstUtils.streamAllContents(mregion.Grammar)
            .filter(GrammarAST.isKeyword)
            .map((k) => k.value)
            .toArray();
        const patterns = allMatchPatterns();
        const uncoloured = [...new Set(keywords)].filter(
            (keyword) => !patterns.some((re) => re.exec(keyword)?.[0] === keyword),
        );
        expect(uncoloured).toEqual([]);
        expect(keywords.length).toBeGreaterThan(150);
    });

    test('does not colour a keyword inside a longer hyphenated name', () => {
        const declaration = textMate.repository.keywords.patterns.find((p: Pattern) =>
            p.match?.includes('replication'),
        );
        expect(new RegExp(declaration.match).exec('my-replication-db')).toBeNull();
    });
});
