// The one registry table of design rules: code → rule. Keyed by code so a rule missing from the catalog (or a
// catalog row without a rule) is a compile error.
import type { RuleCode } from './catalog.js';
import { backupRules } from './backup-rules.js';
import { capacityRules } from './capacity-rules.js';
import { cellRules } from './cell-rules.js';
import { conflictRules } from './conflict-rules.js';
import { consistencyRules } from './consistency-rules.js';
import { costRules } from './cost-rules.js';
import { drainRules } from './drain-rules.js';
import { failoverRules } from './failover-rules.js';
import { globalDependencyRules } from './global-dependency-rules.js';
import { latencyRules } from './latency-rules.js';
import { queueRules } from './queue-rules.js';
import { recoveryRules } from './recovery-rules.js';
import { residencyRules } from './residency-rules.js';
import type { Rule } from './rule.js';

export const RULE_REGISTRY: Readonly<Record<RuleCode, Rule>> = {
    'lww-on-shared-state': conflictRules.lwwOnSharedState,
    'crdt-cannot-keep-invariant': conflictRules.crdtCannotKeepInvariant,
    'crdt-shape-mismatch': conflictRules.crdtShapeMismatch,
    'strong-needs-sync': consistencyRules.strongNeedsSync,
    'mrsc-three-regions': consistencyRules.mrscThreeRegions,
    'strong-distance-limit': consistencyRules.strongDistanceLimit,
    'consensus-quorum-survival': consistencyRules.consensusQuorumSurvival,
    'write-latency-budget': latencyRules.writeLatencyBudget,
    'rpo-unachievable': recoveryRules.rpoUnachievable,
    'rto-unachievable': recoveryRules.rtoUnachievable,
    'control-plane-failover': failoverRules.controlPlaneFailover,
    'request-path-control-plane': globalDependencyRules.requestPathControlPlane,
    'dns-ttl-too-long': failoverRules.dnsTtlTooLong,
    'failover-never-rehearsed': failoverRules.failoverNeverRehearsed,
    'single-region-spof': capacityRules.singleRegionSpof,
    'residency-violation': residencyRules.residencyViolation,
    'cross-cell-write': cellRules.crossCellWrite,
    'standby-capacity': capacityRules.standbyCapacity,
    'home-region-unrouted': failoverRules.homeRegionUnrouted,
    'egress-cost': costRules.egressCost,
    'unknown-latency': latencyRules.unknownLatency,
    'health-check-interval': failoverRules.healthCheckInterval,
    'catch-up-undeclared': drainRules.catchUpUndeclared,
    'no-backup': backupRules.noBackup,
    'backup-same-region': backupRules.backupSameRegion,
    'restore-exceeds-rto': backupRules.restoreExceedsRto,
    'queue-not-replicated': queueRules.queueNotReplicated,
    'consumer-failover-duplicates': queueRules.consumerFailoverDuplicates,
};

/** The rules in catalog order. */
export function allRules(): Rule[] {
    return Object.values(RULE_REGISTRY);
}
