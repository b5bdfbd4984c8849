// What an event in the queue is about; its `arg` names the stream, link, fault, probe, run or group. Each kind
// has one owner, the mechanism (engine/mechanisms/) whose handler the core's dispatch calls for it.
// Writes are not queued: they come from the arrival process beside the queue (arrival-process.ts).
export const EventKind = {
    /** replication.ts: a link's next tracked-key entry is due (the hot kind, tested first in the loop). */
    delivery: 1,
    /** faults.ts */
    faultStart: 2,
    faultEnd: 3,
    /** detection.ts: a health check, a detection known at its timeout, a manual detection's delay. */
    probe: 4,
    detect: 5,
    manualDetect: 6,
    /** failover.ts: an action's end, a manual route's delay. */
    actionDone: 7,
    routeDelayed: 8,
    /** routing.ts: a breakpoint of a DNS transition. */
    transition: 9,
    /** The core: a sample interval ends. */
    tick: 10,
    /** leadership.ts: an election completes. */
    election: 11,
    /** queues.ts: a Kafka store's MirrorMaker 2 consumer-offset checkpoint. */
    checkpoint: 12,
} as const;
