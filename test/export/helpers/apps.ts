// Generates, compiles and synthesizes CDK apps the way the tests need them: into test-output/ under the
// repository, so the generated code resolves aws-cdk-lib, constructs and cdk-nag from this repository's
// node_modules (nothing is installed per test), compiled by one TypeScript program, synthesized in-process.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import ts from 'typescript';
import type { App } from 'aws-cdk-lib';
import type { CloudAssembly } from 'aws-cdk-lib/cx-api';
import { writeGeneratedFiles } from '../../../export/cdk/writer.js';
import type { GeneratedFile } from '../../../protocol/index.js';

const REPO = path.resolve(import.meta.dirname, '../../..');
export const OUTPUT = path.join(REPO, 'test-output', 'export');

export interface GeneratedApp {
    readonly name: string;
    /** Where the TypeScript sources were written. */
    readonly sourceDir: string;
    /** Where their compiled JavaScript goes. */
    readonly jsDir: string;
    readonly files: readonly GeneratedFile[];
}

/** Writes the files of one app into a fresh folder under `suite`. */
export function writeApp(suite: string, name: string, files: readonly GeneratedFile[]): GeneratedApp {
    const sourceDir = path.join(OUTPUT, suite, 'src', name);
    rmSync(sourceDir, { recursive: true, force: true });
    writeGeneratedFiles(sourceDir, files);
    return { name, sourceDir, jsDir: path.join(OUTPUT, suite, 'js', name), files };
}

/** Compiles every app of a suite with one TypeScript program (the apps share aws-cdk-lib's types). */
export function compileApps(suite: string, apps: readonly GeneratedApp[]): readonly string[] {
    const srcRoot = path.join(OUTPUT, suite, 'src');
    const jsRoot = path.join(OUTPUT, suite, 'js');
    rmSync(jsRoot, { recursive: true, force: true });
    mkdirSync(jsRoot, { recursive: true });
    // The repository's package.json says "type": "module"; the compiled apps are CommonJS, like the sources.
    writeFileSync(path.join(jsRoot, 'package.json'), '{ "type": "commonjs" }\n');
    const config = JSON.parse(readFileSync(path.join(apps[0]!.sourceDir, 'tsconfig.json'), 'utf8')) as {
        compilerOptions: object;
    };
    const { options, errors } = ts.convertCompilerOptionsFromJson(config.compilerOptions, srcRoot);
    if (errors.length > 0) return errors.map((e) => ts.flattenDiagnosticMessageText(e.messageText, '\n'));
    const roots = apps.flatMap((app) =>
        app.files.filter((f) => f.path.endsWith('.ts')).map((f) => path.join(app.sourceDir, f.path)),
    );
    const program = ts.createProgram(roots, {
        ...options,
        noEmit: false,
        outDir: jsRoot,
        rootDir: srcRoot,
        sourceMap: false,
    });
    const emitted = program.emit();
    return [...ts.getPreEmitDiagnostics(program), ...emitted.diagnostics].map((d) => {
        const where =
            d.file && d.start !== undefined
                ? `${path.relative(srcRoot, d.file.fileName)}:${d.file.getLineAndCharacterOfPosition(d.start).line + 1} `
                : '';
        return `${where}${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
    });
}

export interface Synthesized {
    readonly assembly: CloudAssembly;
    readonly app: App;
}

/** The app's context as `cdk` would pass it: cdk.json's `context` plus any overrides. */
export function cdkJsonContext(app: GeneratedApp, overrides: Record<string, unknown> = {}): Record<string, unknown> {
    const cdkJson = JSON.parse(app.files.find((f) => f.path === 'cdk.json')!.content) as {
        context: Record<string, unknown>;
    };
    return { ...cdkJson.context, ...overrides };
}

/** Runs the compiled app's createApp() in this process and synthesizes it. */
export function synthesize(
    app: GeneratedApp,
    options: { validation: boolean; context?: Record<string, unknown> },
): Synthesized {
    const require = createRequire(path.join(app.jsDir, 'lib', 'app.js'));
    const { createApp } = require(path.join(app.jsDir, 'lib', 'app.js')) as { createApp(props: object): App };
    const outdir = path.join(path.dirname(app.jsDir), '..', 'cdk.out', app.name);
    rmSync(outdir, { recursive: true, force: true });
    const previous = process.env.CDK_VALIDATION;
    process.env.CDK_VALIDATION = options.validation ? 'true' : 'false';
    try {
        const cdkApp = createApp({ outdir, context: options.context ?? cdkJsonContext(app) });
        return { assembly: cdkApp.synth(), app: cdkApp };
    } finally {
        if (previous === undefined) delete process.env.CDK_VALIDATION;
        else process.env.CDK_VALIDATION = previous;
    }
}
