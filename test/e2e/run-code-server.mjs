// End-to-end runner for this offline machine: a real VS Code (code-server 4.100.3 = VS Code 1.100.3, Node
// extension host) driven by Debian chromium. Installs the packaged mregion.vsix (not the source folder),
// runs the mocha suite inside the extension host, then the UI driver, which screenshots what a person sees.
// Usage: npm run test:e2e (packages, bundles the suite, runs this).   Env: MREGION_E2E_CACHE (install
// folder, default ~/.cache/mregion-e2e), MREGION_E2E_OUT (screenshots, default test-output/e2e),
// MREGION_E2E_TIMEOUT_MS (suite deadline, default 300000), MREGION_E2E_KEEP=1 (keep the temp folder).
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { chromium } from 'playwright-core';
import { browserArgs, driveUi } from './ui-driver.mjs';

const root = path.resolve(import.meta.dirname, '..', '..');
const started = Date.now();
const lap = (m) => console.log(`[e2e ${((Date.now() - started) / 1000).toFixed(1)}s] ${m}`);

const vsix = path.join(root, 'mregion.vsix');
const suiteIndex = path.join(root, 'out', 'e2e', 'suite', 'index.cjs');
for (const [file, how] of [[vsix, 'npm run package'], [suiteIndex, 'node test/e2e/build.mjs']]) {
    if (!existsSync(file)) fail(`${path.relative(root, file)} is missing: run \`${how}\` first (npm run test:e2e does both).`);
}

const host = execFileSync('bash', [path.join(root, 'test', 'e2e', 'install-host.sh')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim().split('\n').pop();
const entry = path.join(host, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
lap(`code-server ready in ${host}`);

const work = mkdtempSync(path.join(tmpdir(), 'mregion-e2e-'));
const workspace = path.join(work, 'ws');
const userData = path.join(work, 'ud');
const extensions = path.join(work, 'exts');
prepareWorkspace(workspace);
mkdirSync(path.join(userData, 'User'), { recursive: true });
writeFileSync(path.join(userData, 'User', 'settings.json'), JSON.stringify({
    'extensions.autoCheckUpdates': false, 'extensions.autoUpdate': false, 'update.mode': 'none', 'telemetry.telemetryLevel': 'off',
    'workbench.startupEditor': 'none', 'workbench.tips.enabled': false, 'security.workspace.trust.enabled': false, 'window.restoreWindows': 'none',
    'files.hotExit': 'off',
}, null, 2));

// The extension under test is the installed .vsix: packaging mistakes (a missing bundle, a wrong path in
// package.json, a file left out by .vscodeignore) fail here or in the suite.
const install = spawnSync(process.execPath, [entry, '--user-data-dir', userData, '--extensions-dir', extensions, '--install-extension', vsix],
    { encoding: 'utf8' });
if (install.status !== 0) fail(`installing mregion.vsix failed:\n${install.stdout}\n${install.stderr}`);
const installed = readdirSync(extensions).find((d) => d.startsWith('mregion.mregion-'));
if (!installed) fail(`mregion.vsix did not install into ${extensions}: ${install.stdout}`);
lap(`installed ${installed} from mregion.vsix`);

const port = await freePort();
writeFileSync(path.join(work, 'config.yaml'), `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
const server = spawn(process.execPath, [entry, '--config', path.join(work, 'config.yaml'), '--disable-telemetry', '--disable-update-check',
    '--disable-workspace-trust', '--disable-getting-started-override', '--user-data-dir', userData, '--extensions-dir', extensions], {
    detached: true, stdio: ['ignore', 'pipe', 'pipe'],
    // The extension host inherits this environment: the suite checks it does not run the source folder.
    env: { ...process.env, MREGION_SOURCE_ROOT: root },
});
const serverLog = [];
let exitCode = 1;
try {
    await new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`code-server did not start in 60 s:\n${serverLog.join('')}`)), 60_000);
        const onData = (chunk) => {
            serverLog.push(String(chunk));
            if (/HTTP server listening on/.test(serverLog.join(''))) { clearTimeout(timer); resolve(); }
        };
        server.stdout.on('data', onData);
        server.stderr.on('data', (chunk) => serverLog.push(String(chunk)));
        server.on('exit', (code) => { clearTimeout(timer); reject(new Error(`code-server exited with ${code}:\n${serverLog.join('')}`)); });
    });
    server.removeAllListeners('exit');
    const base = `http://127.0.0.1:${port}`;
    lap(`code-server listening on ${base}`);

    const suiteCode = await runSuite(base);
    lap(`extension test suite exit code ${suiteCode}`);
    const outDir = path.resolve(root, process.env.MREGION_E2E_OUT ?? path.join('test-output', 'e2e'));
    const uiOk = await driveUi({ base, folder: workspace, outDir, log: lap });
    lap(`UI driver ${uiOk ? 'passed' : 'failed'}; screenshots in ${path.relative(root, outDir)}/`);
    exitCode = suiteCode === 0 && uiOk ? 0 : 1;
} catch (error) {
    console.error(error);
    exitCode = 1;
} finally {
    await stop(server);
    writeFileSync(path.join(work, 'code-server.log'), serverLog.join(''));
    if (process.env.MREGION_E2E_KEEP === '1' || exitCode !== 0) lap(`kept ${work} (code-server.log, user data, workspace)`);
    else rmSync(work, { recursive: true, force: true });
}
lap(exitCode === 0 ? 'end-to-end tests passed' : 'end-to-end tests FAILED');
process.exit(exitCode);

/** Opens the workbench with the suite as `extensionTestsPath` (as VS Code's own browser integration tests do). */
async function runSuite(base) {
    const remote = (p) => `vscode-remote://127.0.0.1:${port}${p}`;
    const payload = JSON.stringify([
        ['extensionDevelopmentPath', remote(path.join(root, 'test', 'e2e', 'host-extension'))],
        ['extensionTestsPath', remote(suiteIndex)],
        ['skipWelcome', 'true'],
    ]);
    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: browserArgs });
    try {
        const page = await browser.newPage();
        const done = new Promise((resolve) => {
            const deadline = Number(process.env.MREGION_E2E_TIMEOUT_MS ?? 300_000);
            const timer = setTimeout(() => { console.error(`the suite did not finish in ${deadline} ms`); resolve(124); }, deadline);
            void page.exposeFunction('codeAutomationExit', (code) => { clearTimeout(timer); resolve(code); });
        });
        await page.exposeFunction('codeAutomationLog', (type, args) => (console[type] ?? console.log)(...args));
        await page.goto(`${base}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(payload)}`);
        return await done;
    } finally {
        await browser.close();
    }
}

function prepareWorkspace(target) {
    cpSync(path.join(root, 'test', 'e2e', 'workspace'), target, { recursive: true });
    for (const file of readdirSync(path.join(root, 'examples')).filter((f) => f.endsWith('.mregion'))) {
        cpSync(path.join(root, 'examples', file), path.join(target, file));
    }
}

function freePort() {
    return new Promise((resolve, reject) => {
        const probe = createServer();
        probe.once('error', reject);
        probe.listen(0, '127.0.0.1', () => {
            const { port: p } = probe.address();
            probe.close(() => resolve(p));
        });
    });
}

/** Ends code-server and every process it started (it leaves children), by its process group. */
async function stop(child) {
    if (child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    try { process.kill(-child.pid, 'SIGTERM'); } catch { return; }
    const timer = setTimeout(() => { try { process.kill(-child.pid, 'SIGKILL'); } catch { /* already gone */ } }, 5_000);
    await exited;
    clearTimeout(timer);
    // Children that outlived the main process (extension hosts, language servers) go with the group.
    try { process.kill(-child.pid, 'SIGKILL'); } catch { /* the group is gone */ }
}

function fail(message) {
    console.error(`e2e: ${message}`);
    process.exit(1);
}
