// A service whose `depends-on` names itself: one error at that name, and the model keeps its other dependencies
// only (read as written, its own load and shortfall would count twice: as its own and as a dependency's).
import { describe, expect, it } from 'vitest';
import { errors, modelOf } from '../helpers/services.js';

const REGIONS = 'topology T\nregion us-east-1 {}\nregion us-west-2 {}\ncell c1 { regions us-east-1, us-west-2 }\n';

describe('a service that depends on itself', () => {
    it.each([
        {
            name: 'in a plain declaration',
            design: `service auth { regions us-east-1, us-west-2 posture active-active }
service api { regions us-east-1, us-west-2 posture active-active depends-on auth, api }`,
            id: 'api',
            keeps: ['auth'],
        },
        {
            name: 'in a per-cell declaration',
            design: `service auth { regions us-east-1, us-west-2 posture active-active }
service api per cell { posture active-active depends-on api, auth }`,
            id: 'api@c1',
            keeps: ['auth'],
        },
    ])('is one error at the name $name, and the model drops it', async ({ design, id, keeps }) => {
        const text = `${REGIONS}${design}\n`;
        const { model, diagnostics } = await modelOf(text);
        const found = errors(diagnostics).map((d) => {
            const lines = text.split('\n');
            const at = lines[d.range.start.line]!.slice(d.range.start.character, d.range.end.character);
            return [d.code, d.message, at];
        });
        expect(found).toEqual([
            ['inapplicable-property', "service api cannot depend on itself: remove 'api' from its 'depends-on'", 'api'],
        ]);
        expect(model.services.get(id)?.dependsOn).toEqual(keeps);
    });
});
