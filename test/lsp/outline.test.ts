import { expectFoldings, expectSymbols } from 'langium/test';
import { describe, expect, it } from 'vitest';
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver-protocol';
import { readFileSync } from 'node:fs';
import { mregion, validate } from '../helpers/services.js';

const symbols = expectSymbols(mregion);
const foldings = expectFoldings(mregion);
const fintech = readFileSync(new URL('../../examples/fintech.mregion', import.meta.url), 'utf8');

function flatten(list: readonly DocumentSymbol[], depth = 0): string[] {
    return list.flatMap((s) => [
        `${'  '.repeat(depth)}${s.name}${s.detail ? ` — ${s.detail}` : ''}`,
        ...flatten(s.children ?? [], depth + 1),
    ]);
}

describe('document symbols', () => {
    it('groups the outline by kind with details a reviewer scans for', async () => {
        await symbols({
            text: fintech,
            disposeAfterCheck: true,
            assert: (list) => {
                expect(flatten(list)).toEqual([
                    'Fintech — EU/US payments with one cell per jurisdiction',
                    'Regions — 6',
                    '  eu-west-1 — aws · EU',
                    '  eu-central-1 — aws · EU',
                    '  eu-west-3 — aws · EU',
                    '  us-east-1 — aws · US',
                    '  us-east-2 — aws · US',
                    '  us-west-2 — aws · US',
                    'Cells — 2',
                    '  eu — EU · 3 regions',
                    '  us — US · 3 regions',
                    'Stores — 2',
                    '  ledger — cockroachdb · consensus · strong · per cell',
                    '  sessions — dynamodb · async · eventual · per cell',
                    'Services — 1',
                    '  payments — warm-standby · per cell',
                    'Failovers — 1',
                    '  failover payments — 1 m–1 m 36 s, typical 1 m 1 s',
                    '    action promote ledger',
                    '    action rehome sessions',
                    '    action shift-traffic',
                    'Workloads — 1',
                    '  peak — 2,000 writes/s · 20,000 reads/s',
                    'Scenarios — 1',
                    '  us-east-1-outage — 20 m · 2 faults · 2 expectations',
                    '    at 5m outage region us-east-1 for 10m',
                    '    at 5m impair control-plane us-east-1 for 10m',
                    '    expect rto <= 5m',
                    '    expect lost-writes of ledger == 0',
                ]);
                expect(
                    list.find((s) => s.name === 'Regions')!.children!.every((c) => c.kind === SymbolKind.Namespace),
                ).toBe(true);
                expect(list.find((s) => s.name === 'Services')!.children![0]!.kind).toBe(SymbolKind.Class);
            },
        });
    });

    it('selects the name of each declaration and keeps every child inside its parent', async () => {
        const { document } = await validate(
            'region a { provider aws }\n\nstore s {\n    engine redis\n}\nregion b { provider aws }',
        );
        const list = await mregion.lsp.DocumentSymbolProvider!.getSymbols(document, {
            textDocument: { uri: document.uri.toString() },
        });
        const regions = list.find((s) => s.name === 'Regions')!;
        expect(regions.range).toEqual({ start: { line: 0, character: 0 }, end: { line: 5, character: 25 } });
        expect(regions.children!.map((c) => c.selectionRange.start)).toEqual([
            { line: 0, character: 7 },
            { line: 5, character: 7 },
        ]);
    });
});

describe('workspace symbols', () => {
    it('finds declarations across files by fuzzy name, naming the file of each', async () => {
        await validate('region eu-west-1 { provider aws }\nstore ledger-ws { engine redis  regions eu-west-1 }');
        const found = await mregion.shared.lsp.WorkspaceSymbolProvider!.getSymbols({ query: 'ledgerws' });
        const ledger = found.find((s) => s.name === 'ledger-ws');
        expect(ledger?.kind).toBe(SymbolKind.Object);
        expect(ledger?.containerName).toBe('store in main.mregion');
    });
});

describe('folding', () => {
    it('folds blocks up to their closing brace, the comment header and runs of comments, not one-line blocks', async () => {
        await foldings({
            text: [
                '<|// header one', // 0
                '// header two|>', // 1
                'region a { provider aws }', // 2
                '<|store s {', // 3
                '    // a note', // 4
                '    engine redis|>', // 5
                '}', // 6
                '<|/* a long', // 7
                '   block comment */|>', // 8
            ].join('\n'),
            disposeAfterCheck: true,
        });
    });
});
