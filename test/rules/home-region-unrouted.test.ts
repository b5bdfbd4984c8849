// home-region-unrouted, whole findings: message, place and fixes (title, preferred). The rule-cases table
// (failover-rules.test.ts) checks fragments only. As docs/rules/home-region-unrouted.md says: a store written in each
// key's home region, over two regions or more, whose engine does not re-home keys by itself, needs a failover that
// re-homes its keys or accepts the outage; the fix goes into a failover that concerns the store (one in the store's
// own file first), else adds one.
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from 'vscode-languageserver-types';
import { fixesOf } from '../../language/validation/lazy-fixes.js';
import { validate } from '../helpers/services.js';
import { textAt } from './rule-cases.js';

const REGIONS = `topology Sessions
region us-east-1 {}
region us-west-2 {}
`;
const SESSIONS =
    'store sessions { engine dynamodb regions us-east-1, us-west-2 holds per-user register writes home-region }\n';
const APP = 'service app { regions us-east-1, us-west-2 posture active-active uses sessions }\n';
const TAIL =
    ': until that region returns, their writes fail. Re-home their keys to another region, or accept the outage explicitly';
const HOMED = 'sessions writes each key in its home region (us-east-1 or us-west-2), ';

async function findings(design: string, others: Record<string, string> = {}) {
    const { document, diagnostics } = await validate(`${REGIONS}${design}`, others);
    const text = document.textDocument.getText();
    return diagnostics
        .filter((d: Diagnostic) => d.code === 'home-region-unrouted')
        .map((d) => ({
            at: textAt(text, d),
            message: d.message,
            fixes: fixesOf(d).map((f) => [f.title, f.preferred ?? false]),
        }));
}

const REHOME_IN = (failover: string): [string, boolean][] => [
    [`Re-home sessions in the failover of ${failover} (action rehome sessions)`, true],
    ['Accept the outage explicitly (action accept-outage sessions)', false],
];

describe('home-region-unrouted', () => {
    it.each([
        {
            name: 'offers a new failover when none concerns the store',
            design: SESSIONS,
            expected: [
                {
                    at: 'writes home-region',
                    message: `${HOMED}and no failover concerns it${TAIL}`,
                    fixes: [
                        ["Add a failover that re-homes sessions's keys", true],
                        ['Add a failover that accepts the outage explicitly', false],
                    ],
                },
            ],
        },
        {
            name: 'names the one failover that says nothing, and offers to re-home in it',
            design: `${SESSIONS}${APP}failover app { route anycast action shift-traffic drill every 30d }`,
            expected: [
                {
                    at: 'writes home-region',
                    message: `${HOMED}but failover app says nothing of where a lost home region's users write${TAIL}`,
                    fixes: REHOME_IN('app'),
                },
            ],
        },
        {
            // The store's own failover and its writer's both concern it: both are named, in declaration order.
            name: 'names every failover that concerns the store',
            design: `${SESSIONS}${APP}failover sessions { route anycast drill every 30d }\nfailover app { route anycast action shift-traffic drill every 30d }`,
            expected: [
                {
                    at: 'writes home-region',
                    message: `${HOMED}but failover sessions and failover app say nothing of where a lost home region's users write${TAIL}`,
                    fixes: REHOME_IN('sessions'),
                },
            ],
        },
        {
            // One failover per cell of a per-cell service: named once, and the verb agrees.
            name: 'names a per-cell service’s failover once',
            design: `cell c1 { regions us-east-1, us-west-2 }\ncell c2 { regions us-east-1, us-west-2 }\n${SESSIONS}service app per cell { posture active-active uses sessions }\nfailover app { route anycast action shift-traffic drill every 30d }`,
            expected: [
                {
                    at: 'writes home-region',
                    message: `${HOMED}but failover app says nothing of where a lost home region's users write${TAIL}`,
                    fixes: REHOME_IN('app'),
                },
            ],
        },
        {
            // An untargeted accept-outage in the writer's failover covers every store it writes.
            name: 'passes an untargeted accept-outage in the writer’s failover',
            design: `${SESSIONS}${APP}failover app { route anycast action accept-outage drill every 30d }`,
            expected: [],
        },
        {
            name: 'passes a store in one region',
            design: 'store sessions { engine dynamodb regions us-east-1 holds per-user register writes home-region }',
            expected: [],
        },
    ])('$name', async ({ design, expected }) => {
        expect(await findings(design)).toEqual(expected);
    });
});
