// Notification messages quote file names, folders and the server's messages, which quote import paths: free
// text. VS Code turns `[label](https:…|command:…|file:…)` in a notification into a link, and a command link runs
// a command when clicked, so the text is kept from forming one: a zero-width space between `]` and `(` leaves
// it reading the same and no longer a link.
export function plainNoticeText(message: string): string {
    return message.replace(/\]\(/g, ']\u200b(');
}
