// The export review table: for every example that exports to CDK, what a CDK engineer would run before merging
// the generated app, and what the deploy-time template checks find.
// Usage: node scripts/export-review.mjs [--out FILE] [example ...]     (after `npm run build`)
//
// Per example, as a user would after `mregion export-cdk` (docs/export.md), with this repository's node_modules in
// place of `npm install` (the apps are written under test-output/, so they resolve aws-cdk-lib, constructs and
// cdk-nag from here, the versions the export pins):
//   1. export:   node dist/cli.cjs export-cdk examples/<x>.mregion --out test-output/export-review/apps/<x>
//   2. tsc:      the app's `npm run build` (tsc under its own tsconfig), emitting JavaScript next to it
//   3. synth:    what `cdk synth` runs: the app's entry point in a child process with CDK_OUTDIR and
//                CDK_CONTEXT_JSON (cdk.json's context, strict validation included, plus mregion:game-days=true)
//   4. cdk-nag:  the AwsSolutions findings of the synth's validation report (errors, warnings), and the
//                acknowledgements the generated code makes
//   5. blockers: test/export/helpers/deploy-checks.ts deployBlockers over the cloud assembly
// Examples run one at a time, niced: the machine is shared.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const ROOT = path.resolve(import.meta.dirname, '..');
const WORK = path.join(ROOT, 'test-output', 'export-review');
const require = createRequire(path.join(ROOT, 'package.json'));

const args = process.argv.slice(2);
const outIndex = args.indexOf('--out');
const outFile = outIndex >= 0 ? args[outIndex + 1] : undefined;
const only = args.filter((a, i) => !a.startsWith('--') && (outIndex < 0 || i !== outIndex + 1));

if (!existsSync(path.join(ROOT, 'dist', 'cli.cjs'))) {
    console.error('dist/cli.cjs is missing: run `npm run build` first');
    process.exit(2);
}

/** deployBlockers from the test helpers, bundled for Node (the helpers are TypeScript). */
async function loadDeployChecks() {
    const file = path.join(WORK, 'deploy-checks.mjs');
    await build({
        entryPoints: [path.join(ROOT, 'test', 'export', 'helpers', 'deploy-checks.ts')],
        bundle: true,
        format: 'esm',
        platform: 'node',
        outfile: file,
        logLevel: 'error',
    });
    return import(pathToFileURL(file).href);
}

function seconds(fromMs) {
    return (Date.now() - fromMs) / 1000;
}

function run(command, commandArgs, options = {}) {
    const result = spawnSync('nice', [command, ...commandArgs], {
        encoding: 'utf8',
        maxBuffer: 1 << 28,
        ...options,
    });
    return { status: result.status, output: `${result.stdout ?? ''}${result.stderr ?? ''}` };
}

/** The app's context as `cdk synth -c mregion:game-days=true` passes it. */
function contextOf(appDir) {
    const cdkJson = JSON.parse(readFileSync(path.join(appDir, 'cdk.json'), 'utf8'));
    return { ...cdkJson.context, 'mregion:game-days': 'true' };
}

/** cdk-nag's findings in the validation report, and the AwsSolutions acknowledgements in the assembly's metadata. */
function nagFindings(cdkOut) {
    const counts = { errors: 0, warnings: 0, acknowledged: 0, rules: [] };
    const reportFile = path.join(cdkOut, 'validation-report.json');
    if (existsSync(reportFile)) {
        const report = JSON.parse(readFileSync(reportFile, 'utf8'));
        for (const plugin of report.pluginReports ?? []) {
            if (!/AwsSolutions/i.test(plugin.pluginName)) continue;
            for (const v of plugin.violations ?? []) {
                const n = (v.violatingConstructs ?? v.violatingResources ?? [1]).length;
                if (v.severity === 'error' || v.severity === 'fatal') counts.errors += n;
                else if (v.severity === 'warning') counts.warnings += n;
                counts.rules.push(v.ruleName);
            }
        }
    }
    for (const f of readdirSync(cdkOut).filter((n) => n.endsWith('.metadata.json'))) {
        const metadata = JSON.parse(readFileSync(path.join(cdkOut, f), 'utf8'));
        for (const entries of Object.values(metadata)) {
            for (const e of entries) {
                if (e.type !== 'aws:cdk:acknowledged-rules') continue;
                counts.acknowledged += Object.keys(e.data ?? {}).filter((id) => id.includes('AwsSolutions-')).length;
            }
        }
    }
    return counts;
}

async function review(example, deployBlockers, CloudAssembly) {
    const started = Date.now();
    const appDir = path.join(WORK, 'apps', example);
    const jsDir = path.join(WORK, 'js', example);
    rmSync(appDir, { recursive: true, force: true });
    const row = { example, tsc: '', synth: '', nag: '', blockers: '', seconds: 0 };

    const exportArgs = [
        'dist/cli.cjs',
        'export-cdk',
        path.join('examples', `${example}.mregion`),
        '--out',
        path.relative(ROOT, appDir),
    ];
    let exported = run(process.execPath, exportArgs, { cwd: ROOT });
    if (exported.status !== 0 && /no region with provider aws/.test(exported.output)) return undefined;
    // Examples show the checker's rules, some at error level: the CLI refuses those designs unless forced, as it
    // would for a user. The review exports them with --force and says so.
    const designErrors = [...exported.output.matchAll(/^\s+\S+:\d+:\d+ ([a-z0-9-]+) /gm)].map((m) => m[1]);
    if (exported.status !== 0 && designErrors.length > 0) {
        exported = run(process.execPath, [...exportArgs, '--force'], { cwd: ROOT });
        if (exported.status !== 0 && /no region with provider aws/.test(exported.output)) return undefined;
        row.example += ` (--force: design error ${[...new Set(designErrors)].join(', ')})`;
    }
    if (exported.status !== 0) {
        return {
            ...row,
            tsc: 'not run',
            synth: 'not run',
            nag: 'not run',
            blockers: 'not run',
            export: 'FAIL',
            seconds: seconds(started),
            detail: exported.output,
        };
    }

    const tsc = run(process.execPath, [
        require.resolve('typescript/bin/tsc'),
        '-p',
        appDir,
        '--noEmit',
        'false',
        '--outDir',
        jsDir,
    ]);
    const tscErrors = (tsc.output.match(/error TS\d+/g) ?? []).length;
    row.tsc = tsc.status === 0 ? 'pass' : `FAIL (${tscErrors} errors)`;

    const cdkOut = path.join(appDir, 'cdk.out');
    const context = contextOf(appDir);
    const synth = run(process.execPath, [path.join(jsDir, 'bin', 'app.js')], {
        cwd: appDir,
        env: { ...process.env, CDK_OUTDIR: cdkOut, CDK_CONTEXT_JSON: JSON.stringify(context), CDK_VALIDATION: 'true' },
    });
    if (synth.status !== 0 || !existsSync(path.join(cdkOut, 'manifest.json'))) {
        row.synth = 'FAIL';
        const nag = existsSync(cdkOut) ? nagFindings(cdkOut) : undefined;
        row.nag = nag
            ? `${nag.errors} errors, ${nag.warnings} warnings (${[...new Set(nag.rules)].join(', ')})`
            : 'not run';
        row.blockers = 'not run';
        row.detail = synth.output.split('\n').slice(0, 20).join('\n');
    } else {
        const assembly = new CloudAssembly(cdkOut);
        row.stacks = assembly.stacks.length;
        row.gameDayStacks = assembly.stacks.filter((s) => s.stackName.endsWith('-gameday')).length;
        row.synth = `pass (${row.stacks} stack${row.stacks === 1 ? '' : 's'}, ${row.gameDayStacks} of them game days)`;
        const nag = nagFindings(cdkOut);
        row.nag = `${nag.errors} errors, ${nag.warnings} warnings (${nag.acknowledged} acknowledged in the code, with reasons)`;
        const found = deployBlockers(assembly, context);
        row.blockers = found.length === 0 ? 'none' : found.join('; ');
    }
    row.seconds = seconds(started);
    return row;
}

function table(rows) {
    return [
        '| example | tsc | synth (strict validation, game days on) | cdk-nag (AwsSolutions) | deploy blockers found by the template tests | time |',
        '|---|---|---|---|---|---|',
        ...rows.map(
            (r) => `| ${r.example} | ${r.tsc} | ${r.synth} | ${r.nag} | ${r.blockers} | ${r.seconds.toFixed(1)} s |`,
        ),
    ].join('\n');
}

mkdirSync(WORK, { recursive: true });
const { deployBlockers } = await loadDeployChecks();
const { CloudAssembly } = require('aws-cdk-lib/cx-api');
const examples = readdirSync(path.join(ROOT, 'examples'))
    .filter((f) => f.endsWith('.mregion'))
    .map((f) => f.replace(/\.mregion$/, ''))
    .filter((e) => only.length === 0 || only.includes(e))
    .sort();

const rows = [];
const skipped = [];
for (const example of examples) {
    const row = await review(example, deployBlockers, CloudAssembly);
    if (row === undefined) {
        skipped.push(example);
        console.error(`${example}: does not export (no AWS region)`);
        continue;
    }
    rows.push(row);
    console.error(`${example}: ${row.tsc} | ${row.synth} | ${row.nag} | ${row.blockers} | ${row.seconds.toFixed(1)} s`);
    if (row.detail) console.error(row.detail);
}

const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
const dirty = execFileSync('git', ['status', '--porcelain', '--', 'export', 'cli', 'language', 'examples'], {
    cwd: ROOT,
    encoding: 'utf8',
}).trim();
const markdown = [
    table(rows),
    '',
    `Not exported (no AWS region): ${skipped.join(', ') || 'none'}.`,
    `Commit: ${commit}${dirty ? ' (with uncommitted changes)' : ''}. Total: ${rows.reduce((s, r) => s + r.seconds, 0).toFixed(0)} s.`,
].join('\n');
console.log(markdown);
if (outFile) writeFileSync(outFile, `${markdown}\n`);
if (
    rows.some(
        (r) =>
            r.export === 'FAIL' ||
            r.tsc !== 'pass' ||
            !r.synth.startsWith('pass') ||
            r.blockers !== 'none' ||
            !r.nag.startsWith('0 errors, 0 warnings '),
    )
)
    process.exitCode = 1;
