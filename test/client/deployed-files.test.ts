// The file side of "Import from deployed template…" without VS Code: the default path beside the input, and a
// write that creates a new file or fails having changed nothing — over a file, a folder or a link, dangling or not.
import {
    existsSync,
    lstatSync,
    mkdirSync,
    mkdtempSync,
    readFileSync,
    rmSync,
    symlinkSync,
    writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
    driftNotice,
    importedDesignPath,
    isFolder,
    taken,
    writeNewDesign,
} from '../../client/commands/deployed-files.js';

const work = mkdtempSync(path.join(tmpdir(), 'mregion-deployed-files-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the default path of an imported design', () => {
    const cases: { input: string; folder: boolean; topology?: string; expected: string }[] = [
        { input: '/w/infra/shop.template.json', folder: false, expected: '/w/infra/shop.mregion' },
        { input: '/w/infra/plan.json', folder: false, expected: '/w/infra/plan.mregion' },
        { input: '/w/infra/Plan.JSON', folder: false, expected: '/w/infra/Plan.mregion' },
        { input: '/w/infra/state', folder: false, expected: '/w/infra/state.mregion' },
        { input: '/w/app/cdk.out', folder: true, topology: 'Shop', expected: '/w/app/shop.mregion' },
        { input: '/w/app/cdk.out', folder: true, expected: '/w/app/imported.mregion' },
        { input: '/w/app/cdk.out', folder: true, topology: '../../etc', expected: '/w/app/etc.mregion' },
    ];
    for (const c of cases) {
        it(`is ${c.expected} for ${c.folder ? 'the folder' : 'the file'} ${c.input}${c.topology !== undefined ? ` of topology ${c.topology}` : ''}`, () => {
            expect(importedDesignPath(c.input, c.folder, c.topology)).toBe(c.expected);
        });
    }
});

describe('writing an imported design', () => {
    it('creates a new file with the text', () => {
        const file = path.join(work, 'new.mregion');
        expect(taken(file)).toBe(false);
        writeNewDesign(file, 'topology T\n');
        expect(readFileSync(file, 'utf8')).toBe('topology T\n');
    });

    const existing: { what: string; make: (at: string) => void; unchanged: (at: string) => void }[] = [
        {
            what: 'a file',
            make: (at) => writeFileSync(at, 'keep me\n'),
            unchanged: (at) => expect(readFileSync(at, 'utf8')).toBe('keep me\n'),
        },
        {
            what: 'a folder',
            make: (at) => mkdirSync(at),
            unchanged: (at) => expect(isFolder(at)).toBe(true),
        },
        {
            what: 'a link to a file',
            make: (at) => {
                writeFileSync(`${at}.target`, 'target\n');
                symlinkSync(`${at}.target`, at);
            },
            unchanged: (at) => expect(readFileSync(`${at}.target`, 'utf8')).toBe('target\n'),
        },
        {
            what: 'a dangling link',
            make: (at) => symlinkSync(`${at}.nowhere`, at),
            unchanged: (at) => {
                expect(lstatSync(at).isSymbolicLink()).toBe(true);
                expect(existsSync(`${at}.nowhere`)).toBe(false);
            },
        },
    ];
    for (const [i, c] of existing.entries()) {
        it(`fails over ${c.what}, having written nothing`, () => {
            const at = path.join(work, `taken-${i}.mregion`);
            c.make(at);
            expect(taken(at)).toBe(true);
            expect(() => writeNewDesign(at, 'imported\n')).toThrow();
            c.unchanged(at);
        });
    }
});

describe('the notice after a comparison', () => {
    it.each([
        {
            count: 0,
            expected:
                'No drift: shop.mregion and plan.json agree on regions, replicas, replication, health checks and TTLs.',
        },
        {
            count: 1,
            expected: "1 difference between shop.mregion and plan.json, shown in Problems on the design's clauses.",
        },
        {
            count: 3,
            expected: "3 differences between shop.mregion and plan.json, shown in Problems on the design's clauses.",
        },
    ])('says $expected', ({ count, expected }) => {
        expect(driftNotice(count, 'shop.mregion', 'plan.json')).toBe(expected);
    });
});
