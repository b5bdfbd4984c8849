// Hover for a region: provider, jurisdiction (declared or docs/facts.md#aws-region-jurisdictions), location, and the RTT to every other
// declared region with where that number comes from (link, measured table, great-circle estimate).
import { rttBetween } from '../../semantics/latency.js';
import type { LinkM, Model, RegionM } from '../../semantics/model.js';
import { formatCount, formatDuration, formatUsd } from '../../../format/quantities.js';
import { greatCircleKm } from '../../semantics/geo.js';
import { markdownText } from '../../semantics/escape.js';
import { cite, MAX_TABLE_ROWS, rttSource, rttText, table } from './markdown.js';
import { citedFactIds, factRef, type FactId } from '../../semantics/facts/citation.js';
import { propRange } from '../../semantics/source-props.js';

export function describeRegion(model: Model, name: string): string | undefined {
    const region = model.regions.get(name);
    if (!region) return undefined;
    const out = [`**region ${name}**${region.known ? '' : ' *(not in the facts table of known regions)*'}`, ''];
    out.push(
        `- Provider: ${region.provider ?? 'not declared'}${propRange(region.source, 'provider') || !region.known ? '' : ` *(${factRef('aws-region-jurisdictions')})*`}`,
    );
    out.push(`- Jurisdiction: ${region.jurisdiction ?? 'not declared'}${jurisdictionSource(region)}`);
    out.push(`- Location: ${locationText(region)}`);
    const others = [...model.regions.keys()].filter((r) => r !== name);
    if (others.length > 0) {
        // Only the rows the table shows are estimated.
        out.push(
            '',
            table(
                ['RTT to', 'ms', 'from'],
                others.slice(0, MAX_TABLE_ROWS).map((other) => {
                    const rtt = rttBetween(model, name, other);
                    return [other, rttText(rtt), rttSource(rtt)];
                }),
                others.length,
            ),
        );
    }
    return out.join('\n');
}

function jurisdictionSource(region: RegionM): string {
    const p = region.jurisdictionProvenance;
    if (p.kind === 'declared') return ' *(declared)*';
    if (p.kind === 'default') return ` *(${citeFor(p.source, 'aws-region-jurisdictions')})*`;
    return '';
}

function locationText(region: RegionM): string {
    if (!region.location) return 'no location (RTT to regions outside the measured table is unknown)';
    const where = `${region.city ? `${markdownText(region.city)}, ` : ''}${region.location.lat}, ${region.location.lon}`;
    const p = region.locationProvenance;
    return p.kind === 'default' ? `${where} *(${citeFor(p.source, 'region-cities')})*` : `${where} *(declared)*`;
}

/** A known region's source names both its jurisdiction's and its city's entry: the one this line is about. */
function citeFor(source: string, preferred: FactId): string {
    return citedFactIds(source).includes(preferred) ? factRef(preferred) : cite(source);
}

export function describeLink(model: Model, link: LinkM): string {
    const out = [`**link ${link.a} <-> ${link.b}**`, ''];
    out.push(
        `- RTT: ${link.rttMs !== undefined ? `${formatDuration(link.rttMs)} *(declared; wins over the facts table)*` : 'not declared'}`,
    );
    if (link.rttMs === undefined) {
        const rtt = rttBetween(model, link.a, link.b);
        out.push(`  - without it: ${rttText(rtt)} (${rttSource(rtt)})`);
    }
    out.push(
        `- Egress: ${link.egressUsdPerGB !== undefined ? `${formatUsd(link.egressUsdPerGB)}/GB *(declared)*` : `not declared (${factRef('aws-inter-region-transfer-price')} by source region)`}`,
    );
    const a = model.regions.get(link.a)?.location;
    const b = model.regions.get(link.b)?.location;
    if (a && b) out.push(`- Great-circle distance: ${formatCount(Math.round(greatCircleKm(a, b)))} km`);
    return out.join('\n');
}
