// standby-capacity with a quota: a failover that scales out exempts the service only when it can bring the region
// that takes over to the whole load. Worked by hand: two regions at 50 % each, all users on the survivor after a
// loss (100 %); scale-out raises it to min(100 %, quota): a 70 % quota leaves 30 % failing.
import { describe, expect, it } from 'vitest';
import { diagnosticsOf } from './rule-cases.js';

const design = (quota: string, action = 'action scale-out web in us-west-2 takes 5m') => `topology Web
region us-east-1 {}
region us-west-2 {}
service web { regions us-east-1, us-west-2 posture active-active capacity 50% per region ${quota} }
failover web from us-east-1 to us-west-2 { detect health-check every 10s threshold 3 route dns ttl 60s ${action} drill every 30d }
workload w for web { writes 1000/s from us-east-1 50%, us-west-2 50% }`;

async function messages(text: string): Promise<string[]> {
    const { diagnostics } = await diagnosticsOf(text);
    return diagnostics.filter((d) => d.code === 'standby-capacity').map((d) => String(d.message));
}

describe('standby-capacity with a quota', () => {
    it.each([
        { name: 'a scale-out without a quota', quota: '' },
        { name: 'a quota that covers the load', quota: 'quota 100%' },
        { name: 'a quota above the load', quota: 'quota 150%' },
    ])('is silent for $name', async ({ quota }) => {
        expect(await messages(design(quota))).toEqual([]);
    });

    it('flags a quota that stops the scale-out short, with the share that still fails', async () => {
        const [message, ...others] = await messages(design('quota 70%'));
        expect(others).toEqual([]);
        expect(message).toContain('us-west-2 then carries 100% of the load with capacity for 70%');
        expect(message).toContain('about 30% of requests fail or queue');
        expect(message).toContain('its failover adds it only up to its quota of 70%');
    });

    it('judges without the quota when no failover adds capacity', async () => {
        const [message] = await messages(design('quota 70%', ''));
        expect(message).toContain('with capacity for 50%');
        expect(message).toContain('no failover action adds it');
    });
});
