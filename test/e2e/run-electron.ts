// End-to-end runner for machines that can download VS Code: @vscode/test-electron fetches a desktop VS Code,
// installs the packaged mregion.vsix into a throw-away extensions folder, and runs the same suite as the
// code-server runner. Usage: npm run test:e2e:electron   Env: VSCODE_VERSION (default: stable).
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { downloadAndUnzipVSCode, resolveCliArgsFromVSCodeExecutablePath, runTests } from '@vscode/test-electron';

const root = path.resolve(__dirname, '..', '..');

async function main(): Promise<void> {
    const work = mkdtempSync(path.join(tmpdir(), 'mregion-e2e-electron-'));
    const workspace = path.join(work, 'ws');
    prepareWorkspace(workspace);
    const extensionsDir = path.join(work, 'exts');
    const userDataDir = path.join(work, 'ud');

    const vscodeExecutablePath = await downloadAndUnzipVSCode(process.env.VSCODE_VERSION ?? 'stable');
    const [cli, ...cliArgs] = resolveCliArgsFromVSCodeExecutablePath(vscodeExecutablePath);
    const install = spawnSync(
        cli!,
        [
            ...cliArgs,
            '--extensions-dir',
            extensionsDir,
            '--user-data-dir',
            userDataDir,
            '--install-extension',
            path.join(root, 'mregion.vsix'),
            '--force',
        ],
        { stdio: 'inherit', encoding: 'utf8' },
    );
    if (install.status !== 0) throw new Error(`installing mregion.vsix failed (exit ${install.status})`);

    await runTests({
        vscodeExecutablePath,
        // The suite runs against the installed .vsix; the development path is an empty extension-less folder.
        extensionDevelopmentPath: path.join(root, 'test', 'e2e', 'host-extension'),
        extensionTestsPath: path.join(root, 'out', 'e2e', 'suite', 'index.cjs'),
        launchArgs: [
            workspace,
            '--extensions-dir',
            extensionsDir,
            '--user-data-dir',
            userDataDir,
            '--disable-workspace-trust',
            '--skip-welcome',
        ],
        extensionTestsEnv: { MREGION_SOURCE_ROOT: root },
    });
}

/** The examples plus the suite's own fixtures, copied so tests may edit and save without touching the repo. */
export function prepareWorkspace(target: string): void {
    cpSync(path.join(root, 'test', 'e2e', 'workspace'), target, { recursive: true });
    for (const file of readdirSync(path.join(root, 'examples')).filter((f) => f.endsWith('.mregion'))) {
        cpSync(path.join(root, 'examples', file), path.join(target, file));
    }
}

main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
});
