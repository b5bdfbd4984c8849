// Every quick fix of every rule: apply it, check again, the diagnostic is gone and the file is still valid.
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from 'vscode-languageserver-types';
import { RULES } from '../../language/validation/rules/catalog.js';
import { actionsFor, apply, check } from './fix-harness.js';

interface FixCase {
    readonly name: string;
    readonly code: string;
    readonly text: string;
    /** The action to apply, by its title. */
    readonly title: RegExp;
    /** A fragment the fixed text must contain (the fix writes valid .mregion a reviewer would write). */
    readonly writes?: string;
}

const head = (...regions: string[]) => `topology Fixes\n${regions.map((r) => `region ${r} {}`).join('\n')}\n\n`;
const US = head('us-east-1', 'us-east-2', 'us-west-2', 'eu-west-1', 'ap-northeast-1');

const SHARED_CART = `${US}store carts {
    engine      dynamodb
    regions     us-east-1, eu-west-1
    holds       shared counter
    writes      any-region
    conflicts   lww
}
`;
const STOCK = (conflicts: string, shape = 'counter') => `${US}store stock {
    engine      custom
    regions     us-east-1, eu-west-1
    holds       shared ${shape}
    writes      any-region
    replication async lag 1s
    consistency eventual
    conflicts   ${conflicts}
    invariant   non-negative units
}
`;
const AURORA_STRONG = `${US}store ledger {
    engine      postgres
    regions     us-east-1, us-west-2
    holds       shared rows
    writes      primary us-east-1
    replication async lag 1s
    consistency strong
}
`;
const COSMOS = (writes = 'writes primary eastus') => `topology Far
region eastus {}
region japaneast {}
region germanywestcentral {}

store profiles {
    engine      cosmosdb
    regions     eastus, germanywestcentral, japaneast
    holds       per-user document
    ${writes}
    replication sync
    consistency strong
}
`;
const TWO_REGION_LEDGER = `${US}store ledger {
    engine  cockroachdb
    regions us-east-1, us-west-2
    holds   shared rows
}
`;
const GLOBAL_TICKETS = `${US}store tickets {
    engine  cockroachdb
    regions us-east-1, eu-west-1, ap-northeast-1
    holds   shared rows
}

service box-office {
    regions   us-east-1, eu-west-1, ap-northeast-1
    posture   active-active
    uses      tickets
    objective write-latency p99 150ms
}
`;
const ORDERS = (posture: string, failover: string, rto = '1m') => `${US}store db {
    engine      aurora
    regions     us-east-1, us-west-2
    holds       shared rows
    writes      primary us-east-1
    consistency session
}

service orders {
    regions   us-east-1, us-west-2
    primary   us-east-1
    posture   ${posture}
    capacity  100% per region
    uses      db
    objective rto ${rto}
}

failover orders {
${failover}
    drill  every 30d
}
`;
const CUSTOMERS = `${head('eu-west-1', 'eu-central-1', 'ap-southeast-1', 'us-east-1')}store customers {
    engine      postgres
    regions     eu-west-1, ap-southeast-1, eu-central-1
    holds       per-user rows
    writes      primary eu-west-1
    replication async lag 1s
    consistency session
    residency   EU
}
`;
const CELLS = `${head('eu-west-1', 'eu-central-1', 'us-east-1')}cell eu { regions eu-west-1, ap-southeast-1, eu-central-1  residency EU }
region ap-southeast-1 {}

store customers per cell {
    engine      postgres
    holds       per-user rows
    writes      primary
    replication async lag 1s
    consistency session
}
`;
const SESSIONS = (failover: string) => `${US}store sessions {
    engine  dynamodb
    regions us-east-1, us-west-2
    holds   per-user register
    writes  home-region
}
${failover}`;

const cases: FixCase[] = [
    {
        code: 'lww-on-shared-state',
        name: 'routes writes to a home region',
        text: SHARED_CART,
        title: /home region/,
        writes: 'writes      home-region',
    },
    {
        code: 'lww-on-shared-state',
        name: 'merges with the CRDT that fits a counter',
        text: SHARED_CART,
        title: /CRDT/,
        writes: 'conflicts   crdt pn-counter',
    },
    {
        code: 'lww-on-shared-state',
        name: 'uses consensus, adding the replication clause and naming the leader',
        text: SHARED_CART,
        title: /consensus/,
        writes: '    replication consensus\n    leader us-east-1\n}',
    },
    {
        code: 'crdt-cannot-keep-invariant',
        name: 'uses consensus for a bounded counter',
        text: STOCK('crdt pn-counter'),
        title: /consensus/,
        writes: 'replication consensus',
    },
    {
        code: 'crdt-cannot-keep-invariant',
        name: 'keeps the bound with an escrow counter',
        text: STOCK('crdt pn-counter'),
        title: /escrow/,
        writes: 'conflicts   crdt bounded-counter',
    },
    {
        code: 'crdt-shape-mismatch',
        name: 'replaces a set CRDT on a register with an MV-register',
        text: STOCK('crdt or-set', 'register').replace('\n    invariant   non-negative units', ''),
        title: /mv-register/,
        writes: 'conflicts   crdt mv-register',
    },
    {
        code: 'strong-needs-sync',
        name: 'declares the consistency the engine gives',
        text: AURORA_STRONG,
        title: /eventual/,
        writes: 'consistency eventual',
    },
    {
        code: 'strong-needs-sync',
        name: 'replicates synchronously',
        text: AURORA_STRONG,
        title: /synchronously/,
        writes: 'replication sync',
    },
    {
        code: 'strong-distance-limit',
        name: 'uses bounded staleness at the multi-region minimum',
        text: COSMOS(),
        title: /bounded staleness/,
        writes: 'consistency bounded-staleness versions 100000 time 300s',
    },
    {
        code: 'strong-distance-limit',
        name: 'drops the far region from the list',
        text: COSMOS(),
        title: /Drop japaneast/,
        writes: 'regions     eastus, germanywestcentral\n',
    },
    {
        code: 'strong-distance-limit',
        name: 'writes in one region',
        text: COSMOS('writes any-region\n    conflicts lww')
            .replace('japaneast}', '')
            .replace('eastus, germanywestcentral, japaneast', 'eastus, germanywestcentral'),
        title: /one region/,
        writes: 'writes primary eastus',
    },
    {
        code: 'consensus-quorum-survival',
        name: 'adds a witness',
        text: TWO_REGION_LEDGER,
        title: /witness in us-east-2/,
        writes: '    witness us-east-2\n}',
    },
    {
        code: 'consensus-quorum-survival',
        name: 'adds a third region',
        text: TWO_REGION_LEDGER,
        title: /Add us-east-2 to the regions/,
        writes: 'regions us-east-1, us-west-2, us-east-2',
    },
    {
        code: 'write-latency-budget',
        name: 'relaxes the objective to the estimate',
        text: GLOBAL_TICKETS,
        title: /Relax/,
        writes: 'objective write-latency p99 240ms',
    },
    {
        code: 'rto-unachievable',
        name: 'detects faster',
        text: ORDERS('active-active', '    detect health-check every 30s threshold 3\n    route  anycast', '1m'),
        title: /Detect faster/,
        writes: 'detect health-check every 10s threshold 3',
    },
    {
        code: 'rto-unachievable',
        name: 'routes through Global Accelerator, dropping the record edit',
        text: ORDERS(
            'active-active',
            '    detect health-check every 10s threshold 3\n    route  dns ttl 60s\n    action edit-dns',
            '1m',
        ),
        title: /Global Accelerator, which waits out no DNS TTL \(worst-case failover 36 s\)/,
        writes: '    route  global-accelerator\n    drill',
    },
    {
        code: 'rto-unachievable',
        name: 'routes an ARC failover through Global Accelerator, which has no TTL to wait out',
        text: ORDERS(
            'active-active',
            '    detect health-check every 10s threshold 3\n    route  arc-routing-control ttl 60s\n    action flip-routing-control',
            '1m',
        ),
        title: /Global Accelerator/,
        writes: '    route  global-accelerator\n    drill',
    },
    {
        code: 'rto-unachievable',
        name: 'pre-provisions capacity',
        text: ORDERS(
            'pilot-light',
            '    detect health-check every 10s threshold 3\n    route  anycast\n    action launch-capacity orders',
            '5m',
        ),
        title: /Pre-provision/,
        writes: 'posture   warm-standby',
    },
    {
        code: 'control-plane-failover',
        name: 'removes the DNS record edit',
        text: ORDERS(
            'warm-standby',
            '    route  dns ttl 60s\n    action edit-dns                 // point the record at the standby\n    action shift-traffic',
            '1h',
        ),
        title: /remove the record edit/,
    },
    {
        code: 'control-plane-failover',
        name: 'flips an ARC routing control instead of editing DNS',
        text: ORDERS('warm-standby', '    route  dns ttl 60s\n    action edit-dns\n    action shift-traffic', '1h'),
        title: /ARC routing control/,
        writes: 'route  arc-routing-control ttl 60s',
    },
    {
        code: 'control-plane-failover',
        name: 'flips an ARC routing control, keeping the declared resolver tail',
        text: ORDERS(
            'warm-standby',
            '    route  dns ttl 60s tail 5% 2m\n    action edit-dns\n    action shift-traffic',
            '1h',
        ),
        title: /ARC routing control/,
        writes: 'route  arc-routing-control ttl 60s tail 5% 120s',
    },
    {
        code: 'control-plane-failover',
        name: 'shifts traffic to pre-provisioned capacity',
        text: ORDERS('warm-standby', '    route  dns ttl 60s\n    action launch-capacity orders in us-west-2', '1h'),
        title: /Pre-provision/,
        writes: 'action shift-traffic orders in us-west-2',
    },
    {
        code: 'control-plane-failover',
        name: 'creates health checks in advance',
        text: ORDERS('warm-standby', '    route  dns ttl 60s\n    action update-health-check', '1h'),
        title: /in advance/,
    },
    {
        code: 'control-plane-failover',
        name: 'creates resources in advance',
        text: ORDERS('warm-standby', '    route  dns ttl 60s\n    action create-resources takes 5m', '1h'),
        title: /in advance/,
    },
    {
        code: 'dns-ttl-too-long',
        name: 'sets the TTL to 60 s',
        text: ORDERS('active-active', '    route  dns ttl 300s', '1h'),
        title: /60s/,
        writes: 'route  dns ttl 60s',
    },
    {
        code: 'failover-never-rehearsed',
        name: 'adds a drill',
        text: ORDERS('active-active', '    route  anycast', '1h').replace('    drill  every 30d\n', ''),
        title: /drill every 30d/,
        writes: '    drill every 30d\n}',
    },
    {
        code: 'failover-never-rehearsed',
        name: 'adds a drill to a block written on one line',
        text: `${US}service web { regions us-east-1, us-west-2 posture active-active }\nfailover web { route anycast }\n`,
        title: /drill every 30d/,
        writes: 'failover web { route anycast drill every 30d }',
    },
    {
        code: 'failover-never-rehearsed',
        name: 'replaces a drill further apart than 90 days',
        text: ORDERS('active-active', '    route  anycast', '1h').replace('every 30d', 'every 180d'),
        title: /drill every 30d/,
        writes: '    drill  every 30d\n}',
    },
    {
        code: 'residency-violation',
        name: 'removes the foreign region from a store',
        text: CUSTOMERS,
        title: /Remove ap-southeast-1/,
        writes: 'regions     eu-west-1, eu-central-1\n',
    },
    {
        code: 'residency-violation',
        name: 'removes the foreign region from a cell',
        text: CELLS,
        title: /Remove ap-southeast-1/,
        writes: 'cell eu { regions eu-west-1, eu-central-1  residency EU }',
    },
    {
        code: 'residency-violation',
        name: 'removes the foreign region from a service that writes the data',
        text:
            CUSTOMERS.replace('eu-west-1, ap-southeast-1, eu-central-1', 'eu-west-1, eu-central-1') +
            '\nservice crm {\n    regions   eu-west-1, us-east-1\n    posture   active-active\n    uses      customers\n}\n',
        title: /Remove us-east-1/,
        writes: 'regions   eu-west-1\n',
    },
    {
        code: 'residency-violation',
        name: 'removes a foreign witness',
        text: `${head('eu-west-1', 'eu-central-1', 'ap-southeast-1')}store ledger {\n    engine  cockroachdb\n    regions eu-west-1, eu-central-1\n    witness ap-southeast-1\n    holds   shared rows\n    residency EU\n}\n`,
        title: /witness/,
        writes: '    regions eu-west-1, eu-central-1\n    holds',
    },
    {
        code: 'cross-cell-write',
        name: 'makes the global store per cell',
        text: `${head('eu-west-1', 'eu-central-1')}cell a { regions eu-west-1 }\ncell b { regions eu-central-1 }\n\nstore orders {\n    engine  postgres\n    regions eu-west-1\n    holds   per-tenant rows\n}\n\nservice front per cell {\n    uses orders\n}\n`,
        title: /per cell/,
        writes: 'store orders per cell {\n    engine  postgres\n    holds',
    },
    {
        code: 'standby-capacity',
        name: 'raises capacity so two regions carry each other',
        text: `${US}service web {\n    regions  us-east-1, us-west-2\n    posture  active-active\n    capacity 60% per region\n}\n`,
        title: /Raise capacity/,
        writes: 'capacity 100% per region',
    },
    {
        code: 'standby-capacity',
        name: 'raises capacity across three regions to 67 %, the share the nearest region takes over',
        text: `${US}service web {\n    regions  us-east-1, us-east-2, us-west-2\n    posture  active-active\n    capacity us-east-1 40%, us-east-2 40%, us-west-2 40%\n}\n`,
        title: /Raise capacity/,
        writes: 'capacity 67% per region',
    },
    {
        code: 'home-region-unrouted',
        name: 're-homes the store in the existing failover',
        text: SESSIONS(
            '\nservice app {\n    regions us-east-1, us-west-2\n    posture active-active\n    uses    sessions\n}\n\nfailover app {\n    route  anycast\n    drill  every 30d\n}\n',
        ),
        title: /Re-home/,
        writes: '    action rehome sessions\n}',
    },
    {
        code: 'home-region-unrouted',
        name: 'accepts the outage in the existing failover',
        text: SESSIONS(
            '\nservice app {\n    regions us-east-1, us-west-2\n    posture active-active\n    uses    sessions\n}\n\nfailover app {\n    route  anycast\n    drill  every 30d\n}\n',
        ),
        title: /Accept the outage/,
        writes: 'action accept-outage sessions',
    },
    {
        code: 'home-region-unrouted',
        name: 'adds a failover that re-homes the keys',
        text: SESSIONS(''),
        title: /re-homes/,
        writes: '}\n\nfailover sessions {\n    action rehome\n    drill  every 30d\n}',
    },
    {
        code: 'home-region-unrouted',
        name: 'adds a failover that accepts the outage',
        text: SESSIONS(''),
        title: /accepts the outage/,
        writes: 'action accept-outage',
    },
    {
        code: 'health-check-interval',
        name: 'checks at the nearest interval AWS offers',
        text: ORDERS('active-active', '    detect health-check every 5s threshold 3\n    route  anycast', '1h'),
        title: /Check every 10 s/,
        writes: 'detect health-check every 10s threshold 3',
    },
    {
        code: 'health-check-interval',
        name: 'offers both intervals between them',
        text: ORDERS('active-active', '    detect health-check every 20s threshold 3\n    route  anycast', '1h'),
        title: /Check every 30 s/,
        writes: 'every 30s',
    },
];

describe('quick fixes', () => {
    for (const c of cases) {
        it(`${c.code}: ${c.name}`, async () => {
            const { checked, actions } = await actionsFor(c.text, (d) => d.code === c.code);
            const action = actions.find((a) => c.title.test(a.title));
            expect(action, actions.map((a) => a.title).join('\n')).toBeDefined();
            const fixed = apply(checked, action!);
            if (c.writes) expect(fixed).toContain(c.writes);
            const after = await check(fixed);
            expect(after.diagnostics.filter((d) => d.code === c.code).map((d) => d.message)).toEqual([]);
            // A code with more errors or warnings than before is new, and the title names it.
            const count = (list: readonly Diagnostic[], code: unknown) =>
                list.filter((d) => d.code === code && (d.severity ?? 1) <= 2).length;
            const raised = [...new Set(after.diagnostics.map((d) => d.code))].filter(
                (code) => count(after.diagnostics, code) > count(checked.diagnostics, code),
            );
            expect(raised.filter((code) => !action!.title.includes(` — then ${String(code)}: `))).toEqual([]);
            const languageErrors = after.diagnostics.filter((d) => d.severity === 1 && !(String(d.code) in RULES));
            expect(languageErrors.map((d) => `${d.range.start.line + 1}: ${d.code} ${d.message}`)).toEqual([]);
        });
    }

    it('covers every quick fix the catalog promises', () => {
        const covered = new Set(cases.map((c) => c.code));
        const promised = Object.values(RULES)
            .filter((r) => r.quickFixes.length > 0)
            .map((r) => r.code);
        expect(promised.filter((code) => !covered.has(code))).toEqual([]);
    });
});

describe('fixes for the language checks', () => {
    it('replaces a misspelled region with the suggested one', async () => {
        const { checked, actions } = await actionsFor(
            `${US}store s {\n    engine  dynamodb\n    regions us-east-1, us-wset-2\n    holds   per-user rows\n}\n`,
            (d) => d.code === 'unresolved-reference',
        );
        const fixed = apply(
            checked,
            actions.find((a) => a.title === `Change to 'us-west-2'`)!,
        );
        expect(fixed).toContain('regions us-east-1, us-west-2');
        expect((await check(fixed)).diagnostics.filter((d) => d.code === 'unresolved-reference')).toEqual([]);
    });

    it('adds the missing unit to a number', async () => {
        const { checked, actions } = await actionsFor(
            ORDERS('active-active', '    route  dns ttl 60', '1h'),
            (d) => d.code === 'missing-unit',
        );
        const fixed = apply(
            checked,
            actions.find((a) => a.title === `Write it as '60s'`)!,
        );
        expect(fixed).toContain('route  dns ttl 60s');
        expect((await check(fixed)).diagnostics.filter((d) => d.code === 'missing-unit')).toEqual([]);
    });
});

describe('suppress and fix all', () => {
    const TWO_TTLS = `${US}service a {\n    regions us-east-1, us-west-2\n    posture active-active\n}\n\nservice b {\n    regions us-east-1, us-west-2\n    posture active-active\n}\n\nfailover a {\n    route dns ttl 300s\n    drill every 30d\n}\n\nfailover b {\n    route dns ttl 120s\n    drill every 30d\n}\n`;

    it('suppresses a rule for one declaration with a reason the user must write', async () => {
        const { checked, actions } = await actionsFor(
            TWO_TTLS,
            (d) => d.code === 'dns-ttl-too-long' && String(d.message).startsWith('TTL 5 m'),
        );
        const fixed = apply(
            checked,
            actions.find((a) => a.title.startsWith('Suppress dns-ttl-too-long'))!,
        );
        expect(fixed).toContain('// mregion-ignore dns-ttl-too-long: <why this is acceptable>\nfailover a {');
        const pending = await check(fixed);
        expect(pending.diagnostics.filter((d) => d.code === 'dns-ttl-too-long')).toHaveLength(2);
        expect(pending.diagnostics.filter((d) => d.code === 'invalid-suppression').map((d) => d.message)).toEqual([
            expect.stringContaining('a suppression needs a reason'),
        ]);
        const explained = await check(fixed.replace('<why this is acceptable>', 'legacy resolvers pin 300 s'));
        expect(explained.diagnostics.filter((d) => d.code === 'dns-ttl-too-long')).toHaveLength(1);
        expect(explained.diagnostics.filter((d) => d.code === 'invalid-suppression')).toEqual([]);
    });

    it('fixes every problem of one rule in the file at once', async () => {
        const { checked, actions } = await actionsFor(TWO_TTLS, (d) => d.code === 'dns-ttl-too-long');
        const all = actions.find((a) => a.title === 'Fix all dns-ttl-too-long problems in this file (2)');
        expect(all).toBeDefined();
        const fixed = apply(checked, all!);
        expect(fixed.match(/ttl 60s/g)).toHaveLength(2);
        expect((await check(fixed)).diagnostics.filter((d) => d.code === 'dns-ttl-too-long')).toEqual([]);
    });

    it('offers no fix-all when the rule has one problem in the file', async () => {
        const { actions } = await actionsFor(
            ORDERS('active-active', '    route  dns ttl 300s', '1h'),
            (d) => d.code === 'dns-ttl-too-long',
        );
        expect(actions.some((a) => a.title.startsWith('Fix all'))).toBe(false);
    });
});
