// Every named declaration of .mregion is top-level and exported, so a document needs no local symbol table:
// its own exports (plus its imports) are its scope. Langium's default local table would be filtered per
// reference, which is quadratic in the number of declarations (10k-line designs made edits take 0.3 s).
import { DefaultScopeComputation, MultiMap, type AstNodeDescription, type LangiumDocument, type LocalSymbols } from 'langium';

export class MregionScopeComputation extends DefaultScopeComputation {
    override async collectLocalSymbols(_document: LangiumDocument): Promise<LocalSymbols> {
        return new MultiMap<never, AstNodeDescription>();
    }
}
