// Entry of the end-to-end suite inside VS Code's extension host (the `extensionTestsPath` module): runs the
// bundled mocha test files beside it and resolves only when every test passed and none is missing.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import * as vscode from 'vscode';
import { runMocha } from './run-mocha.js';

/** Tests of Restricted Mode run only in an untrusted window, and all others only in a trusted one. */
export const untrustedSuite = 'in an untrusted workspace';

/** The tests each window runs today (1-3, 5-7: 24 trusted-workspace tests; 4 and 7: 4 untrusted): fewer means some went missing. */
const MINIMUM_TESTS = { trusted: 24, untrusted: 4 };

export async function run(): Promise<void> {
    const trusted = vscode.workspace.isTrusted;
    const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 90_000, reporter: 'spec' });
    mocha.grep(untrustedSuite);
    if (trusted) mocha.invert();
    console.log(
        `workspace ${trusted ? 'trusted' : 'untrusted'}: running the ${trusted ? 'trusted-workspace' : 'untrusted-workspace'} tests`,
    );
    const here = __dirname;
    for (const file of fs
        .readdirSync(here)
        .filter((f) => f.endsWith('.test.cjs'))
        .sort())
        mocha.addFile(path.join(here, file));
    await runMocha(
        mocha,
        trusted ? MINIMUM_TESTS.trusted : MINIMUM_TESTS.untrusted,
        `in the ${trusted ? 'trusted' : 'untrusted'} workspace`,
    );
}
