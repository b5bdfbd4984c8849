// Generated designs for the scaling benchmark and tests: many regions, one store over many regions, and chains or
// stars of files that import each other. Deterministic: the same arguments give the same text.

const PROVIDERS = ['aws', 'gcp', 'azure', 'on-prem'];
const JURISDICTIONS = ['US', 'EU', 'UK', 'JP', 'IN', 'BR', 'AU', 'CA'];

/** The i-th generated region's name. */
export function regionName(i) {
    return `r${String(i).padStart(5, '0')}`;
}

/** A region declaration with a location spread over the globe (a golden-angle spiral, so no two coincide). */
export function regionDeclaration(i) {
    const latitude = Math.asin(1 - (2 * (i + 0.5)) / 10_007) * (180 / Math.PI) * 0.8;
    const longitude = ((i * 137.508) % 360) - 180;
    const jurisdiction = JURISDICTIONS[i % JURISDICTIONS.length];
    return `region ${regionName(i)} { provider ${PROVIDERS[i % PROVIDERS.length]}  jurisdiction ${jurisdiction}  location ${latitude.toFixed(4)}, ${longitude.toFixed(4)} }`;
}

/** A store, a service using it and a workload on the regions `names` (`n` tells the declarations apart). */
function system(n, names) {
    return [
        `store orders-${n} {`,
        `    engine      aurora`,
        `    regions     ${names.join(', ')}`,
        `    holds       shared rows`,
        `    writes      primary ${names[0]}`,
        `    consistency session`,
        `}`,
        `service api-${n} {`,
        `    regions   ${names.join(', ')}`,
        `    primary   ${names[0]}`,
        `    posture   warm-standby`,
        `    capacity  100% per region`,
        `    uses      orders-${n}`,
        `}`,
        `workload load-${n} for api-${n} {`,
        `    writes    100/s from ${names[0]} 100%`,
        `    reads     1000/s`,
        `    keys      100000 shared 0%`,
        `    item-size 1KB`,
        `}`,
    ];
}

/**
 * A design of `regions` regions with a small system (a store over two regions, a service and a workload) every
 * 100 regions, and, when `storeRegions` > 0, one DynamoDB global table over the first `storeRegions` regions
 * (every pair of them needs an RTT, all estimated from distance).
 */
export function manyRegions(regions, storeRegions = 0) {
    const lines = [`topology Scaling${regions} "generated: ${regions} regions"`, ''];
    for (let i = 0; i < regions; i++) lines.push(regionDeclaration(i));
    for (let i = 0; i + 1 < regions; i += 100) lines.push(...system(i / 100, [regionName(i), regionName(i + 1)]));
    if (storeRegions > 0) {
        const names = Array.from({ length: Math.min(storeRegions, regions) }, (_, i) => regionName(i));
        lines.push(
            'store sessions {',
            '    engine  dynamodb',
            `    regions ${names.join(', ')}`,
            '    holds   per-user set',
            '    writes  home-region',
            '}',
        );
    }
    return `${lines.join('\n')}\n`;
}

/** The name of the i-th file of a chain or star. */
export function partName(i) {
    return `part-${String(i).padStart(4, '0')}.mregion`;
}

/**
 * `files` files where file i declares one region and imports file i + 1, so file 0 sees every region; every tenth
 * file has a store over its region and the next one. Returns { name → text }.
 */
export function importChain(files) {
    const parts = {};
    for (let i = 0; i < files; i++) {
        const lines = [];
        if (i + 1 < files) lines.push(`import "${partName(i + 1)}"`);
        lines.push(regionDeclaration(i));
        if (i % 10 === 0 && i + 1 < files) {
            lines.push(
                `store chain-${i} {`,
                '    engine      aurora',
                `    regions     ${regionName(i)}, ${regionName(i + 1)}`,
                '    holds       shared rows',
                `    writes      primary ${regionName(i)}`,
                '    consistency session',
                '}',
            );
        }
        parts[partName(i)] = `${lines.join('\n')}\n`;
    }
    return parts;
}

/** File 0 imports the `files` - 1 others, each declaring one region. Returns { name → text }. */
export function importStar(files) {
    const parts = {};
    const imports = [];
    for (let i = 1; i < files; i++) {
        imports.push(`import "${partName(i)}"`);
        parts[partName(i)] = `${regionDeclaration(i)}\n`;
    }
    parts[partName(0)] =
        `${[...imports, `topology Star${files} "generated: a file importing ${files - 1}"`, regionDeclaration(0), ...system(0, [regionName(0), regionName(1)])].join('\n')}\n`;
    return parts;
}
