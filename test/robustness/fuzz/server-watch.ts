// Watching the real server for what a user would see go wrong: it exits on its own, prints a stack trace on
// standard error, or logs one to the editor's output (window/logMessage); and bounding a wait, so a request the
// server never answers is recorded as a hang instead of stopping the fuzz run.
import type { LspClient } from '../../helpers/lsp-client.js';
import type { Failure, Stage } from './checks.js';
import { stackTraceIn } from './child-process.js';

export interface ServerWatch {
    /** How the server ended, when it ended before `stop` was called. */
    exited(): string | undefined;
    /** Shuts the server down (an exit from now on is expected). */
    stop(): Promise<void>;
    /** Everything seen, once stopped. */
    failures(stage: Stage): Failure[];
}

export function watchServer(client: LspClient): ServerWatch {
    let ended: string | undefined;
    let stopping = false;
    const logged: string[] = [];
    client.child.once('exit', (code, signal) => {
        if (!stopping) ended = signal ? `signal ${signal}` : `exit code ${code}`;
    });
    client.connection.onNotification('window/logMessage', (p: { type: number; message: string }) => {
        if (p.type === 1) logged.push(p.message);
    });
    return {
        exited: () => ended,
        async stop() {
            stopping = ended === undefined ? true : stopping;
            await client.stop();
        },
        failures(stage) {
            const failures: Failure[] = [];
            if (ended)
                failures.push({
                    stage,
                    kind: 'crash',
                    message: `the server exited on its own (${ended}): ${
                        client.stderr
                            .join('')
                            .split('\n')
                            .find((l) => l.trim() !== '') ?? ''
                    }`,
                });
            const stderr = client.stderr.join('');
            const trace = stackTraceIn(stderr);
            if (trace)
                failures.push({
                    stage,
                    kind: 'stack-trace',
                    message: `the server printed a stack trace on standard error: ${stderr.split('\n').find((l) => l.trim() !== '')} ${trace}`,
                });
            for (const message of logged) {
                const frame = stackTraceIn(message);
                if (frame)
                    failures.push({
                        stage,
                        kind: 'stack-trace',
                        message: `the server logged an error with a stack trace: ${message.split('\n')[0]} ${frame}`,
                    });
            }
            return failures;
        },
    };
}

/** `promise`, or a rejection naming `what` once `ms` have passed without it settling. */
export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const bound = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer after ${ms} ms: ${what}`)), ms);
    });
    return Promise.race([promise, bound]).finally(() => clearTimeout(timer));
}
