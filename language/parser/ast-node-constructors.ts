// The parser's AST nodes, made by one constructor per node type instead of Langium's `{ $type }` literal. A literal
// of one property has room for one: every property the parser assigns afterwards (`$cstNode`, the type's own, the
// links to the container) goes to a separate property array, which grows three slots at a time. An object made by a
// constructor has room left after construction, and V8 fits that room to the properties its first instances were
// given, so a node keeps them all in itself: one object to allocate and collect instead of two, and no slots
// allocated ahead. The constructors' prototype is `Object.prototype`: a node is a plain object as before, to every
// reader; it has its links to the container (undefined until set, as `$containerIndex` stays outside a list).
import type { AstNode } from 'langium';

type NodeConstructor = new () => AstNode;

const constructors = new Map<string, NodeConstructor>();

/** The constructor of the nodes of `type`, one per type, so that each type's nodes share their layout. */
export function astNodeConstructor(type: string): NodeConstructor {
    let made = constructors.get(type);
    if (!made) {
        // A function, not a class: a class's prototype cannot be replaced.
        // The links to the container are declared here: they are set after the parse (`linkAndCompact`), when
        // V8 has long fitted the nodes' room to what their first instances held.
        const construct = function (this: Record<string, unknown>) {
            this.$type = type;
            this.$cstNode = undefined;
            this.$container = undefined;
            this.$containerProperty = undefined;
            this.$containerIndex = undefined;
        };
        construct.prototype = Object.prototype;
        made = construct as unknown as NodeConstructor;
        constructors.set(type, made);
    }
    return made;
}
