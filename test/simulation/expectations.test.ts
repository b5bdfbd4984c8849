// `expect` clauses become pass/fail with the measured value, the difference and whose number it is, for every
// metric the language offers. The scenario is deterministic where it matters: the standby's control plane is
// impaired from 5 m to 25 m, so the promotion (1 min) can only run from 25 m, the capacity launch (10 min) after
// it, and traffic moves at exactly 36 m — an RTO of exactly 26 minutes for an outage at 10 m.
import { beforeAll, describe, expect, it } from 'vitest';
import type { SimulationReport } from '../../simulation/report.js';
import { auroraDb, run, TWO_US_REGIONS } from './helpers.js';

const DESIGN = `${TWO_US_REGIONS}
${auroraDb()}
service api {
    regions   us-east-1, us-west-2
    primary   us-east-1
    posture   pilot-light
    capacity  us-east-1 100%, us-west-2 0%
    uses      db
}
failover api {
    detect health-check every 10s threshold 3 timeout 0s
    route  arc-routing-control
    action promote db
    action launch-capacity api in us-west-2
    action flip-routing-control
    drill  every 30d
}
workload w for api { writes 100/s from us-east-1 100%  reads 1000/s from us-east-1 50%, us-west-2 50%  keys 1000  item-size 1KB }
scenario s {
    workload w
    duration 1h
    at 10m outage region us-east-1 for 40m
    at 5m  impair control-plane us-west-2 for 20m
    seed 3
    expect rto <= 15m
    expect rto <= 30m
    expect rto of api in us-west-2 <= 30m
    expect detection <= 30s
    expect rpo <= 1s
    expect lost-writes == 0
    expect lost-writes in us-west-2 == 0
    expect availability >= 99%
    expect availability > 50%
    expect write-latency p99 of db <= 100ms
    expect write-latency p99 of api in us-east-1 == 78ms
    expect stale-reads < 10%
    expect cost <= $1/month
    expect discarded-writes == 0
    expect merges == 0
    expect siblings == 0
    expect rejected-writes == 0
}
`;

describe('expectations', () => {
    let report: SimulationReport;
    beforeAll(async () => {
        report = await run(DESIGN);
    });
    const find = (text: string) => {
        const found = report.expectations.find((e) => e.text === `expect ${text}`);
        if (!found) throw new Error(`no expectation '${text}' in ${report.expectations.map((e) => e.text).join(', ')}`);
        return found;
    };

    it.each([
        {
            text: 'rto <= 15m',
            passed: false,
            message:
                'expect rto <= 15m failed: measured 26 m (+11 m) for users of us-east-1 on api, from the outage of us-east-1 at 10 m',
        },
        {
            text: 'rto <= 30m',
            passed: true,
            message:
                'expect rto <= 30m passed: measured 26 m for users of us-east-1 on api, from the outage of us-east-1 at 10 m',
        },
        {
            text: 'rto of api in us-west-2 <= 30m',
            passed: true,
            message:
                'expect rto of api in us-west-2 <= 30m passed: measured 26 m for users of us-west-2 on api, from the outage of us-east-1 at 10 m',
        },
        {
            text: 'lost-writes in us-west-2 == 0',
            passed: true,
            message: 'expect lost-writes in us-west-2 == 0 passed: measured 0 in us-west-2',
        },
        {
            text: 'availability > 50%',
            passed: true,
            message: /^expect availability > 50% passed: measured 5\d\.\d+% of requests over 1 h$/,
        },
        // After the move, users of us-east-1 reach the service in us-west-2: one RTT (78 ms) more per write.
        {
            text: 'write-latency p99 of api in us-east-1 == 78ms',
            passed: true,
            message:
                /^expect write-latency p99 of api in us-east-1 == 78ms passed: measured 78 ms at p99 of [\d,]+ writes of api in us-east-1$/,
        },
        {
            text: 'discarded-writes == 0',
            passed: true,
            message:
                'expect discarded-writes == 0 passed: measured 0 writes silently discarded by last-write-wins over 1 h',
        },
        {
            text: 'rejected-writes == 0',
            passed: true,
            message: 'expect rejected-writes == 0 passed: measured 0 writes refused over 1 h',
        },
    ])('$text → $passed', ({ text, passed, message }) => {
        const e = find(text);
        expect(e.passed).toBe(passed);
        if (typeof message === 'string') expect(e.message).toBe(message);
        else expect(e.message).toMatch(message);
    });

    it('gives the measured value and the difference in base units, with the line of the clause', () => {
        const e = find('rto <= 15m');
        expect(e.measured).toBe(26 * 60_000);
        expect(e.expected).toBe(15 * 60_000);
        expect(e.delta).toBe(11 * 60_000);
        expect(e.atMs).toBe(10 * 60_000);
        expect(e.line).toBe(DESIGN.split('\n').findIndex((l) => l.includes('expect rto <= 15m')) + 1);
    });

    it('measures detection from the fault to the failed health checks (20–30 s for 3 probes every 10 s)', () => {
        const e = find('detection <= 30s');
        expect(e.passed).toBe(true);
        expect(e.measured!).toBeGreaterThanOrEqual(20_000);
        expect(e.measured!).toBeLessThan(30_000);
    });

    it('counts the writes the promotion abandoned, and their age when the outage cut them off', () => {
        // The outage strands ≈ 100/s × 1 s writes in us-east-1; the promotion at 26 m abandons them.
        const lost = find('lost-writes == 0');
        expect(lost.passed).toBe(false);
        expect(lost.measured!).toBeGreaterThan(50);
        expect(lost.message).toMatch(
            /^expect lost-writes == 0 failed: measured \d+ \(\+\d+\) \(db from us-east-1 at 26 m\)$/,
        );
        const rpo = find('rpo <= 1s');
        expect(rpo.passed).toBe(true);
        expect(rpo.message).toMatch(
            /^expect rpo <= 1s passed: measured (9\d\d ms|1 s) in db: writes lost from us-east-1 at 26 m$/,
        );
        expect(rpo.measured!).toBeLessThanOrEqual(1_000);
    });

    it('states availability shortfalls in percentage points', () => {
        const e = find('availability >= 99%');
        expect(e.passed).toBe(false);
        expect(e.message).toMatch(
            /^expect availability >= 99% failed: measured 5\d\.\d+% \(−4\d\.\d+ pp\) of requests over 1 h$/,
        );
    });

    it('compares cost with the replication egress estimate', () => {
        // 100 writes/s × 1 KB × 1 other region × $0.02/GB over 30 days = $5.18.
        const e = find('cost <= $1/month');
        expect(e.passed).toBe(false);
        expect(e.measured).toBeCloseTo(5.184, 3);
        expect(e.message).toBe(
            'expect cost <= $1/month failed: measured $5.18/month (+$4.18/month) in replication egress per month at the declared rates',
        );
    });

    it('fails a clause the run cannot measure and says why', async () => {
        const r = await run(
            DESIGN.replace('keys 1000  ', '')
                .replace(/expect [^\n]*\n/g, '')
                .replace('seed 3', 'seed 3\n    expect stale-reads < 10%'),
        );
        expect(r.expectations[0]!.passed).toBe(false);
        expect(r.expectations[0]!.message).toBe(
            'expect stale-reads < 10% failed: measured not measured (the workload declares no key count)',
        );
        expect(r.summary.staleReadShare).toBeNull();
    });
});
