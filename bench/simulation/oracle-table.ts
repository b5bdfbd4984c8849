// The closed-form oracles of test/simulation/ as a table of expected against measured values, for reviewers
// (the tests assert the same cases within the stated tolerances). Run: node bench/simulation/measure.mjs oracles
import '../../language/polyfill/object-group-by.cjs';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { modelOf } from './model-of.js';
import { simulate } from '../../simulation/run.js';

const ROOT = process.env.MREGION_ROOT ?? process.cwd();
const US = `topology T
region us-east-1 { provider aws  jurisdiction US }
region us-west-2 { provider aws  jurisdiction US }
`;
const rows: string[] = [];
const row = (c: string, expected: string, measured: string, tolerance: string) =>
    rows.push(`| ${c} | ${expected} | ${measured} | ${tolerance} |`);
const n = (x: number, d = 0) => x.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });

async function main(): Promise<void> {
    // Async loss.
    for (const [lag, rate, d] of [
        ['1s', 1000, 1000],
        ['5s', 200, 5000],
        ['250ms', 4000, 250],
        ['10ms', 4000, 39],
    ] as const) {
        const model =
            await modelOf(`${US}store db { engine aurora regions us-east-1, us-west-2 holds shared rows writes primary us-east-1 replication async lag ${lag} consistency eventual }
workload w for db { writes ${rate}/s from us-east-1 100% }
scenario s { workload w  duration 10m  at 5m outage region us-east-1 for 1m  seed 3 }`);
        const s = simulate(model, 's').stores[0]!;
        const expected = (rate * d) / 1000;
        row(
            `async lag ${lag}, ${rate} writes/s, outage: lost writes`,
            `λ·d = ${n(expected)}`,
            n(s.lostWrites),
            `± 4√(λd) = ${n(4 * Math.sqrt(expected))}`,
        );
        row(`… RPO`, `d = ${d} ms`, `${n(s.rpoMs!, 1)} ms`, '(d − 25 ms, d]');
    }
    // DNS / anycast recovery.
    const failover = async (detect: string, route: string, actions: string, seeds: number) => {
        const rtos: number[] = [];
        for (let seed = 1; seed <= seeds; seed++) {
            const promotes = actions.includes('promote');
            const model =
                await modelOf(`${US}${promotes ? 'store db { engine aurora regions us-east-1, us-west-2 holds shared rows writes primary us-east-1 replication async lag 1s consistency eventual }' : ''}
service api { regions us-east-1, us-west-2 primary us-east-1 posture warm-standby capacity 100% per region ${promotes ? 'uses db' : ''} }
failover api { detect health-check ${detect} route ${route} ${actions} drill every 30d }
workload w for api { writes 20/s from us-east-1 100%  reads 200/s from us-east-1 100% keys 1000 }
scenario s { workload w  duration 30m  at 10m outage region us-east-1 for 15m  seed ${seed} }`);
            rtos.push(simulate(model, 's').recovery.find((r) => r.usersOf === 'us-east-1')!.rtoMs!);
        }
        return rtos;
    };
    for (const c of [
        {
            name: 'DNS, every 10 s × 3, TTL 60 s',
            detect: 'every 10s threshold 3 timeout 0s',
            route: 'dns ttl 60s',
            actions: '',
            low: 80,
            high: 90,
        },
        {
            name: 'DNS, every 30 s × 3 + 6 s timeout, TTL 60 s',
            detect: 'every 30s threshold 3',
            route: 'dns ttl 60s',
            actions: '',
            low: 126,
            high: 156,
        },
        {
            name: 'DNS + 1 min promotion before the shift',
            detect: 'every 10s threshold 3 timeout 0s',
            route: 'dns ttl 60s',
            actions: 'action promote db action shift-traffic',
            low: 140,
            high: 150,
        },
        {
            name: 'DNS with a 10 % resolver tail of 5 min',
            detect: 'every 10s threshold 3 timeout 0s',
            route: 'dns ttl 60s tail 10% 5m',
            actions: '',
            low: 380,
            high: 390,
        },
        {
            name: 'anycast, every 10 s × 3',
            detect: 'every 10s threshold 3 timeout 0s',
            route: 'anycast',
            actions: '',
            low: 20,
            high: 30,
        },
    ]) {
        const rtos = await failover(c.detect, c.route, c.actions, 24);
        const mean = rtos.reduce((a, b) => a + b, 0) / rtos.length / 1000;
        row(
            `${c.name}: RTO (24 seeds)`,
            `∈ [${c.low}, ${c.high}) s, mean ${(c.low + c.high) / 2} s`,
            `${n(Math.min(...rtos) / 1000, 1)}–${n(Math.max(...rtos) / 1000, 1)} s, mean ${n(mean, 1)} s`,
            `bounds exact; mean ± 5σ/√24 = ${n((5 * (c.high - c.low)) / Math.sqrt(12 * 24), 1)} s`,
        );
    }
    // Quorum latency.
    const quorum = await modelOf(`topology T
region us-east-1 { provider aws jurisdiction US }
region eu-west-1 { provider aws jurisdiction EU }
region ap-northeast-1 { provider aws jurisdiction JP }
store t { engine cockroachdb regions us-east-1, eu-west-1, ap-northeast-1 holds shared rows writes any-region replication consensus quorum 2 consistency strong }
workload w for t { writes 300/s from us-east-1 40%, eu-west-1 40%, ap-northeast-1 20% }
scenario s { workload w duration 2m seed 4 }`);
    const q = simulate(quorum, 's').stores[0]!;
    for (const [region, ms] of [
        ['us-east-1', 76],
        ['eu-west-1', 76],
        ['ap-northeast-1', 163],
    ] as const) {
        const p = q.byRegion.find((r) => r.region === region)!.writeLatencyMs;
        row(
            `consensus quorum 2 of 3, writes from ${region}`,
            `≥ RTT to nearest voter = ${ms} ms`,
            `p50 ${p.p50} ms, p99 ${p.p99} ms`,
            'exact',
        );
    }
    // LWW overlap.
    for (const [lambda, lag, d, hours] of [
        [1, '500ms', 0.5, 4],
        [0.2, '1s', 1, 8],
        [5, '100ms', 0.1, 1],
    ] as const) {
        const model =
            await modelOf(`${US}store c { engine dynamodb regions us-east-1, us-west-2 holds shared counter writes any-region replication async lag ${lag} consistency eventual conflicts lww }
workload w for c { writes ${2 * lambda}/s from us-east-1 50%, us-west-2 50%  keys 1 shared 100% }
scenario s { workload w  duration ${hours}h  seed 11 }`);
        const expected = hours * 3600 * lambda * Math.exp(-lambda * d) * (1 - Math.exp(-2 * lambda * d));
        row(
            `LWW, one shared key, λ = ${lambda}/s per region, d = ${lag}, ${hours} h: discarded`,
            `Dλe^(−λd)(1 − e^(−2λd)) = ${n(expected, 1)}`,
            n(simulate(model, 's').stores[0]!.discardedWrites),
            `± 4√ = ${n(4 * Math.sqrt(expected))}`,
        );
    }
    // CRDT convergence.
    const crdt =
        await modelOf(`${US}store c { engine dynamodb regions us-east-1, us-west-2 holds shared counter writes any-region replication async lag 1s consistency eventual conflicts crdt pn-counter }
workload w for c { writes 200/s from us-east-1 50%, us-west-2 50%  keys 100 shared 100% }
scenario s { workload w  duration 20m  at 5m partition us-east-1 <-> us-west-2 for 10m  seed 2 }`);
    const cs = simulate(crdt, 's').stores[0]!;
    for (const r of cs.replicas)
        row(
            `CRDT counter after a 10 min partition heals: ${r.region}`,
            `value = all ${n(cs.writes.acknowledged)} increments (minus the last second in flight)`,
            `${n(r.appliedWrites)} applied + ${n(r.pendingWrites)} in flight; ${n(cs.merges)} merges, 0 discarded`,
            'exact; in flight ≤ λ·lag + 5σ = 271',
        );
    // Consensus minority.
    const minority = await modelOf(`topology T
region us-east-1 { provider aws jurisdiction US }
region us-west-2 { provider aws jurisdiction US }
region eu-west-1 { provider aws jurisdiction EU }
store l { engine cockroachdb regions us-east-1, us-west-2, eu-west-1 holds shared rows writes any-region replication consensus consistency strong }
workload w for l { writes 300/s from us-east-1 50%, us-west-2 25%, eu-west-1 25% }
scenario s { workload w duration 15m at 5m partition us-east-1 <-> us-west-2 for 5m at 5m partition us-east-1 <-> eu-west-1 for 5m seed 6 }`);
    const ms = simulate(minority, 's').stores[0]!;
    row(
        'consensus: us-east-1 cut off from both other voters for 5 min: rejected writes',
        '150/s × 300 s = 45,000',
        n(ms.writes.rejected),
        `± 4√ = ${n(4 * Math.sqrt(45000))}`,
    );
    // Control plane.
    const cp = async (impair: string) => {
        const model =
            await modelOf(`${US}service api { regions us-east-1, us-west-2 primary us-east-1 posture pilot-light capacity us-east-1 100%, us-west-2 0% }
failover api { detect health-check every 10s threshold 3 timeout 0s route arc-routing-control action launch-capacity api in us-west-2 action flip-routing-control drill every 30d }
workload w for api { writes 10/s from us-east-1 100% }
scenario s { workload w duration 3h at 10m outage region us-east-1 for 2h ${impair} seed 8 }`);
        return simulate(model, 's');
    };
    const blocked = await cp('at 5m impair control-plane us-west-2 for 30m');
    const done = blocked.timeline.find((e) => e.kind === 'action-done' && e.text.startsWith('launch-capacity'))!.atMs;
    row(
        'launch-capacity (10 min) while its control plane is impaired until 35 m',
        'completes at 35 m + 10 m = 45 m',
        `${n(done / 60000, 3)} m`,
        'exact',
    );
    const paused = await cp('at 12m impair control-plane us-west-2 for 5m');
    const det = paused.recovery[0]!.detectionMs!;
    const pausedDone = paused.timeline.find(
        (e) => e.kind === 'action-done' && e.text.startsWith('launch-capacity'),
    )!.atMs;
    row(
        'launch-capacity paused 5 min mid-way by an impairment',
        'detection + 10 m + 5 m',
        `detection + ${n((pausedDone - det) / 60000, 3)} m`,
        'exact',
    );
    // Stale reads.
    const stale =
        await modelOf(`${US}store db { engine aurora regions us-east-1, us-west-2 holds shared rows writes primary us-east-1 replication async lag 2s consistency eventual }
service app { regions us-east-1, us-west-2 posture active-active capacity 100% per region uses db }
workload w for app { writes 500/s from us-east-1 100%  reads 1000/s from us-east-1 50%, us-west-2 50%  keys 1000 }
scenario s { workload w duration 10m seed 5 }`);
    row(
        'stale reads: μ = 0.5/s per key, lag 2 s, half the reads in the secondary',
        `½(1 − e^(−μd)) = ${n(0.5 * (1 - Math.exp(-1)) * 100, 4)} %`,
        `${n(simulate(stale, 's').summary.staleReadShare! * 100, 4)} %`,
        '0.1 % relative',
    );
    // The seed's figures.
    const netflixDesign = readFileSync(path.join(ROOT, 'examples/netflix.mregion'), 'utf8').replace(
        /\n(workload|scenario)\s[\s\S]*?\n\}/g,
        '',
    );
    const netflix = simulate(
        await modelOf(`${netflixDesign}
workload records for viewing-history { writes 10000/s from us-east-1 100% }
scenario million { workload records  duration 100s  seed 7 }`),
        'million',
    ).stores.find((s) => s.id === 'viewing-history')!;
    row(
        'Netflix: 1,000,000 records written in us-east-1 readable in us-west-2 after 500 ms',
        'every record applied ≤ 500 ms after its write',
        `${n(netflix.writes.acknowledged)} written, slowest applied after ${netflix.lag[0]!.maxMs} ms`,
        'exact',
    );
    process.stdout.write(
        `| case | expected (closed form) | measured | tolerance |\n|---|---|---|---|\n${rows.join('\n')}\n`,
    );
}

main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
});
