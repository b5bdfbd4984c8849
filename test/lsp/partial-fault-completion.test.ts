// Completion and hover for partial faults and health-check depth: what the editor offers after each word.
import { describe, expect, it } from 'vitest';
import { mregion } from '../helpers/services.js';
import { completionLabelsAt, openAt } from './lsp-helpers.js';

const DESIGN = `topology T
region eu-west-1 { provider aws }
region eu-central-1 { provider aws }
store orders { engine dynamodb  regions eu-west-1, eu-central-1 }
service gateway { regions eu-west-1, eu-central-1 }
service checkout { regions eu-west-1, eu-central-1  depends-on gateway }
workload w for checkout { writes 1/s from eu-west-1 100% }
`;

describe('completion of partial faults', () => {
    it.each([
        ['the partial faults among the fault kinds', `${DESIGN}scenario s { at 10m <|> }`, ['degrade', 'fail']],
        [
            'services and stores after degrade',
            `${DESIGN}scenario s { at 10m degrade <|> }`,
            ['checkout', 'gateway', 'orders'],
        ],
        [
            'errors and latency after the region of a degrade',
            `${DESIGN}scenario s { at 10m degrade gateway in eu-west-1 <|> }`,
            ['errors', 'latency'],
        ],
        [
            "the depths after a health check's threshold",
            `${DESIGN}failover checkout { detect health-check every 10s threshold 3 <|> }`,
            ['deep', 'shallow'],
        ],
    ])('offers %s', async (_what, text, expected) => {
        expect(await completionLabelsAt(text)).toEqual(expect.arrayContaining(expected));
    });
});

describe('hover of partial faults', () => {
    it.each([
        [
            'degrade',
            `${DESIGN}scenario s { at 10m <|>degrade gateway in eu-west-1 errors 30% for 5m }`,
            /a gray failure/,
        ],
        ['deep', `${DESIGN}failover checkout { detect health-check <|>deep }`, /what the service calls in its region/],
        ['shallow', `${DESIGN}failover checkout { detect health-check <|>shallow }`, /The default depth/],
    ])('explains %s', async (_word, text, pattern) => {
        const at = await openAt(text);
        const hover = await mregion.lsp.HoverProvider!.getHoverContent(at.document, {
            textDocument: at.params.textDocument,
            position: at.position,
        });
        expect(JSON.stringify(hover?.contents)).toMatch(pattern);
    });

    it('describes the faults of a scenario in its hover', async () => {
        const at = await openAt(
            `${DESIGN}scenario <|>s { workload w  duration 1h  at 10m degrade gateway in eu-west-1 errors 30% latency +2s for 20m  at 5m fail gateway in eu-central-1 for 15m }`,
        );
        const hover = await mregion.lsp.HoverProvider!.getHoverContent(at.document, {
            textDocument: at.params.textDocument,
            position: at.position,
        });
        const text = JSON.stringify(hover?.contents);
        expect(text).toContain(
            'At 10 m: service gateway degraded in eu-west-1 (30% of requests fail, +2 s each; the region stays up) for 20 m',
        );
        expect(text).toContain('At 5 m: service gateway fails in eu-central-1 (the region stays up) for 15 m');
    });
});

describe('failover hover', () => {
    it('says a deep health check also checks what the target depends on', async () => {
        const at = await openAt(
            `${DESIGN}fail<|>over checkout { detect health-check every 10s threshold 3 deep  route dns ttl 60s  drill every 30d }`,
        );
        const hover = await mregion.lsp.HoverProvider!.getHoverContent(at.document, {
            textDocument: at.params.textDocument,
            position: at.position,
        });
        expect(JSON.stringify(hover?.contents)).toContain(
            'deep: also checks what the target uses and depends on in its region',
        );
    });
});
