// The quick-fix menu on a line: the fixes that edit that line first, then fixes that edit elsewhere, then "fix
// all" and "suppress"; "fix all" only where it fixes the diagnostic asked about.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-types';
import { mregion, validate } from '../helpers/services.js';
import { actionsFor, apply, check } from '../rules/fix-harness.js';

const example = (name: string) => readFileSync(new URL(`../../examples/${name}.mregion`, import.meta.url), 'utf8');

/** The menu an editor shows for the cursor on `line` (1-based): every diagnostic on that line, as VS Code sends them. */
async function menuOn(
    text: string,
    line: number,
): Promise<{ titles: string[]; diagnostics: Diagnostic[]; actions: CodeAction[] }> {
    const { document, diagnostics } = await validate(text);
    const here = diagnostics.filter((d) => d.range.start.line <= line - 1 && d.range.end.line >= line - 1);
    const range = { start: { line: line - 1, character: 0 }, end: { line: line - 1, character: 0 } };
    const actions = ((await mregion.lsp.CodeActionProvider!.getCodeActions(document, {
        textDocument: { uri: document.uri.toString() },
        range,
        context: { diagnostics: here },
    })) ?? []) as CodeAction[];
    return { titles: actions.map((a) => a.title), diagnostics: here, actions };
}

function lineOf(text: string, fragment: string): number {
    const index = text.split('\n').findIndex((l) => l.includes(fragment));
    if (index < 0) throw new Error(`'${fragment}' is not in the text`);
    return index + 1;
}

describe('the quick-fix menu on a line', () => {
    // Two voters' regions: the consensus-quorum-survival finding sits on the regions line; adding a region edits
    // that line, adding a witness edits the end of the block. One voter per region (no `survive region`, whose five
    // voters put three in eu-west-1: no single witness could outvote them), so both fixes are offered.
    const TWO_VOTERS = example('cockroachdb-global')
        .replace('regions     us-east-1, eu-west-1, ap-northeast-1', 'regions     us-east-1, eu-west-1')
        .replace('    survive     region\n', '');

    it('offers the fix that edits the line before the one that edits elsewhere in the block', async () => {
        const { titles, actions } = await menuOn(TWO_VOTERS, lineOf(TWO_VOTERS, 'regions     us-east-1, eu-west-1'));
        expect(titles).toEqual([
            'Add ap-northeast-1 to the regions',
            'Add a witness in ap-northeast-1 (it votes, holds the log, serves no reads)',
            'Suppress consensus-quorum-survival for this declaration (with a reason)',
        ]);
        // The witness stays the preferred fix (the one "fix all" applies); only the menu order follows the line.
        expect(actions.filter((a) => a.isPreferred).map((a) => a.title)).toEqual([titles[1]]);
    });

    // Three control-plane steps: the promotion has no fix of its own, the other two have one each, so "fix all"
    // exists in the file.
    const STEPS = example('aurora-warm-standby').replace(
        '    action shift-traffic\n',
        '    action edit-dns\n    action shift-traffic\n    action update-health-check\n',
    );
    const FIX_ALL = 'Fix all control-plane-failover problems in this file (2)';

    it.each([
        [
            'the promotion, which no fix changes',
            'action promote orders-db',
            ['Suppress control-plane-failover for this declaration (with a reason)'],
        ],
        [
            'the DNS edit',
            'action edit-dns',
            [
                'Let health checks fail the DNS record over: remove the record edit (data plane)',
                'Flip an ARC routing control instead (data plane; clients still wait out the TTL)',
                FIX_ALL,
                'Suppress control-plane-failover for this declaration (with a reason)',
            ],
        ],
        [
            'the health-check update',
            'action update-health-check',
            [
                'Create the health checks in advance: remove this step',
                FIX_ALL,
                'Suppress control-plane-failover for this declaration (with a reason)',
            ],
        ],
    ])('offers "fix all" on %s only where it changes that line', async (_, fragment, expected) => {
        const { titles, diagnostics } = await menuOn(STEPS, lineOf(STEPS, fragment));
        expect(diagnostics.map((d) => d.code)).toEqual(['control-plane-failover']);
        expect(titles).toEqual(expected);
    });
});

describe('a fix that leaves a new finding', () => {
    const WITNESSED = `topology T
region eu-west-1 { provider aws  jurisdiction EU }
region eu-central-1 { provider aws  jurisdiction EU }
region ap-southeast-1 { provider aws  jurisdiction SG }

store ledger {
    engine    cockroachdb
    regions   eu-west-1, eu-central-1
    witness   ap-southeast-1
    holds     shared rows
    residency EU
}
`;

    it('says which finding follows in its title, and applying it raises exactly that', async () => {
        const { checked, actions } = await actionsFor(WITNESSED, (d) => d.code === 'residency-violation');
        const remove = actions.find((a) => a.title.startsWith('Remove the witness in ap-southeast-1'))!;
        expect(remove.title).toBe(
            'Remove the witness in ap-southeast-1 — then consensus-quorum-survival: without it, losing a region stops writes',
        );
        const before = checked.diagnostics.map((d) => d.code);
        const after = (await check(apply(checked, remove))).diagnostics.map((d) => d.code);
        expect(before.filter((c) => c === 'consensus-quorum-survival')).toEqual([]);
        expect(after.filter((c) => c === 'consensus-quorum-survival')).toHaveLength(1);
    });
});
