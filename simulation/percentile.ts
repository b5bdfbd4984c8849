// The one spelling of a percentile for people, shared by the reports and the results view (no imports, so the
// webview bundle can take it too).

/** 0.95 → "p95", 0.999 → "p999", 0.5 → "p50". */
export function percentileName(p: number): string {
    return `p${String(p).replace(/^0\./, '').padEnd(2, '0')}`;
}
