// The model builder asks for a declaration's clauses of a kind through `ClauseKinds`, which groups them by `$type`
// and reads which types a type guard accepts from stand-in nodes. The oracle is the guard itself: for every
// generated guard and every clause list of every example (and of broken text), the clauses of the kind are those
// the guard accepts, in the order they are written.
import { readdirSync, readFileSync } from 'node:fs';
import { AstUtils, type AstNode } from 'langium';
import { describe, expect, it } from 'vitest';
import * as ast from '../../language/generated/ast.js';
import { ClauseKinds, typesAcceptedBy, type Guard } from '../../language/semantics/builder/clause-kinds.js';
import { mregion } from '../helpers/services.js';
import { DESIGN_HEAD } from './hostile-texts.js';

const EXAMPLES = new URL('../../examples/', import.meta.url);
const guards = Object.entries(ast as Record<string, unknown>)
    .filter(([name, value]) => name.startsWith('is') && typeof value === 'function')
    .map(([name, value]) => [name, value as Guard<AstNode>] as const);

const texts: [string, string][] = [
    ...readdirSync(EXAMPLES)
        .filter((f) => f.endsWith('.mregion'))
        .map((f): [string, string] => [f, readFileSync(new URL(f, EXAMPLES), 'utf8')]),
    ['a design cut off mid-declaration', `${DESIGN_HEAD}store s { engine dynamodb regions us-east-1, `],
    ['a clause written twice', `${DESIGN_HEAD}store s { engine dynamodb engine spanner regions us-east-1 }\n`],
    ['a clause out of place', `${DESIGN_HEAD}region r { engine dynamodb }\n`],
];

describe('the clauses of a kind', () => {
    it('are asked of a guard for every type the grammar declares, and the guards cover the clause kinds', () => {
        expect(guards.length).toBeGreaterThan(50);
        // A guard for a union type accepts several concrete types; one for a clause kind, exactly its own.
        expect(typesAcceptedBy(ast.isEngineClause)).toEqual(['EngineClause']);
        expect(typesAcceptedBy(ast.isStoreClause).length).toBeGreaterThan(10);
    });

    it.each(texts)(
        'are those each type guard accepts, in written order, for every clause list of %s',
        (_name, text) => {
            const root = mregion.parser.LangiumParser.parse(text).value;
            let lists = 0;
            for (const node of AstUtils.streamAst(root)) {
                const clauses = (node as { clauses?: unknown }).clauses;
                if (!Array.isArray(clauses)) continue;
                lists++;
                const kinds = new ClauseKinds(clauses as AstNode[]);
                for (const [name, is] of guards)
                    expect(kinds.of(is), `${name} over the clauses of ${node.$type}`).toEqual(clauses.filter(is));
            }
            expect(lists).toBeGreaterThan(0);
        },
    );
});
