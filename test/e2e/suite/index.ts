// Entry of the end-to-end suite inside VS Code's extension host (the `extensionTestsPath` module): runs the
// bundled mocha test files beside it and resolves only when every test passed.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import * as vscode from 'vscode';

/** Tests of Restricted Mode run only in an untrusted window, and all others only in a trusted one. */
export const untrustedSuite = 'in an untrusted workspace';

export async function run(): Promise<void> {
    const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 90_000, reporter: 'spec' });
    mocha.grep(untrustedSuite);
    if (vscode.workspace.isTrusted) mocha.invert();
    console.log(`workspace ${vscode.workspace.isTrusted ? 'trusted' : 'untrusted'}: running the ${vscode.workspace.isTrusted ? 'trusted-workspace' : 'untrusted-workspace'} tests`);
    const here = __dirname;
    for (const file of fs.readdirSync(here).filter((f) => f.endsWith('.test.cjs')).sort()) mocha.addFile(path.join(here, file));
    await new Promise<void>((resolve, reject) => {
        mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} end-to-end test(s) failed`)) : resolve()));
    });
}
