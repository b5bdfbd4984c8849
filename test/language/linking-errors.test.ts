// Unresolved names get our code and a "did you mean" from the names in scope. A design with thousands of them (a
// pasted or generated file) must cost one scope lookup per kind of reference, not one per diagnostic: per
// diagnostic, with every declaration a candidate, checking a repeated 30,000-line design took minutes.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mregion, validate } from '../helpers/services.js';

const REGIONS =
    'region us-east-1 { provider aws  jurisdiction US }\nregion eu-west-1 { provider aws  jurisdiction EU }\n';

function manyUnknownNames(count: number): string {
    const stores = Array.from(
        { length: count },
        (_, i) => `store s${i} { engine dynamodb  regions us-eest-1, eu-west-9  holds shared rows }`,
    );
    const workloads = Array.from({ length: count }, (_, i) => `workload w${i} for nothing-${i} { writes 1/s }`);
    return `topology T\n${REGIONS}${stores.join('\n')}\n${workloads.join('\n')}\n`;
}

describe('unresolved names', () => {
    afterEach(() => vi.restoreAllMocks());

    it('looks up the names in scope once per kind of reference, however many names are unknown', async () => {
        const validator = mregion.validation.DocumentValidator as unknown as {
            processLinkingErrors: (...args: unknown[]) => void;
        };
        const scopes = mregion.references.ScopeProvider;
        let reporting = false;
        let lookups = 0;
        const report = validator.processLinkingErrors.bind(validator);
        vi.spyOn(validator, 'processLinkingErrors').mockImplementation((...args: unknown[]) => {
            reporting = true;
            try {
                return report(...args);
            } finally {
                reporting = false;
            }
        });
        const getScope = scopes.getScope.bind(scopes);
        vi.spyOn(scopes, 'getScope').mockImplementation((context) => {
            if (reporting) lookups++;
            return getScope(context);
        });

        const { diagnostics } = await validate(manyUnknownNames(1_000));

        const unresolved = diagnostics.filter((d) => d.code === 'unresolved-reference');
        expect(unresolved).toHaveLength(3_000);
        expect(lookups).toBeLessThanOrEqual(2);
        expect(
            unresolved.filter((d) => d.message === "unknown region 'us-eest-1': did you mean 'us-east-1'?"),
        ).toHaveLength(1_000);
        expect(
            unresolved.filter((d) => d.message === "unknown region 'eu-west-9': did you mean 'eu-west-1'?"),
        ).toHaveLength(1_000);
        expect(
            unresolved.filter((d) =>
                /^unknown store or service 'nothing-\d+' \(declared: s0, s1, s2, s3, s4, s5, s6, s7, …\)$/.test(
                    String(d.message),
                ),
            ),
        ).toHaveLength(1_000);
    });
});
