// The plan indexes only the regions a scenario can touch, so the RTT matrix and every per-region array grow
// with what the design uses, not with what it declares; unused declarations change nothing in the report.
import { describe, expect, it } from 'vitest';
import { estimateEvents } from '../../simulation/budget.js';
import { compileStructure } from '../../simulation/plan.js';
import { pathologicalDesign } from '../robustness/pathological-designs.js';
import { designOf, runModel } from './helpers.js';

/** `count` declared regions that nothing uses, with locations (so every RTT would be known). */
function unusedRegions(count: number): string {
    return Array.from(
        { length: count },
        (_, i) =>
            `region spare-${i} { provider on-prem  jurisdiction US  location ${(i % 80).toFixed(1)}, ${(Math.floor(i / 80) - 90).toFixed(1)} }`,
    ).join('\n');
}

const SPARE = unusedRegions(6);
const design = (parts: { workload?: string; scenario?: string; detect?: string } = {}) =>
    `${pathologicalDesign({
        extraRegions: 1,
        detect: parts.detect,
        workload: parts.workload ?? 'writes 10/s from us-east-1 100%',
        scenario: `workload w  duration 10m  ${parts.scenario ?? ''}`,
    })}\n${SPARE}\n`;

async function planRegions(text: string): Promise<readonly string[]> {
    const model = await designOf(text, true);
    return compileStructure(model, model.scenarios.get('s')!).regions;
}

describe('the regions a plan indexes', () => {
    it.each([
        {
            name: 'the regions of the store and the service',
            text: design(),
            regions: ['us-east-1', 'us-west-2', 'dc-0'],
        },
        {
            name: "an origin of the workload's writes",
            text: design({ workload: 'writes 10/s from spare-1 100%' }),
            regions: ['us-east-1', 'us-west-2', 'dc-0', 'spare-1'],
        },
        {
            name: "an origin of the workload's reads",
            text: design({ workload: 'reads 10/s from spare-2 100%' }),
            regions: ['us-east-1', 'us-west-2', 'dc-0', 'spare-2'],
        },
        {
            name: 'an outage',
            text: design({ scenario: 'at 1m outage region spare-3 for 1m' }),
            regions: ['us-east-1', 'us-west-2', 'dc-0', 'spare-3'],
        },
        {
            name: 'a partition',
            text: design({ scenario: 'at 1m partition spare-4 <-> spare-1 for 1m' }),
            regions: ['us-east-1', 'us-west-2', 'dc-0', 'spare-1', 'spare-4'],
        },
        {
            name: 'a control-plane impairment',
            text: design({ scenario: 'at 1m impair control-plane spare-5 for 1m' }),
            regions: ['us-east-1', 'us-west-2', 'dc-0', 'spare-5'],
        },
        {
            name: 'a health-check flap',
            text: design({ scenario: 'at 1m flap health-check shop in spare-0 for 1m' }),
            regions: ['us-east-1', 'us-west-2', 'dc-0', 'spare-0'],
        },
        {
            name: 'the region a failover action acts in',
            text: design().replace(
                'action shift-traffic',
                'action launch-capacity shop in spare-2\n    action shift-traffic',
            ),
            regions: ['us-east-1', 'us-west-2', 'dc-0', 'spare-2'],
        },
    ])('are those of the stores and services plus $name, in declaration order', async ({ text, regions }) => {
        expect(await planRegions(text)).toEqual(regions);
    });

    it('are 3 for a design declaring 6,000 regions and using 3, and the budget counts a 3 × 3 RTT matrix', async () => {
        const model = await designOf(
            `${pathologicalDesign({ extraRegions: 1, workload: 'writes 10/s from us-east-1 100%', scenario: 'workload w  duration 10m' })}\n${unusedRegions(6_000)}\n`,
            true,
        );
        const structure = compileStructure(model, model.scenarios.get('s')!);
        expect(structure.regions.length).toBe(3);
        expect(estimateEvents(structure, 1_000).work.regions).toBe(3);
    });

    it('give the same report with 6,000 unused regions declared as without them', async () => {
        const text = pathologicalDesign({
            extraRegions: 1,
            workload: 'writes 10/s from us-east-1 50%, dc-0 50%  reads 20/s  keys 100 shared 50%',
            scenario: 'workload w  duration 10m  at 2m outage region us-east-1 for 1m',
        });
        const without = runModel(await designOf(text, true), 's');
        const withUnused = runModel(await designOf(`${text}\n${unusedRegions(6_000)}\n`, true), 's');
        // Each design is a test document of its own: only its address differs (in the design and in each clause).
        const sameAddress = JSON.parse(
            JSON.stringify(withUnused).replaceAll(
                JSON.stringify(withUnused.design.uri),
                JSON.stringify(without.design.uri),
            ),
        );
        expect(sameAddress).toEqual(without);
    });
});
