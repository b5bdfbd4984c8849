// A failover whose `to` is the region it fails over from moves nothing: one error at `to`, whether `from` is written
// or is the primary the failover starts from.
import { describe, expect, it } from 'vitest';
import { errors, modelOf } from '../helpers/services.js';

const REGIONS = 'topology T\nregion us-east-1 {}\nregion us-west-2 {}\n';
const APP = 'service app { regions us-east-1, us-west-2 posture active-passive primary us-east-1 }\n';

describe('a failover to the region it fails over from', () => {
    it.each([
        { name: 'with from written', failover: 'failover app from us-east-1 to us-east-1 { route dns ttl 60s }' },
        { name: 'from the primary', failover: 'failover app to us-east-1 { route dns ttl 60s }' },
    ])('is one error at its "to" $name', async ({ failover }) => {
        const text = `${REGIONS}${APP}${failover}\n`;
        const { diagnostics } = await modelOf(text);
        const lines = text.split('\n');
        const found = errors(diagnostics).map((d) => [
            d.message,
            lines[d.range.start.line]?.slice(d.range.start.character, d.range.end.character),
        ]);
        expect(found).toEqual([
            ["app would fail over from us-east-1 to us-east-1: 'to' must name another of its regions", 'us-east-1'],
        ]);
    });

    it('is no error when "to" names another region', async () => {
        const text = `${REGIONS}${APP}failover app from us-east-1 to us-west-2 { route dns ttl 60s }\n`;
        expect(errors((await modelOf(text)).diagnostics)).toEqual([]);
    });
});
