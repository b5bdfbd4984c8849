// `npm start`: builds the bundles, then runs the product on the bundled fintech example the way a user
// would from the command line: check, simulate its scenario, export it to a CDK app.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const example = 'examples/fintech.mregion';
// A fresh temporary folder each run, so the export never needs --force.
const cdkFolder = join(mkdtempSync(join(tmpdir(), 'mregion-demo-')), 'fintech-cdk');
const steps = [
    { title: 'Building the extension, language server and CLI', command: [process.execPath, 'esbuild.mjs'] },
    { title: `Checking ${example}`, command: [process.execPath, 'dist/cli.cjs', 'check', example], okCodes: [0, 1] },
    // The design must meet its scenario's expectations: a failing one fails the demo.
    {
        title: `Simulating ${example} (its us-east-1 outage scenario)`,
        command: [process.execPath, 'dist/cli.cjs', 'simulate', example],
    },
    {
        title: `Exporting ${example} to an AWS CDK app in ${cdkFolder}`,
        command: [process.execPath, 'dist/cli.cjs', 'export-cdk', example, '--out', cdkFolder],
    },
];

for (const step of steps) {
    process.stdout.write(
        `\n▶ ${step.title}\n  $ ${step.command
            .slice(1)
            .join(' ')
            .replace(/^/, step.command[0] === process.execPath ? 'node ' : '')}\n\n`,
    );
    const result = spawnSync(step.command[0], step.command.slice(1), { stdio: 'inherit' });
    if (result.error || !(step.okCodes ?? [0]).includes(result.status ?? 1)) {
        process.stderr.write(`\n✖ ${step.title} failed\n`);
        process.exit(1);
    }
}
