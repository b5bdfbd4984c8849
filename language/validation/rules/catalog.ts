// The rule catalog: one row per design rule. The checker, the settings schema in
// package.json, SARIF rule metadata and docs/rules/ all read this table, so a code or a title is written once.
import type { Severity } from '../../semantics/model.js';

export type RuleCategory =
    'conflicts' | 'consistency' | 'latency' | 'recovery' | 'failover' | 'availability' | 'residency' | 'cells' | 'cost';

export interface RuleInfo {
    readonly code: RuleCode;
    readonly severity: Severity;
    readonly category: RuleCategory;
    /** A few words, for settings and SARIF `name`. */
    readonly title: string;
    /** One sentence: when it fires. */
    readonly description: string;
    /** One sentence: how to fix it. */
    readonly fix: string;
    /** Quick fixes the editor offers (besides suppression), for docs and the README index. */
    readonly quickFixes: readonly string[];
}

export const RULE_CODES = [
    'lww-on-shared-state',
    'crdt-cannot-keep-invariant',
    'crdt-shape-mismatch',
    'strong-needs-sync',
    'mrsc-three-regions',
    'strong-distance-limit',
    'consensus-quorum-survival',
    'write-latency-budget',
    'rpo-unachievable',
    'rto-unachievable',
    'control-plane-failover',
    'request-path-control-plane',
    'dns-ttl-too-long',
    'failover-never-rehearsed',
    'single-region-spof',
    'residency-violation',
    'cross-cell-write',
    'standby-capacity',
    'home-region-unrouted',
    'egress-cost',
    'unknown-latency',
    // Beyond the floor of rules.md: a real flaw the model shows.
    'health-check-interval',
    'catch-up-undeclared',
    'no-backup',
    'backup-same-region',
    'restore-exceeds-rto',
    'queue-not-replicated',
    'consumer-failover-duplicates',
] as const;

export type RuleCode = (typeof RULE_CODES)[number];

const row = (
    code: RuleCode,
    severity: Severity,
    category: RuleCategory,
    title: string,
    description: string,
    fix: string,
    quickFixes: readonly string[] = [],
): RuleInfo => ({ code, severity, category, title, description, fix, quickFixes });

export const RULES: Readonly<Record<RuleCode, RuleInfo>> = {
    'lww-on-shared-state': row(
        'lww-on-shared-state',
        'warning',
        'conflicts',
        'Last-write-wins on shared state',
        'A store holds shared data, accepts writes in two or more regions and resolves conflicts by last-write-wins, so concurrent writes are discarded silently; an error when the store also declares an invariant.',
        'Route writes to a home region, use a CRDT that fits the shape, or use consensus.',
        ['route writes to a home region', 'use the CRDT that fits the shape', 'use consensus'],
    ),
    'crdt-cannot-keep-invariant': row(
        'crdt-cannot-keep-invariant',
        'error',
        'conflicts',
        'Invariant without coordination',
        'A store declares a unique, non-negative or references invariant but lets several regions write and resolves conflicts by a CRDT, last-write-wins or vector clocks, none of which can keep it.',
        'Use consensus for the data the invariant covers; for a non-negative counter, a bounded (escrow) counter.',
        ['use consensus', 'use a bounded counter (non-negative counters)'],
    ),
    'crdt-shape-mismatch': row(
        'crdt-shape-mismatch',
        'error',
        'conflicts',
        'CRDT does not fit the data shape',
        'The named CRDT does not fit the declared shape (a counter CRDT on a set, a set CRDT on a register…).',
        'Use the CRDT that fits the shape.',
        ['use the CRDT that fits the shape'],
    ),
    'strong-needs-sync': row(
        'strong-needs-sync',
        'error',
        'consistency',
        'Strong consistency over asynchronous replication',
        'A store claims strong consistency across regions but replicates asynchronously, or uses an engine that only replicates asynchronously across regions (Aurora Global, Cassandra, Workers KV).',
        'Declare the consistency the engine gives, or replicate synchronously / by consensus.',
        ['declare the consistency the engine gives', 'replicate synchronously'],
    ),
    'mrsc-three-regions': row(
        'mrsc-three-regions',
        'error',
        'consistency',
        'DynamoDB MRSC topology',
        'DynamoDB with multi-region strong consistency must span exactly three regions of one allowed set and cannot use TTL, local secondary indexes or transactions.',
        'Use exactly three regions (or two and a witness) from one MRSC region set, and drop the unsupported features.',
    ),
    'strong-distance-limit': row(
        'strong-distance-limit',
        'error',
        'consistency',
        'Cosmos DB strong consistency too far apart',
        'Cosmos DB strong consistency across regions more than 8,000 km apart, or with several write regions.',
        'Use bounded staleness, drop the far region, or write in one region.',
        ['use bounded staleness', 'drop the far region', 'write in one region'],
    ),
    'consensus-quorum-survival': row(
        'consensus-quorum-survival',
        'error',
        'consistency',
        'Consensus cannot survive a region loss',
        'A consensus store cannot keep a quorum when one of its regions fails.',
        'Add a third region or a witness so any one region can fail.',
        ['add a witness region', 'add a third region'],
    ),
    'write-latency-budget': row(
        'write-latency-budget',
        'warning',
        'latency',
        'Write latency over budget',
        'The quorum round trip of a synchronously replicated or consensus store exceeds the write-latency objective of a service that writes it.',
        'Move the quorum closer, relax the objective, or write to a home region.',
        ['relax the objective to the estimate'],
    ),
    'rpo-unachievable': row(
        'rpo-unachievable',
        'error',
        'recovery',
        'RPO objective unachievable',
        "An RPO objective is below what the store's replication can give (async lag, backup interval; RPO 0 needs sync or consensus).",
        'Replicate synchronously or by consensus, shorten the lag or backup interval, or relax the objective.',
    ),
    'rto-unachievable': row(
        'rto-unachievable',
        'error',
        'recovery',
        'RTO objective unachievable',
        'An RTO objective is below the estimated failover time: detection + routing + actions, floored by the DR tier.',
        'Detect faster, route with anycast or ARC instead of DNS, or pre-provision capacity.',
        ['faster detection', 'route with ARC routing control', 'pre-provision capacity (warm standby)'],
    ),
    'control-plane-failover': row(
        'control-plane-failover',
        'warning',
        'failover',
        'Failover depends on a control plane',
        'A failover action needs a control plane (editing DNS, launching or scaling capacity, promoting through a management API, console steps); an error when that control plane is homed in a region the failover protects against.',
        'Use health-check-driven routing or ARC routing controls, and pre-provisioned capacity.',
        ['use health-check-driven DNS failover', 'use an ARC routing control', 'pre-provision capacity'],
    ),
    'request-path-control-plane': row(
        'request-path-control-plane',
        'warning',
        'availability',
        'Request path depends on a control plane in one region',
        "A service's requests call a provider-global service (`global-dependency`) whose control plane is homed in a region other than the only one the service runs in, so that region's impairment takes the service down everywhere; an error when a failover of the service protects against that very region.",
        'Take the call off the request path: use the regional endpoint (STS), create resources ahead of time, or rely on the data plane.',
    ),
    'dns-ttl-too-long': row(
        'dns-ttl-too-long',
        'warning',
        'failover',
        'DNS failover TTL too long',
        'A DNS failover route has a TTL above 60 s.',
        'Set the TTL to 60 s.',
        ['set TTL 60s'],
    ),
    'failover-never-rehearsed': row(
        'failover-never-rehearsed',
        'warning',
        'failover',
        'Failover never rehearsed',
        'A failover has no drill, or drills further apart than 90 days.',
        'Rehearse it: add `drill every 30d`.',
        ['add drill every 30d'],
    ),
    'single-region-spof': row(
        'single-region-spof',
        'warning',
        'availability',
        'Single-region point of failure',
        'A service or store runs in one region although its availability objective is at least 99.95 % or a multi-region service depends on it.',
        'Run it in a second region, or lower the objective to what one region gives.',
    ),
    'residency-violation': row(
        'residency-violation',
        'error',
        'residency',
        'Data outside its jurisdiction',
        "Data with a residency (its own or its cell's) has a replica in, or is written from, a region of another jurisdiction; a warning for adequacy destinations (UK, CH) and US regions for EU data.",
        'Remove the region, or split the data into one cell per jurisdiction.',
        ['remove the region'],
    ),
    'cross-cell-write': row(
        'cross-cell-write',
        'warning',
        'cells',
        'Write across a cell boundary',
        "A per-cell service writes a store outside its cell or a global store, so one cell's failure reaches the others.",
        'Make the store per cell.',
        ['make the store per cell'],
    ),
    'standby-capacity': row(
        'standby-capacity',
        'warning',
        'availability',
        'Not enough capacity after a region loss',
        "After losing its largest region, the remaining regions' declared capacity cannot carry the load (and no failover action adds capacity).",
        'Raise capacity, add a region, or declare the action that launches capacity.',
        ['raise capacity'],
    ),
    'home-region-unrouted': row(
        'home-region-unrouted',
        'warning',
        'failover',
        "Home-region writes with no plan for the home region's loss",
        "A store writes each key in its home region, but no failover says where a home region's users write while it is down.",
        'Add a re-homing action, or accept the outage explicitly.',
        ['add a rehome action', 'accept the outage explicitly'],
    ),
    'egress-cost': row(
        'egress-cost',
        'warning',
        'cost',
        'Replication egress over the cost objective',
        'The estimated monthly cross-region replication cost (workload writes × item size × replicas × price) exceeds a cost objective.',
        'Replicate to fewer regions, shrink the items, or raise the objective.',
    ),
    'unknown-latency': row(
        'unknown-latency',
        'info',
        'latency',
        'No RTT between regions that must talk',
        'Two regions that must talk (replicas of one store, a failover pair) have no link, no RTT in the built-in table and no location for a distance estimate, so latency rules skip them.',
        "Declare a link with a measured RTT, or the regions' locations.",
    ),
    'health-check-interval': row(
        'health-check-interval',
        'warning',
        'failover',
        'Health-check interval AWS does not offer',
        'A failover of a design on AWS detects failures with health checks at an interval Route 53 and Global Accelerator do not offer (they check every 10 s or 30 s), so its detection time is not the one the design assumes.',
        'Use a 10 s or 30 s interval.',
        ['use the nearest interval AWS offers'],
    ),
    'catch-up-undeclared': row(
        'catch-up-undeclared',
        'info',
        'recovery',
        'Backlog drain rate not declared',
        'An asynchronous store whose scenarios heal a partition or an outage between its replicas declares no catch-up rate, so the simulation delivers the backlog at once and its drain time is a lower bound.',
        "Declare how fast the store's replication applies a backlog: `catch-up <writes>/s` or a throughput.",
    ),
    'no-backup': row(
        'no-backup',
        'info',
        'recovery',
        'No backup outside the replication path',
        'A store held to an RPO objective (its own or that of a service using it), or corrupted by a scenario, keeps no backup, so a corruption that replicates to every replica leaves no clean copy.',
        'Declare `backup every <interval> to <another region>`, with `pitr` where the engine offers it.',
    ),
    'backup-same-region': row(
        'backup-same-region',
        'warning',
        'recovery',
        'Backups in the region of the only replica',
        'A store in one region keeps its backups in that same region, so losing the region loses the data and its backups together.',
        'Keep the backups in another region: `backup every <interval> to <other region>`.',
    ),
    'restore-exceeds-rto': row(
        'restore-exceeds-rto',
        'warning',
        'recovery',
        'Restore slower than the RTO',
        'Restoring a backed-up store (its size ÷ its declared restore throughput) takes longer than the RTO of the store or of a service using it; an info when the size or the restore throughput is not declared, so the restore time cannot be worked out.',
        'Restore faster (a smaller store, a faster restore path, a warm copy outside the replication path) or accept a longer RTO for corruption.',
    ),
    'queue-not-replicated': row(
        'queue-not-replicated',
        'warning',
        'recovery',
        'Queue without cross-region replication on a multi-region path',
        'A service that runs in several regions (or fails over) with an RPO objective uses a queue or stream that is not replicated across regions (SQS, Kinesis, or `replication none`), so the messages in a failed region are stranded there until it returns.',
        'Publish to a queue in a second region as well and declare that copy as `replication async lag …`, or accept the stranded messages in the RPO objective.',
    ),
    'consumer-failover-duplicates': row(
        'consumer-failover-duplicates',
        'warning',
        'failover',
        'Consumers re-read messages after a Kafka failover',
        'A service that moves between regions consumes a Kafka topic mirrored by MirrorMaker 2 without `consumers idempotent`: after a failover it resumes from the last offset checkpoint and is delivered again what it consumed since; an error when the store declares a unique invariant.',
        'Make the consumers idempotent (deduplicate on a message key) and declare `consumers idempotent`.',
    ),
};

export function isRuleCode(code: string): code is RuleCode {
    return Object.prototype.hasOwnProperty.call(RULES, code);
}

/** Diagnostics about the checker and its configuration rather than the design. */
export const CheckerCodes = {
    RuleFailed: 'rule-failed',
    InvalidSuppression: 'invalid-suppression',
    UnusedSuppression: 'unused-suppression',
    InvalidConfig: 'invalid-config',
    TooManyProblems: 'too-many-problems',
} as const;

export const CHECKER_CODE_DESCRIPTIONS: Readonly<Record<(typeof CheckerCodes)[keyof typeof CheckerCodes], string>> = {
    'rule-failed':
        'A design rule failed while checking this file; its findings are missing. Please report it with the file.',
    'invalid-suppression':
        'An mregion-ignore comment without a reason, naming an unknown rule, or not directly above a declaration.',
    'unused-suppression': 'An mregion-ignore comment that suppresses nothing.',
    'invalid-config': 'A rule setting (VS Code settings or .mregion.json) with an unknown rule code or severity.',
    'too-many-problems': 'The editor shows the first 1,000 problems of a file; `mregion check` reports all of them.',
};

const CHECKER_CODE_SET: ReadonlySet<string> = new Set(Object.values(CheckerCodes));

/**
 * Whether an error with this code keeps a design from being simulated: syntax, linking and model errors leave
 * the model incomplete, so a run would be a guess. Design-rule findings and the checker's own notes do not block
 * (the simulation shows what a flagged flaw costs). The server, the CLI and the fuzz run all ask this one place.
 */
export function blocksSimulation(code: string): boolean {
    return !isRuleCode(code) && !CHECKER_CODE_SET.has(code);
}
