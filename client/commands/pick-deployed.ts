// Asks for what is deployed: a template or Terraform JSON file, or a cdk.out folder. VS Code's dialog picks files
// or folders, not both on every platform, so the kind comes first.
import { Uri, window, workspace } from 'vscode';

export async function pickDeployed(action: string): Promise<Uri | undefined> {
    const kinds = [
        {
            label: 'A file',
            description: 'a CloudFormation template (JSON) or `terraform show -json` of a plan or state',
            folder: false,
        },
        {
            label: 'A cdk.out folder',
            description: 'every stack of a synthesized CDK app, in every region',
            folder: true,
        },
    ];
    const kind = await window.showQuickPick(kinds, {
        title: `${action}: what is deployed?`,
        placeHolder: 'Pick a file or a cdk.out folder',
    });
    if (!kind) return undefined;
    const picked = await window.showOpenDialog({
        canSelectFiles: !kind.folder,
        canSelectFolders: kind.folder,
        canSelectMany: false,
        openLabel: action,
        title: action,
        ...(kind.folder ? {} : { filters: { JSON: ['json'] } }),
        defaultUri: workspace.workspaceFolders?.[0]?.uri,
    });
    return picked?.[0];
}

/** A Uri from a command argument (an Explorer menu passes a Uri, a caller may pass a string). */
export function uriArgument(arg: unknown): Uri | undefined {
    if (arg instanceof Uri) return arg;
    if (typeof arg === 'string' && arg !== '')
        return arg.includes('://') || arg.startsWith('file:') ? Uri.parse(arg) : Uri.file(arg);
    return undefined;
}
