// Where a model object was declared, kept as the AST nodes it came from: its ranges are worked out when a rule, the
// hover or a report asks for them. A large design's model had about one declaration, name and clause range per
// 20 bytes of text, three objects each (≈ 120 bytes a range: 60 MB for an 8 MB design), nearly all never read.
// The declaration's range and its name's, once read, are kept: rules report at them and fixes insert after them,
// and a diagnostic shares the source's object as it did when ranges were made up front. A property's range is
// made on each read (a diagnostic that shows it keeps it). Like the ranges made up front, they belong to the tree
// the model was built from: the model builder rebuilds a declaration that moved (declaration-memo.ts).
import type { AstNode } from 'langium';
import type { Range, Source } from '../model.js';
import { propertyNode } from './property-nodes.js';

const NOWHERE: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
const NO_PROPS: Readonly<Record<string, AstNode | Range>> = Object.freeze({});

/** The range of a node's text, or the start of the file for a node the parser did not place. */
export function rangeOf(node: AstNode | undefined): Range {
    return node?.$cstNode?.range ?? NOWHERE;
}

/** Whether a property value is a range already worked out (else it is the AST node to take it from). */
function isRange(value: AstNode | Range): value is Range {
    return 'start' in value;
}

export class NodeSource implements Source {
    private readonly places: Readonly<Record<string, AstNode | Range>>;
    /** The declaration's range and its name's, once read (the ranges rules report at and fixes insert after). */
    private wholeRange: Range | undefined = undefined;
    private namedRange: Range | undefined = undefined;

    /** @param places each property's node (its range read when asked) or a range worked out by the builder */
    constructor(
        readonly uri: string,
        private readonly node: AstNode,
        places: Readonly<Record<string, AstNode | Range | undefined>>,
    ) {
        let kept: Record<string, AstNode | Range> | undefined;
        for (const key in places) {
            const place = places[key];
            if (place !== undefined) (kept ??= {})[key] = place;
        }
        this.places = kept ?? NO_PROPS;
    }

    get range(): Range {
        return (this.wholeRange ??= rangeOf(this.node));
    }

    get nameRange(): Range {
        if (this.namedRange) return this.namedRange;
        const name = 'name' in this.node ? propertyNode(this.node.$cstNode, 'name') : undefined;
        return (this.namedRange = name ? name.range : this.range);
    }

    /**
     * Every property's range, worked out on each read: for one property, `propRange(source, key)`
     * (`semantics/source-props.ts`) works out only that one.
     */
    get props(): Readonly<Record<string, Range | undefined>> {
        const props: Record<string, Range> = {};
        for (const key in this.places) props[key] = this.prop(key)!;
        return props;
    }

    /** One property's range, worked out now (undefined when the property was not written). */
    prop(key: string): Range | undefined {
        const place = Object.hasOwn(this.places, key) ? this.places[key] : undefined;
        if (!place) return undefined;
        return isRange(place) ? place : place === this.node ? this.range : rangeOf(place);
    }

    /**
     * The source as plain data, for JSON (the language server's messages) and for the copy of the model handed to
     * the simulation worker (`simulation/plain-model.ts`): a structured clone keeps own fields, not getters.
     */
    toJSON(): Source {
        return { uri: this.uri, range: this.range, nameRange: this.nameRange, props: this.props };
    }
}
