// Links into the shipped docs (hover facts links, diagnostics' rule links) become links VS Code opens in the
// Markdown preview; links anywhere else, and paths that escape the docs folder, are left as they were.
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { commandLink, docTarget, isDocPage, OPEN_DOCS_COMMAND, rewriteDocLinks } from '../../client/docs-links.js';
import { factDocUri, ruleDocUri, docsFolder } from '../../language/validation/rules/docs-link.js';

// A folder whose name needs escaping in a URI, as an extension installed under a user's home can have.
const EXTENSION_DOCS = path.join(path.sep, 'home', 'a user', '.vscode', 'extensions', 'mregion.mregion-0.1.0', 'docs');
const uriOf = (page: string, fragment = '') =>
    `${pathToFileURL(path.join(EXTENSION_DOCS, page)).href}${fragment ? `#${fragment}` : ''}`;

describe('links into the shipped documentation', () => {
    it.each([
        {
            what: 'a facts entry',
            href: uriOf('facts.md', 'route53-failover-ttl'),
            page: 'facts.md',
            fragment: 'route53-failover-ttl',
        },
        { what: 'a rule page', href: uriOf('rules/egress-cost.md'), page: 'rules/egress-cost.md', fragment: '' },
    ])('recognise $what by its file URI', ({ href, page, fragment }) => {
        expect(docTarget(href, EXTENSION_DOCS)).toEqual({ page, fragment });
    });

    it.each([
        {
            what: 'a web link',
            href: 'https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/best-practices-dns.html',
        },
        {
            what: 'a file outside the docs folder',
            href: pathToFileURL(path.join(EXTENSION_DOCS, '..', 'package.json')).href,
        },
        {
            what: 'a path that climbs out of the docs folder',
            href: `${pathToFileURL(EXTENSION_DOCS).href}/../../secret.md`,
        },
        { what: 'a page the extension does not ship', href: uriOf('notes/private.md') },
        { what: 'an anchor with markup in it', href: `${uriOf('facts.md')}#a%22b` },
        { what: 'a command link', href: 'command:workbench.action.terminal.new' },
    ])('ignore $what', ({ href }) => {
        expect(docTarget(href, EXTENSION_DOCS)).toBeUndefined();
    });

    it('turn into command links in hover Markdown, and leave other links alone', () => {
        const markdown = `- Lag: 1 s *(default, [docs/facts.md#dynamodb-mrec-lag](${uriOf('facts.md', 'dynamodb-mrec-lag')}))* — see [AWS](https://aws.amazon.com/)`;
        const args = encodeURIComponent(JSON.stringify(['facts.md', 'dynamodb-mrec-lag']));
        expect(rewriteDocLinks(markdown, EXTENSION_DOCS)).toBe(
            `- Lag: 1 s *(default, [docs/facts.md#dynamodb-mrec-lag](command:${OPEN_DOCS_COMMAND}?${args}))* — see [AWS](https://aws.amazon.com/)`,
        );
        expect(commandLink({ page: 'rules/egress-cost.md', fragment: '' })).toBe(
            `command:mregion.openDocs?${encodeURIComponent('["rules/egress-cost.md",""]')}`,
        );
    });

    it.each(['facts.md', 'rules/egress-cost.md'])('accept the page %s and no path that leaves the docs', (page) => {
        expect(isDocPage(page)).toBe(true);
        expect(isDocPage(`../${page}`)).toBe(false);
        expect(isDocPage(`/${page}`)).toBe(false);
    });

    it("match what the server writes: its facts and rule URIs are recognised under the server's docs folder", () => {
        expect(docTarget(factDocUri('route53-failover-ttl'), docsFolder())).toEqual({
            page: 'facts.md',
            fragment: 'route53-failover-ttl',
        });
        expect(docTarget(ruleDocUri('egress-cost'), docsFolder())).toEqual({
            page: 'rules/egress-cost.md',
            fragment: '',
        });
    });
});
