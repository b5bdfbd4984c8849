// Every message a command shows the user goes through here: it is shown as a notification and remembered,
// so the extension's API can tell a test which message a person would have read.
import { EventEmitter, window, type Event, type MessageOptions } from 'vscode';
import { plainNoticeText } from './notice-text.js';

export type NoticeLevel = 'info' | 'warning' | 'error';

export interface Notice {
    readonly level: NoticeLevel;
    readonly message: string;
}

export class Notices {
    private readonly emitter = new EventEmitter<Notice>();
    readonly onDidNotify: Event<Notice> = this.emitter.event;
    private readonly recent: Notice[] = [];

    get history(): readonly Notice[] {
        return this.recent;
    }

    show(level: NoticeLevel, message: string, ...actions: string[]): Thenable<string | undefined> {
        return this.showWith(level, message, {}, ...actions);
    }

    showWith(
        level: NoticeLevel,
        message: string,
        options: MessageOptions,
        ...actions: string[]
    ): Thenable<string | undefined> {
        const notice = { level, message };
        this.recent.push(notice);
        if (this.recent.length > 50) this.recent.shift();
        this.emitter.fire(notice);
        const show =
            level === 'error'
                ? window.showErrorMessage
                : level === 'warning'
                  ? window.showWarningMessage
                  : window.showInformationMessage;
        return show(plainNoticeText(message), options, ...actions);
    }

    dispose(): void {
        this.emitter.dispose();
    }
}
