// Reading `terraform show -json` output: which JSON is Terraform's, which format versions are read, where a
// resource's region comes from, how references become the importers' `Ref`s — and that no JSON value makes
// the reader or the importers throw anything but a clear input error.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DeployedInputError } from '../../import/errors.js';
import { importStacks } from '../../import/index.js';
import { isTerraformJson, terraformStacks } from '../../import/terraform/index.js';
import { goDurationSeconds } from '../../import/terraform/translate.js';

const resource = (address: string, type: string, values: Record<string, unknown>) => ({
    address,
    mode: 'managed',
    type,
    name: address.split('.').pop()!.replace(/\[.*$/, ''),
    values,
});

describe('which JSON is Terraform JSON', () => {
    const cases: { what: string; json: unknown; terraform: boolean }[] = [
        {
            what: 'a state',
            json: { format_version: '1.0', terraform_version: '1.9.5', values: { root_module: {} } },
            terraform: true,
        },
        {
            what: 'a plan',
            json: { format_version: '1.2', planned_values: { root_module: {} }, configuration: {} },
            terraform: true,
        },
        {
            what: 'the state of an empty workspace',
            json: { format_version: '1.0', terraform_version: '1.9.5' },
            terraform: true,
        },
        { what: 'a CloudFormation template', json: { Resources: {} }, terraform: false },
        {
            what: 'a template that happens to carry format_version',
            json: { format_version: '1.0', values: {}, Resources: {} },
            terraform: false,
        },
        { what: 'a number format version', json: { format_version: 1, values: {} }, terraform: false },
        { what: 'an array', json: [{ format_version: '1.0' }], terraform: false },
        { what: 'null', json: null, terraform: false },
    ];
    for (const c of cases) {
        it(`${c.terraform ? 'reads' : 'does not take'} ${c.what} ${c.terraform ? 'as Terraform JSON' : 'for Terraform JSON'}`, () => {
            expect(isTerraformJson(c.json)).toBe(c.terraform);
        });
    }

    it('refuses a format of another major version with the version it read', () => {
        expect(() => terraformStacks({ format_version: '2.0', values: {} }, 'x.json', 'x')).toThrow(
            /format 2\.0; mregion reads format 1\.x/,
        );
    });
});

describe('the region of a Terraform resource', () => {
    const plan = (values: Record<string, unknown>, providerKey: string) => ({
        format_version: '1.2',
        variables: { home: { value: 'eu-central-1' } },
        planned_values: { root_module: { resources: [resource('aws_s3_bucket.b', 'aws_s3_bucket', values)] } },
        configuration: {
            provider_config: {
                aws: { name: 'aws', expressions: { region: { constant_value: 'us-east-1' } } },
                'aws.home': { name: 'aws', alias: 'home', expressions: { region: { references: ['var.home'] } } },
                'aws.unset': { name: 'aws', alias: 'unset', expressions: {} },
            },
            root_module: {
                resources: [
                    {
                        address: 'aws_s3_bucket.b',
                        mode: 'managed',
                        type: 'aws_s3_bucket',
                        name: 'b',
                        provider_config_key: providerKey,
                        expressions: {},
                    },
                ],
            },
        },
    });
    const cases: { what: string; json: unknown; fallback?: string; region: string | undefined }[] = [
        {
            what: 'its region attribute, before its provider',
            json: plan({ bucket: 'b', region: 'ap-south-1' }, 'aws'),
            region: 'ap-south-1',
        },
        {
            what: 'its ARN, before its provider',
            json: plan({ bucket: 'b', arn: 'arn:aws:dynamodb:sa-east-1:123456789012:table/t' }, 'aws'),
            region: 'sa-east-1',
        },
        { what: "its provider configuration's constant", json: plan({ bucket: 'b' }, 'aws'), region: 'us-east-1' },
        {
            what: 'the root variable its provider configuration names',
            json: plan({ bucket: 'b' }, 'aws.home'),
            region: 'eu-central-1',
        },
        {
            what: '--region when nothing else names one',
            json: plan({ bucket: 'b' }, 'aws.unset'),
            fallback: 'ca-central-1',
            region: 'ca-central-1',
        },
        { what: 'nothing, rather than a guess', json: plan({ bucket: 'b' }, 'aws.unset'), region: undefined },
        {
            what: 'nothing for a region attribute that is not a region code',
            json: plan({ bucket: 'b', region: 'moon' }, 'aws.unset'),
            region: undefined,
        },
    ];
    for (const c of cases) {
        it(`comes from ${c.what}`, () => {
            const stacks = terraformStacks(c.json, 'p.json', 'p', c.fallback);
            expect(stacks.map((s) => s.region)).toEqual([c.region]);
            expect(stacks[0]!.kind).toBe('terraform');
        });
    }
});

describe('references between Terraform resources', () => {
    const checkAndRecord = (recordValues: Record<string, unknown>, expressions?: Record<string, unknown>) => ({
        format_version: '1.0',
        planned_values: {
            root_module: {
                resources: [
                    resource('aws_route53_health_check.a', 'aws_route53_health_check', { id: 'hc-1', type: 'HTTPS' }),
                    resource('aws_route53_health_check.ab', 'aws_route53_health_check', { id: 'hc-2', type: 'HTTPS' }),
                    resource('aws_route53_record.r', 'aws_route53_record', { name: 'x.example.com', ...recordValues }),
                ],
            },
        },
        configuration: {
            root_module: {
                resources: [{ mode: 'managed', type: 'aws_route53_record', name: 'r', expressions: expressions ?? {} }],
            },
        },
    });
    const healthCheckOf = (json: unknown) => {
        const record = terraformStacks(json, 'p.json', 'p')
            .flatMap((s) => [...s.resources])
            .find(([address]) => address === 'aws_route53_record.r')![1];
        return record.Properties.HealthCheckId;
    };
    const cases: { what: string; json: unknown; expected: unknown }[] = [
        {
            what: "the configuration's reference, when the value is unknown until apply",
            json: checkAndRecord(
                {},
                { health_check_id: { references: ['aws_route53_health_check.ab.id', 'aws_route53_health_check.ab'] } },
            ),
            expected: { Ref: 'aws_route53_health_check.ab' },
        },
        {
            what: 'an equal identifying attribute, in a state',
            json: checkAndRecord({ health_check_id: 'hc-1' }),
            expected: { Ref: 'aws_route53_health_check.a' },
        },
        {
            what: 'the literal value, when no resource has it',
            json: checkAndRecord({ health_check_id: 'hc-9' }),
            expected: 'hc-9',
        },
        {
            what: 'nothing, when the record names no check',
            json: checkAndRecord({ health_check_id: null }),
            expected: undefined,
        },
    ];
    for (const c of cases) {
        it(`resolve through ${c.what}`, () => {
            expect(healthCheckOf(c.json)).toEqual(c.expected);
        });
    }
});

describe('any JSON value in a Terraform shape', () => {
    // Values where the reader expects objects, arrays and strings: nothing but an input error may come out.
    const shaped = fc.record({
        format_version: fc.oneof(fc.constant('1.0'), fc.constant('2.0'), fc.string()),
        values: fc.record({
            root_module: fc.record({
                resources: fc.array(
                    fc.record({
                        address: fc.oneof(
                            fc.string(),
                            fc.constantFrom(
                                'aws_dynamodb_table.t',
                                'aws_rds_global_cluster.g',
                                'aws_route53_record.r',
                                'aws_s3_bucket_replication_configuration.c',
                            ),
                        ),
                        mode: fc.constantFrom('managed', 'data', 3),
                        type: fc.constantFrom(
                            'aws_dynamodb_table',
                            'aws_rds_global_cluster',
                            'aws_rds_cluster',
                            'aws_db_instance',
                            'aws_route53_record',
                            'aws_route53_health_check',
                            'aws_s3_bucket_replication_configuration',
                            'aws_globalaccelerator_endpoint_group',
                            'aws_elasticache_global_replication_group',
                            'aws_elasticache_replication_group',
                        ),
                        name: fc.string(),
                        values: fc.dictionary(
                            fc.constantFrom(
                                'replica',
                                'region',
                                'arn',
                                'rule',
                                'global_cluster_members',
                                'health_check_id',
                                'failover_routing_policy',
                                'name',
                                'bucket',
                                'replicate_source_db',
                                'primary_replication_group_id',
                                'global_replication_group_id',
                                'listener_arn',
                            ),
                            fc.anything(),
                        ),
                    }),
                    { maxLength: 8 },
                ),
                child_modules: fc.anything(),
            }),
        }),
    });

    it('is read, or refused with a DeployedInputError, and then imported without throwing', () => {
        fc.assert(
            fc.property(shaped, (json) => {
                let stacks;
                try {
                    stacks = terraformStacks(json, 'f.json', 'f');
                } catch (error) {
                    expect(error).toBeInstanceOf(DeployedInputError);
                    return;
                }
                const design = importStacks(stacks);
                expect(Array.isArray(design.declarations)).toBe(true);
            }),
            { numRuns: 300 },
        );
    });
});

describe('a Route 53 record read from Terraform', () => {
    const recordOf = (values: Record<string, unknown>) => {
        const json = {
            format_version: '1.0',
            values: {
                root_module: {
                    resources: [
                        resource('aws_route53_record.r', 'aws_route53_record', { name: 'api.example.com', ...values }),
                    ],
                },
            },
        };
        return terraformStacks(json, 's.json', 's')[0]!.resources.get('aws_route53_record.r')!.Properties;
    };
    const cases: { policy: string; values: Record<string, unknown>; expected: Record<string, unknown> }[] = [
        {
            policy: 'a failover policy',
            values: {
                failover_routing_policy: [{ type: 'SECONDARY' }],
                latency_routing_policy: [],
                weighted_routing_policy: [],
            },
            expected: { Failover: 'SECONDARY' },
        },
        {
            policy: 'a latency policy',
            values: {
                failover_routing_policy: [],
                latency_routing_policy: [{ region: 'eu-west-1' }],
                weighted_routing_policy: [],
            },
            expected: { Region: 'eu-west-1' },
        },
        {
            policy: 'a weighted policy, weight 0 included',
            values: {
                failover_routing_policy: [],
                latency_routing_policy: [],
                weighted_routing_policy: [{ weight: 0 }],
            },
            expected: { Weight: 0 },
        },
        {
            policy: 'an alias and a TTL',
            values: {
                ttl: 60,
                alias: [{ name: 'lb-1.us-east-1.elb.amazonaws.com', zone_id: 'Z1', evaluate_target_health: true }],
            },
            expected: { TTL: 60, AliasTarget: { DNSName: 'lb-1.us-east-1.elb.amazonaws.com' } },
        },
        {
            policy: 'no policy (a simple record)',
            values: { failover_routing_policy: [], latency_routing_policy: [], weighted_routing_policy: [] },
            expected: {},
        },
    ];
    for (const c of cases) {
        it(`states ${c.policy} as CloudFormation does`, () => {
            const properties = recordOf(c.values);
            expect(properties).toMatchObject(c.expected);
            for (const key of ['Failover', 'Region', 'Weight', 'TTL', 'AliasTarget'].filter((k) => !(k in c.expected)))
                expect(properties).not.toHaveProperty(key);
        });
    }
});

describe('a Resilience Hub objective written as a Go duration', () => {
    const cases: { text: unknown; seconds: number | undefined }[] = [
        { text: '15m', seconds: 900 },
        { text: '1h0m0s', seconds: 3600 },
        { text: '2h45m', seconds: 9900 },
        { text: '30m15s', seconds: 1815 },
        { text: '1.5h', seconds: 5400 },
        { text: '1500ms', seconds: undefined },
        { text: '2000ms', seconds: 2 },
        { text: '15 minutes', seconds: undefined },
        { text: '', seconds: undefined },
        { text: 900, seconds: undefined },
    ];
    for (const c of cases) {
        it(`${JSON.stringify(c.text)} is ${c.seconds === undefined ? 'not whole seconds, so not read' : `${c.seconds} s`}`, () => {
            expect(goDurationSeconds(c.text)).toBe(c.seconds);
        });
    }

    it('matches a sum of hours, minutes and seconds for any whole durations', () => {
        fc.assert(
            fc.property(fc.nat(100), fc.nat(59), fc.nat(59), (h, m, s) => {
                expect(goDurationSeconds(`${h}h${m}m${s}s`)).toBe(h * 3600 + m * 60 + s);
            }),
        );
    });
});
