// The export writes files whose paths come from the language server: only plain relative paths that stay
// inside the chosen folder are accepted (no absolute paths, drive letters, backslashes, `.` or `..`).
export function isSafeRelativePath(p: string): boolean {
    if (p === '' || p.startsWith('/') || p.includes('\\') || p.includes('\0') || /^[a-zA-Z]:/.test(p)) return false;
    return p.split('/').every((part) => part !== '' && part !== '.' && part !== '..');
}
