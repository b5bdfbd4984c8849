// Scenarios → AWS FIS game days, on the plan: which faults become which FIS actions in which region, and what is
// listed as not injectable with the reason. The synthesized templates are checked in fixtures-synth.test.ts.
import { describe, expect, test } from 'vitest';
import { planExport } from '../../export/cdk/index.js';
import { modelOf } from '../helpers/services.js';

const DESIGN = (faults: string) => `topology G "game days"
region us-east-1 { provider aws jurisdiction US }
region us-west-2 { provider aws jurisdiction US }
region us-central1 { provider gcp jurisdiction US }
store orders { engine aurora regions us-east-1, us-west-2 holds shared rows writes primary us-east-1 consistency session }
store carts { engine dynamodb regions us-east-1, us-west-2 holds per-user rows writes any-region replication async lag 1s consistency eventual conflicts lww }
service api { regions us-east-1, us-west-2 primary us-east-1 posture warm-standby capacity 100% per region uses orders, carts }
workload steady for api { writes 10/s from us-east-1 100% reads 10/s keys 100 item-size 1KB }
scenario rehearsal { workload steady duration 2h ${faults} }
`;

describe('game days', () => {
    test.each([
        {
            name: 'a region outage becomes network disruption, replication pause and Aurora failover in that region',
            faults: 'at 0s outage region us-west-2 for 20m',
            experiments: [
                [
                    'rehearsal us-west-2',
                    [
                        'aws:network:disrupt-connectivity PT20M',
                        'aws:dynamodb:global-table-pause-replication PT20M',
                        'aws:rds:failover-db-cluster',
                    ],
                ],
            ],
            notInjectable: [],
        },
        {
            name: 'an outage longer than FIS allows is capped at twelve hours',
            faults: 'at 0s outage region us-east-1 for 20h',
            experiments: [
                [
                    'rehearsal us-east-1',
                    [
                        'aws:network:disrupt-connectivity PT720M',
                        'aws:dynamodb:global-table-pause-replication PT720M',
                        'aws:rds:failover-db-cluster',
                    ],
                ],
            ],
            notInjectable: [],
        },
    ])('$name', async ({ faults, experiments }) => {
        const { model } = await modelOf(DESIGN(faults));
        const plan = planExport(model);
        expect(
            plan.gameDayStacks
                .flatMap((s) => s.experiments)
                .map((e) => [e.key, e.actions.map((a) => `${a.actionId}${a.duration ? ` ${a.duration}` : ''}`)]),
        ).toEqual(experiments);
    });

    test.each([
        {
            fault: 'at 1m outage region us-central1 for 10m',
            reason: /not an AWS region: FIS acts on AWS resources only/,
        },
        { fault: 'at 1m destroy region us-east-1', reason: /FIS cannot destroy a region's storage/ },
        { fault: 'at 1m partition us-east-1 <-> us-west-2 for 10m', reason: /transit gateways and route tables/ },
        {
            fault: 'at 1m impair control-plane us-east-1 for 10m',
            reason: /cannot make an AWS management API unavailable/,
        },
    ])('lists "$fault" as not injectable, with the reason', async ({ fault, reason }) => {
        const { model, problems } = await modelOf(DESIGN(fault));
        expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
        const plan = planExport(model);
        expect(plan.gameDayStacks).toEqual([]);
        expect(plan.notInjectable).toContainEqual({
            name: expect.stringMatching(/^scenario rehearsal: /),
            reason: expect.stringMatching(reason),
        });
    });
});
