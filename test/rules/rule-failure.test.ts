// A rule that throws is one diagnostic naming it; the other rules and the language checks still report.
import { EmptyFileSystem, inject } from 'langium';
import { createDefaultModule, createDefaultSharedModule } from 'langium/lsp';
import { parseHelper } from 'langium/test';
import { describe, expect, it } from 'vitest';
import type { Document } from '../../language/generated/ast.js';
import { MregionGeneratedModule, MregionGeneratedSharedModule } from '../../language/generated/module.js';
import { MregionModule, type MregionServices } from '../../language/mregion-module.js';
import { registerValidationChecks } from '../../language/validation/index.js';
import { allRules } from '../../language/validation/rules/registry.js';
import type { Rule } from '../../language/validation/rules/rule.js';
import { runRules } from '../../language/validation/rules/runner.js';
import { modelOf } from '../helpers/services.js';

const BROKEN: Rule = {
    code: 'egress-cost',
    check() {
        throw new TypeError('cannot read properties of undefined');
    },
};

const DESIGN = `topology T
region us-east-1 {}
region us-west-2 {}
service web { regions us-east-1, us-west-2 posture active-active }
failover web { route dns ttl 300s drill every 30d }
`;

describe('a rule that throws', () => {
    it('becomes one rule-failed diagnostic naming the rule, while the others run', async () => {
        const { model } = await modelOf(DESIGN);
        const rules = allRules().map((r) => (r.code === 'egress-cost' ? BROKEN : r));
        const diagnostics = runRules(model, rules);
        const failed = diagnostics.filter((d) => d.code === 'rule-failed');
        expect(failed).toHaveLength(1);
        expect(failed[0]!.message).toBe(
            'the rule egress-cost failed (TypeError: cannot read properties of undefined) and checked nothing in this file; the other rules ran. Please report this file',
        );
        expect(diagnostics.some((d) => d.code === 'dns-ttl-too-long')).toBe(true);
    });

    it('does not stop validation of the document in a language server', async () => {
        const shared = inject(createDefaultSharedModule(EmptyFileSystem), MregionGeneratedSharedModule);
        const services: MregionServices = inject(
            createDefaultModule({ shared }),
            MregionGeneratedModule,
            MregionModule,
            {
                semantics: { Rules: () => allRules().map((r) => (r.code === 'egress-cost' ? BROKEN : r)) },
            },
        );
        shared.ServiceRegistry.register(services);
        registerValidationChecks(services);
        await shared.workspace.ConfigurationProvider.initialized({});
        const parse = parseHelper<Document>(services);
        for (const text of [DESIGN, DESIGN.replace('300s', '400s')]) {
            const document = await parse(text, { validation: true });
            const codes = (document.diagnostics ?? []).map((d) => d.code);
            expect(codes).toContain('rule-failed');
            expect(codes).toContain('dns-ttl-too-long');
            expect(document.diagnostics!.find((d) => d.code === 'rule-failed')!.range.start.line).toBe(0);
        }
    });
});
