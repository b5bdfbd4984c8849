// Whole findings with their related locations: what `wholeFindings` reads, plus, for each finding, the text each
// related location covers and the message it carries (the objective a finding is measured against, say).
import { wholeFindings, type WholeFinding } from './whole-findings.js';
import { diagnosticsOf, textAt } from './rule-cases.js';

export interface RelatedFinding extends WholeFinding {
    readonly related: readonly (readonly [string, string])[];
}

export async function wholeFindingsWithRelated(code: string, design: string): Promise<RelatedFinding[]> {
    const whole = await wholeFindings(code, design);
    const { text, diagnostics } = await diagnosticsOf(design);
    const related = diagnostics
        .filter((d) => d.code === code)
        .map((d) =>
            (d.relatedInformation ?? []).map(
                (r) => [textAt(text, { range: r.location.range } as never), r.message] as const,
            ),
        );
    return whole.map((finding, i) => ({ ...finding, related: related[i] ?? [] }));
}
