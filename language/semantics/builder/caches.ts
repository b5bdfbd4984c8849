// `caches <store> hit-rate H warm-up W` on a cache store: only redis and memcached are caches; the backing store
// is another store; H is a share, W a duration (0 for a cache kept warm everywhere). Nothing is defaulted.
import type * as ast from '../../generated/ast.js';
import type { CellM, Engine } from '../model.js';
import { ProblemCodes } from '../problem-codes.js';
import type { BuildContext } from './context.js';

const CACHE_ENGINES: readonly Engine[] = ['redis', 'memcached'];

export interface CachesDecl {
    /** The backing store's declared name, and whether it has one instance per cell. */
    readonly store: string;
    readonly perCell: boolean;
    readonly hitRate: number;
    readonly warmUpMs: number;
}

export function readCaches(
    ctx: BuildContext,
    node: ast.Store,
    clause: ast.CachesClause | undefined,
    engine: Engine | undefined,
): CachesDecl | undefined {
    if (!clause) return undefined;
    if (engine !== undefined && !CACHE_ENGINES.includes(engine)) {
        ctx.report(
            ProblemCodes.InapplicableProperty,
            'error',
            `'caches' applies to a cache (engine redis or memcached); store ${node.name} is ${engine}`,
            clause,
            ctx.keywordRange(clause, 'caches'),
        );
        return undefined;
    }
    const target = clause.store?.ref;
    if (target === node) {
        ctx.report(
            ProblemCodes.InapplicableProperty,
            'error',
            `store ${node.name} cannot cache itself: name the store it is in front of`,
            clause,
            'store',
        );
        return undefined;
    }
    const hitRate = ctx.quantity(clause.hitRate, 'percent', { what: 'cache hit rate', min: 0, max: 1 });
    const warmUpMs = ctx.quantity(clause.warmUp, 'duration', { what: 'cache warm-up', min: 0 });
    if (!target || hitRate === undefined || warmUpMs === undefined) return undefined;
    return { store: target.name, perCell: target.perCell, hitRate, warmUpMs };
}

/** The backing store's instance seen from the cache's instance in `cell`. */
export function cachesInstance(decl: CachesDecl, cell: CellM | undefined) {
    const { store, hitRate, warmUpMs } = decl;
    return { store: decl.perCell && cell ? `${store}@${cell.name}` : store, hitRate, warmUpMs };
}
