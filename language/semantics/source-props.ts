// One property's range from a declaration's Source. The builder's sources (NodeSource) work a range out when it is
// read, and their `props` record works out every property's range on each read: a rule or the builder that needs
// one property reads it here, at the cost of that one range (on a 10 MB design, reading `props` whole for one range
// was 0.4 s of \`mregion check\`). A plain Source (a copy, a test's) has its ranges as data.
import type { Range, Source } from './model.js';

export function propRange(source: Source, key: string): Range | undefined {
    return source.prop ? source.prop(key) : source.props[key];
}
