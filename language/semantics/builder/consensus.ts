// Leadership of a consensus store: its leader (Spanner's default leader, CockroachDB's home region), its locality
// (CockroachDB only) and its survival goal, with the problems of each clause and the defaults the facts document.
import type * as ast from '../../generated/ast.js';
import { CONSENSUS, CONSENSUS_ENGINES_WITH_LOCALITY } from '../facts/defaults.js';
import type { ConsensusM, Engine, Locality, Range, ReplicationMode, Source, SurvivalGoal } from '../model.js';
import { ProblemCodes } from '../problem-codes.js';
import { listing } from '../units.js';
import { factRef } from '../facts/citation.js';
import type { BuildContext } from './context.js';
import { itemAt } from '../../util/item-at.js';
import { DECLARED, defaultFrom } from './provenance.js';
import { propRange } from '../source-props.js';

/** Quick fixes offered for a leader outside the store's regions: one per region, up to this many. */
const MAX_LEADER_FIXES = 5;

interface ConsensusDecl {
    readonly name: string;
    readonly perCell: boolean;
    readonly engine?: Engine;
    readonly replicas?: number;
    readonly leader?: string;
    readonly locality?: Locality;
    readonly survive?: SurvivalGoal;
    /** `writes primary <region>` as declared: the leader when none is declared. */
    readonly writesPrimary?: string;
    readonly source: Source;
}

/** The consensus part of one store instance (`where` names its cell), or undefined when it does not replicate by consensus. */
export function resolveConsensus(
    ctx: BuildContext,
    node: ast.Store,
    decl: ConsensusDecl,
    mode: ReplicationMode,
    regions: readonly string[],
    where: string,
): ConsensusM | undefined {
    if (mode !== 'consensus') {
        for (const keyword of ['leader', 'locality', 'survive'] as const) {
            const range = propRange(decl.source, keyword);
            if (range) {
                ctx.once(node, `${keyword}-inapplicable`, () =>
                    ctx.report(
                        ProblemCodes.InapplicableProperty,
                        'error',
                        `'${keyword}' applies to consensus stores ('replication consensus'); store ${decl.name} replicates by ${mode}`,
                        node,
                        range,
                    ),
                );
            }
        }
        return undefined;
    }
    if (regions.length === 0) return undefined;
    const leader = resolveLeader(ctx, node, decl, regions, where);
    const locality = resolveLocality(ctx, node, decl);
    if (decl.survive !== undefined) checkSurvival(ctx, node, decl, decl.survive, regions, where);
    return {
        ...leader,
        ...locality,
        ...(decl.survive !== undefined ? { survive: decl.survive } : {}),
    };
}

function resolveLeader(
    ctx: BuildContext,
    node: ast.Store,
    decl: ConsensusDecl,
    regions: readonly string[],
    where: string,
): Pick<ConsensusM, 'leader' | 'leaderProvenance'> {
    const first = itemAt(regions, 0, 'regions of a consensus store');
    if (decl.leader !== undefined) {
        if (regions.includes(decl.leader)) return { leader: decl.leader, leaderProvenance: DECLARED };
        const range = propRange(decl.source, 'leader')!;
        const uri = decl.source.uri;
        const nameRange: Range = {
            start: { line: range.end.line, character: range.end.character - decl.leader.length },
            end: range.end,
        };
        ctx.once(node, `leader${where}`, () =>
            ctx.report(
                ProblemCodes.ValueOutOfRange,
                'error',
                `leader ${decl.leader} is not one of the store's regions${where} (${listing(regions)}): a leader is elected among the voting replicas`,
                node,
                range,
                {
                    fixes: regions.slice(0, MAX_LEADER_FIXES).map((r, i) => ({
                        title: `Lead from ${r}`,
                        preferred: i === 0,
                        edits: [{ kind: 'replace', uri, range: nameRange, text: r }],
                    })),
                },
            ),
        );
        return {
            leader: first,
            leaderProvenance: {
                kind: 'derived',
                from: `leader ${decl.leader} is not a region of the store: its first region`,
            },
        };
    }
    if (decl.writesPrimary !== undefined && regions.includes(decl.writesPrimary)) {
        return {
            leader: decl.writesPrimary,
            leaderProvenance: { kind: 'derived', from: `writes primary ${decl.writesPrimary}` },
        };
    }
    // A per-cell store has other regions in each cell, so no one `leader` clause could name them all: each cell
    // leads from its first region, as the provenance says, without a warning.
    if (regions.length > 1 && !decl.perCell) {
        ctx.once(node, 'leader-missing', () =>
            ctx.report(
                ProblemCodes.MissingProperty,
                'warning',
                `store ${decl.name} replicates by consensus over ${regions.length} regions but declares no 'leader': assuming ${first}, its first region. ` +
                    `${leaderRole(decl.engine)}; every write from another region pays its round trip to the leader (${factRef(decl.engine === 'spanner' ? 'spanner-multi-region' : 'cockroachdb-multi-region')})`,
                node,
                'name',
                {
                    fixes: [
                        {
                            title: `Declare 'leader ${first}'`,
                            preferred: true,
                            edits: [
                                {
                                    kind: 'insert-clause',
                                    uri: decl.source.uri,
                                    block: decl.source.range,
                                    text: `leader ${first}`,
                                },
                            ],
                        },
                    ],
                },
            ),
        );
    }
    const assumed = decl.perCell
        ? 'no leader declared: the first region of the cell'
        : 'no leader declared: assumed the first region';
    return {
        leader: first,
        leaderProvenance: { kind: 'derived', from: regions.length > 1 ? assumed : 'a single region' },
    };
}

function leaderRole(engine: Engine | undefined): string {
    switch (engine) {
        case 'spanner':
            return 'Spanner commits read-write transactions in the default leader region';
        case 'cockroachdb':
            return "CockroachDB homes REGIONAL BY TABLE tables (the default locality) in the database's primary region";
        default:
            return 'A consensus group orders writes at its leader';
    }
}

function resolveLocality(
    ctx: BuildContext,
    node: ast.Store,
    decl: ConsensusDecl,
): Pick<ConsensusM, 'locality' | 'localityProvenance'> {
    const supported = decl.engine !== undefined && CONSENSUS_ENGINES_WITH_LOCALITY.has(decl.engine);
    if (decl.locality !== undefined) {
        if (supported) return { locality: decl.locality, localityProvenance: DECLARED };
        ctx.once(node, 'locality-engine', () =>
            ctx.report(
                ProblemCodes.InapplicableProperty,
                'error',
                `'locality' is a CockroachDB table locality; store ${decl.name} runs on ${decl.engine ?? 'an undeclared engine'}: remove it, or declare 'engine cockroachdb'`,
                node,
                propRange(decl.source, 'locality'),
            ),
        );
        return {};
    }
    if (!supported) return {};
    return {
        locality: CONSENSUS.defaultLocality.value,
        localityProvenance: defaultFrom(CONSENSUS.defaultLocality.source),
    };
}

function checkSurvival(
    ctx: BuildContext,
    node: ast.Store,
    decl: ConsensusDecl,
    goal: SurvivalGoal,
    regions: readonly string[],
    where: string,
): void {
    const min = CONSENSUS.minRegionsForRegionSurvival;
    if (goal === 'region' && regions.length < min.value) {
        ctx.once(node, `survive${where}`, () =>
            ctx.report(
                ProblemCodes.ValueOutOfRange,
                'error',
                `'survive region' needs at least ${min.value} regions${where}, the store has ${regions.length} (${min.source})`,
                node,
                propRange(decl.source, 'survive'),
            ),
        );
    }
    if (decl.replicas !== undefined) {
        const voters = goal === 'zone' ? CONSENSUS.zoneSurvivalVoters.value : CONSENSUS.regionSurvivalVoters.value;
        ctx.once(node, 'survive-replicas', () =>
            ctx.report(
                ProblemCodes.InapplicableProperty,
                'error',
                `'survive ${goal}' places the voting replicas itself (${voters}); remove 'replicas'`,
                node,
                propRange(decl.source, 'replicas'),
            ),
        );
    }
}
