// The editor on `global-dependency`: completion offers the provider-global services the facts know (each once),
// hover says where each is homed, and the service hover lists them.
import { describe, expect, it } from 'vitest';
import { completionLabelsAt, hoverAt } from './lsp-helpers.js';

const DESIGN = `topology T
region us-east-1 { provider aws }
region us-west-2 { provider aws }
`;

const ALL = [
    'arc-control',
    'cloudfront',
    'cloudfront-control',
    'global-accelerator',
    'global-accelerator-control',
    'iam',
    'organizations',
    'route53',
    'route53-control',
    'sts',
];

describe('completion of global dependencies', () => {
    it.each([
        ['every known name after the keyword', `${DESIGN}service api { regions us-west-2 global-dependency <|> }`, ALL],
        [
            'the names not yet listed after a comma',
            `${DESIGN}service api { regions us-west-2 global-dependency sts, iam, <|> }`,
            ALL.filter((n) => n !== 'sts' && n !== 'iam'),
        ],
    ])('offers %s, and no value words', async (_what, text, expected) => {
        expect(await completionLabelsAt(text)).toEqual(expected);
    });

    it('offers the clause in a service block', async () => {
        expect(await completionLabelsAt(`${DESIGN}service api { regions us-west-2 <|> }`)).toContain(
            'global-dependency',
        );
    });

    it('does not offer the clause twice', async () => {
        expect(
            await completionLabelsAt(`${DESIGN}service api { regions us-west-2 global-dependency sts <|> }`),
        ).not.toContain('global-dependency');
    });
});

describe('hover of global dependencies', () => {
    it.each([
        ['sts', /Homed in \*\*us-east-1\*\* \(\[docs\/facts\.md#sts-global-endpoint\]/],
        ['iam', /Homed in \*\*us-east-1\*\* \(\[docs\/facts\.md#global-control-planes-us-east-1\]/],
        ['arc-control', /Homed in \*\*us-west-2\*\* \(\[docs\/facts\.md#arc-control-plane-region\]/],
        ['route53', /Not homed: served from every edge location/],
        ['global-accelerator', /Global Accelerator's data plane/],
    ])('says where %s is homed', async (name, pattern) => {
        const text = await hoverAt(`${DESIGN}service api { regions us-west-2 global-dependency <|>${name} }`);
        expect(text).toMatch(pattern);
    });

    it('says what impairs a homed service in a simulation', async () => {
        const text = await hoverAt(`${DESIGN}service api { regions us-west-2 global-dependency <|>sts }`);
        expect(text).toContain('`impair control-plane us-east-1` impairs it');
    });

    it('explains the keyword', async () => {
        const text = await hoverAt(`${DESIGN}service api { regions us-west-2 <|>global-dependency sts }`);
        expect(text).toMatch(/Provider-global services the service calls on its request path/);
        expect(text).toContain('`sts` (us-east-1, [docs/facts.md#sts-global-endpoint]');
    });

    it('lists the global dependencies in the service hover', async () => {
        const text = await hoverAt(`${DESIGN}service <|>api { regions us-west-2 global-dependency sts, route53 }`);
        expect(text).toContain('Global dependencies: sts (homed in us-east-1), route53 (not homed)');
    });
});
