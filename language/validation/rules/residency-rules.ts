// Data residency (docs/facts.md#aws-region-jurisdictions, docs/facts.md#eu-adequacy-decisions): where data with a jurisdiction may be stored, written and read from.
import { EU_ADEQUATE_JURISDICTIONS, EU_JURISDICTIONS } from '../../semantics/facts/regions.js';
import type { Model, Range, Severity, StoreM } from '../../semantics/model.js';
import { servicesOn } from '../../semantics/model-index.js';
import type { Fix } from './fix.js';
import { at, regionsPlace, type Place } from './helpers.js';
import type { Rule } from './rule.js';
import { factRef } from '../../semantics/facts/citation.js';
import { relaidOut, survivesAnyRegionLoss } from './voter-layout.js';
import { raising } from './fix.js';
import { propRange } from '../../semantics/source-props.js';

/** Removing a witness the quorum needed to outlive a region says what it costs. */
function withoutWitnessTitle(store: StoreM, witness: string): string {
    const title = `Remove the witness in ${witness}`;
    // DynamoDB MRSC counts its witness among the three regions it needs (docs/facts.md#dynamodb-mrsc-region-sets).
    if (store.engine === 'dynamodb' && store.replication.mode === 'sync' && store.regions.length === 2)
        return raising(title, 'mrsc-three-regions', 'without it, MRSC has two regions and needs three');
    const survives =
        store.replication.mode !== 'consensus' || survivesAnyRegionLoss(relaidOut(store, { witness: undefined }));
    return survives ? title : raising(title, 'consensus-quorum-survival', 'without it, losing a region stops writes');
}

interface Verdict {
    readonly severity: Severity;
    readonly why: string;
}

/** Whether data resident in `residency` may sit in a region of `jurisdiction` (docs/facts.md#eu-adequacy-decisions). */
export function residencyVerdict(residency: string, jurisdiction: string): Verdict | undefined {
    if (jurisdiction === residency) return undefined;
    if (EU_JURISDICTIONS.has(residency)) {
        if (EU_JURISDICTIONS.has(jurisdiction)) return undefined;
        const adequate = EU_ADEQUATE_JURISDICTIONS.get(jurisdiction);
        if (adequate !== undefined) {
            return {
                severity: 'warning',
                why: `${jurisdiction} (${adequate}) has an EU adequacy decision, so the transfer is possible but must be documented (${factRef('eu-adequacy-decisions')})`,
            };
        }
        if (jurisdiction === 'US') {
            return {
                severity: 'warning',
                why: `EU personal data in a US region depends on the recipient's EU-US Data Privacy Framework certification (${factRef('eu-adequacy-decisions')})`,
            };
        }
        return {
            severity: 'error',
            why: `that is outside the EU/EEA with no adequacy decision: GDPR needs an explicit safeguard for the transfer (${factRef('eu-adequacy-decisions')})`,
        };
    }
    return { severity: 'error', why: `the design declares this data resident in ${residency}` };
}

function removeRegionFix(place: Place & { clause?: Range }, region: string): Fix[] {
    return place.clause
        ? [
              {
                  title: `Remove ${region} from the regions`,
                  edits: [{ kind: 'remove-list-item', uri: place.uri, clause: place.clause, item: region }],
                  preferred: true,
              },
          ]
        : [];
}

function checkStore(model: Model, store: StoreM, report: Parameters<Rule['check']>[0]['report']): void {
    const residency = store.residency;
    if (residency === undefined) return;
    const from = store.residencyProvenance?.kind === 'derived' ? ` (from cell ${store.cell})` : '';
    const place = regionsPlace(model, store);
    for (const region of store.regions) {
        const jurisdiction = model.regions.get(region)?.jurisdiction;
        const verdict = jurisdiction === undefined ? undefined : residencyVerdict(residency, jurisdiction);
        if (!verdict) continue;
        report({
            ...place,
            cell: store.cell,
            key: `${store.name}:${region}`,
            severity: verdict.severity,
            fixes: () => removeRegionFix(place, region),
            message: `${store.name} must stay in ${residency}${from}, but a replica is in ${region} (${jurisdiction}): ${verdict.why}`,
        });
    }
    const witness = store.witness;
    const witnessJurisdiction = witness !== undefined ? model.regions.get(witness)?.jurisdiction : undefined;
    const witnessVerdict =
        witnessJurisdiction !== undefined ? residencyVerdict(residency, witnessJurisdiction) : undefined;
    const witnessClause = propRange(store.source, 'witness');
    if (witness !== undefined && witnessVerdict && witnessClause) {
        report({
            ...at(store.source, 'witness'),
            cell: store.cell,
            key: `${store.name}:witness`,
            severity: witnessVerdict.severity,
            message: `${store.name} must stay in ${residency}${from}, but its witness in ${witness} (${witnessJurisdiction}) keeps the replication log: ${witnessVerdict.why}`,
            fixes: () => [
                {
                    title: withoutWitnessTitle(store, witness),
                    edits: [{ kind: 'delete-clause', uri: store.source.uri, range: witnessClause }],
                    preferred: true,
                },
            ],
        });
    }
    // A backup is a full copy of the data: kept in another jurisdiction, it moves the data there.
    const backupRegion = store.backup?.region;
    const backupJurisdiction = backupRegion !== undefined ? model.regions.get(backupRegion)?.jurisdiction : undefined;
    const backupVerdict =
        backupJurisdiction !== undefined ? residencyVerdict(residency, backupJurisdiction) : undefined;
    if (backupVerdict) {
        report({
            ...at(store.source, 'backupTo', 'backup'),
            cell: store.cell,
            key: `${store.name}:backup`,
            severity: backupVerdict.severity,
            message: `${store.name} must stay in ${residency}${from}, but its backups are kept in ${backupRegion} (${backupJurisdiction}), a full copy of the data: ${backupVerdict.why}`,
        });
    }
    for (const service of servicesOn(model, store.id, { dependsOn: false })) {
        const writes = service.uses.includes(store.id);
        for (const region of service.regions) {
            const jurisdiction = model.regions.get(region)?.jurisdiction;
            const verdict = jurisdiction === undefined ? undefined : residencyVerdict(residency, jurisdiction);
            if (!verdict) continue;
            // Remote access from a third country is a transfer as much as a copy there (EDPB Guidelines 05/2021).
            const message = writes
                ? `${service.name} writes ${store.name} from ${region} (${jurisdiction}), but ${store.name} must stay in ${residency}${from}: ${verdict.why}`
                : `${service.name} reads ${store.name} from ${region} (${jurisdiction}), but ${store.name} must stay in ${residency}${from}: reading personal data ` +
                  `from a region outside its jurisdiction transfers it as much as a replica there does (EDPB Guidelines 05/2021, ${factRef('eu-adequacy-decisions')}), and ${verdict.why}`;
            report({
                ...at(service.source, writes ? 'uses' : 'reads'),
                cell: service.cell,
                key: `${service.name}:${store.name}:${region}`,
                severity: writes ? verdict.severity : 'warning',
                message,
                fixes: () => {
                    const regionsRange = propRange(service.source, 'regions');
                    return regionsRange
                        ? [
                              {
                                  title: `Remove ${region} from ${service.name}'s regions`,
                                  edits: [
                                      {
                                          kind: 'remove-list-item',
                                          uri: service.source.uri,
                                          clause: regionsRange,
                                          item: region,
                                      },
                                  ],
                                  preferred: true,
                              },
                          ]
                        : [];
                },
            });
        }
    }
}

const residencyViolation: Rule = {
    code: 'residency-violation',
    check({ model, report }) {
        for (const store of model.stores.values()) checkStore(model, store, report);
    },
};

export const residencyRules = { residencyViolation };
