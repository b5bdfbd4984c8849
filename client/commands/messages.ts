// How a command tells the user it failed: a notification with the reason, and the details in the Output channel.
import type { LogOutputChannel } from 'vscode';
import type { Notices } from '../notices.js';

export function messageOf(error: unknown): string {
    return error instanceof Error ? error.message : String(error);
}

export function reportFailure(
    ctx: { readonly output: LogOutputChannel; readonly notices: Notices },
    what: string,
    error: unknown,
): void {
    ctx.output.error(`${what}: ${messageOf(error)}`);
    void ctx.notices.show('error', `${what}: ${messageOf(error)}`, 'Show Output').then((choice) => {
        if (choice === 'Show Output') ctx.output.show(true);
    });
}
