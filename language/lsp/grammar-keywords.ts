// The keywords of the grammar and the AST node types that own them, read from the generated grammar so the
// keyword documentation, completion and the syntax tests follow the grammar without a second list.
import { AstUtils, GrammarAST, GrammarUtils, type Grammar } from 'langium';

/** The data type rule for declared names: its keywords are names there, not keywords (a store called `redis`). */
export const NAME_RULE = 'Name';

/**
 * Every keyword → the AST types whose text contains it as a keyword. Keywords reached only through the name
 * rule (`cache`) map to an empty set.
 */
export function keywordOwners(grammar: Grammar): ReadonlyMap<string, ReadonlySet<string>> {
    const owners = new Map<string, Set<string>>();
    const add = (keyword: string, owner?: string): void => {
        let set = owners.get(keyword);
        if (!set) owners.set(keyword, (set = new Set()));
        if (owner) set.add(owner);
    };
    for (const rule of grammar.rules.filter(GrammarAST.isParserRule)) {
        const dataType = GrammarUtils.isDataTypeRule(rule);
        for (const element of AstUtils.streamAllContents(rule.definition)) {
            if (AstUtils.getContainerOfType(element, GrammarAST.isCrossReference)) continue;
            if (GrammarAST.isKeyword(element)) {
                add(element.value, dataType ? undefined : typeOfRule(rule));
            } else if (
                !dataType &&
                GrammarAST.isRuleCall(element) &&
                GrammarAST.isParserRule(element.rule.ref) &&
                GrammarUtils.isDataTypeRule(element.rule.ref) &&
                element.rule.ref.name !== NAME_RULE
            ) {
                for (const keyword of keywordsOf(element.rule.ref)) add(keyword, typeOfRule(rule));
            }
        }
        if (dataType) for (const keyword of keywordsOf(rule)) add(keyword);
    }
    return owners;
}

function keywordsOf(rule: GrammarAST.ParserRule): string[] {
    return AstUtils.streamAllContents(rule.definition)
        .filter(GrammarAST.isKeyword)
        .map((k) => k.value)
        .toArray();
}

function typeOfRule(rule: GrammarAST.ParserRule): string {
    return rule.returnType?.ref?.name ?? rule.inferredType?.name ?? rule.name;
}

/** Keywords the grammar accepts as names (the alternatives of the name rule and the value rules it calls). */
export function nameKeywords(grammar: Grammar): ReadonlySet<string> {
    const rule = grammar.rules.find((r) => GrammarAST.isParserRule(r) && r.name === NAME_RULE);
    if (!rule || !GrammarAST.isParserRule(rule)) return new Set();
    const words = new Set<string>();
    const visit = (r: GrammarAST.ParserRule, seen: Set<string>): void => {
        if (seen.has(r.name)) return;
        seen.add(r.name);
        for (const element of AstUtils.streamAllContents(r.definition)) {
            if (GrammarAST.isKeyword(element)) words.add(element.value);
            else if (GrammarAST.isRuleCall(element) && GrammarAST.isParserRule(element.rule.ref))
                visit(element.rule.ref, seen);
        }
    };
    visit(rule, new Set());
    return words;
}
