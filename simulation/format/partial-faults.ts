// The sentences the text and Markdown reports share about partial faults (degrade, fail): what each reached
// in its region through the dependencies, and whether the health checks watching it noticed, and when.
import type { PartialFaultReport, SimulationReport } from '../report.js';
import { formatDuration } from '../../format/quantities.js';

/** One line per partial fault: "degrade of … at 10 m reached checkout, refunds; deep checks of checkout noticed after 2 m 17 s; …". */
export function partialFaultLines(r: SimulationReport): string[] {
    return r.partialFaults.map(partialFaultLine);
}

function partialFaultLine(p: PartialFaultReport): string {
    const reached = p.reached.length === 0 ? 'reached no service' : `reached ${p.reached.join(', ')}`;
    const checks =
        p.checks.length === 0
            ? 'no health check watches it'
            : p.checks
                  .map(
                      (c) =>
                          `${c.depth} checks of ${c.failover} ${c.noticed ? `noticed after ${formatDuration(c.afterMs!)}` : 'never noticed'}`,
                  )
                  .join('; ');
    return `${p.label} at ${formatDuration(p.atMs)}: ${reached}; ${checks}`;
}
