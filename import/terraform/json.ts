// Terraform's machine-readable output (`terraform show -json` of a state or of a saved plan): the managed
// resources with their attribute values, the region each is in, and — for a plan — the configuration's
// references between resources, which stand in for the values a plan does not know until apply.
import { DeployedInputError } from '../errors.js';
import { literal, object, objects, regionOfArn } from '../values.js';

export interface TfResource {
    /** The instance address, e.g. `module.db.aws_rds_cluster.replica[0]`. */
    readonly address: string;
    /** The address without instance keys, as the configuration names it: `module.db.aws_rds_cluster.replica`. */
    readonly configAddress: string;
    /** The module part of the address with its trailing dot (`module.db.`), or empty for the root module. */
    readonly module: string;
    readonly type: string;
    readonly values: Readonly<Record<string, unknown>>;
    /** The region the resource is in: its `region` attribute, its ARN, or (plan) its provider configuration. */
    readonly region?: string;
    /** The plan's configuration expressions of the resource (absent for a state). */
    readonly expressions?: Readonly<Record<string, unknown>>;
}

/** Modules nested deeper than this are not read (a guard against a hostile file, not a real configuration). */
export const MAX_MODULE_DEPTH = 64;

export interface TfInput {
    readonly kind: 'plan' | 'state';
    readonly resources: readonly TfResource[];
}

/** `terraform show -json` output: a `format_version` and the values of a state or a plan, never `Resources`. */
export function isTerraformJson(json: unknown): boolean {
    const o = object(json);
    return (
        o !== undefined &&
        typeof o.format_version === 'string' &&
        o.Resources === undefined &&
        (o.values !== undefined || o.planned_values !== undefined || o.terraform_version !== undefined)
    );
}

export function readTerraform(json: unknown, file: string): TfInput {
    const o = object(json)!;
    const version = String(o.format_version);
    // The format promises compatible minor versions; a new major version may mean anything.
    if (!/^1(\.|$)/.test(version))
        throw new DeployedInputError(
            `'${file}' is Terraform JSON format ${version}; mregion reads format 1.x (Terraform 0.12 and later)`,
        );
    if (o.planned_values !== undefined) {
        const configuration = object(o.configuration);
        const config = configuredResources(configuration);
        const providers = object(configuration?.provider_config) ?? {};
        const variables = object(o.variables) ?? {};
        return {
            kind: 'plan',
            resources: valuesResources(object(object(o.planned_values)?.root_module)).map((r) => {
                const configured = config.get(r.configAddress);
                const region = r.region ?? providerRegion(providers, variables, configured?.providerKey);
                return {
                    ...r,
                    ...(region !== undefined ? { region } : {}),
                    ...(configured ? { expressions: configured.expressions } : {}),
                };
            }),
        };
    }
    return { kind: 'state', resources: valuesResources(object(object(o.values)?.root_module)) };
}

/** The managed resources of a values representation, child modules included. */
function valuesResources(module: Record<string, unknown> | undefined, depth = 0): TfResource[] {
    if (module === undefined || depth > MAX_MODULE_DEPTH) return [];
    const found: TfResource[] = [];
    for (const r of objects(module.resources)) {
        const address = literal(r.address);
        const type = literal(r.type);
        if (r.mode !== 'managed' || address === undefined || type === undefined) continue;
        const values = object(r.values) ?? {};
        const configAddress = address.replace(/\[[^\]]*\]/g, '');
        const region = regionAttribute(values.region) ?? regionOfArn(values.arn);
        found.push({
            address,
            configAddress,
            module: configAddress.slice(0, configAddress.length - `${type}.${literal(r.name) ?? ''}`.length),
            type,
            values,
            ...(region !== undefined ? { region } : {}),
        });
    }
    for (const child of objects(module.child_modules)) found.push(...valuesResources(child, depth + 1));
    return found;
}

interface Configured {
    readonly providerKey?: string;
    readonly expressions: Readonly<Record<string, unknown>>;
}

/** The configuration's resources by address (module path + type.name), module calls included. */
function configuredResources(configuration: Record<string, unknown> | undefined): Map<string, Configured> {
    const found = new Map<string, Configured>();
    const walk = (module: Record<string, unknown> | undefined, prefix: string, depth: number) => {
        if (module === undefined || depth > MAX_MODULE_DEPTH) return;
        for (const r of objects(module.resources)) {
            if (r.mode !== 'managed' || typeof r.type !== 'string' || typeof r.name !== 'string') continue;
            found.set(`${prefix}${r.type}.${r.name}`, {
                ...(typeof r.provider_config_key === 'string' ? { providerKey: r.provider_config_key } : {}),
                expressions: object(r.expressions) ?? {},
            });
        }
        for (const [name, call] of Object.entries(object(module.module_calls) ?? {}))
            walk(object(object(call)?.module), `${prefix}module.${name}.`, depth + 1);
    };
    walk(object(configuration?.root_module), '', 0);
    return found;
}

/** The region a provider configuration sets: a constant, or a root variable's value. */
function providerRegion(
    providers: Record<string, unknown>,
    variables: Record<string, unknown>,
    key: string | undefined,
): string | undefined {
    const expression = object(object(object(key === undefined ? undefined : providers[key])?.expressions)?.region);
    if (expression === undefined) return undefined;
    const constant = regionAttribute(expression.constant_value);
    if (constant !== undefined) return constant;
    const variable = Array.isArray(expression.references)
        ? expression.references.map(literal).find((r) => r?.startsWith('var.'))
        : undefined;
    return variable === undefined ? undefined : regionAttribute(object(variables[variable.slice(4)])?.value);
}

function regionAttribute(value: unknown): string | undefined {
    const text = literal(value);
    return text !== undefined && /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/.test(text) ? text : undefined;
}

/** The references of the configuration expression at `path` (attribute names and block indexes). */
export function referencesAt(resource: TfResource, path: readonly (string | number)[]): string[] {
    let node: unknown = resource.expressions;
    for (const step of path) {
        if (Array.isArray(node) && typeof step === 'number') node = node[step];
        else if (Array.isArray(node) && typeof step === 'string') node = object(node[0])?.[step];
        else node = object(node)?.[String(step)];
    }
    const references = object(node)?.references;
    return Array.isArray(references) ? references.map(literal).filter((r): r is string => r !== undefined) : [];
}
