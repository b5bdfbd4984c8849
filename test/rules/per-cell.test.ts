// Per-cell declarations expand to one instance per cell sharing one source: a finding that reads the same in
// every cell is reported once; when the numbers differ, each diagnostic says which cells it is about.
import { describe, expect, it } from 'vitest';
import { check } from './fix-harness.js';

const CELLS = `topology Payments
region eu-west-1 {}
region eu-central-1 {}
region eu-west-2 {}
region us-east-1 {}
region us-east-2 {}
region us-west-2 {}
cell eu { regions eu-west-1, eu-central-1, eu-west-2 }
cell us { regions us-east-1, us-east-2, us-west-2 }
store ledger per cell { engine cockroachdb holds shared rows }
`;
const payments = (objective: string) =>
    `${CELLS}service payments per cell { posture warm-standby capacity 100% per region uses ledger objective ${objective} }\n`;

describe('per-cell findings', () => {
    it('reports a finding that reads the same in every cell once, without naming cells', async () => {
        const { diagnostics } = await check(
            `${payments('rto 5m')}failover payments { route dns ttl 300s drill every 30d }`,
        );
        const ttl = diagnostics.filter((d) => d.code === 'dns-ttl-too-long');
        expect(ttl).toHaveLength(1);
        expect(ttl[0]!.message).not.toContain('(cell');
    });

    it('names the cell of each diagnostic when the numbers differ', async () => {
        const { diagnostics } = await check(payments('write-latency p99 10ms'));
        const messages = diagnostics
            .filter((d) => d.code === 'write-latency-budget')
            .map((d) => String(d.message))
            .sort();
        expect(messages).toEqual([
            expect.stringMatching(/^a write from eu-west-1 to ledger waits ≈ 16 ms .* \(cell eu\)$/),
            expect.stringMatching(/^a write from us-east-1 to ledger waits ≈ 17 ms .* \(cell us\)$/),
        ]);
    });

    it('names the one cell a finding applies to', async () => {
        const { diagnostics } = await check(payments('write-latency p99 16ms'));
        const messages = diagnostics.filter((d) => d.code === 'write-latency-budget').map((d) => String(d.message));
        expect(messages).toEqual([expect.stringMatching(/waits ≈ 17 ms .* \(cell us\)$/)]);
    });
});
