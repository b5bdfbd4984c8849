// The large fuzz runs: bundles the harness with esbuild (as the product is bundled) and runs it.
//   --stage design     (the default) test/robustness/fuzz/large-run.ts: designs through the in-process pipeline
//   --stage workspace  test/robustness/fuzz/process-run.ts: generated folders through the bundled CLI and server
//   --stage lsp        test/robustness/fuzz/process-run.ts: random protocol traffic against the bundled server
//   --stage all        the three, one after the other, into one report (--design-cases, --workspace-cases and
//                      --lsp-cases set their sizes; other options go to every stage that takes them)
// Writes bench/results/fuzz-<date>.md (fuzz-<date>-<stage>.md for workspace or lsp alone) unless --out says
// otherwise; exits 1 when a new failure was found. Options of each stage: bench/robustness/README.md.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ENTRIES = { design: 'large-run.ts', workspace: 'process-run.ts', lsp: 'process-run.ts' };
/** Sizes of `--stage all`, about 15 minutes on one core of the shared machine. */
const ALL_CASES = { design: 10_000, workspace: 30, lsp: 120 };

const args = process.argv.slice(2);
const option = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const stage = option('--stage') ?? 'design';
if (stage !== 'all' && !(stage in ENTRIES)) {
    process.stderr.write(`fuzz: --stage must be design, workspace, lsp or all, got '${stage}'\n`);
    process.exit(2);
}

/** `args` without the named options (and their values). */
function without(names) {
    return args.filter((a, i) => !names.includes(a) && !names.includes(args[i - 1]));
}

async function bundle(name) {
    const outfile = path.join(tmpdir(), `mregion-fuzz-${process.pid}-${name}.cjs`);
    await esbuild.build({
        entryPoints: [path.join(root, 'test/robustness/fuzz', ENTRIES[name])],
        outfile,
        bundle: true,
        platform: 'node',
        target: 'node20',
        format: 'cjs',
        logLevel: 'warning',
        define: { 'import.meta.url': 'importMetaUrl', 'import.meta.dirname': 'importMetaDirname' },
        // The harness's helpers find the repository (the bundles, examples) from their own folder, test/helpers.
        banner: {
            js: `const importMetaUrl = require('url').pathToFileURL(__filename).href; const importMetaDirname = ${JSON.stringify(path.join(root, 'test', 'helpers'))};`,
        },
    });
    return outfile;
}

function run(name, stageArgs) {
    return bundle(name).then((file) => {
        const result = spawnSync(process.execPath, [file, ...stageArgs], {
            stdio: 'inherit',
            env: { ...process.env, MREGION_ROOT: root },
        });
        rmSync(file, { force: true });
        return result.status ?? 1;
    });
}

if (stage !== 'all') {
    process.exit(await run(stage, stage === 'design' ? without(['--stage']) : args));
}

// All three: each stage writes its report to a temporary file; they are joined under one title.
const date = new Date().toISOString().slice(0, 10);
const out = option('--out') ?? path.join(root, 'bench', 'results', `fuzz-${date}.md`);
const shared = without([
    '--stage',
    '--out',
    '--cases',
    '--design-cases',
    '--workspace-cases',
    '--lsp-cases',
    '--replay',
]);
const parts = [];
let status = 0;
for (const name of Object.keys(ENTRIES)) {
    const part = path.join(tmpdir(), `mregion-fuzz-${process.pid}-${name}.md`);
    const cases = option(`--${name}-cases`) ?? String(ALL_CASES[name]);
    // The design stage takes none of the process stages' options, and they take none of its own.
    const own =
        name === 'design'
            ? shared.filter(
                  (a, i) =>
                      !['--hang', '--memory', '--max-bytes'].includes(a) &&
                      !['--hang', '--memory', '--max-bytes'].includes(shared[i - 1]),
              )
            : [
                  '--stage',
                  name,
                  ...shared.filter(
                      (a, i) =>
                          !['--workers', '--bound', '--budget'].includes(a) &&
                          !['--workers', '--bound', '--budget'].includes(shared[i - 1]),
                  ),
              ];
    status = Math.max(status, await run(name, [...own, '--cases', cases, '--out', part]));
    // One document: the stages' titles become sections.
    const text = readFileSync(part, 'utf8').replace(
        /^# Fuzz run [0-9-]+$/m,
        '# Fuzz run of designs through the in-process pipeline',
    );
    parts.push(text.replace(/^(#+) /gm, '#$1 '));
    rmSync(part, { force: true });
}
mkdirSync(path.dirname(out), { recursive: true });
writeFileSync(
    out,
    [
        `# Fuzz run ${date}: designs, the workspace layer and the LSP protocol`,
        '',
        `Command: \`node scripts/fuzz.mjs ${args.join(' ')}\``,
        '',
        ...parts,
    ].join('\n'),
);
process.stderr.write(`fuzz: report of all stages: ${out}\n`);
process.exit(status);
