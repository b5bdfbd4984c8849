// failover-never-rehearsed, whole findings: message, place and fix. The rule-cases table (failover-rules.test.ts)
// checks fragments only. As docs/rules/failover-never-rehearsed.md says: a failover with no drill, `drill never`, or
// drills more than 90 days apart (docs/facts.md#drill-max-interval) is flagged; `drill every 90d` passes. The fix
// writes `drill every 30d`, replacing the drill clause when there is one.
import { describe, expect, it } from 'vitest';
import { wholeFindings } from './whole-findings.js';

const REGIONS = `topology Api
region us-east-1 {}
region us-west-2 {}
`;
const API = 'service api { regions us-east-1, us-west-2 posture active-active }\n';
const drilled = (drill: string) => `${REGIONS}${API}failover api {\nroute anycast\n${drill}\n}\n`;

const ROT =
    ': a path that is not exercised tends to fail when it is needed — stale runbooks, expired credentials, capacity that was never tested (the seed: Netflix evacuates a whole region every few weeks)';
const REHEARSE = (edit: string) => [
    { title: 'Rehearse it every 30 days (drill every 30d)', preferred: true, edits: [edit] },
];

describe('failover-never-rehearsed', () => {
    it.each([
        {
            // No drill clause: the finding points at the failover's target, and the fix adds the clause.
            name: 'a failover with no drill is flagged at its target, and the fix adds one',
            design: drilled(''),
            expected: [
                {
                    at: 'api',
                    severity: 'warning',
                    message: `the failover of api declares no drill (rehearse it at least every 90 days)${ROT}`,
                    fixes: REHEARSE("add 'drill every 30d' to 'failover api {'"),
                },
            ],
        },
        {
            name: 'a failover that is never drilled is flagged at its drill, and the fix replaces it',
            design: drilled('drill never'),
            expected: [
                {
                    at: 'drill never',
                    severity: 'warning',
                    message: `the failover of api is never drilled (rehearse it at least every 90 days)${ROT}`,
                    fixes: REHEARSE("replace 'drill never' with 'drill every 30d'"),
                },
            ],
        },
        {
            name: 'drills 91 days apart, one day more than 90',
            design: drilled('drill every 91d'),
            expected: [
                {
                    at: 'drill every 91d',
                    severity: 'warning',
                    message: `the failover of api is drilled every 91 d, more than 90 days apart${ROT}`,
                    fixes: REHEARSE("replace 'drill every 91d' with 'drill every 30d'"),
                },
            ],
        },
        {
            // 90 days and one hour: 2,161 h.
            name: 'drills 90 days and one hour apart',
            design: drilled('drill every 2161h'),
            expected: [
                {
                    at: 'drill every 2161h',
                    severity: 'warning',
                    message: `the failover of api is drilled every 90 d 1 h, more than 90 days apart${ROT}`,
                    fixes: REHEARSE("replace 'drill every 2161h' with 'drill every 30d'"),
                },
            ],
        },
        {
            // A store's failover is named by the store.
            name: 'a store failover with no drill names the store',
            design: `${REGIONS}store db { engine dynamodb regions us-east-1, us-west-2 holds shared rows writes primary us-east-1 }\nfailover db { action promote db takes 1m }\n`,
            expected: [
                {
                    at: 'db',
                    severity: 'warning',
                    message: `the failover of db declares no drill (rehearse it at least every 90 days)${ROT}`,
                    fixes: REHEARSE("add 'drill every 30d' to 'failover db { action promote db takes 1m }'"),
                },
            ],
        },
        {
            // One failover per cell: one finding, named by the service, not its per-cell instance.
            name: 'a per-cell service’s failover with no drill is one finding named by the service',
            design: `${REGIONS}cell c1 { regions us-east-1, us-west-2 }\ncell c2 { regions us-east-1, us-west-2 }\nservice app per cell { posture active-active }\nfailover app {\nroute anycast\n}\n`,
            expected: [
                {
                    at: 'app',
                    severity: 'warning',
                    message: `the failover of app declares no drill (rehearse it at least every 90 days)${ROT}`,
                    fixes: REHEARSE("add 'drill every 30d' to 'failover app {'"),
                },
            ],
        },
        { name: 'passes drills exactly 90 days apart', design: drilled('drill every 90d'), expected: [] },
        {
            name: 'passes drills 2,160 hours apart, the same 90 days',
            design: drilled('drill every 2160h'),
            expected: [],
        },
        { name: 'passes monthly drills', design: drilled('drill every 30d'), expected: [] },
    ])('$name', async ({ design, expected }) => {
        expect(await wholeFindings('failover-never-rehearsed', design)).toEqual(expected);
    });
});
