// `// mregion-ignore <code>: <reason>` comments: what they suppress, and what is reported about them.
import { describe, expect, it } from 'vitest';
import { DiagnosticTag, type Diagnostic } from 'vscode-languageserver-types';
import { services } from '../helpers/services.js';
import { check } from './fix-harness.js';

const HEAD = `topology T
region us-east-1 {}
region us-west-2 {}
service web { regions us-east-1, us-west-2 posture active-active }
service api { regions us-east-1, us-west-2 posture active-active }
`;

const codes = (ds: readonly Diagnostic[], code: string) => ds.filter((d) => d.code === code);

interface SuppressionCase {
    readonly name: string;
    readonly text: string;
    /** Diagnostics of these codes that remain. */
    readonly remaining: Readonly<Record<string, number>>;
    /** invalid-suppression / unused-suppression messages, as fragments. */
    readonly reported?: readonly { readonly code: string; readonly says: string }[];
}

const cases: SuppressionCase[] = [
    {
        name: 'suppresses a rule for the declaration below it when a reason is given',
        text: `${HEAD}// mregion-ignore dns-ttl-too-long: legacy resolvers pin 300 s\nfailover web { route dns ttl 300s drill every 30d }\nfailover api { route dns ttl 300s drill every 30d }\n`,
        remaining: { 'dns-ttl-too-long': 1 },
    },
    {
        name: 'suppresses two rules named in one comment',
        text: `${HEAD}// mregion-ignore dns-ttl-too-long, failover-never-rehearsed: a status page; recovery is manual by design\nfailover web { route dns ttl 300s }\n`,
        remaining: { 'dns-ttl-too-long': 0, 'failover-never-rehearsed': 0 },
    },
    {
        name: 'applies through further comment lines between it and the declaration',
        text: `${HEAD}// mregion-ignore dns-ttl-too-long: legacy resolvers pin 300 s\n// (the record is an alias of a partner's domain)\nfailover web { route dns ttl 300s drill every 30d }\n`,
        remaining: { 'dns-ttl-too-long': 0 },
    },
    {
        name: 'suppresses one clause when written inside a block',
        text: `${HEAD}failover web {\n    route dns ttl 60s\n    // mregion-ignore control-plane-failover: the runbook signs in with break-glass credentials kept offline\n    action console takes 5m\n    action edit-dns\n    drill every 30d\n}\n`,
        remaining: { 'control-plane-failover': 1 },
    },
    {
        name: 'does not suppress without a reason, and says so',
        text: `${HEAD}// mregion-ignore dns-ttl-too-long\nfailover web { route dns ttl 300s drill every 30d }\n`,
        remaining: { 'dns-ttl-too-long': 1 },
        reported: [{ code: 'invalid-suppression', says: 'a suppression needs a reason after a colon' }],
    },
    {
        name: 'does not accept the quick fix’s placeholder as a reason',
        text: `${HEAD}// mregion-ignore dns-ttl-too-long: <why this is acceptable>\nfailover web { route dns ttl 300s drill every 30d }\n`,
        remaining: { 'dns-ttl-too-long': 1 },
        reported: [{ code: 'invalid-suppression', says: 'a suppression needs a reason' }],
    },
    {
        name: 'reports an unknown rule with the nearest one',
        text: `${HEAD}// mregion-ignore dns-ttl-to-long: legacy resolvers\nfailover web { route dns ttl 300s drill every 30d }\n`,
        remaining: { 'dns-ttl-too-long': 1 },
        reported: [
            {
                code: 'invalid-suppression',
                says: `'dns-ttl-to-long' is not a design rule — did you mean 'dns-ttl-too-long'?`,
            },
        ],
    },
    {
        name: 'refuses to suppress a language check',
        text: `${HEAD}// mregion-ignore missing-unit: we know\nfailover web { route dns ttl 60 drill every 30d }\n`,
        remaining: { 'missing-unit': 1 },
        reported: [{ code: 'invalid-suppression', says: `'missing-unit' is a language check, not a design rule` }],
    },
    {
        name: 'reports a suppression separated from the declaration by a blank line',
        text: `${HEAD}// mregion-ignore dns-ttl-too-long: legacy resolvers\n\nfailover web { route dns ttl 300s drill every 30d }\n`,
        remaining: { 'dns-ttl-too-long': 1 },
        reported: [
            { code: 'invalid-suppression', says: 'applies to the declaration or clause on the line directly below it' },
        ],
    },
    {
        name: 'hints at a suppression that suppresses nothing',
        text: `${HEAD}// mregion-ignore egress-cost: the budget is someone else's\nfailover web { route dns ttl 300s drill every 30d }\n`,
        remaining: { 'dns-ttl-too-long': 1 },
        reported: [{ code: 'unused-suppression', says: 'egress-cost reports nothing here' }],
    },
];

describe('suppression comments', () => {
    for (const c of cases) {
        it(c.name, async () => {
            const { diagnostics } = await check(c.text);
            for (const [code, count] of Object.entries(c.remaining))
                expect(codes(diagnostics, code).length, code).toBe(count);
            const reported = diagnostics.filter(
                (d) => d.code === 'invalid-suppression' || d.code === 'unused-suppression',
            );
            expect(reported.map((d) => d.code)).toEqual((c.reported ?? []).map((r) => r.code));
            (c.reported ?? []).forEach((r, i) => expect(reported[i]!.message).toContain(r.says));
        });
    }

    it('marks an unused suppression as an unnecessary hint on the rule’s name', async () => {
        const text = `${HEAD}// mregion-ignore egress-cost: the budget is someone else's\nfailover web { route anycast drill every 30d }\n`;
        const { diagnostics } = await check(text);
        const unused = codes(diagnostics, 'unused-suppression')[0]!;
        expect(unused.severity).toBe(4);
        expect(unused.tags).toEqual([DiagnosticTag.Unnecessary]);
        expect(
            text.split('\n')[unused.range.start.line]!.slice(unused.range.start.character, unused.range.end.character),
        ).toBe('egress-cost');
    });

    it('does not call a suppression unused when its rule is turned off', async () => {
        const text = `${HEAD}// mregion-ignore egress-cost: the budget is someone else's\nfailover web { route anycast drill every 30d }\n`;
        services.shared.workspace.ConfigurationProvider.updateConfiguration({
            settings: { mregion: { rules: { 'egress-cost': 'off' } } },
        });
        await services.Mregion.semantics.RuleConfig.recheckAll();
        try {
            const { diagnostics } = await check(text);
            expect(codes(diagnostics, 'unused-suppression')).toEqual([]);
        } finally {
            services.shared.workspace.ConfigurationProvider.updateConfiguration({
                settings: { mregion: { rules: {} } },
            });
            await services.Mregion.semantics.RuleConfig.recheckAll();
        }
    });
});
