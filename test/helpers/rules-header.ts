// An example or fixture names the rules it triggers in a header line, `// rules: a, b` or `// rules: none`; the
// tests compare it with the codes the checker reports for the file.
import type { LangiumDocument } from 'langium';

/** The rules a design's header names, sorted; none when the header says `none` or is missing. */
export function headerRules(text: string): string[] {
    const line = text.split('\n').find((l) => l.startsWith('// rules:'));
    const list = line?.slice('// rules:'.length).trim() ?? '';
    return list === 'none' || list === ''
        ? []
        : list
              .split(',')
              .map((s) => s.trim())
              .sort();
}

/** The distinct codes of a checked document's diagnostics, sorted. */
export function reportedCodes(document: LangiumDocument): string[] {
    return [...new Set((document.diagnostics ?? []).map((d) => String(d.code)))].sort();
}
