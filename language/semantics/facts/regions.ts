// Known cloud regions: provider, jurisdiction, and (where docs/facts.md#region-cities names the city) the city and
// its coordinates. Coordinates are those of the city named for the region; the distance test in
// test/language/facts.test.ts checks them against the great-circle distances of that entry.
import type { GeoPoint, Provider } from '../model.js';
import { factRef } from './citation.js';

export interface KnownRegion {
    readonly id: string;
    readonly provider: Provider;
    readonly jurisdiction: string;
    readonly city?: string;
    readonly location?: GeoPoint;
    readonly source: string;
}

const CITY: Readonly<Record<string, GeoPoint>> = {
    Ashburn: { lat: 39.0438, lon: -77.4874 },
    Columbus: { lat: 39.9612, lon: -82.9988 },
    Boardman: { lat: 45.8399, lon: -119.7006 },
    Dublin: { lat: 53.3498, lon: -6.2603 },
    Frankfurt: { lat: 50.1109, lon: 8.6821 },
    London: { lat: 51.5074, lon: -0.1278 },
    Singapore: { lat: 1.3521, lon: 103.8198 },
    Tokyo: { lat: 35.6762, lon: 139.6503 },
    Mumbai: { lat: 19.076, lon: 72.8777 },
    'São Paulo': { lat: -23.5505, lon: -46.6333 },
    Montréal: { lat: 45.5017, lon: -73.5673 },
    Sydney: { lat: -33.8688, lon: 151.2093 },
    Toronto: { lat: 43.6532, lon: -79.3832 },
    'Québec City': { lat: 46.8139, lon: -71.208 },
    'The Dalles': { lat: 45.5946, lon: -121.1787 },
};

const S1 = `region cities (${factRef('region-cities')})`;
const S12 = `AWS regions by jurisdiction (${factRef('aws-region-jurisdictions')})`;
const S1_SAME_CITY = `same-city regions on other clouds (${factRef('same-city-regions')})`;

function aws(id: string, jurisdiction: string, city?: string): KnownRegion {
    const location = city ? CITY[city] : undefined;
    return { id, provider: 'aws', jurisdiction, city, location, source: city ? `${S12}; ${S1}` : S12 };
}

function other(provider: Provider, id: string, jurisdiction: string, city: string): KnownRegion {
    return {
        id,
        provider,
        jurisdiction,
        city,
        location: CITY[city],
        source: `${S1_SAME_CITY}; jurisdiction of ${city}`,
    };
}

/** EU/EEA jurisdictions (docs/facts.md#aws-region-jurisdictions). */
export const EU_JURISDICTIONS: ReadonlySet<string> = new Set(['EU', 'EEA']);

/**
 * Jurisdictions with an EU adequacy decision (docs/facts.md#eu-adequacy-decisions: European Commission, Art. 45
 * GDPR), by the codes a design writes (ISO 3166 alpha-2, and UK as the reference writes it). Canada's covers
 * commercial organisations. The United States is not here: its decision covers only organisations certified under
 * the EU-US Data Privacy Framework, which the residency rule says separately.
 */
export const EU_ADEQUATE_JURISDICTIONS: ReadonlyMap<string, string> = new Map([
    ['AD', 'Andorra'],
    ['AR', 'Argentina'],
    ['CA', 'Canada (commercial organisations)'],
    ['FO', 'the Faroe Islands'],
    ['GG', 'Guernsey'],
    ['IL', 'Israel'],
    ['IM', 'the Isle of Man'],
    ['JP', 'Japan'],
    ['JE', 'Jersey'],
    ['NZ', 'New Zealand'],
    ['KR', 'the Republic of Korea'],
    ['CH', 'Switzerland'],
    ['UK', 'the United Kingdom'],
    ['GB', 'the United Kingdom'],
    ['UY', 'Uruguay'],
]);

export const KNOWN_REGIONS: readonly KnownRegion[] = [
    // EU (GDPR)
    aws('eu-west-1', 'EU', 'Dublin'),
    aws('eu-central-1', 'EU', 'Frankfurt'),
    aws('eu-west-3', 'EU'),
    aws('eu-north-1', 'EU'),
    aws('eu-south-1', 'EU'),
    aws('eu-south-2', 'EU'),
    // Europe outside the EU with an adequacy decision
    aws('eu-west-2', 'UK', 'London'),
    aws('eu-central-2', 'CH'),
    aws('il-central-1', 'IL'),
    // US
    aws('us-east-1', 'US', 'Ashburn'),
    aws('us-east-2', 'US', 'Columbus'),
    aws('us-west-1', 'US'),
    aws('us-west-2', 'US', 'Boardman'),
    // others
    aws('ap-south-1', 'IN', 'Mumbai'),
    aws('ap-south-2', 'IN'),
    aws('ca-central-1', 'CA', 'Montréal'),
    aws('ca-west-1', 'CA'),
    aws('ap-northeast-1', 'JP', 'Tokyo'),
    aws('ap-northeast-3', 'JP'),
    aws('ap-northeast-2', 'KR'),
    aws('ap-southeast-2', 'AU', 'Sydney'),
    aws('ap-southeast-4', 'AU'),
    aws('sa-east-1', 'BR', 'São Paulo'),
    aws('ap-southeast-1', 'SG', 'Singapore'),
    aws('ap-east-1', 'HK'),
    aws('ap-southeast-3', 'ID'),
    aws('me-south-1', 'BH'),
    aws('me-central-1', 'AE'),
    aws('af-south-1', 'ZA'),
    aws('mx-central-1', 'MX'),
    aws('cn-north-1', 'CN'),
    aws('cn-northwest-1', 'CN'),
    // Same-city regions of other clouds (docs/facts.md#same-city-regions)
    other('gcp', 'us-east4', 'US', 'Ashburn'),
    other('gcp', 'us-east5', 'US', 'Columbus'),
    other('gcp', 'us-west1', 'US', 'The Dalles'),
    other('gcp', 'europe-west3', 'EU', 'Frankfurt'),
    other('gcp', 'europe-west2', 'UK', 'London'),
    other('gcp', 'asia-southeast1', 'SG', 'Singapore'),
    other('gcp', 'asia-northeast1', 'JP', 'Tokyo'),
    other('gcp', 'asia-south1', 'IN', 'Mumbai'),
    other('gcp', 'southamerica-east1', 'BR', 'São Paulo'),
    other('gcp', 'northamerica-northeast1', 'CA', 'Montréal'),
    other('gcp', 'australia-southeast1', 'AU', 'Sydney'),
    other('azure', 'eastus', 'US', 'Ashburn'),
    other('azure', 'northeurope', 'EU', 'Dublin'),
    other('azure', 'germanywestcentral', 'EU', 'Frankfurt'),
    other('azure', 'uksouth', 'UK', 'London'),
    other('azure', 'southeastasia', 'SG', 'Singapore'),
    other('azure', 'japaneast', 'JP', 'Tokyo'),
    other('azure', 'westindia', 'IN', 'Mumbai'),
    other('azure', 'brazilsouth', 'BR', 'São Paulo'),
    other('azure', 'canadacentral', 'CA', 'Toronto'),
    other('azure', 'canadaeast', 'CA', 'Québec City'),
    other('azure', 'australiaeast', 'AU', 'Sydney'),
];

const BY_ID: ReadonlyMap<string, KnownRegion> = new Map(KNOWN_REGIONS.map((r) => [r.id, r]));

export function knownRegion(id: string): KnownRegion | undefined {
    return BY_ID.get(id);
}

export function knownRegionsOf(provider: Provider): readonly KnownRegion[] {
    return KNOWN_REGIONS.filter((r) => r.provider === provider);
}
