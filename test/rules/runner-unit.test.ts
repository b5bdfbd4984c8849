// The rule runner (language/validation/rules/runner.ts) on hand-built rules and models: a rule that throws becomes
// one rule-failed diagnostic and the next rule still runs, a rule turned off is not run, severities come from the
// setting, then the finding, then the catalog, held-back findings are dropped, and the findings of a per-cell
// declaration's instances are merged (one diagnostic when they say the same, else each names its cells). Fast
// enough to run per mutant, which the suites that check whole documents are not.
import { describe, expect, it } from 'vitest';
import type { Judge } from '../../language/semantics/estimators/range.js';
import type { Model, Range, Severity } from '../../language/semantics/model.js';
import type { RuleCode } from '../../language/validation/rules/catalog.js';
import type { Fix } from '../../language/validation/rules/fix.js';
import type { Finding, Related, Rule } from '../../language/validation/rules/rule.js';
import { runRules, type RunOptions, type RuleSetting } from '../../language/validation/rules/runner.js';

const URI = 'file:///design.mregion';
const range = (line: number, from = 0, to = 5): Range => ({
    start: { line, character: from },
    end: { line, character: to },
});
const TOPOLOGY_NAME = range(0, 9, 10);
const ZERO = range(0, 0, 0);

/** Only what the runner reads of a model: its uri, its topology's name and its cells. */
function model(cells: string[] = [], topology = true): Model {
    return {
        uri: URI,
        topology: topology ? { source: { nameRange: TOPOLOGY_NAME } } : undefined,
        cells: new Map(cells.map((c) => [c, {}])),
    } as unknown as Model;
}

/** A rule that reports `findings` (code: a catalog code, or one the catalog lacks). */
function reporting(code: string, findings: Partial<Finding>[]): Rule {
    return {
        code: code as RuleCode,
        check({ report }) {
            for (const f of findings) report({ uri: URI, range: range(1), message: 'm', ...f });
        },
    };
}

function throwing(code: string, thrown: unknown): Rule {
    return {
        code: code as RuleCode,
        check() {
            throw thrown;
        },
    };
}

const summary = (d: { code: string; severity: Severity; message: string }) => `${d.code} ${d.severity} ${d.message}`;

describe('a rule that throws', () => {
    it.each<[string, unknown, string]>([
        [
            'an Error is named by its class and message',
            new RangeError('no element 3 among 2'),
            'the rule egress-cost failed (RangeError: no element 3 among 2) and checked nothing in this file; the other rules ran. Please report this file',
        ],
        [
            'a thrown string is quoted as it is',
            'out of cheese',
            'the rule egress-cost failed (out of cheese) and checked nothing in this file; the other rules ran. Please report this file',
        ],
    ])('becomes one rule-failed error: %s', (_, thrown, message) => {
        const diagnostics = runRules(model(), [
            throwing('egress-cost', thrown),
            reporting('dns-ttl-too-long', [{ message: 'after' }]),
        ]);
        expect(diagnostics).toEqual([
            { code: 'rule-failed', severity: 'error', uri: URI, range: TOPOLOGY_NAME, message },
            { code: 'dns-ttl-too-long', severity: 'warning', uri: URI, range: range(1), message: 'after' },
        ]);
    });

    it('points at the file start when the design has no topology', () => {
        const [failed] = runRules(model([], false), [throwing('egress-cost', new Error('x'))]);
        expect(failed?.range).toEqual(ZERO);
    });

    it('drops what it reported before throwing', () => {
        const rule: Rule = {
            code: 'egress-cost',
            check({ report }) {
                report({ uri: URI, range: range(1), message: 'half done' });
                throw new Error('x');
            },
        };
        expect(runRules(model(), [rule]).map((d) => d.code)).toEqual(['rule-failed']);
    });
});

describe('severities and settings', () => {
    it.each<[string, string, Severity | undefined, RuleSetting | undefined, Severity | 'not run']>([
        ['catalog default: an error rule', 'rpo-unachievable', undefined, undefined, 'error'],
        ['catalog default: an info rule', 'unknown-latency', undefined, undefined, 'info'],
        ['a code the catalog lacks is a warning', 'no-such-rule', undefined, undefined, 'warning'],
        ["the finding's own severity wins", 'unknown-latency', 'error', undefined, 'error'],
        ['the setting wins over the finding', 'lww-on-shared-state', 'error', 'hint', 'hint'],
        ['the setting wins over the catalog', 'rpo-unachievable', undefined, 'info', 'info'],
        ['a rule set off is not run', 'rpo-unachievable', undefined, 'off', 'not run'],
    ])('severity: %s', (_, code, own, setting, expected) => {
        let ran = false;
        const rule: Rule = {
            code: code as RuleCode,
            check({ report }) {
                ran = true;
                report({ uri: URI, range: range(1), message: 'm', ...(own ? { severity: own } : {}) });
            },
        };
        const asked: string[] = [];
        const options: RunOptions = {
            settingOf: (c) => {
                asked.push(c);
                return setting;
            },
        };
        const diagnostics = runRules(model(), [rule], options);
        expect(asked).toEqual([code]);
        expect(ran).toBe(expected !== 'not run');
        expect(diagnostics.map((d) => d.severity)).toEqual(expected === 'not run' ? [] : [expected]);
    });

    it('runs every rule with no options at all', () => {
        const diagnostics = runRules(model(), [reporting('egress-cost', [{}]), reporting('no-backup', [{}])]);
        expect(diagnostics.map(summary)).toEqual(['egress-cost warning m', 'no-backup info m']);
    });
});

describe('what a rule is handed', () => {
    it.each<[string, Judge | undefined, Judge]>([
        ['the worst end unless told', undefined, 'worst'],
        ['the typical end when told so', 'typical', 'typical'],
    ])('judge: %s', (_, judge, expected) => {
        const seen: Judge[] = [];
        const m = model();
        let sameModel = false;
        const rule: Rule = {
            code: 'rto-unachievable',
            check(context) {
                seen.push(context.judge);
                sameModel = context.model === m;
            },
        };
        runRules(m, [rule], judge ? { judge } : {});
        expect(seen).toEqual([expected]);
        expect(sameModel).toBe(true);
    });

    it('drops the findings held back and keeps the others', () => {
        const rule = reporting('egress-cost', [{ message: 'keep' }, { message: 'hold' }, { message: 'keep too' }]);
        const diagnostics = runRules(model(), [rule], { heldBack: (f) => f.message === 'hold' });
        expect(diagnostics.map((d) => d.message)).toEqual(['keep', 'keep too']);
    });
});

describe('fixes and related places', () => {
    const fix: Fix = { title: 'use 60s', edits: [] };
    const fixes = () => [fix];
    const related: Related = { uri: URI, range: range(2), message: 'here' };
    it.each<[string, Partial<Finding>, string[]]>([
        ['both kept when there are some', { fixes, related: [related] }, ['fixes', 'related']],
        ['no related places are left out', { related: [] }, []],
        ['absent lists stay absent', {}, []],
        ['fixes alone', { fixes }, ['fixes']],
        ['a related place alone', { related: [related] }, ['related']],
    ])('fixes and related: %s', (_, finding, keys) => {
        const [d] = runRules(model(), [reporting('egress-cost', [finding])]);
        const extra = Object.keys(d ?? {}).filter((k) => k === 'fixes' || k === 'related');
        expect(extra).toEqual(keys);
        if (keys.includes('fixes')) expect(d?.fixes?.()).toEqual([fix]);
        if (keys.includes('related')) expect(d?.related).toEqual([related]);
    });
});

describe('per-cell instances merged', () => {
    const cell = (c: string, message = 'lag 5 s', extra: Partial<Finding> = {}): Partial<Finding> => ({
        cell: c,
        message,
        key: 'db',
        ...extra,
    });
    it.each<[string, string[], Partial<Finding>[], string[]]>([
        ['the same in every cell: one, no suffix', ['eu', 'us'], [cell('eu'), cell('us')], ['warning lag 5 s']],
        [
            'the same in some cells: names them',
            ['eu', 'us', 'ap'],
            [cell('eu'), cell('us')],
            ['warning lag 5 s (cells eu, us)'],
        ],
        ['one cell of two: "cell", singular', ['eu', 'us'], [cell('us')], ['warning lag 5 s (cell us)']],
        [
            'different numbers: each names its cells',
            ['eu', 'us'],
            [cell('eu', 'lag 5 s'), cell('us', 'lag 9 s')],
            ['warning lag 5 s (cell eu)', 'warning lag 9 s (cell us)'],
        ],
        [
            // One cell said two things: the message every cell said still names them, since another message differs.
            'a message of every cell beside another',
            ['eu', 'us'],
            [cell('eu', 'x'), cell('us', 'x'), cell('eu', 'y')],
            ['warning x (cells eu, us)', 'warning y (cell eu)'],
        ],
        [
            'a cell repeated is named once',
            ['eu', 'us', 'ap'],
            [cell('eu'), cell('eu'), cell('us')],
            ['warning lag 5 s (cells eu, us)'],
        ],
        [
            'the most severe: error over warning',
            ['eu', 'us'],
            [cell('eu', 'x', { severity: 'warning' }), cell('us', 'x', { severity: 'error' })],
            ['error x'],
        ],
        [
            'the most severe: warning over info',
            ['eu', 'us'],
            [cell('eu', 'x', { severity: 'info' }), cell('us', 'x', { severity: 'warning' })],
            ['warning x'],
        ],
        [
            'the most severe: info over hint',
            ['eu', 'us'],
            [cell('eu', 'x', { severity: 'hint' }), cell('us', 'x', { severity: 'info' })],
            ['info x'],
        ],
        [
            'one severity given beats none',
            ['eu', 'us'],
            [cell('eu', 'x'), cell('us', 'x', { severity: 'hint' })],
            ['hint x'],
        ],
        [
            'different keys stay apart',
            ['eu', 'us'],
            [cell('eu', 'x', { key: 'a' }), cell('us', 'x', { key: 'b' })],
            ['warning x (cell eu)', 'warning x (cell us)'],
        ],
        [
            'no key: the message is the key',
            ['eu', 'us'],
            [cell('eu', 'x', { key: undefined }), cell('us', 'x', { key: undefined })],
            ['warning x'],
        ],
        [
            'no key and other words stay apart',
            ['eu', 'us'],
            [cell('eu', 'x', { key: undefined }), cell('us', 'y', { key: undefined })],
            ['warning x (cell eu)', 'warning y (cell us)'],
        ],
        [
            'other places stay apart',
            ['eu', 'us'],
            [cell('eu', 'x', { range: range(3) }), cell('us', 'x', { range: range(4) })],
            ['warning x (cell eu)', 'warning x (cell us)'],
        ],
        [
            'the same place in another file apart',
            ['eu', 'us'],
            [cell('eu', 'x', { uri: 'file:///other.mregion' }), cell('us', 'x')],
            ['warning x (cell eu)', 'warning x (cell us)'],
        ],
        [
            'findings of no cell that agree are one',
            ['eu', 'us'],
            [{ message: 'x' }, { message: 'x', severity: 'error' }],
            ['error x'],
        ],
    ])('cells: %s', (_, cells, findings, expected) => {
        const diagnostics = runRules(model(cells), [reporting('lww-on-shared-state', findings)]);
        expect(diagnostics.map((d) => `${d.severity} ${d.message}`)).toEqual(expected);
    });

    it('keeps the first finding of a group as the one reported, in order of first appearance', () => {
        const findings: Partial<Finding>[] = [
            { message: 'b', range: range(5) },
            cell('us', 'a', { key: 'k', fixes: () => [{ title: 'first', edits: [] }] }),
            cell('eu', 'a', { key: 'k', fixes: () => [{ title: 'second', edits: [] }] }),
        ];
        const diagnostics = runRules(model(['eu', 'us']), [reporting('egress-cost', findings)]);
        expect(diagnostics.map((d) => [d.message, d.range.start.line, d.fixes?.()[0]?.title])).toEqual([
            ['b', 5, undefined],
            ['a', 1, 'first'],
        ]);
    });

    it('leaves a lone finding of no cell untouched, with no severity of its own', () => {
        const [d] = runRules(model(['eu']), [reporting('no-backup', [{ message: 'x' }])]);
        expect(d?.severity).toBe('info');
        expect(d?.message).toBe('x');
    });
});
