// Number formatting for the views, in the units people read in design reviews.
export function duration(ms: number | null | undefined): string {
    if (ms === null || ms === undefined || !Number.isFinite(ms)) return '—';
    if (ms < 1000) return `${Math.round(ms)} ms`;
    const s = ms / 1000;
    if (s < 60) return `${trim(s, s < 10 ? 2 : 1)} s`;
    const parts: string[] = [];
    let rest = Math.round(s);
    for (const [unit, size] of [
        ['d', 86_400],
        ['h', 3_600],
        ['m', 60],
        ['s', 1],
    ] as const) {
        const n = Math.floor(rest / size);
        rest -= n * size;
        if (n > 0) parts.push(`${n} ${unit}`);
    }
    return parts.slice(0, 2).join(' ');
}

export function percent(fraction: number | null | undefined, digits = 3): string {
    if (fraction === null || fraction === undefined || !Number.isFinite(fraction)) return '—';
    return `${trim(fraction * 100, digits)} %`;
}

export function count(n: number | null | undefined): string {
    return n === null || n === undefined || !Number.isFinite(n) ? '—' : Math.round(n).toLocaleString('en-US');
}

export function usd(n: number | null | undefined): string {
    if (n === null || n === undefined || !Number.isFinite(n)) return '—';
    return `$${n.toLocaleString('en-US', { maximumFractionDigits: n < 100 ? 2 : 0 })}`;
}

function trim(n: number, digits: number): string {
    return String(Number(n.toFixed(digits)));
}
