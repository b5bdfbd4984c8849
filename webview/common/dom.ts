// Small DOM builders: text goes in through textContent only, so nothing from a report or graph is parsed as HTML.
export function el<K extends keyof HTMLElementTagNameMap>(
    tag: K,
    props: { class?: string; text?: string; title?: string } = {},
    ...children: (Node | string | undefined)[]
): HTMLElementTagNameMap[K] {
    const node = document.createElement(tag);
    if (props.class) node.className = props.class;
    if (props.text !== undefined) node.textContent = props.text;
    if (props.title !== undefined) node.title = props.title;
    for (const child of children) if (child !== undefined) node.append(child);
    return node;
}

const svgNs = 'http://www.w3.org/2000/svg';

export function svg<K extends keyof SVGElementTagNameMap>(
    tag: K,
    attrs: Record<string, string | number | undefined> = {},
    ...children: (Node | undefined)[]
): SVGElementTagNameMap[K] {
    const node = document.createElementNS(svgNs, tag);
    for (const [k, v] of Object.entries(attrs)) if (v !== undefined) node.setAttribute(k, String(v));
    for (const child of children) if (child !== undefined) node.append(child);
    return node;
}

export function svgText(text: string, attrs: Record<string, string | number | undefined>): SVGTextElement {
    const node = svg('text', attrs);
    node.textContent = text;
    return node;
}

export function svgTitle(text: string): SVGTitleElement {
    const node = svg('title');
    node.textContent = text;
    return node;
}
