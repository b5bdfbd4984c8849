// Shared test services: one Langium instance per test file, fresh documents per parse.
import { EmptyFileSystem, URI, type LangiumDocument } from 'langium';
import { parseHelper } from 'langium/test';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { Document } from '../../language/generated/ast.js';
import { createMregionServices } from '../../language/mregion-module.js';
import type { BuildResult } from '../../language/semantics/model.js';

export const services = createMregionServices(EmptyFileSystem);
export const mregion = services.Mregion;
const parse = parseHelper<Document>(mregion);

let counter = 0;

/** Parses and validates `text` as a fresh document (optionally with other files it can import). */
export async function validate(
    text: string,
    others: Record<string, string> = {},
): Promise<{ document: LangiumDocument<Document>; diagnostics: Diagnostic[] }> {
    const folder = `file:///test/case${++counter}`;
    const extra: LangiumDocument[] = [];
    for (const [name, content] of Object.entries(others)) {
        extra.push(mregion.shared.workspace.LangiumDocumentFactory.fromString(content, URI.parse(`${folder}/${name}`)));
    }
    for (const d of extra) mregion.shared.workspace.LangiumDocuments.addDocument(d);
    // Imported files are indexed first so the main document links against them.
    await mregion.shared.workspace.DocumentBuilder.build(extra, { validation: true });
    const document = await parse(text, { documentUri: `${folder}/main.mregion`, validation: true });
    return { document, diagnostics: document.diagnostics ?? [] };
}

export async function modelOf(
    text: string,
    others: Record<string, string> = {},
): Promise<BuildResult & { diagnostics: Diagnostic[] }> {
    const { document, diagnostics } = await validate(text, others);
    return { ...mregion.semantics.Models.modelFor(document), diagnostics };
}

export function errors(diagnostics: readonly Diagnostic[]): Diagnostic[] {
    return diagnostics.filter((d) => d.severity === 1);
}

export function describe(d: Diagnostic): string {
    return `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code} ${d.message}`;
}
