// The accessors of Langium's private state (language/langium/internals.ts) still reach what they were written
// for: each is checked through Langium's public API, and no other file touches those fields.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { CstNodeBuilder, isReference, LangiumParser, type CstNode, type Reference } from 'langium';
import { describe, expect, it } from 'vitest';
import {
    LANGIUM_CHECKED_VERSION,
    builderStack,
    forgetCachedRange,
    forgetResolution,
    parserInternals,
    resolvedTarget,
    setRootText,
} from '../../language/langium/internals.js';
import { ROOT } from '../helpers/bundles.js';
import { mregion, validate } from '../helpers/services.js';

const TEXT = 'topology T\nregion us-east-1 {}\nregion eu-west-1 {}\ncell c { regions us-east-1, eu-west-1 }\n';

describe('the adapter over Langium internals', () => {
    it(`was checked against the installed Langium (${LANGIUM_CHECKED_VERSION}); on an upgrade, re-read each accessor against node_modules/langium/lib and bump it`, () => {
        const installed = JSON.parse(
            readFileSync(path.join(ROOT, 'node_modules/langium/package.json'), 'utf8'),
        ).version;
        expect(installed).toBe(LANGIUM_CHECKED_VERSION);
    });

    it('reaches the parser state that a parse sets up', () => {
        const state = parserInternals<unknown>(mregion.parser.LangiumParser);
        expect(state.nodeBuilder).toBeDefined();
        expect(Array.isArray(state.stack)).toBe(true);
        expect(typeof state.doParse).toBe('function');
        // MregionParser replaces these with its own versions that call or follow Langium's: a rename in Langium
        // would leave Langium's own in use, unnoticed.
        const langium = LangiumParser.prototype as unknown as Record<string, unknown>;
        for (const method of [
            'startImplementation',
            'performSubruleAssignment',
            'isValidToken',
            'isRecording',
            'construct',
        ])
            expect(typeof langium[method], method).toBe('function');
    });

    it('reaches the CST builder’s stack of open nodes, which holds the root between parses', () => {
        const builder = new CstNodeBuilder();
        const root = builder.buildRootNode('topology T\n');
        expect(builderStack(builder)).toEqual([root]);
    });

    it('forgets the range the root node cached, so that it is computed from its children again', async () => {
        const { document } = await validate(TEXT);
        const root = document.parseResult.value.$cstNode!;
        const cached = root.range;
        expect(root.range).toBe(cached);
        forgetCachedRange(root);
        expect(root.range).not.toBe(cached);
        expect(root.range).toEqual(cached);
    });

    it('gives the root node a new text', async () => {
        const { document } = await validate(TEXT);
        const root = document.parseResult.value.$cstNode as CstNode & { fullText: string };
        setRootText(root, `${TEXT}// more\n`);
        expect(root.fullText).toBe(`${TEXT}// more\n`);
    });

    it('reads what a linked reference resolved to, and forgets it so that it resolves again', async () => {
        const { document } = await validate(TEXT);
        const reference = document.references.find(isReference) as Reference;
        const target = reference.ref;
        expect(target?.$type).toBe('Region');
        expect(resolvedTarget(reference)).toBe(target);
        forgetResolution(reference);
        expect(resolvedTarget(reference)).toBeUndefined();
        expect(reference.ref).toBe(target);
    });

    it('is the only module that names Langium’s private fields', () => {
        const privateField =
            /\._(offset|length|startLine|startColumn|endLine|endColumn|rangeCache|text|ref|nodeDescription|items|linkingError)\b/;
        const offenders: string[] = [];
        const walk = (dir: string) => {
            for (const name of readdirSync(dir)) {
                const file = path.join(dir, name);
                if (statSync(file).isDirectory()) {
                    if (name !== 'generated' && name !== 'langium') walk(file);
                } else if (file.endsWith('.ts') && privateField.test(readFileSync(file, 'utf8')))
                    offenders.push(path.relative(ROOT, file));
            }
        };
        for (const folder of ['language', 'server', 'cli', 'simulation', 'export']) walk(path.join(ROOT, folder));
        expect(offenders).toEqual([]);
    });
});
