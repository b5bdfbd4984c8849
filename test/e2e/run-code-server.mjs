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
import { format } from 'node:util';
import { chromium } from 'playwright-core';
import { browserArgs, driveUi } from './ui-driver.mjs';

const root = path.resolve(import.meta.dirname, '..', '..');
const started = Date.now();
/** Test counts over the suite runs and the UI driver, for the closing line. */
const tally = { passed: 0, failed: 0 };
/** Suite tests (24 trusted, 4 untrusted) plus the UI driver's 55 checks: fewer passing means some never ran. */
const MINIMUM_PASSED = 83;
const lap = (m) => console.log(`[e2e ${((Date.now() - started) / 1000).toFixed(1)}s] ${m}`);

const vsix = path.join(root, 'mregion.vsix');
const suiteIndex = path.join(root, 'out', 'e2e', 'suite', 'index.cjs');
for (const [file, how] of [
    [vsix, 'npm run package'],
    [suiteIndex, 'node test/e2e/build.mjs'],
]) {
    if (!existsSync(file))
        fail(`${path.relative(root, file)} is missing: run \`${how}\` first (npm run test:e2e does both).`);
}

const host = execFileSync('bash', [path.join(root, 'test', 'e2e', 'install-host.sh')], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
})
    .trim()
    .split('\n')
    .pop();
const entry = path.join(host, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
lap(`code-server ready in ${host}`);

const work = mkdtempSync(path.join(tmpdir(), 'mregion-e2e-'));
const workspace = path.join(work, 'ws');
const userData = path.join(work, 'ud');
const extensions = path.join(work, 'exts');
prepareWorkspace(workspace);
mkdirSync(path.join(userData, 'User'), { recursive: true });
const userSettings = {
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'update.mode': 'none',
    'telemetry.telemetryLevel': 'off',
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'security.workspace.trust.enabled': false,
    'window.restoreWindows': 'none',
    'files.hotExit': 'off',
    // The UI driver maximizes an editor group by double-clicking its tab.
    'workbench.editor.doubleClickTabToToggleEditorGroupSizes': 'maximize',
};
writeFileSync(path.join(userData, 'User', 'settings.json'), JSON.stringify(userSettings, null, 2));

// The extension under test is the installed .vsix: packaging mistakes (a missing bundle, a wrong path in
// package.json, a file missing from its `files` list) fail here or in the suite.
const install = spawnSync(
    process.execPath,
    [entry, '--user-data-dir', userData, '--extensions-dir', extensions, '--install-extension', vsix],
    { encoding: 'utf8' },
);
if (install.status !== 0) fail(`installing mregion.vsix failed:\n${install.stdout}\n${install.stderr}`);
const installed = readdirSync(extensions).find((d) => d.startsWith('mregion.mregion-'));
if (!installed) fail(`mregion.vsix did not install into ${extensions}: ${install.stdout}`);
lap(`installed ${installed} from mregion.vsix`);

let exitCode = 1;
const servers = [];
try {
    // 1. A trusted workspace: the suite, then the UI driver against the same server.
    const trusted = await startCodeServer({ name: 'trusted', trust: false });
    servers.push(trusted);
    const suiteCode = await runSuite(trusted, workspace);
    lap(`extension test suite (trusted workspace) exit code ${suiteCode}`);
    const outDir = path.resolve(root, process.env.MREGION_E2E_OUT ?? path.join('test-output', 'e2e'));
    // A fresh copy: the suite edits and exports in its own folder.
    const uiFolder = path.join(work, 'ui');
    prepareWorkspace(uiFolder);
    const ui = await driveUi({ base: trusted.base, folder: uiFolder, outDir, log: lap });
    tally.passed += ui.passed;
    tally.failed += ui.failed;
    const uiOk = ui.failed === 0;
    lap(`UI driver ${uiOk ? 'passed' : 'failed'}; screenshots in ${path.relative(root, outDir)}/`);
    await trusted.stop();

    // 2. Workspace trust switched on and the folder not trusted (Restricted Mode): the suite runs its
    //    untrusted-workspace tests (checking works, export asks for trust).
    const restrictedFolder = path.join(work, 'untrusted');
    prepareWorkspace(restrictedFolder);
    const restricted = await startCodeServer({ name: 'untrusted', trust: true });
    servers.push(restricted);
    const restrictedCode = await runSuite(restricted, restrictedFolder);
    lap(`extension test suite (untrusted workspace) exit code ${restrictedCode}`);
    exitCode = suiteCode === 0 && uiOk && restrictedCode === 0 ? 0 : 1;
    if (exitCode === 0 && tally.passed < MINIMUM_PASSED) {
        console.error(
            `only ${tally.passed} end-to-end checks passed, expected at least ${MINIMUM_PASSED}: a test or a UI check went missing`,
        );
        exitCode = 1;
    }
} catch (error) {
    console.error(error);
    exitCode = 1;
} finally {
    for (const server of servers) await server.stop();
    if (process.env.MREGION_E2E_KEEP === '1' || exitCode !== 0)
        lap(`kept ${work} (code-server logs, user data, workspaces)`);
    else rmSync(work, { recursive: true, force: true });
}
lap(exitCode === 0 ? 'end-to-end tests passed' : 'end-to-end tests FAILED');
// A failure outside any test (start-up, a hang) still counts as one failure.
console.log(`e2e: ${tally.passed} passed, ${Math.max(tally.failed, exitCode === 0 ? 0 : 1)} failed`);
process.exit(exitCode);

/** Opens the workbench with the suite as `extensionTestsPath` (as VS Code's own browser integration tests do). */
async function runSuite({ base, port }, folder) {
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
            const timer = setTimeout(() => {
                console.error(`the suite did not finish in ${deadline} ms`);
                resolve(124);
            }, deadline);
            void page.exposeFunction('codeAutomationExit', (code) => {
                clearTimeout(timer);
                resolve(code);
            });
        });
        await page.exposeFunction('codeAutomationLog', (type, args) => {
            (console[type] ?? console.log)(...args);
            // mocha's spec reporter closes with "N passing" / "N failing".
            const line = format(...args);
            const passing = /^\s*(\d+) passing/.exec(line);
            const failing = /^\s*(\d+) failing/.exec(line);
            if (passing) tally.passed += Number(passing[1]);
            if (failing) tally.failed += Number(failing[1]);
        });
        await page.goto(`${base}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(payload)}`);
        return await done;
    } finally {
        await browser.close();
    }
}

/**
 * Starts code-server on a free loopback port with its own user data (and the installed extensions).
 * `trust: true` leaves workspace trust on, so a freshly opened folder is untrusted.
 */
async function startCodeServer({ name, trust }) {
    const userDataDir = trust ? path.join(work, `ud-${name}`) : userData;
    if (trust) {
        mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
        writeFileSync(
            path.join(userDataDir, 'User', 'settings.json'),
            JSON.stringify(
                {
                    ...userSettings,
                    'security.workspace.trust.enabled': true,
                    'security.workspace.trust.startupPrompt': 'never',
                    'security.workspace.trust.emptyWindow': false,
                },
                null,
                2,
            ),
        );
    }
    const port = await freePort();
    const config = path.join(work, `config-${name}.yaml`);
    writeFileSync(config, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
    const args = [
        entry,
        '--config',
        config,
        '--disable-telemetry',
        '--disable-update-check',
        '--disable-getting-started-override',
        '--user-data-dir',
        userDataDir,
        '--extensions-dir',
        extensions,
        ...(trust ? [] : ['--disable-workspace-trust']),
    ];
    const child = spawn(process.execPath, args, {
        detached: true,
        stdio: ['ignore', 'pipe', 'pipe'],
        // The extension host inherits this environment: the suite checks it does not run the source folder.
        // The gallery points at a closed loopback port: the workbench must not look for extensions online.
        env: {
            ...process.env,
            MREGION_SOURCE_ROOT: root,
            EXTENSIONS_GALLERY: JSON.stringify({
                serviceUrl: 'http://127.0.0.1:9/gallery',
                itemUrl: 'http://127.0.0.1:9/item',
            }),
        },
    });
    const log = [];
    const stopServer = async () => {
        await stop(child);
        writeFileSync(path.join(work, `code-server-${name}.log`), log.join(''));
    };
    try {
        // code-server prints this line once it accepts connections: wait for it instead of polling.
        await new Promise((resolve, reject) => {
            const timer = setTimeout(
                () => reject(new Error(`code-server did not start in 60 s:\n${log.join('')}`)),
                60_000,
            );
            child.stdout.on('data', (chunk) => {
                log.push(String(chunk));
                if (/HTTP server listening on/.test(log.join(''))) {
                    clearTimeout(timer);
                    resolve();
                }
            });
            child.stderr.on('data', (chunk) => log.push(String(chunk)));
            child.once('exit', (code) => {
                clearTimeout(timer);
                reject(new Error(`code-server exited with ${code}:\n${log.join('')}`));
            });
        });
    } catch (error) {
        await stopServer();
        throw error;
    }
    child.removeAllListeners('exit');
    const base = `http://127.0.0.1:${port}`;
    lap(`code-server (${name} workspace) listening on ${base}`);
    return { base, port, stop: stopServer };
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
    try {
        process.kill(-child.pid, 'SIGTERM');
    } catch {
        return;
    }
    const timer = setTimeout(() => {
        try {
            process.kill(-child.pid, 'SIGKILL');
        } catch {
            /* already gone */
        }
    }, 5_000);
    await exited;
    clearTimeout(timer);
    // Children that outlived the main process (extension hosts, language servers) go with the group.
    try {
        process.kill(-child.pid, 'SIGKILL');
    } catch {
        /* the group is gone */
    }
}

function fail(message) {
    console.error(`e2e: ${message}`);
    process.exit(1);
}
