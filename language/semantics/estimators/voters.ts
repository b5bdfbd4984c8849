// Where a store's voting replicas sit, for quorum latency (write-latency-budget) and quorum survival
// (consensus-quorum-survival). Pure: reads the semantic model only.
import { CONSENSUS } from '../facts/defaults.js';
import type { StoreM } from '../model.js';
import { itemAt } from '../../util/item-at.js';

export interface Voter {
    readonly region: string;
    /** A witness votes (and keeps the replication log) but serves no reads (docs/facts.md#dynamodb-mrsc-region-sets, docs/facts.md#spanner-multi-region). */
    readonly witness: boolean;
}

/** What voter placement depends on. */
export type VoterLayout = Pick<StoreM, 'regions' | 'replicas' | 'witness' | 'consensus'>;

/**
 * The voting members of a store whose ranges are homed in `home` (the leader unless a regional-by-row row lives
 * elsewhere):
 * - `survive zone`: 3 voters in the home region (docs/facts.md#cockroachdb-zone-survival, CockroachDB's default goal);
 * - `survive region`: 2 in the home region and the other 3 spread round-robin over the other regions
 *   (docs/facts.md#cockroachdb-region-survival);
 * - otherwise its `replicas` spread round-robin over its regions (so `replicas 4` over two regions is two per
 *   region, as in Spanner's two read-write regions, docs/facts.md#spanner-multi-region);
 * plus the witness.
 */
export function votersOf(store: VoterLayout, home: string | undefined = store.consensus?.leader): Voter[] {
    const voters: Voter[] = [];
    const survive = store.consensus?.survive;
    if (survive !== undefined && home !== undefined) {
        const total = survive === 'zone' ? CONSENSUS.zoneSurvivalVoters.value : CONSENSUS.regionSurvivalVoters.value;
        const atHome = survive === 'zone' ? total : CONSENSUS.regionSurvivalHomeVoters.value;
        const others = store.regions.filter((r) => r !== home);
        for (let i = 0; i < total; i++) {
            const region = i < atHome ? home : (others[(i - atHome) % others.length] ?? home);
            voters.push({ region, witness: false });
        }
    } else if (store.regions.length > 0) {
        for (let i = 0; i < store.replicas; i++)
            voters.push({ region: itemAt(store.regions, i % store.regions.length, 'store region'), witness: false });
    }
    if (store.witness !== undefined) voters.push({ region: store.witness, witness: true });
    return voters;
}

/** Voters per region, in the order the regions first appear. */
export function votersByRegion(store: StoreM): ReadonlyMap<string, number> {
    const counts = new Map<string, number>();
    for (const v of votersOf(store)) counts.set(v.region, (counts.get(v.region) ?? 0) + 1);
    return counts;
}

/** The quorum a consensus store needs: declared, or a majority of its voters. */
export function quorumOf(store: StoreM): number {
    const voters = votersOf(store).length;
    return store.replication.quorum ?? Math.floor(voters / 2) + 1;
}

export interface RegionLossSurvival {
    /** The region whose loss is considered. */
    readonly region: string;
    readonly votersLeft: number;
    readonly voters: number;
    readonly quorum: number;
    readonly survives: boolean;
}

/** For each region holding a voter: how many voters remain when it fails, and whether a quorum still forms. */
export function regionLossSurvival(store: StoreM): RegionLossSurvival[] {
    const byRegion = votersByRegion(store);
    const voters = votersOf(store).length;
    const quorum = quorumOf(store);
    return [...byRegion.entries()].map(([region, count]) => ({
        region,
        votersLeft: voters - count,
        voters,
        quorum,
        survives: voters - count >= quorum,
    }));
}
