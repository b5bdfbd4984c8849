// Rule severities from .mregion.json (read by the CLI and the server alike) and from the editor's
// `mregion.rules` setting, which wins; broken configuration is reported, never silently ignored.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { DocumentState, URI, type LangiumDocument } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { InitializeParams } from 'vscode-languageserver-protocol';
import { createMregionServices } from '../../language/mregion-module.js';
import { parseRuleSettings } from '../../language/validation/config/rule-settings.js';

const DESIGN = `topology T
region us-east-1 {}
region us-west-2 {}
service web { regions us-east-1, us-west-2 posture active-active }
failover web { route dns ttl 300s drill every 30d }
`;

let root: string;
beforeAll(() => {
    root = mkdtempSync(path.join(tmpdir(), 'mregion-config-'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

let counter = 0;
/** A fresh project folder with an optional .mregion.json at its top and the design one folder below. */
function project(config?: string): { folder: string; design: string } {
    const folder = path.join(root, `p${++counter}`);
    mkdirSync(path.join(folder, 'designs'), { recursive: true });
    if (config !== undefined) writeFileSync(path.join(folder, '.mregion.json'), config);
    const design = path.join(folder, 'designs', 'web.mregion');
    writeFileSync(design, DESIGN);
    return { folder, design };
}

async function open(design: string) {
    const { shared, Mregion } = createMregionServices(NodeFileSystem);
    // The project folder is the editor's workspace folder: .mregion.json is looked for up to it, never above.
    shared.workspace.WorkspaceManager.initialize({
        workspaceFolders: [{ uri: URI.file(path.dirname(path.dirname(design))).toString(), name: 'project' }],
    } as InitializeParams);
    const document = await shared.workspace.LangiumDocuments.getOrCreateDocument(URI.file(design));
    await shared.workspace.DocumentBuilder.build([document], { validation: true });
    return { shared, Mregion, document };
}

const ttl = (document: LangiumDocument): Diagnostic[] =>
    (document.diagnostics ?? []).filter((d) => d.code === 'dns-ttl-too-long');
const configProblems = (document: LangiumDocument): string[] =>
    (document.diagnostics ?? []).filter((d) => d.code === 'invalid-config').map((d) => String(d.message));

describe('rule configuration', () => {
    const fileCases: { name: string; config?: string; severity?: number; count: number }[] = [
        { name: 'uses the default severity without a .mregion.json', count: 1, severity: 2 },
        {
            name: 'raises a rule to an error from .mregion.json in a parent folder',
            config: '{ "rules": { "dns-ttl-too-long": "error" } }',
            count: 1,
            severity: 1,
        },
        {
            name: 'lowers a rule to a hint',
            config: '{ "rules": { "dns-ttl-too-long": "hint" } }',
            count: 1,
            severity: 4,
        },
        { name: 'turns a rule off', config: '{ "rules": { "dns-ttl-too-long": "off" } }', count: 0 },
        { name: 'leaves other rules alone', config: '{ "rules": { "egress-cost": "off" } }', count: 1, severity: 2 },
    ];
    for (const c of fileCases) {
        it(c.name, async () => {
            const { document } = await open(project(c.config).design);
            expect(configProblems(document)).toEqual([]);
            expect(ttl(document)).toHaveLength(c.count);
            if (c.severity !== undefined) expect(ttl(document)[0]!.severity).toBe(c.severity);
        });
    }

    const brokenCases: { name: string; config: string; says: string }[] = [
        {
            name: 'reports an unknown rule code with the nearest one',
            config: '{ "rules": { "dns-ttl-to-long": "error" } }',
            says: `'dns-ttl-to-long' is not a design rule — did you mean 'dns-ttl-too-long'?`,
        },
        {
            name: 'reports a severity that does not exist',
            config: '{ "rules": { "dns-ttl-too-long": "loud" } }',
            says: `'dns-ttl-too-long' must be one of error, warning, info, hint, off, not "loud"`,
        },
        { name: 'reports a file that is not JSON', config: '{ "rules": { ', says: 'is not valid JSON' },
        {
            name: 'reports rules that are not an object',
            config: '{ "rules": ["dns-ttl-too-long"] }',
            says: 'must be an object of rule code → severity',
        },
    ];
    for (const c of brokenCases) {
        it(c.name, async () => {
            const { document } = await open(project(c.config).design);
            const problems = configProblems(document);
            expect(problems).toHaveLength(1);
            expect(problems[0]).toContain(c.says);
            expect(ttl(document)).toHaveLength(1);
        });
    }

    it('lets the editor setting win over .mregion.json, and re-checks open documents when it changes', async () => {
        const { shared, document } = await open(project('{ "rules": { "dns-ttl-too-long": "error" } }').design);
        expect(ttl(document)[0]!.severity).toBe(1);
        const rechecked = new Promise<void>((resolve) => {
            const listener = shared.workspace.DocumentBuilder.onBuildPhase(DocumentState.Validated, () => {
                listener.dispose();
                resolve();
            });
        });
        shared.workspace.ConfigurationProvider.updateConfiguration({
            settings: { mregion: { rules: { 'dns-ttl-too-long': 'info' } } },
        });
        await rechecked;
        expect(ttl(document)[0]!.severity).toBe(3);
    });

    it('re-checks open documents when .mregion.json changes on disk', async () => {
        const { folder, design } = project('{ "rules": { "dns-ttl-too-long": "error" } }');
        const { shared, document } = await open(design);
        expect(ttl(document)).toHaveLength(1);
        writeFileSync(path.join(folder, '.mregion.json'), '{ "rules": { "dns-ttl-too-long": "off" } }');
        const rechecked = new Promise<void>((resolve) => {
            const listener = shared.workspace.DocumentBuilder.onBuildPhase(DocumentState.Validated, () => {
                listener.dispose();
                resolve();
            });
        });
        shared.lsp.DocumentUpdateHandler!.didChangeWatchedFiles!({
            changes: [{ uri: URI.file(path.join(folder, '.mregion.json')).toString(), type: 2 }],
        });
        await rechecked;
        expect(ttl(document)).toEqual([]);
    });
});

describe('rule settings parser', () => {
    it('reads every severity and off', () => {
        const parsed = parseRuleSettings(
            { 'dns-ttl-too-long': 'error', 'egress-cost': 'off', 'unknown-latency': 'hint' },
            'setting',
        );
        expect([...parsed.settings]).toEqual([
            ['dns-ttl-too-long', 'error'],
            ['egress-cost', 'off'],
            ['unknown-latency', 'hint'],
        ]);
        expect(parsed.problems).toEqual([]);
    });

    it('treats an absent value as no settings', () => {
        expect(parseRuleSettings(undefined, 'setting')).toEqual({ settings: new Map(), problems: [] });
    });
});
