// Known region codes to offer as the name of a region: those of the region's provider (declared in its
// block, or the one most regions of the design use), with the jurisdiction as detail (docs/facts.md#aws-region-jurisdictions).
import type { CompletionItem } from 'vscode-languageserver-protocol';
import { CompletionItemKind } from 'vscode-languageserver-protocol';
import { KNOWN_REGIONS, type KnownRegion } from '../../semantics/facts/regions.js';
import type { Model, Provider } from '../../semantics/model.js';

export function providerForNewRegion(
    model: Model,
    declared: Provider | undefined,
    editing: string | undefined,
): Provider | undefined {
    if (declared) return declared;
    const counts = new Map<Provider, number>();
    for (const r of model.regions.values()) {
        if (r.name === editing || !r.provider) continue;
        counts.set(r.provider, (counts.get(r.provider) ?? 0) + 1);
    }
    return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
}

/** Known regions not yet declared, of `provider` (all providers when undefined). */
export function regionCodeCandidates(
    model: Model,
    provider: Provider | undefined,
    editing: string | undefined,
): KnownRegion[] {
    const taken = new Set([...model.regions.keys()].filter((n) => n !== editing));
    return KNOWN_REGIONS.filter((r) => (provider === undefined || r.provider === provider) && !taken.has(r.id));
}

export function regionCodeItem(region: KnownRegion, index: number): CompletionItem {
    const where = region.city ? ` · ${region.city}` : '';
    return {
        label: region.id,
        kind: CompletionItemKind.EnumMember,
        detail: `${region.jurisdiction}${where} · ${region.provider}`,
        labelDetails: { description: region.jurisdiction },
        documentation: {
            kind: 'markdown',
            value:
                `**${region.id}** — ${region.provider}, jurisdiction ${region.jurisdiction}${region.city ? `, ${region.city}` : ''}` +
                `${region.location ? ` (${region.location.lat}, ${region.location.lon})` : ', no location in the facts table'}.\n\nSource: ${region.source}.`,
        },
        sortText: `0${String(index).padStart(3, '0')}`,
    };
}
