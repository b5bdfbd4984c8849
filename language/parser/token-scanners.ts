// Hand-written scanners for the terminals whose grammar regex repeats a group (ID's dashed parts, STRING's
// characters and escapes). V8's regex engine keeps a backtracking entry per repetition of a group, and a token of
// a few megabytes (a 5 MB string literal, an 8 MB dashed name) overflows that stack with a RangeError that kills
// the whole parse. These loops accept exactly the language of the grammar's regexes (test/language/
// token-scanners.test.ts compares them on random texts), in one pass and constant stack.

const enum Char {
    Newline = 10,
    Return = 13,
    Quote = 34,
    Dash = 45,
    Backslash = 92,
    LineSeparator = 0x2028,
    ParagraphSeparator = 0x2029,
}

function isNameStart(c: number): boolean {
    return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95; // a-z A-Z _
}

function isNamePart(c: number): boolean {
    return isNameStart(c) || (c >= 48 && c <= 57); // … 0-9
}

/** `.` of a regex without the `s` flag: anything but a line terminator. */
function isAnyButLineTerminator(c: number): boolean {
    return c !== Char.Newline && c !== Char.Return && c !== Char.LineSeparator && c !== Char.ParagraphSeparator;
}

/** The end of the ID `/[a-zA-Z_][a-zA-Z0-9_]*(-[a-zA-Z0-9_]+)*\/` starting at `offset`, or -1. */
export function scanName(text: string, offset: number): number {
    if (!isNameStart(text.charCodeAt(offset))) return -1;
    let i = offset + 1;
    for (;;) {
        while (isNamePart(text.charCodeAt(i))) i++;
        if (text.charCodeAt(i) !== Char.Dash || !isNamePart(text.charCodeAt(i + 1))) return i;
        i += 2;
    }
}

/** The end of the STRING `/"(\\.|[^"\\\r\n])*"/` starting at `offset`, or -1 (not a string, or not closed on its line). */
export function scanString(text: string, offset: number): number {
    if (text.charCodeAt(offset) !== Char.Quote) return -1;
    for (let i = offset + 1; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === Char.Quote) return i + 1;
        if (c === Char.Newline || c === Char.Return) return -1;
        if (c === Char.Backslash) {
            if (i + 1 >= text.length || !isAnyButLineTerminator(text.charCodeAt(i + 1))) return -1;
            i++;
        }
    }
    return -1;
}

/** The end of the line `offset` is on (the offset of its line break, or the end of the text). */
export function lineEnd(text: string, offset: number): number {
    for (let i = offset; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === Char.Newline || c === Char.Return) return i;
    }
    return text.length;
}

export const NAME_START_CHARS: readonly string[] = [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_'];
