// How a quantity reads for people: durations and ranges of them, counts, shares, money and sizes. This is the one
// implementation: messages, hovers and inlay hints, the CLI, the simulation's reports, the CDK export and the
// webviews all call it, so a value reads the same in each. It imports nothing, so the browser bundles and the
// extension take it without the language.
//
// Every function takes a missing value (null, undefined, NaN) as "—" and infinity as "∞": a report from an older
// schema or a run that could not measure something never shows "NaN" or "Infinity".

/** What a missing value reads as. */
export const MISSING = '—';

type Maybe = number | null | undefined;

/** The text for a value no unit can express, or undefined when `n` is an ordinary number. */
function special(n: Maybe): string | undefined {
    if (n === null || n === undefined || Number.isNaN(n)) return MISSING;
    if (n === Infinity) return '∞';
    if (n === -Infinity) return '-∞';
    return undefined;
}

/** `n` rounded to `digits` decimals, without trailing zeros: 1.50 → "1.5", 2.00 → "2". */
function trim(n: number, digits: number): string {
    // toFixed and String write 10^21 and up with an exponent; decimals do not matter there.
    if (Math.abs(n) >= 1e21) return grouped(n);
    // A whole number reads as its digits, which is what trimming toFixed's would leave (-0 included: "0"); most
    // durations in messages are whole, and toFixed and the trimming were a noticeable part of formatting them.
    if (Number.isInteger(n)) return String(n);
    // From toFixed's digits, not String(Number(…)), which writes 1e-7 with an exponent.
    let text = n.toFixed(digits);
    if (text.includes('.')) text = text.replace(/0+$/, '').replace(/\.$/, '');
    return text === '-0' ? '0' : text;
}

/** A whole number with thousands separators: 1234567 → "1,234,567". */
function grouped(n: number): string {
    const whole = Math.round(n);
    // Below a thousand there is no separator to place: the digits, without the locale lookup (-0 keeps its "-0").
    if (whole > -1000 && whole < 1000 && !Object.is(whole, -0)) return String(whole);
    return whole.toLocaleString('en-US');
}

/** A magnitude with a minus sign when negative, unless it reads as zero ("0 ms", "$0"): never "-0". */
function signed(negative: boolean, magnitude: string): string {
    return negative && !/^\$?0( |$)/.test(magnitude) ? `-${magnitude}` : magnitude;
}

const SECOND = 1_000;
const MINUTE = 60_000;
const CLOCK_UNITS: readonly (readonly [string, number])[] = [
    ['d', 86_400_000],
    ['h', 3_600_000],
    ['m', MINUTE],
    ['s', SECOND],
];

/**
 * A duration in the largest unit that keeps it short: `0.25 ms`, `850 ms`, `1.5 s`, `59.5 s`, then whole seconds
 * in at most two units (`2 m 36 s`, `1 h 30 m`, `1 d 12 h`; a third, smaller unit is dropped). About three
 * significant digits below a second and one decimal below a minute; a value that rounds up to the next unit is
 * written in it (999.7 ms is `1 s`, not `1000 ms`).
 */
export function formatDuration(ms: Maybe): string {
    const text = special(ms);
    if (text !== undefined) return text;
    return signed(ms! < 0, magnitudeOfDuration(Math.abs(ms!)));
}

function magnitudeOfDuration(ms: number): string {
    if (ms < SECOND) {
        const rounded = Number(ms.toFixed(ms < 10 ? 2 : ms < 100 ? 1 : 0));
        if (rounded < SECOND) return `${trim(rounded, 2)} ms`;
    }
    if (ms < MINUTE) {
        const seconds = Number((ms / SECOND).toFixed(1));
        if (seconds < 60) return `${trim(seconds, 1)} s`;
    }
    let rest = Math.round(ms / SECOND) * SECOND;
    const parts: string[] = [];
    for (const [name, size] of CLOCK_UNITS) {
        const n = Math.floor(rest / size);
        if (n > 0) parts.push(`${grouped(n)} ${name}`);
        rest -= n * size;
        if (parts.length === 2) break;
    }
    return parts.join(' ');
}

const SINGLE_UNIT = /^([\d.,]+) (ms|s|m|h|d)$/;

/**
 * "36–46 s" when both ends read in the same single unit, else "1 m 26 s–2 m 36 s"; one value when they are equal;
 * "36 s or more" when the upper end is unbounded (undefined).
 */
export function formatDurationRange(lowMs: number, highMs: number | undefined): string {
    const low = lowMs === 0 ? '0' : formatDuration(lowMs);
    if (highMs === undefined) return `${low} or more`;
    const high = formatDuration(highMs);
    if (low === high || (lowMs === 0 && highMs === 0)) return high;
    if (lowMs === 0) return `0–${high}`;
    const a = SINGLE_UNIT.exec(low);
    const b = SINGLE_UNIT.exec(high);
    if (a && b && a[2] === b[2]) return `${a[1]}–${b[1]} ${b[2]}`;
    return `${low}–${high}`;
}

/** A count: whole from 100 up, with thousands separators (`1,234,567`); below 100 to two decimals (`0.37`), since
 * sampled runs and estimates give fractional counts. */
export function formatCount(n: Maybe): string {
    const text = special(n);
    if (text !== undefined) return text;
    return Math.abs(n!) >= 100 ? grouped(n!) : trim(n!, 2);
}

/** A fraction as a percentage to `digits` decimals: 0.9999 → "99.99%". */
/** `p99` from 0.99, `p999` from 0.999, `p50` from 0.5: the name the objective was written with (`p50` parses to 0.5,
 *  whose digits alone would read `p5`). */
export function percentileName(fraction: number): string {
    return `p${String(fraction).replace(/^0\./, '').padEnd(2, '0')}`;
}

export function formatPercent(fraction: Maybe, digits = 2): string {
    const text = special(fraction);
    if (text !== undefined) return text;
    return `${trim(fraction! * 100, digits)}%`;
}

/**
 * A share (availability, stale reads) as a percentage with the digits that tell it apart: four decimals near
 * 100 % (99.99 % vs 99.9 %), six near 0, else two. A share strictly between 0 and 1 never reads "100%" or "0%":
 * it gets more decimals (up to seven, the precision reports keep) before it would.
 */
export function formatShare(share: Maybe): string {
    const text = special(share);
    if (text !== undefined) return text;
    const s = share!;
    let digits = s > 0.99 && s < 1 ? 4 : s > 0 && s < 0.0001 ? 6 : 2;
    let shown = formatPercent(s, digits);
    while (s > 0 && s < 1 && (shown === '100%' || shown === '0%') && digits < 7) shown = formatPercent(s, ++digits);
    return shown;
}

/** A difference of two shares in percentage points: 0.00114 → "0.114 pp" (`long`: "0.114 percentage points"). */
export function formatPoints(difference: Maybe, long = false): string {
    const text = special(difference);
    if (text === MISSING) return text;
    return `${text ?? trim(difference! * 100, 4)} ${long ? 'percentage points' : 'pp'}`;
}

/** US dollars: whole with separators from $100 up (`$1,235`), else to the cent without trailing zeros (`$12.5`). */
export function formatUsd(usd: Maybe): string {
    const text = special(usd);
    if (text !== undefined) return text;
    const size = Math.abs(usd!);
    return signed(usd! < 0, `$${size >= 100 ? grouped(size) : trim(size, 2)}`);
}

const BYTE_UNITS: readonly (readonly [string, number])[] = [
    ['KB', 1e3],
    ['MB', 1e6],
    ['GB', 1e9],
    ['TB', 1e12],
    ['PB', 1e15],
];

/** A size in decimal units, as cloud bills count them: 1.5e9 → "1.5 GB"; below a kilobyte in bytes. A value that
 * rounds up to 1,000 of a unit is written in the next (999,960 bytes is "1 MB", not "1000 KB"). */
export function formatBytes(bytes: Maybe): string {
    const text = special(bytes);
    if (text !== undefined) return text;
    let shown = `${trim(bytes!, 0)} B`;
    for (const [name, size] of BYTE_UNITS)
        if (bytes! >= size || shown.startsWith('1000 ')) shown = `${trim(bytes! / size, 1)} ${name}`;
    return shown;
}
