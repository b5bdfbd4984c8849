// One workspace fuzz case through the real programs: the case written into a temp folder, then the bundled CLI
// (`check` on the folder, `simulate` and `export-cdk` on its main file) and the bundled server over stdio (the
// folder as its workspace, the main file and some others opened, the main file edited, then a request that must
// be answered). Collected, never thrown: crashes, exit codes outside {0, 1, 2}, stack traces, hangs past the
// bound, peak memory past the bound, diagnostics outside their document or unreadable, output that is not the
// promised format.
import { lstatSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-types';
import { bundle } from '../../helpers/bundles.js';
import { LspClient } from '../../helpers/lsp-client.js';
import { diagnosticFailures, type Failure } from './checks.js';
import { peakMemoryMB, runNode, stackTraceIn, type ChildResult } from './child-process.js';
import { watchServer, withTimeout } from './server-watch.js';
import { materialize, WORKSPACE, type WorkspaceCase } from './workspace-case.js';

export interface ProcessOptions {
    /** A program still running after this long is ended and recorded as a hang. */
    readonly hangMs: number;
    /** Peak resident memory a program may reach. */
    readonly memoryMB: number;
}

export const DEFAULT_PROCESS_OPTIONS: ProcessOptions = { hangMs: 30_000, memoryMB: 1_024 };

export interface WorkspaceOutcome {
    readonly failures: readonly Failure[];
    /** Peak resident memory of each program, MB. */
    readonly peakMB: Readonly<Record<string, number>>;
    readonly exitCodes: Readonly<Record<string, number | null>>;
    readonly ms: number;
}

/** The text a program reading `file` as UTF-8 sees, or undefined when it is not a regular file (never opens a FIFO). */
function diskText(file: string): string | undefined {
    try {
        return statSync(file).isFile() ? readFileSync(file, 'utf8') : undefined;
    } catch {
        return undefined;
    }
}

export async function runWorkspaceCase(
    c: WorkspaceCase,
    options: ProcessOptions = DEFAULT_PROCESS_OPTIONS,
): Promise<WorkspaceOutcome> {
    const started = performance.now();
    const folder = mkdtempSync(path.join(tmpdir(), 'mregion-fuzz-ws-'));
    const failures: Failure[] = [];
    const peakMB: Record<string, number> = {};
    const exitCodes: Record<string, number | null> = {};
    try {
        materialize(c, folder);
        const cli = bundle('cli');
        const commands: Record<string, string[]> = {
            check: ['check', WORKSPACE, '--format', 'json'],
            simulate: ['simulate', c.main, '--format', 'json'],
            'export-cdk': ['export-cdk', c.main, '--out', 'cdk-out', '--force'],
        };
        const [results] = await Promise.all([
            Promise.all(
                Object.entries(commands).map(
                    async ([name, args]) =>
                        [name, await runNode(cli, args, { cwd: folder, timeoutMs: options.hangMs })] as const,
                ),
            ),
            runServer(c, folder, options, failures, peakMB),
        ]);
        for (const [name, result] of results) {
            exitCodes[name] = result.status;
            if (result.peakMB !== undefined) peakMB[name] = result.peakMB;
            failures.push(...cliFailures(`mregion ${commands[name]!.join(' ')}`, result, options));
            if (name === 'check') failures.push(...checkOutputFailures(result, folder));
        }
    } finally {
        rmSync(folder, { recursive: true, force: true });
    }
    return { failures, peakMB, exitCodes, ms: performance.now() - started };
}

function cliFailures(command: string, r: ChildResult, options: ProcessOptions): Failure[] {
    const failures: Failure[] = [];
    const fail = (kind: Failure['kind'], message: string) =>
        failures.push({ stage: 'cli', kind, message: `${command}: ${message}` });
    if (r.hung) fail('hang', `still running after ${options.hangMs} ms (ended)`);
    else if (r.signal) fail('crash', `ended by ${r.signal}`);
    else if (r.status === null || ![0, 1, 2].includes(r.status))
        fail('exit-code', `exit code ${r.status}: ${r.stderr.split('\n')[0]}`);
    const trace = stackTraceIn(r.stderr) ?? stackTraceIn(r.stdout);
    if (trace)
        fail(
            'stack-trace',
            `printed a stack trace: ${r.stderr.split('\n').find((l) => l.trim() !== '') ?? ''} ${trace}`,
        );
    if (r.peakMB !== undefined && r.peakMB > options.memoryMB)
        fail('memory', `peak resident memory ${Math.round(r.peakMB)} MB (bound ${options.memoryMB} MB)`);
    return failures;
}

/** `check --format json` prints JSON whenever it checked something (exit 0 or 1), with ranges inside each file. */
function checkOutputFailures(r: ChildResult, folder: string): Failure[] {
    if (r.status !== 0 && r.status !== 1) return [];
    let files: { file: string; diagnostics: Diagnostic[] }[];
    try {
        files = JSON.parse(r.stdout);
    } catch {
        return [
            {
                stage: 'cli',
                kind: 'bad-output',
                message: `mregion check --format json: exit ${r.status} but standard output is not JSON: ${r.stdout.slice(0, 120)}`,
            },
        ];
    }
    return files.flatMap((f) => {
        const text = diskText(path.resolve(folder, f.file));
        return text === undefined
            ? []
            : diagnosticFailures(
                  f.diagnostics.map((d) => ({ ...d, severity: 1 })),
                  text,
                  `mregion check: ${path.basename(f.file)}`,
              ).map((x) => ({ ...x, stage: 'cli' as const }));
    });
}

/**
 * The server with the case folder as its workspace: the main file opened, edited once, a request answered, other
 * files opened as editor tabs; every diagnostic it publishes must lie inside the text it describes.
 */
async function runServer(
    c: WorkspaceCase,
    folder: string,
    options: ProcessOptions,
    failures: Failure[],
    peakMB: Record<string, number>,
): Promise<void> {
    const workspace = path.join(folder, WORKSPACE);
    const fail = (kind: Failure['kind'], message: string) => failures.push({ stage: 'server', kind, message });
    const uriOf = (file: string) => pathToFileURL(path.join(folder, file)).toString();
    const client = await LspClient.start(pathToFileURL(workspace).toString());
    const watch = watchServer(client);
    /** The text the server was last given for each open document (the one edit appends, so earlier ranges fit it too). */
    const sent = new Map<string, string>();
    try {
        const mainUri = uriOf(c.main);
        const mainText = diskText(path.join(folder, c.main)) ?? '';
        const first = client.nextDiagnostics(mainUri);
        await client.open(mainUri, mainText, 1);
        sent.set(mainUri, mainText);
        for (const file of c.opened) {
            // An editor opens what it can read, and a path that does not exist yet as a new file.
            const exists = (() => {
                try {
                    lstatSync(path.join(folder, file));
                    return true;
                } catch {
                    return false;
                }
            })();
            const text = exists ? diskText(path.join(folder, file)) : 'topology New\n';
            if (text === undefined) continue;
            await client.open(uriOf(file), text, 1);
            sent.set(uriOf(file), text);
        }
        await withTimeout(first, options.hangMs, 'the diagnostics of the opened main file');
        // Appended by an incremental change whose range lies past the end, as a client may send.
        const appended = '\nregion zz-new-1 { provider aws  jurisdiction US }\n';
        sent.set(mainUri, mainText + appended);
        const second = client.nextDiagnostics(mainUri);
        await client.connection.sendNotification('textDocument/didChange', {
            textDocument: { uri: mainUri, version: 2 },
            contentChanges: [
                { range: { start: { line: 1e6, character: 0 }, end: { line: 1e6, character: 0 } }, text: appended },
            ],
        });
        await withTimeout(second, options.hangMs, 'the diagnostics after an edit');
        await withTimeout(
            client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: mainUri } }),
            options.hangMs,
            'a documentSymbol request after the edit',
        );
    } catch (error) {
        fail(
            watch.exited() ? 'crash' : 'hang',
            `${error instanceof Error ? error.message : String(error)}${watch.exited() ? ` (the server exited: ${watch.exited()})` : ''}`,
        );
    }
    const peak = peakMemoryMB(client.child.pid!);
    if (peak !== undefined) {
        peakMB.server = peak;
        if (peak > options.memoryMB)
            fail('memory', `server peak resident memory ${Math.round(peak)} MB (bound ${options.memoryMB} MB)`);
    }
    await watch.stop();
    failures.push(...watch.failures('server'));
    for (const p of client.published) {
        const text = sent.get(p.uri) ?? (p.uri.startsWith('file:') ? diskText(fileURLToPath(p.uri)) : undefined);
        if (text === undefined) continue;
        failures.push(
            ...diagnosticFailures(p.diagnostics, text, `server: ${path.basename(p.uri)}`).map((f) => ({
                ...f,
                stage: 'server' as const,
            })),
        );
    }
}
