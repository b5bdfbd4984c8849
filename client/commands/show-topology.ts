// "Multi-Region: Show Topology": opens the topology view of a .mregion file beside it.
import type { CommandContext } from './context.js';
import { targetDocument } from './target-document.js';

export async function showTopology(ctx: CommandContext, uriArg?: unknown): Promise<string | undefined> {
    const document = await targetDocument(ctx.notices, uriArg, 'show its topology');
    if (!document) return undefined;
    await ctx.topology.show(document);
    return document.uri.toString();
}
