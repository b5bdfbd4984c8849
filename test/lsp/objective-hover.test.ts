// A service hover lists its objectives as they were written: a latency objective keeps its percentile's name
// (`p50` parses to 0.5, whose digits alone would read `p5`).
import { describe, expect, it } from 'vitest';
import { hoverAt } from './lsp-helpers.js';

const design = (objective: string) => `topology T
region us-east-1 { provider aws }
service a<|>pi { regions us-east-1 objective ${objective} }
`;

describe('the objectives line of a service hover', () => {
    it.each([
        { written: 'write-latency p50 100ms', shown: '- Objectives: write-latency p50 100 ms' },
        { written: 'write-latency p90 100ms', shown: '- Objectives: write-latency p90 100 ms' },
        { written: 'write-latency p99 100ms', shown: '- Objectives: write-latency p99 100 ms' },
        { written: 'write-latency p999 100ms', shown: '- Objectives: write-latency p999 100 ms' },
        { written: 'rto 5m  write-latency p50 1s', shown: '- Objectives: RTO 5 m · write-latency p50 1 s' },
    ])('shows $written as "$shown"', async ({ written, shown }) => {
        const lines = ((await hoverAt(design(written))) ?? '').split('\n');
        expect(lines).toContain(shown);
    });
});
