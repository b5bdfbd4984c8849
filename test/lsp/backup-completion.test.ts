// Completion and hover for backups and corruption: what the editor offers after each word, and what it says.
import { describe, expect, it } from 'vitest';
import { completionLabelsAt, hoverAt } from './lsp-helpers.js';

const DESIGN = `topology T
region us-east-1 { provider aws }
region us-west-2 { provider aws }
`;
const STORE = (backup: string) =>
    `store orders { engine aurora  regions us-east-1, us-west-2  holds shared rows  writes primary us-east-1  replication async lag 1s  consistency session  ${backup}  size 2TB  objective rto 30m }\n`;

describe('completion of backups and corruption', () => {
    it.each([
        [
            'where, lock, PITR and restore after the interval',
            `${DESIGN}store s { backup every 1h <|> }`,
            ['immutable', 'pitr', 'restore', 'to'],
        ],
        ['the regions after to', `${DESIGN}store s { backup every 1h to <|> }`, ['us-east-1', 'us-west-2']],
        ['corrupt among the fault kinds', `${DESIGN}${STORE('')}scenario s { at 10m <|> }`, ['corrupt']],
        ['the stores after corrupt', `${DESIGN}${STORE('')}scenario s { at 10m corrupt <|> }`, ['orders']],
    ])('offers %s', async (_what, text, expected) => {
        expect(await completionLabelsAt(text)).toEqual(expect.arrayContaining(expected));
    });
});

describe('hover of backups and corruption', () => {
    it.each([
        ['immutable', `${DESIGN}store s { backup every 1h <|>immutable }`, /nobody can delete them.*backup-vault-lock/],
        [
            'pitr',
            `${DESIGN}store s { backup every 1h <|>pitr 7d }`,
            /35 d on DynamoDB and Aurora, 7 d on Spanner.*pitr-retention/,
        ],
        [
            'restore',
            `${DESIGN}store s { backup every 1h <|>restore 500MB/s }`,
            /No vendor documents a figure.*restore-throughput/,
        ],
        [
            'corrupt',
            `${DESIGN}${STORE('')}scenario s { at 10m <|>corrupt orders }`,
            /replicates to every replica at replication speed/,
        ],
    ])('explains %s', async (_word, text, pattern) => {
        expect(await hoverAt(text)).toMatch(pattern);
    });

    it.each([
        {
            name: 'a worked-out restore against the RTO (2 TB ÷ 500 MB/s = 1 h 6 m > 30 m)',
            backup: 'backup every 1h to us-west-2 immutable restore 500MB/s',
            says: [
                '- Backup: every 1 h to us-west-2, immutable',
                'back to the last backup, up to 1 h of writes lost',
                // The citation becomes a link to the shipped facts page.
                '- Restore: 1 h 6 m (2 TB ÷ 500 MB/s, an estimate: [docs/facts.md#restore-throughput](',
                ') — longer than the 30 m RTO of store orders',
            ],
        },
        {
            name: 'point-in-time recovery and an unknown restore throughput',
            backup: 'backup every 1d pitr 35d',
            says: [
                'point-in-time restore to a second before it, within 35 d',
                '- Restore: unknown — the restore time of orders is size ÷ restore throughput',
            ],
        },
        { name: 'no backup at all', backup: '', says: ['- Backup: none — a corruption replicates to every replica'] },
    ])('shows the backup of a store: $name', async ({ backup, says }) => {
        const text = (await hoverAt(`${DESIGN}${STORE(backup).replace('store orders', 'store <|>orders')}`)) ?? '';
        for (const s of says) expect(text).toContain(s);
    });

    it('describes a corruption in the hover of its scenario', async () => {
        const text = await hoverAt(`${DESIGN}${STORE('')}scenario <|>s { duration 1h  at 10m corrupt orders }`);
        expect(text).toContain(
            'At 10 m: orders corrupted (the damage replicates to its replicas; backups taken before stay clean)',
        );
    });
});
