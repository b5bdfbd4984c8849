// Export to AWS CDK: semantic model → the files of a CDK v2 TypeScript app. Pure (no file system, no
// langium): the CLI writes the files with writer.ts, the language server hands them to the VS Code client.
import type { Model } from '../../language/semantics/model.js';
import type { ExportCdkResult, GeneratedFile } from '../../protocol/index.js';
import { planExport } from './plan/index.js';
import type { ExportPlan } from './plan/types.js';
import { renderAppModule, renderBin, renderContextModule } from './render/app.js';
import { renderCdkJson, renderGitignore, renderPackageJson, renderTsconfig } from './render/project.js';
import { renderReadme } from './render/readme.js';
import { CONSTRUCT_MODULES, renderGlobalStack, renderRegionStack, type ConstructFile } from './render/stacks.js';
import { AURORA_GLOBAL_DATABASE } from './templates/aurora.js';
import { REPLICATED_BUCKET } from './templates/bucket.js';
import { GAME_DAY_EXPERIMENT } from './templates/game-day.js';
import { APP_TESTS, APP_VITEST_CONFIG } from './templates/app-tests.js';
import { renderGameDayStack } from './render/game-days.js';
import { ACCELERATED_ENDPOINTS, DNS_ROUTING, RESILIENCY_POLICY, ROUTING_CONTROLS } from './templates/routing.js';

export interface ExportOptions {
    /** 12-digit AWS account id for every stack; a documented placeholder when absent. */
    readonly account?: string;
    /** Generate despite errors in the design and parts the exporter cannot express (they are listed instead). */
    readonly force?: boolean;
    /** The design's warnings, already formatted (`file:line:column code message`): the README carries them over. */
    readonly designWarnings?: readonly string[];
}

const CONSTRUCT_SOURCES: Readonly<Record<ConstructFile, string>> = {
    aurora: AURORA_GLOBAL_DATABASE,
    bucket: REPLICATED_BUCKET,
    dns: DNS_ROUTING,
    'routing-controls': ROUTING_CONTROLS,
    accelerator: ACCELERATED_ENDPOINTS,
    'resiliency-policy': RESILIENCY_POLICY,
};

export function isAccountId(value: string): boolean {
    return /^[0-9]{12}$/.test(value);
}

/**
 * Exports `model` unless `designErrors` (the design's error diagnostics, already formatted) is non-empty
 * or the design asks for something AWS cannot express; `force` exports anyway and lists what was skipped.
 */
export function exportCdk(model: Model, designErrors: readonly string[], options: ExportOptions = {}): ExportCdkResult {
    if (options.account !== undefined && !isAccountId(options.account)) {
        return {
            files: [],
            notGenerated: [],
            errors: [`account '${options.account}' is not a 12-digit AWS account id`],
        };
    }
    if (designErrors.length > 0 && !options.force) return { files: [], notGenerated: [], errors: [...designErrors] };

    const plan = planExport(model, { account: options.account });
    // Two resources with one name cannot both deploy: no forced export could build, so this refuses even --force.
    if (plan.nameCollisions.length > 0)
        return { files: [], notGenerated: [], errors: [...plan.nameCollisions], nameCollisions: plan.nameCollisions };
    const issues = plan.issues.map((i) => `${i.name}: ${i.reason}`);
    if (issues.length > 0 && !options.force) return { files: [], notGenerated: plan.notGenerated, errors: issues };
    // Forced past its issues, the export lists them with everything else it leaves out.
    const exported: ExportPlan = {
        ...plan,
        notGenerated: [...plan.issues, ...plan.notGenerated],
        designWarnings: options.designWarnings ?? [],
    };

    if (exported.regionStacks.length === 0 && !exported.globalStack) {
        const aws = [...model.regions.values()].some((r) => r.provider === 'aws');
        return {
            files: [],
            notGenerated: [
                {
                    name: `topology ${exported.topologyName}`,
                    reason: aws
                        ? 'nothing in the design maps to an AWS resource'
                        : 'the design has no region with provider aws: there is nothing to deploy with AWS CDK',
                },
                ...exported.notGenerated,
            ],
            errors: [],
        };
    }
    return { files: renderApp(exported), notGenerated: exported.notGenerated, errors: [] };
}

/** Every file of the app, in a stable order. */
export function renderApp(plan: ExportPlan): GeneratedFile[] {
    const needs = new Set<ConstructFile>();
    const stacks: GeneratedFile[] = plan.regionStacks.map((stack) => ({
        path: `lib/stacks/${stack.fileStem}-stack.ts`,
        content: renderRegionStack(plan, stack, needs),
    }));
    if (plan.globalStack)
        stacks.push({ path: 'lib/stacks/global-stack.ts', content: renderGlobalStack(plan, plan.globalStack, needs) });
    for (const stack of plan.gameDayStacks)
        stacks.push({ path: `lib/stacks/${stack.fileStem}-stack.ts`, content: renderGameDayStack(plan, stack) });
    const constructs = [...needs]
        .sort()
        .map((file) => ({ path: `lib/constructs/${CONSTRUCT_MODULES[file]}.ts`, content: CONSTRUCT_SOURCES[file] }));
    if (plan.gameDayStacks.length > 0)
        constructs.push({ path: 'lib/constructs/game-day-experiment.ts', content: GAME_DAY_EXPERIMENT });
    return [
        { path: 'README.md', content: renderReadme(plan, needs) },
        { path: 'package.json', content: renderPackageJson(plan) },
        { path: 'cdk.json', content: renderCdkJson(plan) },
        { path: 'tsconfig.json', content: renderTsconfig() },
        { path: '.gitignore', content: renderGitignore() },
        { path: 'bin/app.ts', content: renderBin(plan) },
        { path: 'lib/app.ts', content: renderAppModule(plan) },
        { path: 'lib/context.ts', content: renderContextModule(plan) },
        ...stacks,
        ...constructs,
        { path: 'test/deploy-checks.test.ts', content: APP_TESTS },
        { path: 'vitest.config.mjs', content: APP_VITEST_CONFIG },
    ];
}

export { planExport } from './plan/index.js';
export type { ExportPlan } from './plan/types.js';
