// cross-cell-write, whole findings: place, severity, message and fix. The rule-cases table (residency-rules.test.ts)
// checks fragments only. As docs/rules/cross-cell-write.md says: a per-cell service that writes (`uses`) a global
// store reaches every cell through it, so the cell no longer bounds the blast radius; the fix makes the store per
// cell (each cell gets its own, in the cell's regions, so its own `regions` clause goes).
import { describe, expect, it } from 'vitest';
import { wholeFindings } from './whole-findings.js';

const REGIONS = `topology Customers
region eu-west-1 {}
region eu-central-1 {}
`;
const CELLS = 'cell a { regions eu-west-1 }\ncell b { regions eu-central-1 }\n';
const postgres = (name: string, regions: string) =>
    `store ${name} { engine postgres regions ${regions} holds shared rows }\n`;

const SHARED = (store: string) =>
    `front runs per cell but writes ${store}, a global store every cell shares: a bad deploy, hot key or overload in ` +
    `one cell reaches every cell through it, so the cell no longer bounds the blast radius`;
const PER_CELL = (store: string, regions: string) => [
    {
        title: `Make ${store} per cell (each cell gets its own)`,
        preferred: true,
        edits: [`replace '${store}' with '${store} per cell'`, `delete 'regions ${regions}'`],
    },
];

describe('cross-cell-write', () => {
    it.each([
        {
            name: 'a per-cell service writing a global store beside its own, at its uses',
            design: `${REGIONS}${CELLS}store shop per cell { engine postgres holds per-tenant rows }\n${postgres('orders', 'eu-west-1')}service front per cell { uses shop, orders }\n`,
            expected: [
                {
                    at: 'uses shop, orders',
                    severity: 'warning',
                    message: SHARED('orders'),
                    fixes: PER_CELL('orders', 'eu-west-1'),
                },
            ],
        },
        {
            name: 'each global store it writes is a finding with its own fix',
            design: `${REGIONS}${CELLS}${postgres('orders', 'eu-west-1')}${postgres('audit', 'eu-central-1')}service front per cell { uses orders, audit }\n`,
            expected: [
                {
                    at: 'uses orders, audit',
                    severity: 'warning',
                    message: SHARED('orders'),
                    fixes: PER_CELL('orders', 'eu-west-1'),
                },
                {
                    at: 'uses orders, audit',
                    severity: 'warning',
                    message: SHARED('audit'),
                    fixes: PER_CELL('audit', 'eu-central-1'),
                },
            ],
        },
        {
            // Both cells' instances of front write it: one finding, no cell named.
            name: 'cells over the same regions are one finding',
            design: `${REGIONS}cell a { regions eu-west-1, eu-central-1 }\ncell b { regions eu-central-1, eu-west-1 }\nstore sessions { engine dynamodb regions eu-west-1, eu-central-1 holds per-user rows }\nservice front per cell { posture active-passive uses sessions }\n`,
            expected: [
                {
                    at: 'uses sessions',
                    severity: 'warning',
                    message: SHARED('sessions'),
                    fixes: PER_CELL('sessions', 'eu-west-1, eu-central-1'),
                },
            ],
        },
        {
            name: 'passes a per-cell service writing its own cell’s store',
            design: `${REGIONS}${CELLS}store shop per cell { engine postgres holds per-tenant rows }\nservice front per cell { uses shop }\n`,
            expected: [],
        },
        {
            name: 'passes a per-cell service that only reads a global store',
            design: `${REGIONS}${CELLS}${postgres('catalog', 'eu-west-1')}service front per cell { reads catalog }\n`,
            expected: [],
        },
        {
            // Not in a cell, it has no blast radius a cell bounds.
            name: 'passes a global service writing a per-cell store',
            design: `${REGIONS}${CELLS}store shop per cell { engine postgres holds per-tenant rows }\nservice admin { regions eu-west-1 uses shop }\n`,
            expected: [],
        },
        {
            name: 'passes a global service writing a global store',
            design: `${REGIONS}${postgres('catalog', 'eu-west-1')}service admin { regions eu-west-1 uses catalog }\n`,
            expected: [],
        },
    ])('$name', async ({ design, expected }) => {
        expect(await wholeFindings('cross-cell-write', design)).toEqual(expected);
    });
});
