// Measured inter-region RTT (cloudping.co averages, snapshot 2020-04-23; A→B and B→A averaged).
import { itemAt } from '../../util/item-at.js';
import { factRef } from './citation.js';

const SOURCE = `cloudping.co 2020-04-23 (${factRef('cloudping-rtt-matrix')})`;

const ORDER = [
    'us-east-1',
    'us-east-2',
    'us-west-2',
    'eu-west-1',
    'eu-central-1',
    'eu-west-2',
    'ap-southeast-1',
    'ap-northeast-1',
    'ap-south-1',
    'sa-east-1',
    'ca-central-1',
    'ap-southeast-2',
] as const;

// Lower triangle of the measured matrix (docs/facts.md#cloudping-rtt-matrix), row by row (row i lists RTT to columns 0..i-1).
const LOWER: readonly (readonly number[])[] = [
    [],
    [17],
    [78, 62],
    [76, 102, 133],
    [90, 102, 164, 28],
    [82, 92, 140, 16, 18],
    [222, 228, 167, 188, 182, 180],
    [163, 163, 104, 220, 252, 223, 77],
    [190, 200, 226, 130, 121, 116, 62, 139],
    [124, 134, 184, 185, 208, 198, 340, 278, 307],
    [18, 29, 70, 81, 104, 91, 227, 160, 204, 126],
    [202, 197, 142, 260, 287, 278, 98, 118, 150, 320, 204],
];

const TABLE = new Map<string, number>();
// Row i of the lower triangle holds the round trips from ORDER[i] to ORDER[0..i-1].
LOWER.forEach((measured, i) =>
    measured.forEach((ms, j) => {
        const [row, column] = [itemAt(ORDER, i, 'region of a row'), itemAt(ORDER, j, 'region of a column')];
        TABLE.set(`${row}|${column}`, ms);
        TABLE.set(`${column}|${row}`, ms);
    }),
);

export const MEASURED_RTT_SOURCE = SOURCE;
export const MEASURED_REGIONS: readonly string[] = ORDER;

const MEASURED: ReadonlySet<string> = new Set(ORDER);

/** Whether the region is in the measured table (so a pair of such regions may have a measured RTT). */
export function isMeasuredRegion(region: string): boolean {
    return MEASURED.has(region);
}

/** Measured RTT in ms between two AWS regions of the measured matrix, or undefined when not measured. */
export function measuredRttMs(a: string, b: string): number | undefined {
    // Most regions of a large design are not in the table: no key string for them.
    return MEASURED.has(a) && MEASURED.has(b) ? TABLE.get(`${a}|${b}`) : undefined;
}
