// The exported app's own tests (`npm test` in the export: vitest, a devDependency of the app) pass. The app is
// written under test-output/ inside this repository, so it resolves aws-cdk-lib, cdk-nag and vitest from this
// repository's node_modules (the versions the export pins) instead of installing; its tests run in a child
// process with this repository's vitest binary, rooted at the app folder, exactly as `npm test` runs them there.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { expect, test } from 'vitest';
import { exportCdk } from '../../export/cdk/index.js';
import { PINNED } from '../../export/cdk/versions.js';
import { modelOf } from '../helpers/services.js';
import { writeApp } from './helpers/apps.js';

const VITEST = path.resolve(import.meta.dirname, '../../node_modules/vitest/vitest.mjs');

test("the exported app's own deploy checks pass under npm test, for an example with a game day", async () => {
    const { model } = await modelOf(readFileSync('examples/aurora-warm-standby.mregion', 'utf8'));
    const result = exportCdk(model, [], { account: '210987654321' });
    expect(result.errors).toEqual([]);
    const app = writeApp('app-tests', 'aurora', result.files);
    const pkg = JSON.parse(readFileSync(path.join(app.sourceDir, 'package.json'), 'utf8')) as {
        scripts: Record<string, string>;
        devDependencies: Record<string, string>;
    };
    expect(pkg.scripts.test).toBe('vitest run');
    expect(pkg.devDependencies.vitest).toBe(PINNED.vitest);
    // The same command `npm test` runs, with the repository's vitest (no install); CI=1 keeps it from watching.
    const run = spawnSync(process.execPath, [VITEST, 'run', '--root', app.sourceDir, '--reporter', 'verbose'], {
        cwd: app.sourceDir,
        encoding: 'utf8',
        env: { ...process.env, CI: '1', CDK_VALIDATION: 'true' },
        timeout: 240_000,
    });
    const output = `${run.stdout}\n${run.stderr}`;
    expect(run.status, output).toBe(0);
    expect(output).toMatch(/4 passed/);
    expect(output).toContain('has no RDS-managed master password on a cluster of a global database');
}, 300_000);
