// An operating-system error as the reason a user reads, without a stack: one wording per error code wherever mregion
// reads, lists or writes files. A caller words only the codes whose meaning depends on what it was doing (a missing
// path is "it does not exist" to a reader, "a folder on its path does not exist" to a writer).
const REASONS: Readonly<Record<string, string>> = {
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    EROFS: 'the file system is read-only',
    ENOSPC: 'the disk is full',
    EDQUOT: 'the disk is full',
    ENAMETOOLONG: 'the name is too long',
};

/** The reason for `error`'s code (`context` first), or undefined when the error has no code with a wording. */
export function systemReason(error: unknown, context: Readonly<Record<string, string>> = {}): string | undefined {
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    return code === undefined ? undefined : (context[code] ?? REASONS[code]);
}
