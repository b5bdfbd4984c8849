// Drift between a design and what is deployed: the design's model against an ImportedDesign, for the
// declarations the exporter turns into AWS resources (DynamoDB, Aurora and S3 stores; failovers routed by DNS,
// ARC or Global Accelerator), and postgres, mysql and redis stores when the deployment has RDS read replicas or
// ElastiCache global datastores of that engine. Each finding is placed at the design's clause a user would change.
import type { FailoverM, Model, Range, StoreM } from '../language/semantics/model.js';
import { listing } from '../language/semantics/units.js';
import type { ImportedDesign, ImportedFailover, ImportedService, ImportedStore } from './design.js';
import { propRange } from '../language/semantics/source-props.js';

export type DriftCode =
    | 'drift-missing'
    | 'drift-regions'
    | 'drift-replicas'
    | 'drift-replication'
    | 'drift-health-check'
    | 'drift-ttl'
    | 'drift-route'
    | 'drift-no-health-check';

export interface DriftFinding {
    readonly code: DriftCode;
    readonly message: string;
    readonly range: Range;
}

/** Engines the exporter deploys on AWS: a design's store of these is expected in the deployment. */
const DEPLOYED_ENGINES = new Set(['dynamodb', 'aurora', 's3']);
/** Engines that run on AWS or elsewhere (RDS read replicas, ElastiCache): compared only when the deployment has one. */
const WHEN_DEPLOYED = new Set(['postgres', 'mysql', 'redis']);
const DEPLOYED_ROUTES = new Set(['dns', 'arc-routing-control', 'global-accelerator']);

export function findDrift(model: Model, deployed: ImportedDesign): DriftFinding[] {
    const findings: DriftFinding[] = [];
    const used = new Set<string>();
    // Regions a replica finding already names are not reported a second time as a region of their own.
    const explained = new Set<string>();
    const designRegions = new Set<string>();
    const deployedStores = deployed.declarations.filter((d): d is ImportedStore => d.kind === 'store');
    const deployedEngines = new Set<string>(deployedStores.map((d) => d.engine));
    for (const store of model.stores.values()) {
        const engine = store.engine ?? '';
        if (!DEPLOYED_ENGINES.has(engine) && !(WHEN_DEPLOYED.has(engine) && deployedEngines.has(engine))) continue;
        for (const r of [...store.regions, ...(store.witness !== undefined ? [store.witness] : [])])
            designRegions.add(r);
        const match = best(
            deployedStores.filter((d) => d.engine === store.engine && !used.has(d.name)),
            store.name,
            store.cell,
            store.regions,
            (d) => d.regions,
        );
        if (!match) {
            findings.push({
                code: 'drift-missing',
                message: `store ${store.id} (${store.engine}) is in none of the deployed templates`,
                range: store.source.nameRange,
            });
            continue;
        }
        used.add(match.name);
        for (const r of [...store.regions, ...match.regions])
            if (!store.regions.includes(r) || !match.regions.includes(r)) explained.add(r);
        findings.push(...storeDrift(store, match));
    }
    const services = new Map(
        deployed.declarations.filter((d): d is ImportedService => d.kind === 'service').map((s) => [s.name, s]),
    );
    const deployedFailovers = deployed.declarations.filter((d): d is ImportedFailover => d.kind === 'failover');
    for (const failover of model.failovers) {
        if (failover.target.kind !== 'service' || !failover.route || !DEPLOYED_ROUTES.has(failover.route.method))
            continue;
        const service = model.services.get(failover.target.id);
        if (!service) continue;
        const routed =
            failover.route.method === 'global-accelerator' || service.posture === 'active-active'
                ? service.regions
                : [failover.from, failover.to].filter((r): r is string => r !== undefined);
        for (const r of routed) designRegions.add(r);
        const match = best(
            deployedFailovers.filter((d) => !used.has(`failover ${d.target}`)),
            service.name,
            service.cell,
            routed,
            (d) => services.get(d.target)?.regions ?? [],
        );
        if (!match) {
            findings.push({
                code: 'drift-missing',
                message: `the failover of ${service.id} (route ${failover.route.method}) is in none of the deployed templates`,
                range: failover.source.nameRange,
            });
            continue;
        }
        used.add(`failover ${match.target}`);
        findings.push(...failoverDrift(failover, match));
    }
    findings.push(...regionDrift(model, designRegions, new Set(deployed.regions), explained));
    return findings;
}

/** The deployed declaration for a design one: by name (the exporter's per-cell names too), else by shared regions. */
function best<T extends { readonly name?: string; readonly target?: string }>(
    candidates: readonly T[],
    name: string,
    cell: string | undefined,
    regions: readonly string[],
    regionsOf: (t: T) => readonly string[],
): T | undefined {
    const names = [name, ...(cell !== undefined ? [`cell-${cell}-${name}`] : [])];
    const byName = candidates.find((c) => names.includes(c.name ?? c.target ?? ''));
    if (byName) return byName;
    let found: T | undefined;
    let most = 0;
    for (const c of candidates) {
        const shared = regionsOf(c).filter((r) => regions.includes(r)).length;
        if (shared > most) [found, most] = [c, shared];
    }
    return found;
}

function storeDrift(store: StoreM, deployed: ImportedStore): DriftFinding[] {
    const findings: DriftFinding[] = [];
    const at = (prop: string) => propRange(store.source, prop) ?? store.source.nameRange;
    const missing = store.regions.filter((r) => !deployed.regions.includes(r));
    const extra = deployed.regions.filter((r) => !store.regions.includes(r));
    if (missing.length > 0 || extra.length > 0) {
        const parts = [
            ...(missing.length > 0 ? [`declared but not deployed: ${listing(missing)}`] : []),
            ...(extra.length > 0 ? [`deployed but not declared: ${listing(extra)}`] : []),
        ];
        findings.push({
            code: 'drift-replicas',
            message: `store ${store.id}: the deployed replicas are ${listing(deployed.regions)} (${parts.join('; ')})`,
            range: at('regions'),
        });
    }
    const deployedMode = deployed.replication?.mode;
    if (deployedMode !== undefined && deployedMode !== store.replication.mode) {
        findings.push({
            code: 'drift-replication',
            message: `store ${store.id}: deployed with replication ${deployedMode}, the design says ${store.replication.mode}`,
            range: at('replication'),
        });
    }
    if (store.engine === 'dynamodb' && !deployed.witnessUnknown && deployed.witness !== store.witness) {
        findings.push({
            code: 'drift-replicas',
            message: `store ${store.id}: the deployed witness is ${deployed.witness ?? 'none'}, the design's ${store.witness ?? 'none'}`,
            range: at('witness'),
        });
    }
    return findings;
}

function failoverDrift(failover: FailoverM, deployed: ImportedFailover): DriftFinding[] {
    const findings: DriftFinding[] = [];
    const at = (...props: string[]) =>
        props.map((p) => propRange(failover.source, p)).find((r) => r !== undefined) ?? failover.source.nameRange;
    const name = failover.target.id;
    if (failover.route && failover.route.method !== deployed.route.method) {
        findings.push({
            code: 'drift-route',
            message: `failover of ${name}: deployed with route ${deployed.route.method}, the design says ${failover.route.method}`,
            range: at('route'),
        });
    }
    const designTtl =
        failover.route && 'ttlMs' in failover.route && failover.route.ttlMs !== undefined
            ? failover.route.ttlMs / 1000
            : undefined;
    if (deployed.route.ttl !== undefined && designTtl !== undefined && deployed.route.ttl !== designTtl) {
        findings.push({
            code: 'drift-ttl',
            message: `failover of ${name}: the deployed records' TTL is ${deployed.route.ttl} s, the design's ${designTtl} s`,
            range: at('ttl', 'route'),
        });
    }
    if (deployed.detect && failover.detection.method === 'health-check') {
        const interval = failover.detection.intervalMs / 1000;
        if (deployed.detect.interval !== interval) {
            findings.push({
                code: 'drift-health-check',
                message: `failover of ${name}: the deployed health checks run every ${deployed.detect.interval} s, the design's every ${interval} s`,
                range: at('interval', 'detection'),
            });
        }
        if (deployed.detect.threshold !== failover.detection.threshold) {
            findings.push({
                code: 'drift-health-check',
                message: `failover of ${name}: the deployed health checks fail after ${deployed.detect.threshold} checks, the design's after ${failover.detection.threshold}`,
                range: at('threshold', 'detection'),
            });
        }
    }
    if (deployed.uncheckedRecords.length > 0) {
        findings.push({
            code: 'drift-no-health-check',
            message: `failover of ${name}: the deployed record${deployed.uncheckedRecords.length === 1 ? '' : 's'} ${listing(deployed.uncheckedRecords)} name${deployed.uncheckedRecords.length === 1 ? 's' : ''} no health check, so Route 53 never moves traffic away on its own`,
            range: at('detection'),
        });
    }
    return findings;
}

function regionDrift(
    model: Model,
    design: ReadonlySet<string>,
    deployed: ReadonlySet<string>,
    explained: ReadonlySet<string>,
): DriftFinding[] {
    const findings: DriftFinding[] = [];
    for (const region of design) {
        if (deployed.has(region) || explained.has(region)) continue;
        const range = model.regions.get(region)?.source.nameRange;
        if (range)
            findings.push({
                code: 'drift-regions',
                message: `region ${region} is used by the design's AWS stores or routing, but nothing is deployed there`,
                range,
            });
    }
    const extra = [...deployed].filter((r) => !design.has(r) && !explained.has(r));
    if (extra.length > 0) {
        const range = model.topology?.source.nameRange ?? {
            start: { line: 0, character: 0 },
            end: { line: 0, character: 0 },
        };
        findings.push({
            code: 'drift-regions',
            message: `deployed in ${listing(extra)}, which the design's AWS stores and routing do not use`,
            range,
        });
    }
    return findings;
}
