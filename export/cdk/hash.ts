// A short, stable fingerprint of a model name: the suffix that keeps two names apart when normalizing or
// clipping them for AWS made them equal. FNV-1a over the code points, 32 bits, as 8 hex digits; it depends
// on the name alone, so a name keeps its suffix whatever else the design declares or in which order.
export function stableHash(text: string): string {
    let hash = 0x811c9dc5;
    for (const ch of text) {
        hash ^= ch.codePointAt(0)!;
        hash = Math.imul(hash, 0x01000193) >>> 0;
    }
    return hash.toString(16).padStart(8, '0');
}
