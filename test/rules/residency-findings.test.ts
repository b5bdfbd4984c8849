// residency-violation, whole findings: message, place, severity and fixes (title, preferred). The rule-cases table
// (residency-rules.test.ts) checks fragments only. Verdicts follow docs/rules/residency-violation.md and
// docs/facts.md#eu-adequacy-decisions: EU data may sit anywhere in the EU or EEA; a country with an adequacy decision
// or the US (Data Privacy Framework) is a warning; anywhere else is an error; other residencies allow their own
// jurisdiction only. A region with no known jurisdiction is left to the builder's missing-jurisdiction error.
import { describe, expect, it } from 'vitest';
import { fixesOf } from '../../language/validation/lazy-fixes.js';
import { actionsFor, apply, check } from './fix-harness.js';
import { diagnosticsOf, textAt } from './rule-cases.js';

const REGIONS = `topology Customers
region eu-west-1 {}
region eu-central-1 {}
region eu-west-2 {}
region eu-west-3 {}
region us-east-1 {}
region us-east-2 {}
region ap-southeast-1 {}
region ap-south-1 {}
`;
const SEVERITY: Readonly<Record<number, string>> = { 1: 'error', 2: 'warning', 3: 'info', 4: 'hint' };

async function findings(design: string) {
    const { text, diagnostics } = await diagnosticsOf(`${REGIONS}${design}`);
    expect(diagnostics.filter((d) => d.code === 'rule-failed').map((d) => d.message)).toEqual([]);
    return diagnostics
        .filter((d) => d.code === 'residency-violation')
        .map((d) => ({
            at: textAt(text, d),
            severity: SEVERITY[d.severity ?? 1],
            message: d.message,
            fixes: fixesOf(d).map((f) => [f.title, f.preferred ?? false]),
        }));
}

const customers = (regions: string, residency = 'EU', extra = '') =>
    `store customers { engine postgres regions ${regions} holds per-user rows writes primary ${regions.split(',')[0]} replication async lag 1s consistency session residency ${residency}${extra} }\n`;
const DPF =
    "EU personal data in a US region depends on the recipient's EU-US Data Privacy Framework certification (docs/facts.md#eu-adequacy-decisions)";
const NO_ADEQUACY =
    'that is outside the EU/EEA with no adequacy decision: GDPR needs an explicit safeguard for the transfer (docs/facts.md#eu-adequacy-decisions)';

describe('residency-violation', () => {
    it.each([
        {
            name: 'warns of a US replica of EU data, offering to remove the region',
            design: customers('eu-west-1, us-east-1'),
            expected: [
                {
                    at: 'regions eu-west-1, us-east-1',
                    severity: 'warning',
                    message: `customers must stay in EU, but a replica is in us-east-1 (US): ${DPF}`,
                    fixes: [['Remove us-east-1 from the regions', true]],
                },
            ],
        },
        {
            name: 'says Indian data may stay only in India',
            design: customers('ap-south-1, us-east-1', 'IN'),
            expected: [
                {
                    at: 'regions ap-south-1, us-east-1',
                    severity: 'error',
                    message:
                        'customers must stay in IN, but a replica is in us-east-1 (US): the design declares this data resident in IN',
                    fixes: [['Remove us-east-1 from the regions', true]],
                },
            ],
        },
        {
            // Backups to Singapore: a full copy outside the EU with no adequacy decision; pointed at the region.
            name: 'points a foreign backup at the region it is kept in',
            design: customers('eu-west-1', 'EU', ' backup every 1h to ap-southeast-1'),
            expected: [
                {
                    at: 'ap-southeast-1',
                    severity: 'error',
                    message: `customers must stay in EU, but its backups are kept in ap-southeast-1 (SG), a full copy of the data: ${NO_ADEQUACY}`,
                    fixes: [],
                },
            ],
        },
        {
            // Two EU voters and the witness: without it, two voters and a quorum of 2 cannot outlive a loss.
            name: 'says a foreign witness keeps the log, and that removing it stops writes after a loss',
            design: 'store ledger { engine cockroachdb regions eu-west-1, eu-central-1 witness ap-southeast-1 holds shared rows residency EU }',
            expected: [
                {
                    at: 'witness ap-southeast-1',
                    severity: 'error',
                    message: `ledger must stay in EU, but its witness in ap-southeast-1 (SG) keeps the replication log: ${NO_ADEQUACY}`,
                    fixes: [
                        [
                            'Remove the witness in ap-southeast-1 — then consensus-quorum-survival: without it, losing a region stops writes',
                            true,
                        ],
                    ],
                },
            ],
        },
        {
            // DynamoDB MRSC's EU set includes London: a UK witness is a warning, and without it MRSC has two regions.
            name: 'says removing an MRSC witness leaves two regions where MRSC needs three',
            design: 'store ledger { engine dynamodb regions eu-west-1, eu-central-1 witness eu-west-2 holds shared rows replication sync consistency strong conflicts reject residency EU }',
            expected: [
                {
                    at: 'witness eu-west-2',
                    severity: 'warning',
                    message:
                        'ledger must stay in EU, but its witness in eu-west-2 (UK) keeps the replication log: UK (the United Kingdom) has an EU adequacy decision, so the transfer is possible but must be documented (docs/facts.md#eu-adequacy-decisions)',
                    fixes: [
                        [
                            'Remove the witness in eu-west-2 — then mrsc-three-regions: without it, MRSC has two regions and needs three',
                            true,
                        ],
                    ],
                },
            ],
        },
        {
            // One replica region and a witness: MRSC is already short of regions, and the store is no consensus
            // group, so removing the witness raises nothing new.
            name: 'says removing a witness of a store that is no consensus group raises nothing new',
            design: 'store ledger { engine dynamodb regions eu-west-1 witness eu-west-2 holds shared rows replication sync consistency strong conflicts reject residency EU }',
            expected: [
                {
                    at: 'witness eu-west-2',
                    severity: 'warning',
                    message:
                        'ledger must stay in EU, but its witness in eu-west-2 (UK) keeps the replication log: UK (the United Kingdom) has an EU adequacy decision, so the transfer is possible but must be documented (docs/facts.md#eu-adequacy-decisions)',
                    fixes: [['Remove the witness in eu-west-2', true]],
                },
            ],
        },
        {
            // Neither a consensus group nor DynamoDB MRSC: the witness counts in no quorum and no region set.
            name: 'says removing the witness of a synchronous store of another engine raises nothing',
            design: 'store ledger { engine postgres regions eu-west-1, eu-central-1 witness ap-southeast-1 holds shared rows writes primary eu-west-1 replication sync consistency strong residency EU }',
            expected: [
                {
                    at: 'witness ap-southeast-1',
                    severity: 'error',
                    message: `ledger must stay in EU, but its witness in ap-southeast-1 (SG) keeps the replication log: ${NO_ADEQUACY}`,
                    fixes: [['Remove the witness in ap-southeast-1', true]],
                },
            ],
        },
        {
            // DynamoDB in its default (MREC) mode is no MRSC table: two regions without the witness raise nothing.
            name: 'says removing the witness of DynamoDB outside MRSC raises nothing',
            design: 'store ledger { engine dynamodb regions eu-west-1, eu-central-1 witness ap-southeast-1 holds per-user rows residency EU }',
            expected: [
                {
                    at: 'witness ap-southeast-1',
                    severity: 'error',
                    message: `ledger must stay in EU, but its witness in ap-southeast-1 (SG) keeps the replication log: ${NO_ADEQUACY}`,
                    fixes: [['Remove the witness in ap-southeast-1', true]],
                },
            ],
        },
        {
            name: 'passes a witness inside the EU',
            design: 'store ledger { engine cockroachdb regions eu-west-1, eu-central-1 witness eu-west-3 holds shared rows residency EU }',
            expected: [],
        },
        {
            name: 'warns of a service writing EU data from the US, offering to remove that region',
            design: `${customers('eu-west-1, eu-central-1')}service crm { regions eu-west-1, us-east-1 posture active-active uses customers }`,
            expected: [
                {
                    at: 'uses customers',
                    severity: 'warning',
                    message: `crm writes customers from us-east-1 (US), but customers must stay in EU: ${DPF}`,
                    fixes: [["Remove us-east-1 from crm's regions", true]],
                },
            ],
        },
        {
            // Reading from Singapore: no adequacy decision, but a read is a warning whatever the verdict.
            name: 'warns of a service reading EU data from Singapore',
            design: `${customers('eu-west-1, eu-central-1')}service crm { regions eu-west-1, ap-southeast-1 posture active-active reads customers }`,
            expected: [
                {
                    at: 'reads customers',
                    severity: 'warning',
                    message: `crm reads customers from ap-southeast-1 (SG), but customers must stay in EU: reading personal data from a region outside its jurisdiction transfers it as much as a replica there does (EDPB Guidelines 05/2021, docs/facts.md#eu-adequacy-decisions), and ${NO_ADEQUACY}`,
                    fixes: [["Remove ap-southeast-1 from crm's regions", true]],
                },
            ],
        },
        {
            name: 'passes a US service that neither writes nor reads the EU store',
            design: `${customers('eu-west-1, eu-central-1')}service crm { regions us-east-1, us-east-2 posture active-active }`,
            expected: [],
        },
        {
            // Both cells run in us-east-1 and ap-southeast-1: each region's finding reads the same in every cell, so
            // each is said once. A per-cell service writes no regions of its own: no fix edits them.
            name: 'says each foreign region of a per-cell service once, with no region fix',
            design: `cell c1 { regions us-east-1, ap-southeast-1 }
cell c2 { regions us-east-1, ap-southeast-1 }
${customers('eu-west-1, eu-central-1')}service crm per cell { posture active-active uses customers }`,
            expected: [
                {
                    at: 'uses customers',
                    severity: 'warning',
                    message: `crm writes customers from us-east-1 (US), but customers must stay in EU: ${DPF}`,
                    fixes: [],
                },
                {
                    at: 'uses customers',
                    severity: 'error',
                    message: `crm writes customers from ap-southeast-1 (SG), but customers must stay in EU: ${NO_ADEQUACY}`,
                    fixes: [],
                },
            ],
        },
    ])('$name', async ({ design, expected }) => {
        expect(await findings(design)).toEqual(expected);
    });

    it.each([
        {
            // Norway is in the EEA, not the EU: EU data may stay there.
            name: 'passes EU data in an EEA region',
            design: `region oslo { provider on-prem jurisdiction EEA }\n${customers('eu-west-1, oslo')}`,
            others: [],
        },
        {
            // x is a replica's region, a witness's and a writing service's: none is judged without a jurisdiction.
            name: 'leaves a region with no jurisdiction to the missing-jurisdiction error',
            design: `region x { provider on-prem }\n${customers('eu-west-1, x', 'EU', ' witness x')}service crm { regions x uses customers }`,
            others: ['missing-property'],
        },
    ])('$name', async ({ design, others }) => {
        const { diagnostics } = await check(`${REGIONS}${design}`);
        expect(diagnostics.filter((d) => d.code === 'residency-violation')).toEqual([]);
        expect(diagnostics.filter((d) => d.severity === 1).map((d) => d.code)).toEqual(others);
    });

    it('raises exactly the MRSC finding its title names when the MRSC witness is removed', async () => {
        const design = `${REGIONS}store ledger { engine dynamodb regions eu-west-1, eu-central-1 witness eu-west-2 holds shared rows replication sync consistency strong conflicts reject residency EU }`;
        const { checked, actions } = await actionsFor(design, (d) => d.code === 'residency-violation');
        const remove = actions.find((a) => a.title.startsWith('Remove the witness in eu-west-2'))!;
        const codes = async (text: string) =>
            (await check(text)).diagnostics.map((d) => String(d.code)).filter((c) => c !== 'residency-violation');
        const before = await codes(checked.text);
        const after = await codes(apply(checked, remove));
        expect(after.filter((c) => !before.includes(c))).toEqual(['mrsc-three-regions']);
    });
});
