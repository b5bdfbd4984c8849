import { describe, expect, it } from 'vitest';
import { expectFormatting } from 'langium/test';
import { mregion } from '../helpers/services.js';
import { formatText } from './format-helpers.js';

const format = expectFormatting(mregion);

describe('formatter', () => {
    it.each([
        [
            'keeps a one-line block on one line with single spaces and two between clauses',
            'region   eu-west-1{provider aws jurisdiction    EU}',
            'region eu-west-1 { provider aws  jurisdiction EU }\n',
        ],
        [
            'puts one clause per line in a block written over several lines, values in one column',
            'store ledger {\nengine cockroachdb regions a, b\n  holds shared rows\n        replication consensus quorum 2 }',
            'store ledger {\n    engine      cockroachdb\n    regions     a, b\n    holds       shared rows\n    replication consensus quorum 2\n}\n',
        ],
        [
            'writes no space before a comma and one after it',
            'cell eu { regions a ,b,c residency EU }',
            'cell eu { regions a, b, c  residency EU }\n',
        ],
        [
            'separates objective terms by two spaces',
            'service api {\n  objective rto 5m rpo 1s    availability 99.99%\n}',
            'service api {\n    objective rto 5m  rpo 1s  availability 99.99%\n}\n',
        ],
        [
            'aligns fault kinds by treating `at <time>` as the head of a fault',
            'scenario s {\nworkload w\nat 10m outage region a for 1h\nat 120m partition a <-> b for 5m\nseed 4\n}',
            'scenario s {\n    workload w\n    at 10m   outage region a for 1h\n    at 120m  partition a <-> b for 5m\n    seed     4\n}\n',
        ],
        [
            'aligns the braces of consecutive one-line declarations of one kind',
            'region eu-west-1 { provider aws }\nregion us-east-1 { provider aws }\nregion ap-northeast-1 { provider aws }',
            'region eu-west-1      { provider aws }\nregion us-east-1      { provider aws }\nregion ap-northeast-1 { provider aws }\n',
        ],
        [
            'lines up the clauses of consecutive one-line declarations that write the same clauses, like a table',
            'cell eu { regions eu-west-1, eu-central-1, eu-west-3 residency EU }\ncell us { regions us-east-1, us-west-2 residency US }',
            'cell eu { regions eu-west-1, eu-central-1, eu-west-3  residency EU }\ncell us { regions us-east-1, us-west-2                residency US }\n',
        ],
        [
            'stops lining up clauses at the first column where the rows differ',
            'region a { provider aws jurisdiction EU city "Dublin" }\nregion bb { provider gcp city "Paris" jurisdiction EU }',
            'region a  { provider aws  jurisdiction EU  city "Dublin" }\nregion bb { provider gcp  city "Paris"  jurisdiction EU }\n',
        ],
        [
            'does not align braces across a blank line or another kind of declaration',
            'region a { provider aws }\n\nregion bbbb { provider aws }\ncell c { regions a }',
            'region a { provider aws }\n\nregion bbbb { provider aws }\ncell c { regions a }\n',
        ],
        [
            'keeps at most one blank line between declarations and none at the start or end',
            '\n\n\nregion a { provider aws }\n\n\n\nregion b { provider aws }\n\n\n',
            'region a { provider aws }\n\nregion b { provider aws }\n',
        ],
        [
            'keeps a blank line between clauses but none after the opening or before the closing brace',
            'store s {\n\n  engine redis\n\n\n  holds shared rows\n\n}',
            'store s {\n    engine redis\n\n    holds  shared rows\n}\n',
        ],
        ['keeps an empty block empty', 'region a {  }', 'region a {}\n'],
        [
            'aligns the names of a global dependency with the other values, one space after each comma',
            'service api {\nregions a , b\n  global-dependency sts ,iam,   global-accelerator\n}',
            'service api {\n    regions           a, b\n    global-dependency sts, iam, global-accelerator\n}\n',
        ],
        [
            'aligns the consumers clause of a queue and the turbo-replication feature of a bucket like any other clause',
            'store q {\nengine kafka\n  consumers    idempotent\n features turbo-replication ,ttl\ncheckpoint   every 10s\n}',
            'store q {\n    engine     kafka\n    consumers  idempotent\n    features   turbo-replication, ttl\n    checkpoint every 10s\n}\n',
        ],
        [
            'puts each declaration on its own line',
            'region a { provider aws } region b { provider aws }',
            'region a { provider aws }\nregion b { provider aws }\n',
        ],
    ])('%s', async (_name, before, after) => {
        await format({ before, after });
    });

    describe('comments', () => {
        it.each([
            [
                'keeps a comment on its own line, indented like the clause after it',
                'store s {\nengine redis\n        // why the shape\nholds shared rows\n}',
                'store s {\n    engine redis\n    // why the shape\n    holds  shared rows\n}\n',
            ],
            [
                'keeps a trailing comment after its clause and lines up trailing comments of consecutive lines',
                'failover api {\naction promote db // automatic\naction shift-traffic       // data plane\ndrill every 30d\n}',
                'failover api {\n    action promote db     // automatic\n    action shift-traffic  // data plane\n    drill  every 30d\n}\n',
            ],
            [
                'turns a one-line block with a line comment into one clause per line rather than swallow the brace',
                'region a { provider aws // cloud\n jurisdiction EU }',
                'region a {\n    provider     aws  // cloud\n    jurisdiction EU\n}\n',
            ],
            ['keeps block comments inside a clause in place', 'route   /* fast */ dns ttl /* s */ 60s', undefined],
            [
                'keeps a comment before a closing brace inside the block',
                'store s {\nengine redis\n// more to come\n}',
                'store s {\n    engine redis\n    // more to come\n}\n',
            ],
            [
                'keeps the file header comment and a comment at the end',
                '// header\n// second line\ntopology T "x"\n// the end',
                '// header\n// second line\ntopology T "x"\n// the end\n',
            ],
            [
                'keeps a comment between the header and the block',
                'region a // note\n{ provider aws }',
                'region a  // note\n    { provider aws }\n',
            ],
        ])('%s', async (_name, before, after) => {
            if (after === undefined) {
                const wrapped = `failover api {\n${before}\n}`;
                await format({
                    before: wrapped,
                    after: 'failover api {\n    route /* fast */ dns ttl /* s */ 60s\n}\n',
                });
                return;
            }
            await format({ before, after });
        });
    });

    it('keeps Windows line ends', async () => {
        await format({
            before: 'region a {\r\nprovider aws\r\n}\r\n',
            after: 'region a {\r\n    provider aws\r\n}\r\n',
        });
    });

    it('indents with tabs when the editor asks for tabs, still aligning values with spaces', async () => {
        await format({
            before: 'store s {\nengine redis\nholds shared rows\n}',
            after: 'store s {\n\tengine redis\n\tholds  shared rows\n}\n',
            options: { insertSpaces: false, tabSize: 4 },
        });
    });

    it('formats only the lines of the requested range', async () => {
        await format({
            before: 'region a {provider aws}\nregion b {provider aws}\nregion c {provider aws}\n',
            after: 'region a {provider aws}\nregion b { provider aws }\nregion c {provider aws}\n',
            range: { start: { line: 1, character: 0 }, end: { line: 1, character: 23 } },
        });
    });

    it('leaves a file with a syntax error untouched', async () => {
        await format({
            before: 'region a {  provider  }\nregion   b { provider aws }',
            after: 'region a {  provider  }\nregion   b { provider aws }',
        });
    });

    it('changes nothing in a file that is already formatted', async () => {
        const text =
            'topology T "x"\n\nregion a { provider aws }\n\nstore s {\n    engine redis\n    holds  shared rows\n}\n';
        expect(await formatText(text)).toBe(text);
    });
});
