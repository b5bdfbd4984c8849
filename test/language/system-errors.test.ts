// One wording per operating-system error code for every place mregion reads, lists or writes files.
import { describe, expect, it } from 'vitest';
import { systemReason } from '../../language/semantics/system-errors.js';

const failure = (code?: string) => Object.assign(new Error('raw'), code ? { code } : {});

describe('the reason shown for a system error', () => {
    it.each([
        ['EACCES', 'permission denied'],
        ['EPERM', 'permission denied'],
        ['EROFS', 'the file system is read-only'],
        ['ENOSPC', 'the disk is full'],
        ['EDQUOT', 'the disk is full'],
        ['ENAMETOOLONG', 'the name is too long'],
    ])('words %s as %s', (code, reason) => {
        expect(systemReason(failure(code))).toBe(reason);
    });

    it("takes the caller's wording of a code first", () => {
        expect(systemReason(failure('ENOENT'), { ENOENT: 'it does not exist' })).toBe('it does not exist');
        expect(systemReason(failure('EACCES'), { EACCES: 'permission denied (the folder must be writable)' })).toBe(
            'permission denied (the folder must be writable)',
        );
    });

    it('leaves an error without a code, or with a code it does not word, to the caller', () => {
        expect(systemReason(failure())).toBeUndefined();
        expect(systemReason(failure('EIO'))).toBeUndefined();
        expect(systemReason(undefined)).toBeUndefined();
    });
});
