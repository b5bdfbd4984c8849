// Valid/invalid tables for the standard language checks (rules.md "the usual language checks"): each invalid
// case marks with «…» the exact text the diagnostic must point at.
import { describe, expect, test } from 'vitest';
import { unmark } from '../helpers/markers.js';
import { ProblemCodes } from '../../language/semantics/problem-codes.js';
import { validate } from '../helpers/services.js';

// Design rules have their own tests (test/rules); here only the standard checks count.
const STANDARD = new Set<string>(Object.values(ProblemCodes));

const REGIONS = `
region us-east-1 { provider aws jurisdiction US }
region us-west-2 { provider aws jurisdiction US }
region eu-west-1 { provider aws jurisdiction EU }
`;

const STORE = (body: string) =>
    `topology T\n${REGIONS}\nstore orders {\n    engine aurora\n    regions us-east-1, us-west-2\n    holds shared rows\n    consistency session\n${body}\n}\n`;
const SERVICE = `service api { regions us-east-1, us-west-2 posture active-passive }\n`;
const FAILOVER = (body: string) => `topology T\n${REGIONS}\n${SERVICE}failover api {\n${body}\n}\n`;

interface InvalidCase {
    readonly name: string;
    readonly text: string;
    readonly code: string;
    readonly message?: RegExp;
}

const valid: readonly { name: string; text: string }[] = [
    {
        name: 'a store with every property in range',
        text: STORE('    replication async lag 1s\n    size 5TB\n    backup every 24h'),
    },
    {
        name: 'a DNS failover with TTL, tail and health check',
        text: FAILOVER(
            '    detect health-check every 10s threshold 3 timeout 6s\n    route dns ttl 60s tail 5% 10m\n    drill every 30d',
        ),
    },
    {
        name: 'a consensus quorum equal to the replicas',
        text: `topology T\n${REGIONS}\nstore s { engine cockroachdb regions us-east-1, us-west-2, eu-west-1 holds shared rows replication consensus quorum 3 leader us-east-1 }`,
    },
    {
        name: 'a per-cell store with cells declared',
        text: `topology T\n${REGIONS}\ncell a { regions us-east-1, us-west-2 }\nstore s per cell { engine dynamodb holds per-user rows }`,
    },
    {
        name: 'origin shares adding up to 100 %',
        text: `topology T\n${REGIONS}\n${SERVICE}workload w for api { writes 10/s from us-east-1 50%, us-west-2 50% }`,
    },
    { name: 'a file with only regions needs no topology', text: REGIONS },
    {
        name: 'a link with a measured RTT and price',
        text: `${REGIONS}\nlink us-east-1 <-> eu-west-1 { rtt 76ms egress $0.02/GB }`,
    },
];

const invalid: readonly InvalidCase[] = [
    // unresolved references
    {
        name: 'a misspelled region in a store',
        code: 'unresolved-reference',
        message: /unknown region 'us-eest-1': did you mean 'us-east-1'/,
        text: `topology T\n${REGIONS}\nstore s { engine dynamodb regions «us-eest-1» holds shared rows }`,
    },
    {
        name: 'a failover of an undeclared service',
        code: 'unresolved-reference',
        message: /unknown store or service 'payment'/,
        text: `topology T\n${REGIONS}\n${SERVICE}failover «payment» { route anycast }`,
    },
    {
        name: 'a scenario naming an undeclared workload',
        code: 'unresolved-reference',
        text: `topology T\n${REGIONS}\nscenario s { workload «peak» duration 1h }`,
    },
    // duplicates
    {
        name: 'two regions with one name',
        code: 'duplicate-name',
        message: /region us-east-1 is already declared \(line 2\)/,
        text: `${REGIONS}region «us-east-1» { provider aws jurisdiction US }`,
    },
    {
        name: 'a store and a service with one name',
        code: 'duplicate-name',
        text: `topology T\n${REGIONS}\n${SERVICE}store «api» { engine dynamodb regions us-east-1 holds shared rows }`,
    },
    {
        name: 'the same clause twice in a block',
        code: 'duplicate-clause',
        message: /'engine' is already declared at line/,
        text: STORE('    «engine» dynamodb'),
    },
    {
        name: 'the same pair of regions linked twice',
        code: 'duplicate-name',
        text: `${REGIONS}link us-east-1 <-> eu-west-1 { rtt 76ms }\n«link» eu-west-1 <-> us-east-1 { rtt 80ms }`,
    },
    {
        name: 'the same objective metric twice',
        code: 'duplicate-clause',
        text: `topology T\n${REGIONS}\nservice api { regions us-east-1 objective rto 5m «rto» 1m }`,
    },
    // missing required properties
    {
        name: 'a store without an engine',
        code: 'missing-property',
        message: /needs an 'engine'/,
        text: `topology T\n${REGIONS}\nstore «s» { regions us-east-1 holds shared rows }`,
    },
    {
        name: 'an unknown region without provider',
        code: 'missing-property',
        message: /declare its 'provider'/,
        text: `region «dc1» { jurisdiction US }`,
    },
    {
        name: 'an unknown region without jurisdiction',
        code: 'missing-property',
        message: /jurisdiction/,
        text: `region «dc1» { provider on-prem }`,
    },
    {
        name: 'an AWS region code declared under Google Cloud',
        code: 'region-provider-mismatch',
        message:
            /^us-east-1 is an AWS region code .*declared under provider gcp.*those of aws region us-east-1\. Declare provider aws, or give the gcp region its own name$/,
        text: `region us-east-1 { provider «gcp» jurisdiction US }`,
    },
    {
        name: 'an Azure region code declared under AWS',
        code: 'region-provider-mismatch',
        message: /^eastus is an Azure region code/,
        text: `region eastus { provider «aws» }`,
    },
    {
        name: 'a DNS route without TTL',
        code: 'missing-property',
        message: /needs its 'ttl'/,
        text: FAILOVER('    route «dns»'),
    },
    {
        name: 'a service failover without route',
        code: 'missing-property',
        message: /needs a 'route'/,
        text: FAILOVER('    drill every 30d').replace('failover api', 'failover «api»'),
    },
    {
        name: 'an async store of an engine with no documented lag',
        code: 'missing-property',
        message: /needs 'lag'/,
        text: `topology T\n${REGIONS}\nstore s { engine postgres regions us-east-1, us-west-2 holds shared rows writes primary «replication async» consistency eventual }`,
    },
    {
        name: 'a multi-region service without posture',
        code: 'missing-property',
        message: /declare its 'posture'/,
        text: `topology T\n${REGIONS}\nservice «api» { regions us-east-1, us-west-2 }`,
    },
    {
        name: 'a console action without a duration',
        code: 'missing-property',
        message: /say how long it 'takes'/,
        text: FAILOVER('    route dns ttl 60s\n    action «console»'),
    },
    {
        name: 'a scenario without duration',
        code: 'missing-property',
        message: /needs a 'duration'/,
        text: `topology T\n${REGIONS}\n${SERVICE}workload w for api { writes 1/s }\nscenario «s» { workload w }`,
    },
    { name: 'a system file without topology', code: 'missing-topology', text: `«»${REGIONS}${SERVICE}` },
    // values out of range
    {
        name: 'a TTL of zero',
        code: 'value-out-of-range',
        message: /TTL must be greater than 0/,
        text: FAILOVER('    route dns ttl «0s»'),
    },
    {
        name: 'a percentage above 100',
        code: 'value-out-of-range',
        message: /availability objective must be at most 100%/,
        text: `topology T\n${REGIONS}\nservice api { regions us-east-1 objective availability «100.5%» }`,
    },
    {
        name: 'a health-check threshold above 10',
        code: 'value-out-of-range',
        message: /at most 10, got 11/,
        text: FAILOVER('    detect health-check every 10s threshold «11»\n    route anycast'),
    },
    {
        name: 'a health-check threshold of 0',
        code: 'value-out-of-range',
        text: FAILOVER('    detect health-check every 10s threshold «0»\n    route anycast'),
    },
    {
        name: 'a latitude beyond the pole',
        code: 'value-out-of-range',
        text: `region dc1 { provider on-prem jurisdiction US location «91», 0 }`,
    },
    { name: 'a fractional replica count', code: 'value-out-of-range', text: STORE('    replicas «2.5»') },
    {
        name: 'origin shares not adding up to 100 %',
        code: 'value-out-of-range',
        message: /add up to 80%/,
        text: `topology T\n${REGIONS}\n${SERVICE}workload w for api { writes 10/s from «us-east-1 50%, us-west-2 30%» }`,
    },
    {
        name: 'a percentile that is not one',
        code: 'value-out-of-range',
        text: `topology T\n${REGIONS}\nservice api { regions us-east-1 objective write-latency «fast» 100ms }`,
    },
    {
        name: 'a link from a region to itself',
        code: 'value-out-of-range',
        text: `${REGIONS}link us-east-1 <-> «us-east-1» { rtt 1ms }`,
    },
    {
        name: 'a store primary outside the store regions',
        code: 'value-out-of-range',
        message: /primary eu-west-1 is not one of the store's regions \(us-east-1, us-west-2\)/,
        text: STORE('    «writes primary eu-west-1»'),
    },
    {
        name: 'a number too large for a double',
        code: 'value-out-of-range',
        message: /too large a number \(400 digits\)/,
        text: FAILOVER(`    route dns ttl «${'9'.repeat(400)}s»`),
    },
    {
        name: 'a duration past 2^53 milliseconds',
        code: 'value-out-of-range',
        message: /'99999999999999d' is too large: durations are exact up to 285,420 years/,
        text: FAILOVER('    route dns ttl «99999999999999d»'),
    },
    {
        name: 'a key count past 2^53',
        code: 'value-out-of-range',
        message: /too large: counts are exact up to 9,007,199,254,740,991/,
        text: `topology T\n${REGIONS}\n${SERVICE}workload w for api { writes 10/s keys «99999999999999999999» }`,
    },
    {
        name: 'a primary outside the service regions',
        code: 'value-out-of-range',
        text: `topology T\n${REGIONS}\nservice api { regions us-east-1, us-west-2 posture warm-standby primary «eu-west-1» }`,
    },
    // wrong or missing units
    {
        name: 'a TTL without unit',
        code: 'missing-unit',
        message: /'60' has no unit: expected a duration .* e\.g\. '60s'/,
        text: FAILOVER('    route dns ttl «60»'),
    },
    {
        name: 'a TTL in terabytes',
        code: 'wrong-unit',
        message: /'60TB' is a size .*, but a duration .* is expected/,
        text: FAILOVER('    route dns ttl «60TB»'),
    },
    {
        name: 'a write rate without /s',
        code: 'missing-unit',
        text: `topology T\n${REGIONS}\n${SERVICE}workload w for api { writes «2000» }`,
    },
    {
        name: 'an egress price without the dollar sign',
        code: 'wrong-unit',
        text: `${REGIONS}link us-east-1 <-> eu-west-1 { egress «0.02/GB» }`,
    },
    {
        name: 'an unknown unit',
        code: 'wrong-unit',
        message: /unknown unit/,
        text: FAILOVER('    route dns ttl «60min»'),
    },
    // quorum and per cell
    {
        name: 'a quorum larger than the replicas',
        code: 'quorum-exceeds-replicas',
        message: /quorum 4 is larger than the 3 voting replicas/,
        text: `topology T\n${REGIONS}\nstore s { engine cockroachdb regions us-east-1, us-west-2, eu-west-1 holds shared rows replication consensus quorum «4» }`,
    },
    {
        name: 'a per-cell store without cells',
        code: 'per-cell-without-cells',
        text: `topology T\n${REGIONS}\nstore s per «cell» { engine dynamodb holds per-user rows }`,
    },
    {
        name: 'a per-cell service without cells',
        code: 'per-cell-without-cells',
        text: `topology T\n${REGIONS}\nservice api per «cell» { posture active-active }`,
    },
    {
        name: 'a per-cell store that also lists regions',
        code: 'inapplicable-property',
        text: `topology T\n${REGIONS}\ncell a { regions us-east-1 }\nstore s per cell { engine dynamodb «regions» us-east-1 holds per-user rows }`,
    },
    // imports
    {
        name: 'an import path holding half of a surrogate pair',
        code: 'unknown-import',
        message: /the import path holds a broken character/,
        text: `import «"regions\uDC00.mregion"»\n${REGIONS}`,
    },
    {
        name: 'an import of a file that does not exist',
        code: 'unknown-import',
        message: /cannot find 'missing.mregion'/,
        text: `import «"missing.mregion"»\n${REGIONS}`,
    },
    // syntax
    {
        name: 'a keyword used as a name',
        code: 'syntax-error',
        message: /'drill', which is a keyword/,
        text: `topology T\nscenario «drill» { duration 1h }`,
    },
    {
        name: 'a block that is never closed',
        code: 'syntax-error',
        text: `region us-east-1 { provider aws\n«region» us-west-2 { provider aws }`,
    },
];

describe('standard checks', () => {
    test.each(valid)('accepts $name', async ({ text }) => {
        const { diagnostics } = await validate(text);
        expect(diagnostics.filter((d) => STANDARD.has(String(d.code))).map((d) => `${d.code}: ${d.message}`)).toEqual(
            [],
        );
    });

    test.each(invalid)('reports $name as $code at the offending text', async ({ text: source, code, message }) => {
        const { text, ranges } = unmark(source);
        const { diagnostics } = await validate(text);
        const matching = diagnostics.filter((d) => d.code === code);
        expect(
            matching.map((d) => d.message),
            `diagnostics: ${JSON.stringify(diagnostics.map((d) => [d.code, d.message]))}`,
        ).not.toEqual([]);
        if (message)
            expect(
                matching.some((d) => message.test(String(d.message))),
                `messages: ${matching.map((d) => d.message).join(' | ')}`,
            ).toBe(true);
        const expected = ranges[0];
        if (expected) expect(matching.map((d) => d.range)).toContainEqual(expected);
    });
});
