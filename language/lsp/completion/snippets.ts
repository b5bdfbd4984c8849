// A snippet for each block kind, offered where a declaration can start. They produce the formatter's layout
// (one-line regions, links and cells; one clause per line otherwise) and leave numbers to the user, except
// where the facts table documents the usual value (DNS TTL 60 s and 10 s health checks, docs/facts.md#route53-failover-ttl).
import type { CompletionItem } from 'vscode-languageserver-protocol';
import { CompletionItemKind, InsertTextFormat } from 'vscode-languageserver-protocol';

const ENGINES =
    'dynamodb,aurora,spanner,cockroachdb,cosmosdb,cassandra,postgres,mysql,redis,memcached,s3,gcs,azure-blob,kafka,kinesis,sqs,durable-object,workers-kv,custom';
const ACTIONS =
    'shift-traffic,promote,rehome,flip-routing-control,launch-capacity,scale-out,edit-dns,restore-backup,accept-outage';

export const BLOCK_SNIPPETS: Readonly<Record<string, { readonly description: string; readonly body: string }>> = {
    region: {
        description: 'A region with its provider and jurisdiction',
        body: 'region ${1:name} { provider ${2|aws,gcp,azure,cloudflare,on-prem|}  jurisdiction ${3:EU} }',
    },
    link: {
        description: 'A measured round-trip time between two regions',
        body: 'link ${1:region} <-> ${2:region} { rtt ${3}ms }',
    },
    cell: {
        description: 'A cell: its regions and residency',
        body: 'cell ${1:name} { regions ${2:region}  residency ${3:EU} }',
    },
    store: {
        description: 'A data store: engine, regions, what it holds, who writes, replication',
        body: [
            'store ${1:name} {',
            '\tengine      ${2|' + ENGINES + '|}',
            '\tregions     ${3:region}',
            '\tholds       ${4|shared,per-user,per-tenant,reference|} ${5|rows,counter,set,register,document,sequence,blob|}',
            '\twrites      ${6|any-region,home-region,primary|}',
            '\treplication ${7|async lag 1s,sync,consensus,none|}',
            '}',
        ].join('\n'),
    },
    service: {
        description: 'A service: regions, posture, capacity, stores and objectives',
        body: [
            'service ${1:name} {',
            '\tregions   ${2:region}',
            '\tposture   ${3|active-active,active-passive,warm-standby,pilot-light,backup-restore|}',
            '\tcapacity  ${4:100}% per region',
            '\tuses      ${5:store}',
            '\tobjective rto ${6:5m}  rpo ${7:1s}',
            '}',
        ].join('\n'),
    },
    failover: {
        description: 'A failover: detection, routing, actions and drills',
        body: [
            'failover ${1:service} {',
            '\tdetect health-check every ${2:10s} threshold ${3:3}',
            '\troute  ${4|dns ttl 60s,anycast,global-accelerator,s3-access-point,arc-routing-control,router,manual|}',
            '\taction ${5|' + ACTIONS + '|}',
            '\tdrill  every ${6:30d}',
            '}',
        ].join('\n'),
    },
    workload: {
        description: 'Traffic: rates, origins, key space and item size',
        body: [
            'workload ${1:name} for ${2:service} {',
            '\twrites    ${3:1000}/s from ${4:region} 100%',
            '\treads     ${5:10000}/s',
            '\tkeys      ${6:1000000} shared ${7:1}%',
            '\titem-size ${8:1}KB',
            '}',
        ].join('\n'),
    },
    scenario: {
        description: 'A drill to simulate: workload, faults and expectations',
        body: [
            'scenario ${1:name} {',
            '\tworkload ${2:workload}',
            '\tduration ${3:1h}',
            '\tat ${4:10m}   outage region ${5:region} for ${6:30m}',
            '\tseed     ${7:1}',
            '\texpect   rto <= ${8:5m}',
            '}',
        ].join('\n'),
    },
};

export function snippetItem(keyword: string): CompletionItem | undefined {
    const snippet = BLOCK_SNIPPETS[keyword];
    if (!snippet) return undefined;
    return {
        label: keyword,
        labelDetails: { description: 'block' },
        kind: CompletionItemKind.Snippet,
        detail: snippet.description,
        insertText: snippet.body,
        insertTextFormat: InsertTextFormat.Snippet,
        documentation: {
            kind: 'markdown',
            value: `\`\`\`mregion\n${snippet.body
                .replace(/\$\{\d+\|([^,|]+)[^}]*\}/g, '$1')
                .replace(/\$\{\d+:?([^}]*)\}/g, '$1')
                .replace(/\t/g, '    ')}\n\`\`\``,
        },
        sortText: '2',
    };
}
