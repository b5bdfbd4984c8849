import { readdirSync, readFileSync } from 'node:fs';
import { AstUtils, GrammarAST } from 'langium';
import { describe, expect, it } from 'vitest';
import { MregionGrammar } from '../../language/generated/grammar.js';
import { QUANTITY_SLOTS, slotOfQuantity } from '../../language/lsp/quantity-kinds.js';
import { normalize } from '../../language/semantics/units.js';
import { validate } from '../helpers/services.js';

/** `Type.property` of every assignment of a Quantity in the grammar. */
function quantityProperties(): string[] {
    const result: string[] = [];
    for (const rule of MregionGrammar().rules.filter(GrammarAST.isParserRule)) {
        for (const a of AstUtils.streamAllContents(rule.definition).filter(GrammarAST.isAssignment)) {
            if (GrammarAST.isRuleCall(a.terminal) && a.terminal.rule.ref?.name === 'Quantity')
                result.push(`${rule.name}.${a.feature}`);
        }
    }
    return [...new Set(result)].sort();
}

describe('the unit each quantity takes', () => {
    it('is listed for every quantity of the grammar (objective and expectation values by metric)', () => {
        const metricDependent = new Set(['ObjectiveTerm.value', 'Expectation.value']);
        expect(quantityProperties().filter((p) => !metricDependent.has(p) && !QUANTITY_SLOTS[p])).toEqual([]);
    });

    const examples = readdirSync(new URL('../../examples/', import.meta.url)).filter((f) => f.endsWith('.mregion'));
    it.each(examples)('agrees with every quantity written in %s', async (name) => {
        const { document } = await validate(readFileSync(new URL(`../../examples/${name}`, import.meta.url), 'utf8'));
        const wrong = AstUtils.streamAllContents(document.parseResult.value)
            .filter((n) => n.$type === 'Quantity')
            .map((q) => {
                const slot = slotOfQuantity(q);
                const text = (q as { text?: string }).text ?? '';
                return slot && normalize(text, slot.kind).ok
                    ? undefined
                    : `${text} as ${slot?.kind ?? 'nothing'} (${q.$container?.$type}.${q.$containerProperty})`;
            })
            .filter((x) => x !== undefined)
            .toArray();
        expect(wrong).toEqual([]);
    });
});
