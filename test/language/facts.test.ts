// The facts table agrees with docs/facts.md: city coordinates reproduce the great-circle distances of the
// measured regions, the measured RTT table is symmetric and complete, and regions map to their jurisdictions.
import { describe, expect, test } from 'vitest';
import { knownRegion, KNOWN_REGIONS } from '../../language/semantics/facts/regions.js';
import { measuredRttMs, MEASURED_REGIONS } from '../../language/semantics/facts/latency.js';
import { egressUsdPerGB } from '../../language/semantics/facts/defaults.js';
import { greatCircleKm, rttFromDistanceMs } from '../../language/semantics/geo.js';

// Upper triangle of docs/facts.md#region-cities: great-circle distance in thousands of km, rounded to 0.1.
const DISTANCES_KKM: readonly [string, string, number][] = [
    ['us-east-1', 'us-east-2', 0.5],
    ['us-east-1', 'us-west-2', 3.5],
    ['us-east-1', 'eu-west-1', 5.5],
    ['us-east-1', 'eu-central-1', 6.5],
    ['us-east-1', 'ap-southeast-1', 15.5],
    ['us-east-1', 'ap-northeast-1', 10.9],
    ['us-west-2', 'eu-central-1', 8.2],
    ['eu-west-1', 'eu-central-1', 1.1],
    ['eu-west-1', 'eu-west-2', 0.5],
    ['ap-southeast-1', 'ap-northeast-1', 5.3],
    ['ap-south-1', 'sa-east-1', 13.8],
    ['sa-east-1', 'ap-southeast-2', 13.4],
    ['ca-central-1', 'us-east-1', 0.8],
    ['ap-southeast-2', 'eu-central-1', 16.5],
    ['eu-west-2', 'ap-south-1', 7.2],
];

describe('facts table', () => {
    test.each(DISTANCES_KKM)(
        'places %s and %s %f thousand km apart, as docs/facts.md#region-cities says',
        (a, b, kkm) => {
            const km = greatCircleKm(knownRegion(a)!.location!, knownRegion(b)!.location!);
            expect(Math.abs(km / 1000 - kkm)).toBeLessThanOrEqual(0.05 + 1e-9);
        },
    );

    test('has a symmetric measured RTT for every pair of the twelve regions of docs/facts.md#cloudping-rtt-matrix', () => {
        for (const a of MEASURED_REGIONS) {
            for (const b of MEASURED_REGIONS) {
                if (a === b) continue;
                expect(measuredRttMs(a, b), `${a}–${b}`).toBeGreaterThan(0);
                expect(measuredRttMs(a, b)).toBe(measuredRttMs(b, a));
            }
        }
        expect(measuredRttMs('us-east-1', 'eu-west-1')).toBe(76);
        expect(measuredRttMs('sa-east-1', 'ap-southeast-1')).toBe(340);
    });

    test('estimates RTT from distance as max(2 ms, 1.6 ms per 100 km)', () => {
        expect(rttFromDistanceMs(0)).toBe(2);
        expect(rttFromDistanceMs(100)).toBe(2);
        expect(rttFromDistanceMs(1000)).toBeCloseTo(16, 10);
        expect(rttFromDistanceMs(8000)).toBeCloseTo(128, 10);
    });

    test.each([
        ['eu-west-1', 'EU'],
        ['eu-central-1', 'EU'],
        ['eu-west-2', 'UK'],
        ['eu-central-2', 'CH'],
        ['us-east-1', 'US'],
        ['ap-south-1', 'IN'],
        ['ca-central-1', 'CA'],
        ['ap-northeast-1', 'JP'],
        ['sa-east-1', 'BR'],
        ['europe-west3', 'EU'],
    ])('puts %s in jurisdiction %s (docs/facts.md#aws-region-jurisdictions)', (region, jurisdiction) => {
        expect(knownRegion(region)?.jurisdiction).toBe(jurisdiction);
    });

    test.each([
        // Azure canadacentral is in Toronto, about 500 km from Montréal (ca-central-1), not in the same city.
        ['canadacentral', 'Toronto', 0.5, 'ca-central-1'],
        ['canadaeast', 'Québec City', 0.23, 'ca-central-1'],
        ['northamerica-northeast1', 'Montréal', 0, 'ca-central-1'],
    ] as const)(
        'places %s in %s, %f thousand km from %s (docs/facts.md#same-city-regions)',
        (region, city, kkm, aws) => {
            expect(knownRegion(region)?.city).toBe(city);
            const km = greatCircleKm(knownRegion(region)!.location!, knownRegion(aws)!.location!);
            expect(Math.abs(km / 1000 - kkm)).toBeLessThanOrEqual(0.05);
        },
    );

    test('names each known region once and cites its facts entry for each', () => {
        const ids = KNOWN_REGIONS.map((r) => r.id);
        expect(new Set(ids).size).toBe(ids.length);
        for (const r of KNOWN_REGIONS)
            expect(r.source).toMatch(/docs\/facts\.md#(aws-region-jurisdictions|same-city-regions)/);
    });

    test.each([
        ['us-east-1', 'us-east-2', 0.01],
        ['us-east-2', 'us-east-1', 0.01],
        ['us-east-1', 'eu-west-1', 0.02],
        ['ap-southeast-1', 'us-east-1', 0.09],
        ['sa-east-1', 'us-east-1', 0.16],
        ['ap-southeast-2', 'eu-west-1', 0.14],
    ])('prices transfer from %s to %s at $%f/GB (docs/facts.md#aws-inter-region-transfer-price)', (from, to, price) => {
        expect(egressUsdPerGB(from, to)?.value).toBe(price);
    });

    test('knows no price for a region the transfer price table does not list', () => {
        expect(egressUsdPerGB('af-south-1', 'eu-west-1')).toBeUndefined();
    });
});
