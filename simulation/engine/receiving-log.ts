// Which write log a write acknowledged in a region joins: read by a write in full (mechanisms/replication.ts,
// `appendWrite`) and by the steady path when it works out a stream's logs (steady-writes.ts), so the two agree.
import type { WriteLog } from '../replication.js';
import type { RunState } from './context.js';

/**
 * The log of store `s`'s replica in `location`, or undefined: no log there (a store that does not replicate
 * asynchronously), or an unfenced old primary, whose writes go nowhere (the new primary does not replicate
 * from it).
 */
export function receivingLog(run: RunState, s: number, location: number): WriteLog | undefined {
    const log = run.logIn[s]![location];
    return log === undefined || location === run.storeRouting[s]!.stalePrimary ? undefined : log;
}
