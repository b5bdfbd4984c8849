// Cells (the Shopify pod pattern): a per-cell service writes only its own cell's stores.
import type { Fix, FixEdit } from './fix.js';
import { at } from './helpers.js';
import type { Rule } from './rule.js';
import { propRange } from '../../semantics/source-props.js';

const crossCellWrite: Rule = {
    code: 'cross-cell-write',
    check({ model, report }) {
        for (const service of model.services.values()) {
            if (service.cell === undefined) continue;
            for (const id of service.uses) {
                const store = model.stores.get(id);
                if (!store || store.cell === service.cell) continue;
                const what =
                    store.cell === undefined
                        ? `${store.name}, a global store every cell shares`
                        : `${store.name} of cell ${store.cell}`;
                const fixes = (): Fix[] => {
                    const fixes: Fix[] = [];
                    if (store.cell === undefined) {
                        const edits: FixEdit[] = [
                            {
                                kind: 'replace',
                                uri: store.source.uri,
                                range: store.source.nameRange,
                                text: `${store.name} per cell`,
                            },
                        ];
                        const regionsRange = propRange(store.source, 'regions');
                        if (regionsRange)
                            edits.push({ kind: 'delete-clause', uri: store.source.uri, range: regionsRange });
                        fixes.push({
                            title: `Make ${store.name} per cell (each cell gets its own)`,
                            edits,
                            preferred: true,
                        });
                    }
                    return fixes;
                };
                report({
                    ...at(service.source, 'uses'),
                    cell: service.cell,
                    key: `${service.name}:${store.name}`,
                    fixes,
                    message:
                        `${service.name} runs per cell but writes ${what}: a bad deploy, hot key or overload in one cell reaches every cell through it, ` +
                        `so the cell no longer bounds the blast radius`,
                });
            }
        }
    },
};

export const cellRules = { crossCellWrite };
