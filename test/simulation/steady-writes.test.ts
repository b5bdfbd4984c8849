// The steady path of writes (engine/mechanisms/writes.ts, `SteadyWrites`) against the full path every write can
// take: the same draws are made either way (the arrival process decides the stream and the key class before
// either runs), so a run whose writes all take the full path must give the same report, byte for byte. Every
// scenario of every bundled example is run both ways, and designs that switch the path on and off mid-run: a
// DNS transition, refusals while a consensus store lacks its quorum, a staleness bound, lag spikes.
import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SteadyWrites } from '../../simulation/engine/steady-writes.js';
import type { Model } from '../../language/semantics/model.js';
import { ROOT } from '../helpers/bundles.js';
import { consensusStore, designOf, dynamoStore, example, runModel, TWO_US_REGIONS } from './helpers.js';

const original = SteadyWrites.prototype.tryWrite;
afterEach(() => {
    SteadyWrites.prototype.tryWrite = original;
});

/**
 * A digest of each scenario's JSON report, with every write on the full path when `fullPath`, and how many
 * writes took the steady path (reports of the big examples are tens of MB: digests keep the memory flat).
 */
function reports(model: Model, fullPath: boolean): { json: string[]; steady: number } {
    let steady = 0;
    // Patched by hand: a spy would keep every call's arguments, millions of them.
    SteadyWrites.prototype.tryWrite = function (this: SteadyWrites, ctx, i) {
        if (fullPath) return false;
        const taken = original.call(this, ctx, i);
        if (taken) steady++;
        return taken;
    };
    const json = [...model.scenarios.keys()].map((s) =>
        createHash('sha256')
            .update(JSON.stringify(runModel(model, s, { seed: 5 })))
            .digest('hex'),
    );
    SteadyWrites.prototype.tryWrite = original;
    return { json, steady };
}

const EXAMPLES = readdirSync(path.join(ROOT, 'examples'))
    .filter((f) => f.endsWith('.mregion'))
    .map((f) => f.replace(/\.mregion$/, ''))
    .sort();

describe('the steady path of writes gives the report of the full path', () => {
    it.each(EXAMPLES)('every scenario of %s', async (name) => {
        const model = await designOf(example(name), true);
        const fast = reports(model, false);
        expect(reports(model, true).json).toEqual(fast.json);
    });

    const failover = `failover shop {
    detect health-check every 10s threshold 3
    route  dns ttl 60s
    action shift-traffic
    drill  every 30d
}`;
    it.each([
        {
            name: 'a DNS transition after an outage, and shared keys under LWW',
            text: `${TWO_US_REGIONS}
${dynamoStore('carts')}
service shop {
    regions   us-east-1, us-west-2
    posture   active-active
    capacity  100% per region
    uses      carts
}
${failover}
workload busy for shop { writes 400/s from us-east-1 50%, us-west-2 50%  keys 5000 shared 10% }
scenario s { workload busy  duration 6m  at 1m outage region us-east-1 for 3m  at 5m partition us-east-1 <-> us-west-2 for 20s }
`,
        },
        {
            name: 'a consensus store that refuses writes while it lacks its quorum',
            text: `${TWO_US_REGIONS}
${consensusStore('ledger', ['us-east-1', 'us-west-2'], 2)}
service pay {
    regions   us-east-1, us-west-2
    posture   active-active
    capacity  100% per region
    uses      ledger
}
workload w for pay { writes 300/s from us-east-1 50%, us-west-2 50%  keys 200 }
scenario s { workload w  duration 3m  at 1m partition us-east-1 <-> us-west-2 for 30s }
`,
        },
    ])('$name', async ({ text }) => {
        const model = await designOf(text, true);
        const fast = reports(model, false);
        expect(fast.steady).toBeGreaterThan(0);
        expect(reports(model, true).json).toEqual(fast.json);
    });
});
