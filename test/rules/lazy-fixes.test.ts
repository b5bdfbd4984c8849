// A diagnostic carries its code in `data`, not its quick fixes: those are made when a code action asks
// (language/validation/lazy-fixes.ts). The edits a code action gives are those worked out by hand below, for the
// editor's copy of a diagnostic as for the server's own object; and a diagnostic is small whatever its fixes.
import type { LangiumDocument } from 'langium';
import { describe, expect, it } from 'vitest';
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver-types';
import { fixesOf } from '../../language/validation/lazy-fixes.js';
import { mregion, validate } from '../helpers/services.js';

const STORE = (name: string) =>
    `store ${name} { engine dynamodb regions us-east-1, eu-west-1 holds per-user rows writes home-region }`;

// Four findings with fixes: three stores written in their home region (s-0 and s-1 with no failover, s-2 with one
// that names no action for it) and the failover's 300 s TTL.
const DESIGN = [
    '// rules: home-region-unrouted, dns-ttl-too-long',
    'topology Shop',
    'region us-east-1 { provider aws }',
    'region eu-west-1 { provider aws }',
    STORE('s-0'),
    STORE('s-1'),
    STORE('s-2'),
    'failover s-2 {',
    '    route dns ttl 300s',
    '    drill every 30d',
    '}',
    '',
].join('\n');

const LINE = DESIGN.split('\n');
const STORE_END = STORE('s-0').length;
const at = (line: number, character: number) => ({ line, character });
const point = (line: number, character: number) => ({ start: at(line, character), end: at(line, character) });

/** A new failover after the store on `line` (0-based), as the fix writes it (one blank line before it). */
const newFailover = (line: number, name: string, action: string): TextEdit => ({
    range: point(line, STORE_END),
    newText: `\n\nfailover ${name} {\n    action ${action}\n    drill  every 30d\n}`,
});
/** A clause added as the failover's last line (its closing brace is alone on line 10, its clauses indented 4). */
const lastClause = (text: string): TextEdit => ({ range: point(10, 0), newText: `    ${text}\n` });

interface Offered {
    readonly title: string;
    readonly preferred: boolean;
    readonly edits: readonly TextEdit[];
}

/** The diagnostic on `line` (0-based) with `code`. */
function on(diagnostics: readonly Diagnostic[], code: string, line: number): Diagnostic {
    const found = diagnostics.find((d) => d.code === code && d.range.start.line === line);
    if (!found) throw new Error(`no ${code} on line ${line}`);
    return found;
}

/** The code actions for `sent`, as an editor asks for them with the cursor on it. */
async function actionsFor(document: LangiumDocument, sent: Diagnostic): Promise<CodeAction[]> {
    return ((await mregion.lsp.CodeActionProvider!.getCodeActions(document, {
        textDocument: { uri: document.uri.toString() },
        range: sent.range,
        context: { diagnostics: [sent] },
    })) ?? []) as CodeAction[];
}

/** The quick fixes offered for `diagnostic` (suppression aside), with their edits to the design. */
async function offered(diagnostic: Diagnostic, copy: boolean): Promise<{ uri: string; offered: Offered[] }> {
    const { document, diagnostics } = await validate(DESIGN);
    const own = on(diagnostics, String(diagnostic.code), diagnostic.range.start.line);
    // An editor sends back what it was published: a copy, through JSON.
    const sent = copy ? (JSON.parse(JSON.stringify(own)) as Diagnostic) : own;
    const uri = document.uri.toString();
    const actions = await actionsFor(document, sent);
    return {
        uri,
        offered: actions
            .filter((a) => !a.title.startsWith('Suppress '))
            .map((a) => ({ title: a.title, preferred: a.isPreferred === true, edits: a.edit?.changes?.[uri] ?? [] })),
    };
}

/** "Fix all" applies each home-region finding's preferred fix. */
const FIX_ALL_HOME: Offered = {
    title: 'Fix all home-region-unrouted problems in this file (3)',
    preferred: false,
    edits: [newFailover(4, 's-0', 'rehome'), newFailover(5, 's-1', 'rehome'), lastClause('action rehome s-2')],
};

const HOME_WRITES = (line: number) => ({
    start: at(line, LINE[line]!.indexOf('writes')),
    end: at(line, LINE[line]!.indexOf('writes') + 'writes home-region'.length),
});

const CASES: readonly { name: string; code: string; line: number; offered: Offered[] }[] = [
    {
        name: 's-0, with no failover: a new failover after it that re-homes or accepts',
        code: 'home-region-unrouted',
        line: 4,
        offered: [
            {
                title: "Add a failover that re-homes s-0's keys",
                preferred: true,
                edits: [newFailover(4, 's-0', 'rehome')],
            },
            {
                title: 'Add a failover that accepts the outage explicitly',
                preferred: false,
                edits: [newFailover(4, 's-0', 'accept-outage')],
            },
            FIX_ALL_HOME,
        ],
    },
    {
        name: 's-2, with its failover: an action added to that failover',
        code: 'home-region-unrouted',
        line: 6,
        offered: [
            {
                title: 'Re-home s-2 in the failover of s-2 (action rehome s-2)',
                preferred: true,
                edits: [lastClause('action rehome s-2')],
            },
            {
                title: 'Accept the outage explicitly (action accept-outage s-2)',
                preferred: false,
                edits: [lastClause('action accept-outage s-2')],
            },
            FIX_ALL_HOME,
        ],
    },
    {
        name: "the failover's TTL: 300s replaced by 60s",
        code: 'dns-ttl-too-long',
        line: 8,
        offered: [
            {
                title: 'Set the TTL to 60s',
                preferred: true,
                edits: [{ range: { start: at(8, 18), end: at(8, 22) }, newText: '60s' }],
            },
        ],
    },
];

describe('quick fixes made when a code action asks', () => {
    it.each(CASES)('for the editor’s copy of a diagnostic: $name', async ({ code, line, offered: expected }) => {
        const { diagnostics } = await validate(DESIGN);
        expect((await offered(on(diagnostics, code, line), true)).offered).toEqual(expected);
    });

    it.each(CASES)('for the server’s own diagnostic: $name', async ({ code, line, offered: expected }) => {
        const { diagnostics } = await validate(DESIGN);
        expect((await offered(on(diagnostics, code, line), false)).offered).toEqual(expected);
    });

    it('points each home-region finding at its writes clause', async () => {
        const { diagnostics } = await validate(DESIGN);
        expect([4, 5, 6].map((line) => on(diagnostics, 'home-region-unrouted', line).range)).toEqual([
            HOME_WRITES(4),
            HOME_WRITES(5),
            HOME_WRITES(6),
        ]);
    });

    it.each([
        ['another message', (d: Diagnostic): Diagnostic => ({ ...d, message: `${d.message}.` })],
        ['another start', (d: Diagnostic): Diagnostic => ({ ...d, range: { ...d.range, start: at(4, 0) } })],
        ['another end', (d: Diagnostic): Diagnostic => ({ ...d, range: { ...d.range, end: at(4, 1) } })],
        ['another code', (d: Diagnostic): Diagnostic => ({ ...d, code: 'dns-ttl-too-long' })],
    ])('offers no rule fix for a copy the document no longer has (%s)', async (_, changed) => {
        const { document, diagnostics } = await validate(DESIGN);
        const stale = changed(JSON.parse(JSON.stringify(on(diagnostics, 'home-region-unrouted', 4))) as Diagnostic);
        const actions = await actionsFor(document, stale);
        expect(actions.filter((a) => a.isPreferred).map((a) => a.title)).toEqual([]);
    });
});

describe('what a diagnostic with fixes holds', () => {
    it('keeps only its code in data, and no fix’s text anywhere', async () => {
        const { diagnostics } = await validate(DESIGN);
        expect(diagnostics.map((d) => d.data)).toEqual(diagnostics.map((d) => ({ code: d.code })));
        for (const d of diagnostics) {
            const json = JSON.stringify(d);
            expect(json).not.toContain('rehome');
            expect(json).not.toContain('60s');
            // {"code":"home-region-unrouted"} is 31 bytes, the longest here.
            expect(JSON.stringify(d.data).length).toBeLessThanOrEqual(31);
        }
    });

    it('still has every fix, made when asked', async () => {
        const { diagnostics } = await validate(DESIGN);
        const counts = Object.fromEntries(
            diagnostics.map((d) => [`${d.code} ${d.range.start.line}`, fixesOf(d).length]),
        );
        expect(counts).toEqual({
            'home-region-unrouted 4': 2,
            'home-region-unrouted 5': 2,
            'home-region-unrouted 6': 2,
            'dns-ttl-too-long 8': 1,
        });
    });

    it('shares one codeDescription among the diagnostics of a rule', async () => {
        const { diagnostics } = await validate(DESIGN);
        const [a, b, c] = [4, 5, 6].map((line) => on(diagnostics, 'home-region-unrouted', line).codeDescription);
        expect(a).toBeDefined();
        expect(b).toBe(a);
        expect(c).toBe(a);
        expect(a!.href).toMatch(/\/docs\/rules\/home-region-unrouted\.md$/);
    });

    it('has no fixes when it is not the object validation made', async () => {
        const { diagnostics } = await validate(DESIGN);
        const copy = JSON.parse(JSON.stringify(on(diagnostics, 'dns-ttl-too-long', 8))) as Diagnostic;
        expect(fixesOf(copy)).toEqual([]);
    });
});
