// Messages from the webviews to the extension (the other direction is typed in each panel).
import type { SourceRange } from '../reveal.js';

export function asReveal(message: unknown): SourceRange | undefined {
    if (typeof message !== 'object' || message === null) return undefined;
    const m = message as { type?: unknown; location?: unknown };
    if (m.type !== 'reveal' || typeof m.location !== 'object' || m.location === null) return undefined;
    const loc = m.location as {
        uri?: unknown;
        range?: { start?: { line?: unknown; character?: unknown }; end?: { line?: unknown; character?: unknown } };
    };
    const nums = [loc.range?.start?.line, loc.range?.start?.character, loc.range?.end?.line, loc.range?.end?.character];
    if (typeof loc.uri !== 'string' || !nums.every((n) => typeof n === 'number' && Number.isInteger(n) && n >= 0))
        return undefined;
    const [sl, sc, el, ec] = nums as number[];
    return { uri: loc.uri, range: { start: { line: sl!, character: sc! }, end: { line: el!, character: ec! } } };
}

export function isType(message: unknown, type: string): boolean {
    return typeof message === 'object' && message !== null && (message as { type?: unknown }).type === type;
}
