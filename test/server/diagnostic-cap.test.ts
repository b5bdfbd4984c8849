// The bundled server over stdio publishes at most MAX_PUBLISHED diagnostics per document (errors first, then by
// position) and one last diagnostic counting the rest: an editor given 80,000 squiggles is unusable, and holding
// and sending them cost the server gigabytes. A design under the cap is published whole.
import { describe, expect, it } from 'vitest';
import { type LspClient, serverForSuite } from '../helpers/lsp-client.js';
import { MAX_PUBLISHED } from '../../language/validation/diagnostic-cap.js';

/** A design whose every store writes in a home region no failover concerns (one warning each), one with an error. */
function design(stores: number, errorAt: number): string {
    const lines = ['topology Many', 'region us-east-1 { provider aws }', 'region eu-west-1 { provider aws }'];
    for (let i = 0; i < stores; i++) {
        lines.push(
            i === errorAt
                ? `store s-${i} { engine dynamodb regions us-east-1, eu-west-1, nowhere holds per-user rows writes home-region }`
                : `store s-${i} { engine dynamodb regions us-east-1, eu-west-1 holds per-user rows writes home-region }`,
        );
    }
    return `${lines.join('\n')}\n`;
}

describe('the cap on published diagnostics', () => {
    let client: LspClient;
    serverForSuite((started) => {
        client = started;
    });

    it('publishes a design with 5,000 problems as the first ones, errors first, and one diagnostic counting the rest', async () => {
        const uri = 'file:///virtual/many-problems.mregion';
        const published = client.nextDiagnostics(uri);
        await client.open(uri, design(5_000, 4_000));
        const { diagnostics } = await published;
        expect(diagnostics).toHaveLength(MAX_PUBLISHED + 1);
        expect(diagnostics[0]!.severity).toBe(1);
        expect(diagnostics[0]!.range.start.line).toBe(3 + 4_000);
        const shown = diagnostics.slice(1, MAX_PUBLISHED).map((d) => d.range.start.line);
        expect(shown).toEqual([...shown].sort((a, b) => a - b));
        const last = diagnostics[MAX_PUBLISHED]!;
        expect(last.code).toBe('too-many-problems');
        expect(last.message).toMatch(
            /^\d[\d,]* more problems not shown: fix the ones above first, or run `mregion check` for all of them$/,
        );
        expect(Number(String(last.message).replace(/,/g, '').split(' ')[0]) + MAX_PUBLISHED).toBeGreaterThanOrEqual(
            5_000,
        );
    });

    it('publishes every diagnostic of a design under the cap', async () => {
        const uri = 'file:///virtual/few-problems.mregion';
        const published = client.nextDiagnostics(uri);
        await client.open(uri, design(50, -1));
        const { diagnostics } = await published;
        expect(diagnostics.length).toBeGreaterThanOrEqual(50);
        expect(diagnostics.length).toBeLessThan(MAX_PUBLISHED);
        expect(diagnostics.map((d) => d.code)).not.toContain('too-many-problems');
    });
});
