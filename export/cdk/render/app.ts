// bin/app.ts, lib/app.ts (stacks, dependencies, tags, cdk-nag) and lib/context.ts of the generated app.
import { CodeWriter, IdentifierScope, tsString } from '../code.js';
import { tagValue } from '../names.js';
import { ACCOUNT_KEY } from '../plan/index.js';
import { GAME_DAYS_KEY } from '../plan/game-days.js';
import type { ExportPlan } from '../plan/types.js';
import { GENERATED_NOTE, Imports, TAG_TOPOLOGY } from './shared.js';

export function renderBin(plan: ExportPlan): string {
    const w = new CodeWriter();
    w.comment(`Entry point of \`cdk synth\` / \`cdk deploy\` for ${plan.topologyName} (cdk.json runs it with tsx).`);
    w.line("import { createApp } from '../lib/app';");
    w.blank();
    w.line('createApp();');
    return w.toString();
}

/** Stack descriptions stay short: CloudFormation allows 1024 bytes and the console shows one line. */
function stackDescription(plan: ExportPlan, where: string): string {
    const text = `${plan.topologyName} ${where} (mregion export of ${plan.sourceFile})`;
    return [...text].slice(0, 300).join('');
}

export function renderAppModule(plan: ExportPlan): string {
    const imports = new Imports()
        .add('aws-cdk-lib', 'App', 'Tags', 'Validations')
        .addType('aws-cdk-lib', 'AppProps')
        .add('cdk-nag', 'AwsSolutionsChecks')
        .add('./context', 'requireContext', 'warnIfPlaceholder');
    const variables = new IdentifierScope('camel', [
        'app',
        'account',
        'props',
        'stack',
        'createApp',
        'requireContext',
        'warnIfPlaceholder',
        'global',
    ]);
    const body = new CodeWriter();
    body.indented((w) => {
        w.line('const app = new App(props);');
        w.line(`const account = requireContext(app, ${tsString(ACCOUNT_KEY)});`);
        const stackVars = new Map<string, string>();
        for (const stack of plan.regionStacks) {
            const key = stack.replication ? `${stack.region.name} replication` : stack.region.name;
            const variable = variables.get(key);
            stackVars.set(key, variable);
            imports.add(`./stacks/${stack.fileStem}-stack`, stack.className);
            w.blank();
            w.block(
                `const ${variable} = new ${stack.className}(app, ${tsString(stack.stackName)}, {`,
                (p) => {
                    p.line(`env: { account, region: ${tsString(stack.region.name)} },`);
                    p.line(
                        `description: ${tsString(stackDescription(plan, `${stack.replication ? 'replication into ' : 'in '}${stack.region.name}`))},`,
                    );
                },
                '});',
            );
        }
        let globalVar: string | undefined;
        if (plan.globalStack) {
            globalVar = 'global';
            imports.add('./stacks/global-stack', plan.globalStack.className);
            w.blank();
            w.block(
                `const global = new ${plan.globalStack.className}(app, ${tsString(plan.globalStack.stackName)}, {`,
                (p) => {
                    p.line(`env: { account, region: ${tsString(plan.globalStack!.region)} },`);
                    p.line(`description: ${tsString(stackDescription(plan, 'traffic routing between regions'))},`);
                },
                '});',
            );
        }
        const dependencies = plan.regionStacks.flatMap((s) =>
            s.dependsOn.map((d) => ({ from: s.replication ? `${s.region.name} replication` : s.region.name, ...d })),
        );
        if (dependencies.length > 0) {
            w.blank();
            w.comment("Deployment order: a stack that uses another region's resource deploys after it.");
            for (const d of dependencies) {
                w.line(
                    `${stackVars.get(d.from)}.addStackDependency(${stackVars.get(d.stack)}, ${tsString(d.reason)});`,
                );
            }
        }
        if (plan.gameDayStacks.length > 0) {
            w.blank();
            w.comment(
                "Game days (AWS FIS experiment templates from the design's scenarios) deploy only when asked: -c mregion:game-days=true.",
            );
            w.block(`if (String(app.node.tryGetContext(${tsString(GAME_DAYS_KEY)})) === 'true') {`, (g) => {
                for (const stack of plan.gameDayStacks) {
                    imports.add(`./stacks/${stack.fileStem}-stack`, stack.className);
                    const variable = variables.get(`${stack.region} game day`);
                    g.block(
                        `const ${variable} = new ${stack.className}(app, ${tsString(stack.stackName)}, {`,
                        (p) => {
                            p.line(`env: { account, region: ${tsString(stack.region)} },`);
                            p.line(`description: ${tsString(stackDescription(plan, `game days in ${stack.region}`))},`);
                        },
                        '});',
                    );
                    const target = plan.regionStacks.find((s) => s.stackName === stack.regionStackName)!;
                    g.line(
                        `${variable}.addStackDependency(${stackVars.get(target.region.name)}, ${tsString('the experiments act on what this stack creates')});`,
                    );
                    g.line(
                        `Tags.of(${variable}).add(${tsString(TAG_TOPOLOGY)}, ${tsString(tagValue(plan.topologyName))});`,
                    );
                }
            });
        }
        const all = [...stackVars.values(), ...(globalVar ? [globalVar] : [])];
        w.blank();
        w.comment("The CLI shows warnings of stacks, not of the app: the account's goes on the first stack.");
        w.line(`warnIfPlaceholder(${all[0]}, ${tsString(ACCOUNT_KEY)}, account);`);
        w.blank();
        w.block(`for (const stack of [${all.join(', ')}]) {`, (l) => {
            l.line(`Tags.of(stack).add(${tsString(TAG_TOPOLOGY)}, ${tsString(tagValue(plan.topologyName))});`);
        });
        w.blank();
        w.comment('AWS Solutions checks run on every synth; a finding the design accepts is acknowledged, with its');
        w.comment('reason, where the resource is created.');
        w.line('Validations.of(app).addPlugins(new AwsSolutionsChecks(app));');
        w.line('return app;');
    });

    const w = new CodeWriter();
    w.commentWrapped(
        `The CDK app for ${plan.topologyName} (${plan.sourceFile}): one stack per AWS region of the design${plan.globalStack ? ' plus a global stack for traffic routing' : ''}. ${GENERATED_NOTE}`,
    );
    imports.write(w);
    w.blank();
    w.block('export function createApp(props: AppProps = {}): App {', (f) => f.append(body.toString().trimEnd()));
    return w.toString();
}

export function renderContextModule(plan: ExportPlan): string {
    const w = new CodeWriter();
    w.comment('Values the design does not contain come from CDK context: cdk.json, or `cdk synth -c key=value`.');
    w.comment('The placeholders cdk.json was generated with are listed here; synth warns about each one still in use.');
    w.line("import { Annotations } from 'aws-cdk-lib';");
    w.line("import * as ec2 from 'aws-cdk-lib/aws-ec2';");
    w.line("import type { Construct } from 'constructs';");
    w.blank();
    const todos = plan.context.filter((c) => c.kind === 'todo' && typeof c.value === 'string');
    w.block(
        'const PLACEHOLDERS: ReadonlyMap<string, string> = new Map([',
        (m) => {
            for (const entry of todos) m.line(`[${tsString(entry.key)}, ${tsString(entry.value as string)}],`);
        },
        ']);',
    );
    w.blank();
    w.line(
        '/** The context value `key` as a non-empty string; synth stops with a message saying where to set it when it is missing. */',
    );
    w.block('export function requireContext(scope: Construct, key: string): string {', (f) => {
        f.line('const value: unknown = scope.node.tryGetContext(key);');
        f.block("if (typeof value !== 'string' || value.trim() === '') {", (b) => {
            b.line(
                'throw new Error(`Context value \'${key}\' is missing: set it in cdk.json ("context") or pass -c ${key}=... (see README.md)`);',
            );
        });
        f.line('return value;');
    });
    w.blank();
    w.line('/** The context value `key` when it is set (README.md lists these optional values), else undefined. */');
    w.block('export function optionalContext(scope: Construct, key: string): string | undefined {', (f) => {
        f.line('const value: unknown = scope.node.tryGetContext(key);');
        f.line('if (value === undefined) return undefined;');
        f.block("if (typeof value !== 'string' || value.trim() === '') {", (b) => {
            b.line("throw new Error(`Context value '${key}' must be a non-empty string when set (see README.md)`);");
        });
        f.line('return value;');
    });
    w.blank();
    w.line('/**');
    w.line(
        ' * The existing VPC the optional context value `key` names, imported from its ids (no lookup, so synth stays',
    );
    w.line(
        ' * offline), or undefined when the value is not set. The value is an object, or the same as a JSON string for `-c`.',
    );
    w.line(' */');
    w.block('export function existingVpc(scope: Construct, key: string): ec2.IVpc | undefined {', (f) => {
        f.line('const raw: unknown = scope.node.tryGetContext(key);');
        f.line('if (raw === undefined) return undefined;');
        f.line(
            `const shape = 'an object {"vpcId": "vpc-…", "availabilityZones": ["…"], "subnetIds": ["subnet-…"]} with one or more subnets per zone, zone by zone (see README.md)';`,
        );
        f.line('let value: unknown = raw;');
        f.block("if (typeof raw === 'string') {", (b) => {
            b.block('try {', (t) => t.line('value = JSON.parse(raw);'), '} catch {');
            b.indented((t) => t.line("throw new Error(`Context value '${key}' is not JSON: it must be ${shape}`);"));
            b.line('}');
        });
        f.line('const v = value as { vpcId?: unknown; availabilityZones?: unknown; subnetIds?: unknown } | null;');
        f.line(
            "const strings = (list: unknown, pattern: RegExp): list is string[] => Array.isArray(list) && list.length > 0 && list.every((s) => typeof s === 'string' && pattern.test(s));",
        );
        f.block(
            "if (typeof v?.vpcId !== 'string' || !/^vpc-[0-9a-f]+$/.test(v.vpcId) || !strings(v.availabilityZones, /^[a-z0-9-]+$/) || !strings(v.subnetIds, /^subnet-[0-9a-f]+$/)) {",
            (b) => {
                b.line("throw new Error(`Context value '${key}' must be ${shape}`);");
            },
        );
        f.block('if (v.subnetIds.length % v.availabilityZones.length !== 0) {', (b) => {
            b.line(
                "throw new Error(`Context value '${key}' lists ${v.subnetIds.length} subnets for ${v.availabilityZones.length} availability zones: give the same number of subnets in every zone, zone by zone`);",
            );
        });
        f.line(
            "return ec2.Vpc.fromVpcAttributes(scope, 'ExistingVpc', { vpcId: v.vpcId, availabilityZones: v.availabilityZones, privateSubnetIds: v.subnetIds });",
        );
    });
    w.blank();
    w.line(
        '/** Adds a synth warning on `scope` while `value` is still the placeholder cdk.json was generated with. */',
    );
    w.block('export function warnIfPlaceholder(scope: Construct, key: string, value: string): void {', (f) => {
        f.block('if (PLACEHOLDERS.get(key) === value) {', (b) => {
            b.line(
                "Annotations.of(scope).addWarningV2(`mregion:placeholder:${key}`, `'${key}' is still the placeholder '${value}': replace it in cdk.json before deploying (see README.md)`);",
            );
        });
    });
    w.blank();
    w.line('/** The context value `key` for a construct in a stack, warning while it is a placeholder. */');
    w.block('export function contextValue(scope: Construct, key: string): string {', (f) => {
        f.line('const value = requireContext(scope, key);');
        f.line('warnIfPlaceholder(scope, key, value);');
        f.line('return value;');
    });
    return w.toString();
}
