// "Did you mean …?" for misspelled names: the nearest candidate by edit distance, if it is near enough.
export function closestName(name: string, candidates: Iterable<string>): string | undefined {
    let best: string | undefined;
    let bestDistance = Infinity;
    for (const candidate of candidates) {
        const d = editDistance(name.toLowerCase(), candidate.toLowerCase());
        if (d < bestDistance || (d === bestDistance && best !== undefined && candidate < best)) {
            best = candidate;
            bestDistance = d;
        }
    }
    const allowed = Math.max(1, Math.floor(name.length / 3));
    return best !== undefined && bestDistance <= allowed ? best : undefined;
}

/**
 * Edits between two words — insertions, deletions, substitutions, and swaps of two adjacent letters (the optimal
 * string alignment distance): `stroe` is one slip from `store`, as a person sees it, not two.
 */
export function editDistance(a: string, b: string): number {
    if (a === b) return 0;
    let beforePrevious: number[] = [];
    let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
    for (let i = 1; i <= a.length; i++) {
        const current = [i];
        for (let j = 1; j <= b.length; j++) {
            const cost = a[i - 1] === b[j - 1] ? 0 : 1;
            let best = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
            if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
                best = Math.min(best, beforePrevious[j - 2]! + 1);
            current[j] = best;
        }
        beforePrevious = previous;
        previous = current;
    }
    return previous[b.length]!;
}
