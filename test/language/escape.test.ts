// User text shown in a terminal or in Markdown is shown, never acted on: control sequences become visible
// escapes, Markdown and HTML are escaped, and a code span is fenced so no backtick inside can close it.
import { describe, expect, it } from 'vitest';
import { markdownCode, markdownText, visibleControls } from '../../language/semantics/escape.js';

describe('escaping user text', () => {
    it.each([
        { what: 'an ESC sequence', text: 'a\u001b[2Jb', shown: 'a\\u001b[2Jb' },
        { what: 'a line break and a carriage return', text: 'a\nb\rc', shown: 'a\\u000ab\\u000dc' },
        { what: 'a C1 control and DEL', text: 'a\u009bb\u007f', shown: 'a\\u009bb\\u007f' },
        { what: 'a bidirectional override', text: 'a\u202eb', shown: 'a\\u202eb' },
        { what: 'plain text and unicode', text: 'Zürich 🚀 | `x`', shown: 'Zürich 🚀 | `x`' },
    ])('shows $what visibly in a terminal', ({ text, shown }) => {
        expect(visibleControls(text)).toBe(shown);
    });

    it.each([
        {
            what: 'emphasis, links and code',
            text: '**b** [l](u) `c` _i_',
            shown: '\\*\\*b\\*\\* \\[l\\](u) \\`c\\` \\_i\\_',
        },
        { what: 'HTML', text: '<script>&amp;</script>', shown: '&lt;script&gt;&amp;amp;&lt;/script&gt;' },
        { what: 'a table separator and a backslash', text: 'a | b \\', shown: 'a \\| b \\\\' },
        { what: 'a line break before a heading', text: 'a\n# b', shown: 'a \\# b' },
    ])('escapes $what in Markdown text', ({ text, shown }) => {
        expect(markdownText(text)).toBe(shown);
    });

    it.each([
        { what: 'plain text', text: 'a.mregion', inTable: false, code: '`a.mregion`' },
        { what: 'a backtick', text: 'a`b', inTable: false, code: '``a`b``' },
        { what: 'a run of backticks', text: 'a```b`', inTable: false, code: '```` a```b` ````' },
        { what: 'a line break', text: 'a\nb', inTable: false, code: '`a b`' },
        { what: 'a table separator in a table', text: 'a|b', inTable: true, code: '`a\\|b`' },
    ])('fences $what as a Markdown code span', ({ text, inTable, code }) => {
        expect(markdownCode(text, inTable)).toBe(code);
    });
});
