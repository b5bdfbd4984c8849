import * as path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isSafeRelativePath } from '../../client/commands/safe-path.js';

describe('paths the export may write', () => {
    it.each([
        ['bin/app.ts', true],
        ['lib/stacks/primary-stack.ts', true],
        ['README.md', true],
        ['.mregion-export.json', true],
        ['', false],
        ['/etc/passwd', false],
        ['../outside.ts', false],
        ['lib/../../outside.ts', false],
        ['lib/./app.ts', false],
        ['lib//app.ts', false],
        ['C:/Windows/win.ini', false],
        ['lib\\app.ts', false],
        ['lib/app.ts/', false],
    ])('judges %j as safe: %s', (p, safe) => {
        expect(isSafeRelativePath(p)).toBe(safe);
    });

    it('never accepts a path that resolves outside the output folder', () => {
        const segment = fc.oneof(fc.constantFrom('..', '.', '', 'a', 'b.ts', 'C:', '\\', '..\\x'), fc.string({ maxLength: 4 }));
        fc.assert(fc.property(fc.array(segment, { minLength: 1, maxLength: 6 }), fc.boolean(), (parts, absolute) => {
            const p = (absolute ? '/' : '') + parts.join('/');
            if (!isSafeRelativePath(p)) return;
            const out = path.posix.resolve('/out', p);
            expect(out.startsWith('/out/')).toBe(true);
        }), { numRuns: 2000 });
    });
});
