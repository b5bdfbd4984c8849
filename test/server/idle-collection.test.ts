// The server asks V8 for a full collection once it has been idle for a moment after a build that grew the heap
// (server/idle-collection.ts): never while changes keep coming, never for a small growth.
import { EmptyFileSystem, URI } from 'langium';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMregionServices } from '../../language/mregion-module.js';
import { collectGarbageWhenIdle, fullCollection, GROWTH_BYTES, IDLE_MS } from '../../server/idle-collection.js';

const MB = 1024 * 1024;

function server(growthPerBuild: number) {
    const { shared } = createMregionServices(EmptyFileSystem);
    let heap = 10 * MB;
    const collections: number[] = [];
    collectGarbageWhenIdle(shared, {
        heapUsed: () => heap,
        collect: () => {
            collections.push(heap);
            heap = 10 * MB;
        },
    });
    const texts = shared.workspace.TextDocuments!;
    const uri = URI.parse('file:///idle/design.mregion');
    let version = 0;
    const change = async (): Promise<void> => {
        texts.set(TextDocument.create(uri.toString(), 'mregion', ++version, `region r${version} { provider aws }\n`));
        heap += growthPerBuild;
        await shared.workspace.DocumentBuilder.update([uri], []);
    };
    return { change, collections };
}

describe('collecting garbage when idle', () => {
    beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] }));
    afterEach(() => vi.useRealTimers());

    it('collects once the server has been idle after a build that grew the heap', async () => {
        const { change, collections } = server(GROWTH_BYTES + MB);
        await change();
        vi.advanceTimersByTime(IDLE_MS - 1);
        expect(collections).toEqual([]);
        vi.advanceTimersByTime(1);
        expect(collections).toHaveLength(1);
        vi.advanceTimersByTime(10 * IDLE_MS);
        expect(collections).toHaveLength(1);
    });

    it('waits while changes keep coming, then collects once', async () => {
        const { change, collections } = server(GROWTH_BYTES / 2 + MB);
        await change();
        vi.advanceTimersByTime(IDLE_MS / 2);
        await change();
        vi.advanceTimersByTime(IDLE_MS / 2);
        await change();
        expect(collections).toEqual([]);
        vi.advanceTimersByTime(IDLE_MS);
        expect(collections).toEqual([10 * MB + 3 * (GROWTH_BYTES / 2 + MB)]);
    });

    it('leaves a heap that grew by less than the threshold to V8', async () => {
        const { change, collections } = server(GROWTH_BYTES / 4);
        await change();
        vi.advanceTimersByTime(10 * IDLE_MS);
        expect(collections).toEqual([]);
    });
});

describe("V8's full collection", () => {
    it('is available without a command-line flag and frees what nothing references', () => {
        const collect = fullCollection();
        expect(collect).toBeTypeOf('function');
        const holder: { garbage?: number[][] } = {};
        holder.garbage = Array.from({ length: 64 }, () => new Array<number>(128 * 1024).fill(1.5));
        const holding = process.memoryUsage().heapUsed;
        delete holder.garbage;
        collect!();
        expect(holding - process.memoryUsage().heapUsed).toBeGreaterThan(32 * MB);
    });
});
