// A notification quoting a hostile file name shows it as text, never as a link VS Code would open or run.
import { describe, expect, it } from 'vitest';
import { plainNoticeText } from '../../client/notice-text.js';

// VS Code's own pattern for links in notifications (src/vs/base/common/linkedText.ts).
const VSCODE_LINK = /\[([^\]]+)\]\(((?:https?:\/\/|command:|file:)[^)\s]+)(?: (["'])(.+?)(\3))?\)/gi;

describe('notification text', () => {
    it.each([
        { what: 'a command link', name: '[Fix it](command:workbench.action.terminal.new).mregion' },
        { what: 'a web link', name: '[docs](https://evil.example).mregion' },
        { what: 'a file link with a title', name: '[x](file:///etc/passwd "open").mregion' },
    ])('keeps $what in a file name from becoming a link', ({ name }) => {
        const message = `Cannot export to CDK: ${name} has 2 errors`;
        expect(plainNoticeText(message).match(VSCODE_LINK)).toBeNull();
        expect(plainNoticeText(message).replace(/\u200b/g, '')).toBe(message);
    });
});
