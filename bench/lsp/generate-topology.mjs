// Generates a large, valid .mregion design of about N lines, deterministically (same N → same text).
// Usage: node bench/lsp/generate-topology.mjs 10000 > /tmp/t10k.mregion
const AWS = [
    'us-east-1',
    'us-east-2',
    'us-west-2',
    'eu-west-1',
    'eu-central-1',
    'eu-west-2',
    'ap-southeast-1',
    'ap-northeast-1',
    'ap-south-1',
    'sa-east-1',
    'ca-central-1',
    'ap-southeast-2',
];

/** A small deterministic PRNG (mulberry32) so the generated design is reproducible. */
function prng(seed) {
    let a = seed >>> 0;
    return () => {
        a = (a + 0x6d2b79f5) >>> 0;
        let t = a;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

export function generateTopology(targetLines, seed = 1) {
    const random = prng(seed);
    const pick = (items) => items[Math.floor(random() * items.length)];
    const lines = [
        `// Generated benchmark design (${targetLines} lines target, seed ${seed})`,
        `topology Bench${targetLines} "generated"`,
        '',
    ];
    const regions = [...AWS];
    for (let i = 0; i < 24; i++) {
        const name = `dc-${i}`;
        regions.push(name);
        lines.push(
            `region ${name} { provider on-prem  jurisdiction US  location ${(30 + random() * 15).toFixed(3)}, ${(-120 + random() * 45).toFixed(3)} }`,
        );
    }
    for (const r of AWS) lines.push(`region ${r} { provider aws }`);
    lines.push('');
    let unit = 0;
    while (lines.length < targetLines) {
        const a = pick(AWS);
        let b = pick(AWS);
        while (b === a) b = pick(AWS);
        let c = pick(AWS);
        while (c === a || c === b) c = pick(AWS);
        const u = unit++;
        lines.push(
            `store orders-${u} {`,
            `    engine      aurora`,
            `    regions     ${a}, ${b}`,
            `    holds       shared rows`,
            `    writes      primary ${a}`,
            `    consistency session`,
            `    invariant   unique order_id`,
            `}`,
            `store carts-${u} {`,
            `    engine      dynamodb`,
            `    regions     ${a}, ${b}, ${c}`,
            `    holds       per-user set`,
            `    writes      home-region`,
            `}`,
            `service api-${u} {`,
            `    regions   ${a}, ${b}`,
            `    primary   ${a}`,
            `    posture   warm-standby`,
            `    capacity  100% per region`,
            `    uses      orders-${u}, carts-${u}`,
            `    objective rto 15m  rpo 5s  availability 99.9%`,
            `}`,
            `failover api-${u} {`,
            `    detect health-check every 10s threshold 3`,
            `    route  dns ttl 60s`,
            `    action promote orders-${u}`,
            `    action shift-traffic`,
            `    drill  every 30d`,
            `}`,
            `workload load-${u} for api-${u} {`,
            `    writes    ${100 + Math.floor(random() * 900)}/s from ${a} 100%`,
            `    reads     5000/s`,
            `    keys      100000 shared 0%`,
            `    item-size 1KB`,
            `}`,
            `scenario lose-${u} {`,
            `    workload load-${u}`,
            `    duration 1h`,
            `    at 10m outage region ${a} for 20m`,
            `    seed ${u}`,
            `    expect rto <= 15m`,
            `}`,
            '',
        );
    }
    return lines.join('\n') + '\n';
}

if (import.meta.url === `file://${process.argv[1]}`) {
    process.stdout.write(generateTopology(Number(process.argv[2] ?? 1000), Number(process.argv[3] ?? 1)));
}
