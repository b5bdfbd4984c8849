// Drives a running code-server the way a person would (quick open, command palette, Problems panel) and
// screenshots the Problems panel, the topology view and the simulation view into the output folder, asserting
// on the text visible in each. Also fails on any Content-Security-Policy violation reported by a webview.
import { mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import { chromium } from 'playwright-core';

export const browserArgs = [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-dev-shm-usage',
];

/** @returns {Promise<{ passed: number; failed: number }>} how many checks passed and failed */
export async function driveUi({ base, folder, outDir, log = console.log }) {
    mkdirSync(outDir, { recursive: true });
    // Screenshots of an earlier run must not pass for this run's.
    for (const old of readdirSync(outDir).filter((f) => f.endsWith('.png'))) rmSync(path.join(outDir, old));
    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: browserArgs });
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    const cspViolations = [];
    page.on('console', (m) => {
        if (/Content Security Policy|Refused to (load|execute|apply)/i.test(m.text())) cspViolations.push(m.text());
    });
    const failures = [];
    let passed = 0;
    const check = (ok, what) => {
        log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
        if (ok) passed++;
        else failures.push(what);
    };
    const shot = async (name) => {
        const file = path.join(outDir, name);
        await page.screenshot({ path: file });
        log(`screenshot ${file}`);
    };
    try {
        await page.goto(`${base}/?folder=${encodeURIComponent(folder)}`);
        await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
        await page
            .locator('.explorer-folders-view .monaco-list-row:has-text("fintech.mregion")')
            .first()
            .waitFor({ timeout: 60_000 });
        log('workbench ready');

        // 1. Problems panel: the errors of broken.mregion, as the language server reports them.
        await openFile(page, 'broken.mregion');
        await page.keyboard.press('Control+Shift+M');
        const markers = page.locator('.markers-panel');
        await markers.locator('.monaco-tl-contents:has-text("3parsecs")').first().waitFor({ timeout: 60_000 });
        const problemsText = await markers.innerText();
        check(
            /unknown unit/.test(problemsText) && /3parsecs/.test(problemsText),
            'the Problems panel shows the unit error of broken.mregion',
        );
        check(/wrong-unit/.test(problemsText), 'the Problems panel shows the rule code wrong-unit');
        await shot('problems.png');
        // A rule code in the Problems panel is a link: clicking it opens the rule's page in the Markdown preview.
        await openFile(page, 'aurora-warm-standby.mregion');
        const ruleLink = markers.locator('a.monaco-link:has-text("control-plane-failover")').first();
        await ruleLink.waitFor({ timeout: 60_000 });
        await ruleLink.click();
        const previewTab = page.locator('.tab[aria-label*="control-plane-failover.md"]').first();
        const preview = await previewTab.waitFor({ timeout: 15_000 }).then(
            () => true,
            () => false,
        );
        check(
            preview,
            'clicking the rule code control-plane-failover in the Problems panel opens its page in the preview',
        );
        // Close it (a middle click on its tab), so keyboard focus is back in a text editor for the steps below.
        if (preview) await previewTab.click({ button: 'middle' });
        await page.keyboard.press('Control+J'); // hide the panel: more room for the views

        // 2. Topology view of the fintech example, from the command palette.
        await openFile(page, 'fintech.mregion');
        await runCommand(page, 'Multi-Region: Show Topology');
        const topology = await webview(page, 'topology', 'Topology Fintech');
        const topologyText = await topology.innerText();
        check(
            ['eu-west-1', 'us-east-1', 'ledger @eu', 'payments @us', '6 regions · 2 cells'].every((t) =>
                topologyText.includes(t),
            ),
            'the topology view shows the regions, cells and deployments of fintech.mregion',
        );
        check(
            (await topology.locator('svg.topology g.node').count()) === 18,
            'the topology view draws 18 deployment boxes',
        );
        check(
            (await topology.locator('svg.topology g.edge.failover').count()) === 2,
            'the topology view draws 2 failover edges',
        );
        await checkTopologyLegible(topology, check, 'beside the editor');
        await shot('topology.png');
        // Clicking a box reveals its declaration: the cursor moves to the store's line.
        const ledgerLine =
            readFileSync(path.join(folder, 'fintech.mregion'), 'utf8')
                .split('\n')
                .findIndex((l) => l.startsWith('store ledger')) + 1;
        await topology.locator('svg.topology g.node[data-id="store:ledger@eu|eu-west-1"]').click();
        const revealed = await page
            .locator(`.statusbar-item:has-text("Ln ${ledgerLine}, Col 1")`)
            .first()
            .waitFor({ timeout: 15_000 })
            .then(
                () => true,
                () => false,
            );
        check(revealed, `clicking ledger @eu in the topology view reveals its declaration (line ${ledgerLine})`);

        // 3. Simulation view of the fintech outage scenario (the only scenario: no scenario picker; the command
        // asks whether to run once or N seeds).
        await openFile(page, 'fintech.mregion');
        await runCommand(page, 'Multi-Region: Run Simulation');
        await pick(page, 'Run once');
        const simulation = await webview(page, 'simulation', 'Scenario us-east-1-outage');
        const simulationText = await simulation.innerText();
        check(
            ['rto <= 5m', 'lost-writes of ledger == 0', 'Availability', 'Replication lag', 'Write latency'].every((t) =>
                simulationText.includes(t),
            ),
            'the simulation view shows the expectations and the per-region charts',
        );
        check((await simulation.locator('canvas').count()) >= 3, 'the simulation view draws its charts');
        await checkResultsReadable(simulation, check, 'beside the editor');
        await shot('simulation.png');
        // Clicking a timeline row reveals the clause that caused it: the outage's row, its `at 5m outage …` line.
        const outageLine =
            readFileSync(path.join(folder, 'fintech.mregion'), 'utf8')
                .split('\n')
                .findIndex((l) => /^\s*at 5m\s+outage region us-east-1/.test(l)) + 1;
        await simulation.locator('table.timeline tr.event.fault-start.link').first().click();
        const outageRevealed = await page
            .locator(`.statusbar-item:has-text("Ln ${outageLine}, Col 1")`)
            .first()
            .waitFor({ timeout: 15_000 })
            .then(
                () => true,
                () => false,
            );
        check(
            outageRevealed,
            `clicking the outage in the simulation's timeline reveals its clause (line ${outageLine})`,
        );
        // Hidden behind another tab and shown again, the view still has its results.
        await page.locator('.tab[aria-label^="Topology · fintech.mregion"]').click();
        await page.locator('.tab[aria-label^="Simulation · us-east-1-outage"]').click();
        const again = await webview(page, 'simulation', 'Scenario us-east-1-outage');
        check((await again.innerText()).includes('rto <= 5m'), 'the simulation view keeps its results while hidden');
        // "Run again" re-runs the scenario and redraws the view.
        await again.getByRole('button', { name: 'Run again' }).click();
        const rerun = await again
            .getByRole('button', { name: 'Run again' })
            .waitFor({ timeout: 120_000 })
            .then(
                () => true,
                () => false,
            );
        check(
            rerun && (await again.innerText()).includes('rto <= 5m'),
            'Run again re-runs the scenario and shows the new results',
        );
        // The run before is kept and compared with the new one, row by row (the same file and seed: nothing changed).
        const compared = await again
            .locator('table.compare tbody tr')
            .count()
            .catch(() => 0);
        check(
            compared >= 6 && (await again.innerText()).includes('Compared with an earlier run'),
            `Run again keeps the earlier run and compares the two (${compared} rows)`,
        );
        // Both views in Light, Dark and High Contrast, beside the editor and maximized: what a person sees
        // (legible labels, no sideways scrolling, every legend entry, the verdict) holds in each.
        for (const [theme, name] of [
            ['Light Modern', 'light'],
            ['Dark High Contrast', 'high-contrast'],
            ['Dark Modern', 'dark'],
        ]) {
            await setColorTheme(page, theme);
            await page.locator('.tab[aria-label^="Topology · fintech.mregion"]').click();
            const topo = await webview(page, 'topology', 'Topology Fintech');
            await checkTopologyLegible(topo, check, `${theme}, beside the editor`);
            await shot(`topology-${name}.png`);
            await page.locator('.tab[aria-label^="Simulation · us-east-1-outage"]').click();
            const results = await webview(page, 'simulation', 'Scenario us-east-1-outage');
            await checkResultsReadable(results, check, `${theme}, beside the editor`);
            await shot(`simulation-${name}.png`);
            await toggleMaximized(page, 'Simulation · us-east-1-outage');
            await checkResultsReadable(results, check, `${theme}, maximized`);
            await shot(`simulation-${name}-maximized.png`);
            await page.locator('.tab[aria-label^="Topology · fintech.mregion"]').click();
            await checkTopologyLegible(
                await webview(page, 'topology', 'Topology Fintech'),
                check,
                `${theme}, maximized`,
            );
            await shot(`topology-${name}-maximized.png`);
            await toggleMaximized(page, 'Topology · fintech.mregion');
        }
        // "Run N seeds": the input box takes N, and the view shows the spread across the seeds. The design's tab is
        // clicked first, so the keyboard is in its editor and no webview is being shown while the palette opens.
        await page.locator('.tab[data-resource-name="fintech.mregion"]').first().click();
        await runCommand(page, 'Multi-Region: Run Simulation');
        await pick(page, 'Run N seeds');
        const count = page.locator('.quick-input-widget .quick-input-box input');
        await count.fill('3');
        await page.keyboard.press('Enter');
        const sweep = await webview(page, 'simulation', 'seed sweep');
        const sweepText = await sweep.innerText();
        check(
            ['3 from seed', 'RTO (worst interruption)', 'worst seed', 'rto <= 5m'].every((t) => sweepText.includes(t)),
            'Run N seeds shows the expectations across the seeds and the spread of each metric',
        );
        await shot('simulation-seeds.png');

        check(
            cspViolations.length === 0,
            `no Content-Security-Policy violations${cspViolations.length ? `: ${cspViolations.slice(0, 3).join(' | ')}` : ''}`,
        );
    } catch (error) {
        failures.push(String(error?.message ?? error));
        log(`FAIL ${error?.message ?? error}`);
        await page.screenshot({ path: path.join(outDir, 'error.png') }).catch(() => undefined);
    } finally {
        await browser.close();
    }
    return { passed, failed: failures.length };
}

async function openFile(page, name) {
    await page.keyboard.press('Control+P');
    const input = page.locator('.quick-input-widget .quick-input-box input');
    await input.waitFor({ timeout: 15_000 });
    await input.fill(name);
    await page.locator(`.quick-input-list .monaco-list-row:has-text("${name}")`).first().waitFor({ timeout: 15_000 });
    await page.keyboard.press('Enter');
    await page.locator(`.tab.active[data-resource-name="${name}"]`).first().waitFor({ timeout: 15_000 });
}

/** Chooses the row of the open quick pick that shows `label`. */
async function pick(page, label) {
    await page
        .locator(`.quick-input-widget .quick-input-list .monaco-list-row:has-text("${label}")`)
        .first()
        .waitFor({ timeout: 15_000 });
    await page.locator(`.quick-input-widget .quick-input-list .monaco-list-row:has-text("${label}")`).first().click();
}

/**
 * Maximizes (or restores) the editor group of the tab `tab` by double-clicking the tab (the settings make a
 * double click maximize), then waits for the layout to change. A mouse gesture, unlike the command palette,
 * cannot be closed by a webview taking the keyboard focus back as it is shown.
 */
async function toggleMaximized(page, tab) {
    const group = page.locator(`.editor-group-container:has(.tab[aria-label^="${tab}"])`).first();
    const part = page.locator('.part.editor').first();
    const share = async () => ((await group.boundingBox())?.width ?? 0) / ((await part.boundingBox())?.width ?? 1);
    const wasMaximized = (await share()) > 0.95;
    await page.locator(`.tab[aria-label^="${tab}"]`).dblclick();
    await page.waitForFunction(
        ([selector, want]) => {
            const g = document.querySelector(selector)?.closest('.editor-group-container');
            const p = document.querySelector('.part.editor');
            return g && p && g.getBoundingClientRect().width / p.getBoundingClientRect().width > 0.95 === want;
        },
        [`.tab[aria-label^="${tab}"]`, !wasMaximized],
        { timeout: 15_000 },
    );
}

async function runCommand(page, title) {
    // Commands of a .mregion file are offered while its editor has focus: the file is in the first group.
    await page.keyboard.press('Control+1');
    const input = page.locator('.quick-input-widget .quick-input-box input');
    // A focused webview can keep F1 to itself, or take the focus back and close the palette as it opens: then
    // open it from the title bar's command center, and try again while it does not stay open.
    for (let attempt = 1; ; attempt++) {
        if (attempt === 1) await page.keyboard.press('F1');
        if (
            attempt > 1 ||
            !(await input.waitFor({ timeout: 5_000 }).then(
                () => true,
                () => false,
            ))
        ) {
            await page.locator('.command-center-center').first().click();
            await input.waitFor({ timeout: 15_000 });
        }
        const filled = await input.fill(`>${title}`, { timeout: 5_000 }).then(
            () => true,
            (error) => {
                if (attempt === 3) throw error;
                return false;
            },
        );
        if (filled) break;
    }
    await page.locator(`.quick-input-list .monaco-list-row:has-text("${title}")`).first().waitFor({ timeout: 15_000 });
    await page.keyboard.press('Enter');
    // The palette closes before the command's own quick pick (if any) opens: the next step must not find it.
    await page
        .locator('.quick-input-widget')
        .waitFor({ state: 'hidden', timeout: 15_000 })
        .catch(() => undefined);
}

/**
 * Picks a color theme the way a person does (Ctrl+K Ctrl+T, type its name, Enter) and waits for the workbench
 * to wear it. A webview that is being shown can take the keyboard focus back and close the picker mid-typing, or
 * swallow the chord's first key (Ctrl+T alone opens symbol search): every such attempt is abandoned with Escape
 * and the chord pressed again from a text editor clicked into focus. (Writing the theme into settings.json was
 * no better: code-server's file watcher restarts under load and missed the change.)
 */
async function setColorTheme(page, theme) {
    const input = page.locator('.quick-input-widget .quick-input-box input');
    const row = page.locator(`.quick-input-list .monaco-list-row:has-text("${theme}")`).first();
    const kind = theme.includes('High Contrast') ? 'hc-black' : theme.startsWith('Light') ? 'vs' : 'vs-dark';
    const worn = () =>
        page.waitForFunction((want) => document.querySelector('.monaco-workbench')?.classList.contains(want), kind, {
            timeout: 10_000,
        });
    for (let attempt = 1; attempt <= 4; attempt++) {
        // The editor's viewport, not its lines: after a reveal scrolls the lines, their corner can sit outside it.
        await page.locator('.editor-group-container .monaco-editor .overflow-guard').first().click();
        await page.keyboard.press('Control+K');
        await page.keyboard.press('Control+T');
        const listed = await input
            .waitFor({ state: 'visible', timeout: 5_000 })
            .then(() => input.fill(theme, { timeout: 5_000 }))
            .then(() => row.waitFor({ timeout: 5_000 }))
            .then(
                () => true,
                () => false,
            );
        if (listed) {
            await page.keyboard.press('Enter');
            if (
                await worn().then(
                    () => true,
                    () => false,
                )
            ) {
                await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 15_000 });
                return;
            }
        }
        await page.keyboard.press('Escape');
    }
    throw new Error(`the color theme picker did not apply ${theme} in 4 attempts`);
}

/**
 * The topology at the zoom it shows: its smallest label, measured on screen (font size × the drawing's rendered
 * scale), is at least 10 px, and every legend entry is visible inside the page.
 */
async function checkTopologyLegible(topology, check, where) {
    const seen = await topology.evaluate((body) => {
        const drawing = body.querySelector('svg.topology');
        const scale = drawing.getBoundingClientRect().width / drawing.width.baseVal.value;
        const smallest = Math.min(
            ...[...drawing.querySelectorAll('text')].map((t) => parseFloat(getComputedStyle(t).fontSize) * scale),
        );
        const hidden = [...body.querySelectorAll('ul.legend li')]
            .filter((li) => {
                const r = li.getBoundingClientRect();
                return r.width === 0 || r.height === 0 || r.left < 0 || r.right > innerWidth + 0.5;
            })
            .map((li) => li.textContent);
        return { smallest, legend: body.querySelectorAll('ul.legend li').length, hidden };
    });
    check(
        seen.smallest >= 10,
        `${where}: the topology's smallest label renders at ${seen.smallest.toFixed(2)} px (at least 10 px)`,
    );
    check(
        seen.legend >= 10 && seen.hidden.length === 0,
        `${where}: all ${seen.legend} topology legend entries are visible${seen.hidden.length ? `; hidden: ${seen.hidden.join(', ')}` : ''}`,
    );
}

/**
 * The results page: no sideways scrolling, every chart legend entry visible and drawn differently from the
 * other entries of its legend, and the verdict naming each objective of the scenario.
 */
async function checkResultsReadable(results, check, where) {
    const seen = await results.evaluate((body) => {
        const legends = [...body.querySelectorAll('.chart-legend')].map((legend) =>
            [...legend.querySelectorAll('li')].map((li) => {
                const r = li.getBoundingClientRect();
                const line = li.querySelector('line');
                return {
                    text: li.textContent,
                    visible: r.width > 0 && r.height > 0 && r.left >= 0 && r.right <= innerWidth + 0.5,
                    look: `${line?.getAttribute('stroke')}|${line?.getAttribute('stroke-dasharray')}|${li.querySelector('path') !== null}`,
                };
            }),
        );
        return {
            overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
            legends,
            verdict: body.querySelector('.verdict')?.innerText ?? '',
        };
    });
    check(seen.overflow <= 0, `${where}: the results view has no horizontal overflow (${seen.overflow} px)`);
    const entries = seen.legends.flat();
    check(
        seen.legends.length > 0 && entries.every((e) => e.visible),
        `${where}: every chart legend entry is visible (${entries.length} entries)`,
    );
    check(
        seen.legends.every((l) => new Set(l.map((e) => e.look)).size === l.length),
        `${where}: the entries of each chart legend are drawn differently`,
    );
    check(
        ['rto <= 5m', 'lost-writes of ledger == 0'].every((o) => seen.verdict.includes(o)) &&
            /objectives? (is|are) (met|missed)/.test(seen.verdict),
        `${where}: the verdict names each objective: ${seen.verdict.split('\n')[0]}`,
    );
}

/** The body of the webview page of one of our views, once it shows `text` (webviews are nested iframes). */
async function webview(page, view, text) {
    const deadline = Date.now() + 120_000;
    // Webview frames appear asynchronously and there may be several; re-scan them until ours shows the text.
    // Playwright's waitFor inside each candidate frame is the event-driven part; the outer loop only
    // re-evaluates which frames exist.
    while (Date.now() < deadline) {
        const hosts = page.locator('iframe.webview');
        const count = await hosts.count();
        for (let i = 0; i < count; i++) {
            const body = hosts
                .nth(i)
                .contentFrame()
                .locator('iframe#active-frame')
                .contentFrame()
                .locator(`body[data-view="${view}"]`);
            try {
                await body.getByText(text).first().waitFor({ timeout: 2_000 });
                return body;
            } catch {
                // not this frame, or not rendered yet
            }
        }
    }
    throw new Error(`the ${view} view did not show "${text}"`);
}
