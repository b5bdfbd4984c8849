import { TextDocument } from 'vscode-languageserver-textdocument';
import { expectFindReferences, expectGoToDefinition } from 'langium/test';
import { describe, expect, it } from 'vitest';
import { ResponseError, type WorkspaceEdit } from 'vscode-languageserver-protocol';
import { errors, mregion, validate } from '../helpers/services.js';
import { openAt } from './lsp-helpers.js';

const goToDefinition = expectGoToDefinition(mregion);
const findReferences = expectFindReferences(mregion);

describe('go to definition', () => {
    it.each([
        ['a region listed in a store', 'region <|us-east-1|> { provider aws }\nstore s { regions us-ea<|>st-1 }'],
        [
            'the target of a failover',
            'region a { provider aws }\nservice <|api|> { regions a }\nfailover a<|>pi { route anycast }',
        ],
        ['a workload of a scenario', 'workload <|peak|> { writes 1/s }\nscenario s { workload pe<|>ak }'],
        ['a store named like an engine', 'store <|redis|> { engine redis }\nservice s { uses re<|>dis }'],
    ])('jumps from %s to its declaration', async (_what, text) => {
        await goToDefinition({ text, index: 0, rangeIndex: 0, disposeAfterCheck: true });
    });

    it('jumps into the imported file that declares the name', async () => {
        const at = await openAt('import "regions.mregion"\ncell c { regions eu-we<|>st-1 }', {
            'regions.mregion': '\nregion eu-west-1 { provider aws }\n',
        });
        const [link] = (await mregion.lsp.DefinitionProvider!.getDefinition(at.document, at.params)) ?? [];
        expect(link?.targetUri).toMatch(/\/regions\.mregion$/);
        expect(link?.targetSelectionRange).toEqual({
            start: { line: 1, character: 7 },
            end: { line: 1, character: 16 },
        });
    });
});

describe('find references', () => {
    it('finds every use of a region and its declaration', async () => {
        await findReferences({
            text: 'region <|<|>a|> { provider aws }\nregion b { provider aws }\nlink <|a|> <-> b { rtt 5ms }\nstore s { regions <|a|>, b }\nscenario x { at 1m outage region <|a|> for 1m }',
            includeDeclaration: true,
            disposeAfterCheck: true,
        });
    });

    it('finds uses of a store as a failover target and in an expectation', async () => {
        await findReferences({
            text: 'region a { provider aws }\nstore <|>db { engine redis  regions a }\nservice api { uses <|db|> }\nfailover <|db|> { action promote <|db|> }\nscenario x { expect lost-writes of <|db|> == 0 }',
            includeDeclaration: false,
            disposeAfterCheck: true,
        });
    });
});

/** Applies a workspace edit to the documents it names; returns the new texts by file name. */
function applyEdit(
    edit: WorkspaceEdit,
    texts: Record<string, string>,
    uriOf: (name: string) => string,
): Record<string, string> {
    const result = { ...texts };
    for (const [name, text] of Object.entries(texts)) {
        const edits = edit.changes?.[uriOf(name)] ?? [];
        result[name] = TextDocument.applyEdits(TextDocument.create(uriOf(name), 'mregion', 1, text), edits);
    }
    return result;
}

async function renameAt(marked: string, newName: string, others: Record<string, string> = {}) {
    const at = await openAt(marked, others);
    const folder = at.document.uri.toString().replace(/\/[^/]*$/, '');
    const uriOf = (name: string) => `${folder}/${name}`;
    const edit = await mregion.lsp.RenameProvider!.rename(at.document, { ...at.params, newName });
    const main = marked.replace('<|>', '');
    return { edit, after: edit ? applyEdit(edit, { 'main.mregion': main, ...others }, uriOf) : undefined };
}

async function refusal(marked: string, newName: string, others: Record<string, string> = {}): Promise<string> {
    try {
        await renameAt(marked, newName, others);
    } catch (error) {
        expect(error).toBeInstanceOf(ResponseError);
        return (error as ResponseError<unknown>).message;
    }
    throw new Error('the rename was not refused');
}

describe('rename', () => {
    it('renames a region at its declaration and every use, and the result links cleanly', async () => {
        const { after } = await renameAt(
            'region us-ea<|>st-1 { provider aws }\nregion eu-west-1 { provider aws }\nlink us-east-1 <-> eu-west-1 { rtt 76ms }\nstore s { engine redis  regions us-east-1, eu-west-1  holds shared rows  writes primary us-east-1 }',
            'virginia',
        );
        expect(after!['main.mregion']).toBe(
            'region virginia { provider aws }\nregion eu-west-1 { provider aws }\nlink virginia <-> eu-west-1 { rtt 76ms }\nstore s { engine redis  regions virginia, eu-west-1  holds shared rows  writes primary virginia }',
        );
        const { diagnostics } = await validate(after!['main.mregion']!);
        expect(diagnostics.filter((d) => d.code === 'unresolved-reference')).toEqual([]);
    });

    it('renames across files: from a use in the importing file to the declaration in the imported one', async () => {
        const { after } = await renameAt(
            'import "shared.mregion"\nservice api { regions a  uses led<|>ger }',
            'accounts',
            {
                'shared.mregion':
                    'region a { provider aws }\nstore ledger { engine redis  regions a  holds shared rows }\n',
            },
        );
        expect(after!['main.mregion']).toBe('import "shared.mregion"\nservice api { regions a  uses accounts }');
        expect(after!['shared.mregion']).toBe(
            'region a { provider aws }\nstore accounts { engine redis  regions a  holds shared rows }\n',
        );
        const { diagnostics } = await validate(after!['main.mregion']!, {
            'shared.mregion': after!['shared.mregion']!,
        });
        expect(errors(diagnostics).filter((d) => d.code === 'unresolved-reference')).toEqual([]);
    });

    it('refuses a name a declaration of the same namespace already has', async () => {
        expect(
            await refusal(
                'region a { provider aws }\nstore d<|>b { engine redis  regions a }\nservice api { regions a }',
                'api',
            ),
        ).toBe("cannot rename store 'db' to 'api': service 'api' is already declared at main.mregion:3");
    });

    it("refuses a name declared in a file the renamed declaration's file imports", async () => {
        expect(
            await refusal('import "regions.mregion"\nregion lo<|>cal { provider aws }', 'eu-west-1', {
                'regions.mregion': 'region eu-west-1 { provider aws }\n',
            }),
        ).toBe(
            "cannot rename region 'local' to 'eu-west-1': region 'eu-west-1' is already declared at regions.mregion:1 (both are visible in main.mregion)",
        );
    });

    it("refuses a name declared in a file that imports the renamed declaration's file", async () => {
        const message = await refusal('region b<|>ase { provider aws }', 'mine', {
            'app.mregion': 'import "main.mregion"\nregion mine { provider aws }\n',
        });
        expect(message).toBe(
            "cannot rename region 'base' to 'mine': region 'mine' is already declared at app.mregion:2 (both are visible in app.mregion)",
        );
    });

    it('allows a name another namespace uses', async () => {
        const { after } = await renameAt('region a<|> { provider aws }\nstore db { engine redis  regions a }', 'db');
        expect(after!['main.mregion']).toBe('region db { provider aws }\nstore db { engine redis  regions db }');
    });

    it.each([
        ['a keyword', 'region', "'region' is a keyword of the language and cannot be a name"],
        ['two words', 'new name', "'new name' is not a name"],
        ['a number', '42', "'42' is not a name"],
    ])('refuses %s as the new name', async (_what, newName, message) => {
        expect(await refusal('region a<|> { provider aws }', newName)).toContain(message);
    });

    it('accepts a value word the grammar allows as a name', async () => {
        const { after } = await renameAt('region a { provider aws }\nstore d<|>b { engine redis  regions a }', 'redis');
        expect(after!['main.mregion']).toContain('store redis { engine redis');
    });

    it('prepares a rename on a name and refuses one on a keyword', async () => {
        const onName = await openAt('region us-ea<|>st-1 { provider aws }');
        expect(await mregion.lsp.RenameProvider!.prepareRename(onName.document, onName.params)).toEqual({
            start: { line: 0, character: 7 },
            end: { line: 0, character: 16 },
        });
        const onKeyword = await openAt('region a { prov<|>ider aws }');
        expect(await mregion.lsp.RenameProvider!.prepareRename(onKeyword.document, onKeyword.params)).toBeUndefined();
    });
});
