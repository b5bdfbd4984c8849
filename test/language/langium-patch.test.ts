// patches/langium+4.4.0.patch: the parser builds each element's alternatives and options once, and rule arguments
// still reach every call, at any depth of recursion; nodes get their own type's defaults, listed once per type.
import { EmptyFileSystem, type AstNode } from 'langium';
import { createServicesForGrammar } from 'langium/grammar';
import { beforeAll, describe, expect, it } from 'vitest';
import { mregion } from '../helpers/services.js';

/** A design with `stores` stores, each with the same clauses. */
function design(stores: number): string {
    const lines = ['topology T', 'region us-east-1 { provider aws }', 'region eu-west-1 { provider aws }'];
    for (let i = 0; i < stores; i++)
        lines.push(
            `store s${i} { engine dynamodb regions us-east-1, eu-west-1 holds per-user rows writes home-region }`,
        );
    return `${lines.join('\n')}\n`;
}

/** How many calls the parser made to Chevrotain's entry points, and how many distinct objects they handed over. */
function chevrotainCalls(text: string): { calls: number; objects: number } {
    const parser = mregion.parser.LangiumParser as unknown as Record<string, (...args: unknown[]) => unknown>;
    const objects = new Set<unknown>();
    let calls = 0;
    const methods = ['alternatives', 'many', 'optional', 'atLeastOne'];
    const ownBefore = new Map(methods.map((method) => [method, parser[method]] as const));
    for (const method of methods) {
        if (!Object.hasOwn(parser, method)) ownBefore.delete(method);
        const original = parser[method]!;
        parser[method] = function (this: unknown, idx: unknown, choices: unknown, ...rest: unknown[]) {
            calls++;
            objects.add(choices);
            return original.call(this, idx, choices, ...rest);
        };
    }
    try {
        mregion.parser.LangiumParser.parse(text);
    } finally {
        // The wrappers are own properties: removing them restores the prototype's methods (or the own ones).
        for (const method of methods) {
            const own = ownBefore.get(method);
            if (own) parser[method] = own;
            else delete parser[method];
        }
    }
    return { calls, objects: objects.size };
}

describe('the patched Langium parser builder', () => {
    it('hands Chevrotain one alternatives or options object per grammar element, however long the text', () => {
        const short = chevrotainCalls(design(2));
        const long = chevrotainCalls(design(50));
        expect(long.calls).toBeGreaterThan(short.calls + 48 * 5);
        expect(long.objects).toBe(short.objects);
    });

    describe('with rule arguments that change at each level of a recursive rule', () => {
        // Odd levels hold names, even levels numbers: a level's list is the same grammar element as its parent's,
        // entered again with the opposite argument, so each level reads its own argument after the inner ones return.
        const GRAMMAR = `grammar Levels
entry Model: items+=Item<false>*;
Item<odd>: '(' items+=Item<!odd>* ')' | <odd> name=ID | <!odd> value=INT;
hidden terminal WS: /\\s+/;
terminal ID: /[a-z]+/;
terminal INT returns number: /[0-9]+/;
`;
        let parse: (text: string) => { errors: number; value: AstNode };
        beforeAll(async () => {
            const services = await createServicesForGrammar({ grammar: GRAMMAR, ...EmptyFileSystem });
            parse = (text) => {
                const result = services.parser.LangiumParser.parse(text);
                return { errors: result.parserErrors.length + result.lexerErrors.length, value: result.value };
            };
        });

        it.each([
            ['names at odd levels, numbers at even ones', '( a ( 1 ( b ) 2 ) c ) ( d )', 0],
            ['a number back at an odd level after a deeper list', '( a ( 1 ( b ) 2 ) 3 )', 1],
            ['a name back at an even level after a deeper list', '( a ( 1 ( b ) c ) )', 1],
            ['a number at the first level', '( 1 )', 1],
        ])('parses %s by the arguments of its level', (_, text, errors) => {
            expect(parse(text).errors > 0 ? 1 : 0).toBe(errors);
        });

        it('builds the tree the text describes', () => {
            const { value } = parse('( a ( 1 ( b ) 2 ) c )');
            const shape = (node: AstNode): unknown => {
                const {
                    name,
                    value: number,
                    items,
                } = node as unknown as { name?: string; value?: number; items?: AstNode[] };
                return name ?? number ?? items?.map(shape);
            };
            expect(shape(value)).toEqual([['a', [1, ['b'], 2], 'c']]);
        });
    });

    describe('building nodes', () => {
        // Two node types with different defaults (the patched parser lists each type's defaults once), a keyword
        // assigned to a property, and a data type rule of keywords and names.
        const GRAMMAR = `grammar Defaults
entry Model: items+=(Item | Group)*;
Item: 'item' name=ID (flag?='flagged')? ('tags' tags+=ID+)? ('kind' kind=('a' | 'b'))? ('size' size=Size)?;
Group: 'group' name=ID ('members' members+=ID+)?;
Size returns string: 'small' | 'large' | ID;
hidden terminal WS: /\\s+/;
terminal ID: /[a-z_]+/;
`;
        let items: Record<string, unknown>[];
        beforeAll(async () => {
            const services = await createServicesForGrammar({ grammar: GRAMMAR, ...EmptyFileSystem });
            const text =
                'item x group g item y flagged tags p q kind b size large group h members m item z size custom';
            const result = services.parser.LangiumParser.parse(text);
            expect(result.parserErrors).toEqual([]);
            const plain = (node: Record<string, unknown>) =>
                Object.fromEntries(Object.entries(node).filter(([key]) => !key.startsWith('$')));
            items = (result.value as unknown as { items: Record<string, unknown>[] }).items.map(plain);
        });

        it('gives each node the defaults of its own type for what its text leaves out', () => {
            expect(items[0]).toEqual({ name: 'x', flag: false, tags: [] });
            expect(items[1]).toEqual({ name: 'g', members: [] });
        });

        it('keeps what the text says: a flag, a list, a keyword and a data type value', () => {
            expect(items[2]).toEqual({ name: 'y', flag: true, tags: ['p', 'q'], kind: 'b', size: 'large' });
            expect(items[3]).toEqual({ name: 'h', members: ['m'] });
            expect(items[4]).toEqual({ name: 'z', flag: false, tags: [], size: 'custom' });
        });
    });
});
