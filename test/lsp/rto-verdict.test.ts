// The RTO verdict the failover and service hovers lead with: both ends the rules can judge, against the objective.
import { describe, expect, it } from 'vitest';
import { rtoVerdict } from '../../language/lsp/hover/failover-hover.js';

const range = { bestMs: 26_000, typicalMs: 61_000, worstMs: 96_000, why: { best: '', typical: '', worst: '' } };

describe('the RTO verdict of a failover-time range', () => {
    it.each([
        {
            name: 'meets an RTO the worst case stays within',
            rto: 96_000,
            says: 'within the RTO of 1 m 36 s, even in the worst case',
        },
        {
            name: 'misses in the worst case an RTO the typical case meets',
            rto: 90_000,
            says: '**misses the RTO of 1 m 30 s in the worst case** (1 m 36 s; typical 1 m 1 s meets it)',
        },
        {
            name: 'misses even typically an RTO below the typical case',
            rto: 60_000,
            says: '**misses the RTO of 1 m**, even typically (1 m 1 s)',
        },
    ])('$name', ({ rto, says }) => {
        expect(rtoVerdict(range, rto)).toBe(says);
    });
});
