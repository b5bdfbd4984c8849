// Names the generated app gives AWS resources, files and context keys, derived from model names and
// normalized to what each service accepts. Model names are arbitrary strings here: the grammar restricts
// them today, but the exporter must stay safe for any model (imported, programmatic, a future grammar).
import { words } from './code.js';
import { stableHash } from './hash.js';

export function kebab(name: string): string {
    return words(name)
        .map((w) => w.toLowerCase())
        .join('-');
}

function clip(text: string, max: number): string {
    return text.length <= max ? text : text.slice(0, max).replace(/-+$/, '');
}

/**
 * `name` within `max` characters. A name that must be clipped, or that `hashed` asks to set apart from another,
 * ends in `-` and the stable hash of `key` (the model names it comes from), so clipped names stay distinct.
 */
function fitted(name: string, max: number, key: string, hashed: boolean): string {
    if (!hashed && name.length <= max) return name;
    const suffix = `-${stableHash(key)}`;
    return `${clip(name, max - suffix.length)}${suffix}`;
}

/** A file or folder name: lowercase letters, digits and hyphens, never empty, never `.`/`..`. */
export function fileStem(name: string, fallback = 'unnamed'): string {
    const stem = clip(kebab(name), 60);
    return stem.length > 0 ? stem : fallback;
}

/** CloudFormation stack names: `^[A-Za-z][A-Za-z0-9-]*$`, at most 128 characters. */
export function stackName(topology: string, part: string, hashed = false): string {
    const head =
        words(topology)
            .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
            .join('') || 'Mregion';
    const name = `${/^[A-Za-z]/.test(head) ? head : `M${head}`}-${kebab(part) || 'stack'}`;
    return fitted(name, 128, `${topology}\u0000${part}`, hashed);
}

/** An npm package name: lowercase, URL-safe, at most 214 characters. */
export function packageName(topology: string): string {
    return `${clip(kebab(topology) || 'mregion', 180)}-cdk`;
}

function joined(topology: string, store: string): string {
    return `${kebab(topology)}-${kebab(store)}`.replace(/^-+|-+$/g, '').replace(/-{2,}/g, '-');
}

/** Aurora global cluster identifiers: a letter first, then letters, digits and single hyphens; at most 63. */
export function globalClusterIdentifier(topology: string, store: string, hashed = false): string {
    const id = joined(topology, store);
    return fitted(/^[a-z]/.test(id) ? id : `db-${id}`.replace(/-+$/, ''), 63, `${topology}\u0000${store}`, hashed);
}

/** The start of an S3 bucket name; the generated code appends the region and account, so keep ≤ 63 in total. */
export function bucketNamePrefix(topology: string, store: string, hashed = false): string {
    const prefix = joined(topology, store);
    // `-<region up to 14>-<account 12>` takes at most 28 characters.
    return fitted(
        /^[a-z0-9]/.test(prefix) && prefix.length >= 3 ? prefix : `mregion-${prefix}`.replace(/-+$/, ''),
        35,
        `${topology}\u0000${store}`,
        hashed,
    );
}

/** Names of Resilience Hub policies, Global Accelerators and ARC objects: letters, digits, `_` and `-`. */
export function resourceName(parts: readonly string[], max: number, hashed = false): string {
    const name = parts
        .map(kebab)
        .filter((p) => p.length > 0)
        .join('-');
    return fitted(name.length >= 2 ? name : `mregion-${name}`.replace(/-+$/, ''), max, parts.join('\u0000'), hashed);
}

/** A DNS label (for record names and placeholder domains): lowercase letters, digits, inner hyphens; ≤ 63. */
export function dnsLabel(name: string): string {
    const label = clip(kebab(name), 63).replace(/^-+|-+$/g, '');
    return label.length > 0 ? label : 'service';
}

/** Tag values AWS accepts: letters, digits, spaces and `_ . : / = + - @`; at most 256 characters. */
export function tagValue(value: string): string {
    const clean = value.normalize('NFC').replace(/[^\p{L}\p{Z}\p{N}_.:/=+\-@]/gu, '_');
    return [...clean].slice(0, 256).join('');
}

/**
 * A model id inside a context key. Ids made of letters, digits, `@ . -` stay as they are (`payments@eu`); any
 * other character becomes `_` plus its code point in hex, so distinct ids always give distinct keys.
 */
export function contextKeyPart(name: string): string {
    const part = [...name].map((c) => (/[A-Za-z0-9@.-]/.test(c) ? c : `_${c.codePointAt(0)!.toString(16)}_`)).join('');
    return part.length > 0 ? part : '_';
}
