// Services: regions, posture, capacity and the stores they use; `per cell` services get one instance per cell.
import * as ast from '../../generated/ast.js';
import type { CellM, GlobalDependencyM, RetriesM, ServiceM, StoreM } from '../model.js';
import { GLOBAL_SERVICE_NAMES, GLOBAL_SERVICES, isGlobalServiceName } from '../facts/global-services.js';
import { closestName } from '../../util/closest.js';
import { ProblemCodes } from '../problem-codes.js';
import { isComplete } from './complete.js';
import type { BuildContext } from './context.js';
import { buildObjective } from './objectives.js';
import { refNames, reportRepeated, unique } from './regions.js';

/** `retries N [backoff D]`: N whole retries (0 allowed: says there are none), D a duration. */
function buildRetries(
    ctx: BuildContext,
    clause: ast.RetriesClause | undefined,
): { node: ast.RetriesClause; model: RetriesM } | undefined {
    if (!clause) return undefined;
    const count = ctx.quantity(clause.count, 'count', { what: 'retries', min: 0, integer: true });
    const backoffMs = clause.backoff
        ? ctx.quantity(clause.backoff, 'duration', { what: 'retry backoff', min: 0 })
        : undefined;
    if (count === undefined || (clause.backoff && backoffMs === undefined)) return undefined;
    return { node: clause, model: backoffMs === undefined ? { count } : { count, backoffMs } };
}

/** Instance ids of a store/service declaration as seen from a declaration in `cell` (or global). */
export type InstanceLookup = (declaredName: string, cell: string | undefined) => readonly string[];

export function buildServices(
    ctx: BuildContext,
    node: ast.Service,
    cells: readonly CellM[],
    storeIds: InstanceLookup,
    serviceIds: InstanceLookup,
): ServiceM[] {
    const c = node.clauses;
    const regionsClause = ctx.single(c, ast.isRegionsClause, 'regions');
    const primary = ctx.single(c, ast.isPrimaryClause, 'primary');
    const posture = ctx.single(c, ast.isPostureClause, 'posture');
    const capacity = ctx.single(c, ast.isCapacityClause, 'capacity');
    const retries = buildRetries(ctx, ctx.single(c, ast.isRetriesClause, 'retries'));
    const quotaClause = ctx.single(c, ast.isQuotaClause, 'quota');
    const quota = quotaClause ? ctx.quantity(quotaClause.share, 'percent', { what: 'quota', min: 0 }) : undefined;
    const uses = ctx.single(c, ast.isUsesClause, 'uses');
    const reads = ctx.single(c, ast.isReadsClause, 'reads');
    const dependsOn = ctx.single(c, ast.isDependsOnClause, 'depends-on');
    const globalClause = ctx.single(c, ast.isGlobalDependencyClause, 'global-dependency');
    const globalDependencies = buildGlobalDependencies(ctx, globalClause);
    const objective = buildObjective(ctx, ctx.single(c, ast.isObjectiveClause, 'objective'));

    if (node.perCell && regionsClause) {
        ctx.report(
            ProblemCodes.InapplicableProperty,
            'error',
            `a per-cell service takes its regions from each cell; remove 'regions'`,
            regionsClause,
            ctx.keywordRange(regionsClause, 'regions'),
        );
    }
    if (node.perCell && cells.length === 0) {
        ctx.report(
            ProblemCodes.PerCellWithoutCells,
            'error',
            `service ${node.name} is declared 'per cell' but the design declares no cells`,
            node,
            ctx.keywordRange(node, 'cell'),
        );
    }
    if (!node.perCell && !regionsClause) ctx.missing(node, `service ${node.name} needs 'regions' (or 'per cell')`);
    // A service calling itself adds nothing to what it depends on; read as written, its own load and shortfall
    // would count twice (once as its own, once as a dependency's).
    (dependsOn?.services ?? []).forEach((ref, i) => {
        if (ref.ref !== node) return;
        ctx.report(
            ProblemCodes.InapplicableProperty,
            'error',
            `service ${node.name} cannot depend on itself: remove '${node.name}' from its 'depends-on'`,
            dependsOn!,
            ctx.propRangeAt(dependsOn!, 'services', i),
        );
    });
    reportRepeated(ctx, regionsClause);

    const uniform = capacity?.uniform
        ? ctx.quantity(capacity.uniform, 'percent', { what: 'capacity', min: 0 })
        : undefined;
    const entries = (capacity?.entries ?? []).filter(isComplete).map((e) => ({
        node: e,
        region: e.region?.ref?.name,
        share: ctx.quantity(e.share, 'percent', { what: `capacity in ${e.region?.ref?.name ?? 'region'}`, min: 0 }),
    }));
    const source = ctx.source(node, {
        regions: regionsClause,
        primary,
        posture,
        capacity,
        retries: retries?.node,
        quota: quotaClause,
        uses,
        reads,
        dependsOn,
        globalDependencies: globalClause,
        objective: objective ? objective.source.range : undefined,
        perCell: node.perCell ? ctx.keywordRange(node, 'per') : undefined,
    });

    const instance = (regions: readonly string[], cell: CellM | undefined): ServiceM => {
        const where = cell ? ` in cell ${cell.name}` : '';
        const multiRegion = regions.length > 1;
        if (multiRegion && !posture) {
            ctx.once(node, 'posture', () =>
                ctx.missing(
                    node,
                    `service ${node.name} runs in ${regions.length} regions: declare its 'posture' (active-active, active-passive, warm-standby, pilot-light, backup-restore)`,
                ),
            );
        }
        const declaredPrimary = primary?.region?.ref?.name;
        if (declaredPrimary && !regions.includes(declaredPrimary)) {
            ctx.once(node, `primary${where}`, () =>
                ctx.report(
                    ProblemCodes.ValueOutOfRange,
                    'error',
                    `primary ${declaredPrimary} is not one of the service's regions${where} (${regions.join(', ')})`,
                    primary!,
                    'region',
                ),
            );
        }
        const postureValue = posture?.posture;
        const primaryRegion =
            postureValue === 'active-active'
                ? undefined
                : declaredPrimary && regions.includes(declaredPrimary)
                  ? declaredPrimary
                  : regions[0];
        let capacityMap: Record<string, number> | undefined;
        if (uniform !== undefined) capacityMap = Object.fromEntries(regions.map((r) => [r, uniform]));
        else if (entries.length > 0) {
            capacityMap = {};
            for (const e of entries) {
                if (e.region === undefined || e.share === undefined) continue;
                if (!regions.includes(e.region)) {
                    ctx.once(e.node, `capacity${where}`, () =>
                        ctx.report(
                            ProblemCodes.ValueOutOfRange,
                            'error',
                            `${e.region} is not one of the service's regions${where}`,
                            e.node,
                            'region',
                        ),
                    );
                    continue;
                }
                capacityMap[e.region] = e.share;
            }
        }
        const cellName = cell?.name;
        return {
            kind: 'service',
            id: cell ? `${node.name}@${cell.name}` : node.name,
            name: node.name,
            cell: cellName,
            regions,
            primary: primaryRegion,
            posture: postureValue,
            capacity: capacityMap,
            ...(retries ? { retries: retries.model } : {}),
            ...(quota !== undefined ? { quota } : {}),
            uses: unique(refNames(uses?.stores).flatMap((s) => storeIds(s, cellName))),
            reads: unique(refNames(reads?.stores).flatMap((s) => storeIds(s, cellName))),
            dependsOn: unique(
                refNames(dependsOn?.services?.filter((ref) => ref.ref !== node)).flatMap((s) =>
                    serviceIds(s, cellName),
                ),
            ),
            globalDependencies,
            objective,
            source,
        };
    };

    const declaredRegions = unique(refNames(regionsClause?.regions));
    if (!node.perCell || cells.length === 0) return [instance(declaredRegions, undefined)];
    return cells.map((cell) => instance(cell.regions, cell));
}

/**
 * The names of `global-dependency`, each with its home from the facts table. An unknown name is an error with the
 * nearest known one (never a guessed home); a name written twice is reported once and kept once.
 */
function buildGlobalDependencies(
    ctx: BuildContext,
    clause: ast.GlobalDependencyClause | undefined,
): GlobalDependencyM[] {
    if (!clause) return [];
    const result: GlobalDependencyM[] = [];
    clause.services.forEach((name, i) => {
        const range = ctx.propRangeAt(clause, 'services', i);
        if (!isGlobalServiceName(name)) {
            const guess = closestName(name, GLOBAL_SERVICE_NAMES);
            ctx.report(
                ProblemCodes.UnknownGlobalService,
                'error',
                `'${name}' is not a provider-global service mregion knows the home of` +
                    (guess ? ` — did you mean '${guess}'?` : '') +
                    ` (known: ${GLOBAL_SERVICE_NAMES.join(', ')})`,
                clause,
                range,
                guess ? { replacement: guess } : undefined,
            );
            return;
        }
        if (result.some((d) => d.name === name)) {
            ctx.report(ProblemCodes.DuplicateName, 'error', `'${name}' is already listed; keep one`, clause, range);
            return;
        }
        const home = GLOBAL_SERVICES[name].home.value;
        result.push(home === undefined ? { name, range } : { name, home, range });
    });
    return result;
}

export type { StoreM };
