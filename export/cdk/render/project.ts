// package.json, cdk.json, tsconfig.json and .gitignore of the generated app. JSON is printed with
// JSON.stringify, so model-derived values are always valid JSON strings.
// The feature flags `cdk init` writes into a new project's cdk.json for this aws-cdk-lib version.
import RECOMMENDED_FEATURE_FLAGS from 'aws-cdk-lib/recommended-feature-flags.json' with { type: 'json' };
import { packageName } from '../names.js';
import type { ExportPlan } from '../plan/types.js';
import { PINNED } from '../versions.js';

function json(value: unknown): string {
    return `${JSON.stringify(value, null, 2)}\n`;
}

export function renderPackageJson(plan: ExportPlan): string {
    return json({
        name: packageName(plan.topologyName),
        version: '0.1.0',
        private: true,
        description: [...`AWS CDK app for ${plan.topologyName}, exported from ${plan.sourceFile} by mregion`]
            .slice(0, 200)
            .join(''),
        scripts: {
            build: 'tsc --noEmit',
            synth: 'cdk synth --no-lookups --no-notices',
            test: 'vitest run',
            cdk: 'cdk',
        },
        dependencies: {
            'aws-cdk-lib': PINNED['aws-cdk-lib'],
            constructs: PINNED.constructs,
            'cdk-nag': PINNED['cdk-nag'],
        },
        devDependencies: {
            '@types/node': PINNED['@types/node'],
            'aws-cdk': PINNED['aws-cdk'],
            tsx: PINNED.tsx,
            typescript: PINNED.typescript,
            vitest: PINNED.vitest,
        },
        // tsx depends on esbuild, whose install script checks its platform binary (npm 11 asks before running scripts).
        allowScripts: { esbuild: true },
    });
}

/**
 * Feature flags that make synth fail on any unacknowledged CloudFormation or cdk-nag finding. Annotations stay
 * out of the validation report, so the warnings about placeholders in cdk.json are shown without failing synth.
 */
export const STRICT_VALIDATION_CONTEXT = {
    '@aws-cdk/core:validateAgainstDefaultRules': true,
    '@aws-cdk/core:strictCfnValidateErrors': true,
    '@aws-cdk/core:annotationsInValidationReport': false,
} as const;

export function renderCdkJson(plan: ExportPlan): string {
    const context: Record<string, unknown> = {
        // Offline-friendly CLI: no notices fetched, no telemetry sent.
        notices: false,
        'cli-telemetry': false,
        ...RECOMMENDED_FEATURE_FLAGS,
        ...STRICT_VALIDATION_CONTEXT,
    };
    // Optional values are documented in the README, never seeded: a made-up value would be used as if real.
    for (const entry of plan.context) if (entry.kind !== 'optional') context[entry.key] = entry.value;
    return json({
        app: 'npx tsx bin/app.ts',
        watch: {
            include: ['**'],
            exclude: [
                'README.md',
                'cdk*.json',
                'tsconfig.json',
                'package*.json',
                'node_modules',
                'cdk.out',
                'test',
                'vitest.config.mjs',
            ],
        },
        context,
    });
}

export function renderTsconfig(): string {
    return json({
        compilerOptions: {
            target: 'ES2022',
            module: 'NodeNext',
            moduleResolution: 'NodeNext',
            lib: ['ES2022'],
            strict: true,
            noImplicitReturns: true,
            noUnusedLocals: true,
            noUnusedParameters: true,
            noFallthroughCasesInSwitch: true,
            skipLibCheck: true,
            forceConsistentCasingInFileNames: true,
            types: ['node'],
            noEmit: true,
        },
        include: ['bin', 'lib', 'test'],
        exclude: ['node_modules', 'cdk.out'],
    });
}

export function renderGitignore(): string {
    return ['node_modules/', 'cdk.out/', ''].join('\n');
}
