// standby-capacity with client retries: retries never change what a survivor must absorb (with room for the load
// nothing fails, so nothing is retried) nor the share that fails over capacity (retries add load, not successes),
// so the rule flags exactly the designs it flags without them; its message adds what the clients then offer.
// Worked by hand: all users on one region at 50 % capacity with 2 retries: f = (1 − 0.5)^(1/3) = 0.7937, and the
// offered load 1 + f + f² = 2.42 times the requests (242 %), which is 0.5 / (1 − f) as well.
import { describe, expect, it } from 'vitest';
import { diagnosticsOf } from './rule-cases.js';

const REGIONS = `topology Web
region us-east-1 {}
region us-west-2 {}
`;
const web = (capacity: string, retries: string) =>
    `${REGIONS}service web { regions us-east-1, us-west-2 posture active-active capacity ${capacity} ${retries} }
workload w for web { writes 1000/s from us-east-1 50%, us-west-2 50% }`;

async function messages(design: string): Promise<string[]> {
    const { diagnostics } = await diagnosticsOf(design);
    return diagnostics.filter((d) => d.code === 'standby-capacity').map((d) => String(d.message));
}

describe('standby-capacity with retries', () => {
    it.each([
        { name: 'room for the whole load, with retries', capacity: '100% per region', retries: 'retries 3' },
        { name: 'room for the whole load, retries 0', capacity: '100% per region', retries: 'retries 0' },
    ])('is silent: $name', async ({ capacity, retries }) => {
        expect(await messages(web(capacity, retries))).toEqual([]);
    });

    it.each([
        { retries: '', offered: null },
        { retries: 'retries 0', offered: null },
        { retries: 'retries 2 backoff 100ms', offered: 1 + 0.5 ** (1 / 3) + 0.5 ** (2 / 3) },
    ])('flags a 50 % survivor the same way ($retries), adding the offered load', async ({ retries, offered }) => {
        const [message, ...others] = await messages(web('50% per region', retries));
        expect(others).toEqual([]);
        expect(message).toContain('us-west-2 then carries 100% of the load with capacity for 50%');
        expect(message).toContain('about 50% of requests fail or queue');
        if (offered === null) expect(message).not.toContain('offered about');
        else
            expect(message).toContain(
                `(offered about ${(offered * 100).toFixed(2)}% with its clients' 2 retries, docs/facts.md#retry-load)`,
            );
    });
});
