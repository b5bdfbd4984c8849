// Regions, links and cells: where the system runs and how far apart its parts are.
import * as ast from '../../generated/ast.js';
import { knownRegion } from '../facts/regions.js';
import type { CellM, LinkM, Provider, RegionM } from '../model.js';
import { ProblemCodes } from '../problem-codes.js';
import type { BuildContext } from './context.js';
import { DECLARED, defaultFrom } from './provenance.js';

const PROVIDER_NAME: Readonly<Record<Provider, string>> = {
    aws: 'an AWS',
    gcp: 'a Google Cloud',
    azure: 'an Azure',
    cloudflare: 'a Cloudflare',
    'on-prem': 'an on-premises',
};

export function buildRegion(ctx: BuildContext, node: ast.Region): RegionM {
    const c = node.clauses;
    const provider = ctx.single(c, ast.isProviderClause, 'provider');
    const jurisdiction = ctx.single(c, ast.isJurisdictionClause, 'jurisdiction');
    const location = ctx.single(c, ast.isLocationClause, 'location');
    const city = ctx.single(c, ast.isCityClause, 'city');
    const known = knownRegion(node.name);

    const lat = location
        ? ctx.quantity(location.latitude, 'number', { what: 'latitude', min: -90, max: 90 })
        : undefined;
    const lon = location
        ? ctx.quantity(location.longitude, 'number', { what: 'longitude', min: -180, max: 180 })
        : undefined;

    const declaredProvider = provider?.provider;
    if (!declaredProvider && !known) {
        ctx.missing(
            node,
            `region ${node.name} is not a known cloud region: declare its 'provider' (aws, gcp, azure, cloudflare, on-prem)`,
        );
    }
    if (declaredProvider && known && declaredProvider !== known.provider) {
        // Its jurisdiction, city, RTTs and prices would all be the other provider's region's: an error, not a guess.
        ctx.report(
            ProblemCodes.RegionProviderMismatch,
            'error',
            `${node.name} is ${PROVIDER_NAME[known.provider]} region code (${known.source}), but it is declared under provider ${declaredProvider}: ` +
                `its jurisdiction, location, latency and prices would be those of ${known.provider} region ${node.name}. Declare provider ${known.provider}, ` +
                `or give the ${declaredProvider} region its own name`,
            provider!,
            'provider',
        );
    }
    if (!jurisdiction && !known) {
        ctx.missing(
            node,
            `region ${node.name}: declare its 'jurisdiction' (EU, US, UK, IN, …); residency rules need it`,
        );
    }

    const hasLocation = lat !== undefined && lon !== undefined;
    return {
        name: node.name,
        provider: declaredProvider ?? known?.provider,
        jurisdiction: jurisdiction?.jurisdiction ?? known?.jurisdiction,
        jurisdictionProvenance: jurisdiction
            ? DECLARED
            : known
              ? defaultFrom(known.source)
              : { kind: 'derived', from: 'unknown' },
        location: hasLocation ? { lat, lon } : known?.location,
        locationProvenance: hasLocation
            ? DECLARED
            : known?.location
              ? defaultFrom(known.source)
              : { kind: 'derived', from: 'unknown' },
        city: city?.city?.replace(/^"|"$/g, '') ?? known?.city,
        known: known !== undefined,
        source: ctx.source(node, { provider, jurisdiction, location, city }),
    };
}

export function buildLink(ctx: BuildContext, node: ast.Link): LinkM | undefined {
    const a = node.from?.ref?.name;
    const b = node.to?.ref?.name;
    const rtt = ctx.single(node.clauses, ast.isRttClause, 'rtt');
    const egress = ctx.single(node.clauses, ast.isEgressClause, 'egress');
    const rttMs = rtt ? ctx.quantity(rtt.rtt, 'duration', { what: 'rtt', min: 0, above: true }) : undefined;
    const egressUsdPerGB = egress ? ctx.quantity(egress.price, 'price', { what: 'egress price', min: 0 }) : undefined;
    if (!rtt && !egress) ctx.missing(node, `link declares neither 'rtt' nor 'egress'`, ctx.keywordRange(node, 'link'));
    if (a === undefined || b === undefined) return undefined;
    if (a === b) {
        ctx.report(
            ProblemCodes.ValueOutOfRange,
            'error',
            `a link joins two different regions; both ends are ${a}`,
            node,
            'to',
        );
        return undefined;
    }
    return {
        a,
        b,
        rttMs,
        egressUsdPerGB,
        source: ctx.source(node, { rtt, egress, from: ctx.propRange(node, 'from'), to: ctx.propRange(node, 'to') }),
    };
}

export function buildCell(ctx: BuildContext, node: ast.Cell): CellM {
    const regionsClause = ctx.single(node.clauses, ast.isRegionsClause, 'regions');
    const residency = ctx.single(node.clauses, ast.isResidencyClause, 'residency');
    const regions = refNames(regionsClause?.regions);
    if (!regionsClause) ctx.missing(node, `cell ${node.name} needs 'regions'`);
    reportRepeated(ctx, regionsClause);
    return {
        name: node.name,
        regions: unique(regions),
        residency: residency?.jurisdiction,
        source: ctx.source(node, { regions: regionsClause, residency }),
    };
}

export function refNames(refs: readonly { ref?: { name: string } }[] | undefined): string[] {
    const names: string[] = [];
    for (const r of refs ?? []) if (r.ref?.name !== undefined) names.push(r.ref.name);
    return names;
}

export function unique<T>(items: readonly T[]): T[] {
    return [...new Set(items)];
}

export function reportRepeated(ctx: BuildContext, clause: ast.RegionsClause | undefined): void {
    if (!clause) return;
    const seen = new Set<string>();
    clause.regions.forEach((r, i) => {
        const name = r.ref?.name;
        if (name === undefined) return;
        if (seen.has(name)) {
            ctx.report(
                ProblemCodes.DuplicateName,
                'warning',
                `${name} is listed twice`,
                clause,
                ctx.propRangeAt(clause, 'regions', i),
            );
        }
        seen.add(name);
    });
}
