// What the extension accepts from its webview pages (protocol/webview-messages.ts): a page's postMessage is
// untrusted input, so a message is taken only with the shape its type promises, and nothing a page sends throws.
import fc from 'fast-check';
import { describe, expect, expectTypeOf, it } from 'vitest';
import {
    readViewMessage,
    type FromSimulationView,
    type FromTopologyView,
    type FromView,
    type Poster,
} from '../../protocol/webview-messages.js';

const location = {
    uri: 'file:///a.mregion',
    range: { start: { line: 2, character: 0 }, end: { line: 4, character: 1 } },
};

describe('a message from a webview page', () => {
    it.each([
        { name: 'ready is taken as is', message: { type: 'ready' }, read: { type: 'ready' } },
        { name: 'rerun is taken as is', message: { type: 'rerun' }, read: { type: 'rerun' } },
        {
            name: 'reveal keeps its location',
            message: { type: 'reveal', location },
            read: { type: 'reveal', location },
        },
        {
            name: 'reveal drops what the location does not declare',
            message: { type: 'reveal', location: { ...location, extra: 1 }, more: true },
            read: { type: 'reveal', location },
        },
        {
            name: 'rendered keeps its text and only the numeric counts',
            message: { type: 'rendered', text: 'Results', counts: { charts: 3, rows: 'many' } },
            read: { type: 'rendered', text: 'Results', counts: { charts: 3 } },
        },
        {
            name: 'export as Markdown',
            message: { type: 'export', format: 'markdown' },
            read: { type: 'export', format: 'markdown' },
        },
        {
            name: 'export as JSON',
            message: { type: 'export', format: 'json' },
            read: { type: 'export', format: 'json' },
        },
    ])('$name', ({ message, read }) => {
        expect(readViewMessage(message)).toEqual(read);
    });

    it.each([
        { name: 'no object', message: 'ready' },
        { name: 'null', message: null },
        { name: 'an unknown type', message: { type: 'delete-everything' } },
        { name: 'a reveal without a location', message: { type: 'reveal' } },
        {
            name: 'a reveal with a negative line',
            message: {
                type: 'reveal',
                location: { ...location, range: { start: { line: -1, character: 0 }, end: location.range.end } },
            },
        },
        {
            name: 'a reveal with a fractional character',
            message: {
                type: 'reveal',
                location: { ...location, range: { start: { line: 1, character: 0.5 }, end: location.range.end } },
            },
        },
        { name: 'a reveal whose uri is not text', message: { type: 'reveal', location: { ...location, uri: 7 } } },
        { name: 'rendered without text', message: { type: 'rendered', counts: {} } },
        { name: 'rendered without counts', message: { type: 'rendered', text: '' } },
        { name: 'an export in an unknown format', message: { type: 'export', format: 'pdf' } },
    ])('is dropped when it is $name', ({ message }) => {
        expect(readViewMessage(message)).toBeUndefined();
    });

    it('never throws, and what it reads reads the same again', () => {
        const shaped = fc.record({
            type: fc.constantFrom('ready', 'reveal', 'rendered', 'rerun', 'export', 'other'),
            location: fc.anything(),
            text: fc.anything(),
            counts: fc.anything(),
            format: fc.anything(),
        });
        fc.assert(
            fc.property(fc.oneof(fc.anything(), shaped), (message) => {
                const read = readViewMessage(message);
                if (read !== undefined) expect(readViewMessage(read)).toEqual(read);
            }),
        );
    });
});

describe('both sides use the one declaration', () => {
    it('the extension reads exactly the messages the pages may post', () => {
        expectTypeOf(readViewMessage).returns.toEqualTypeOf<FromView | undefined>();
        expectTypeOf<FromView>().toEqualTypeOf<FromSimulationView>();
        expectTypeOf<FromTopologyView>().toMatchTypeOf<FromView>();
        // The pages post through Poster<Out>: a message outside the protocol is a type error there.
        expectTypeOf<Poster<FromTopologyView>['postMessage']>().parameter(0).toEqualTypeOf<FromTopologyView>();
        const topologyPage: Poster<FromTopologyView> = { postMessage: () => undefined };
        // @ts-expect-error the topology page has no run to repeat
        topologyPage.postMessage({ type: 'rerun' });
        // @ts-expect-error a message the protocol does not declare
        topologyPage.postMessage({ type: 'refresh' });
    });
});
