// Where the CLI stops looking for .mregion.json above a design: the root of its git repository (the nearest
// folder holding .git), or else the working directory when the design is below it, or else the design's own
// folder. The editor stops at its workspace folder (language/validation/config/rule-config-provider.ts).
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { URI } from 'langium';

export function projectRoot(document: URI, cwd = process.cwd()): URI {
    const folder = path.dirname(document.fsPath);
    for (let current = folder; ; current = path.dirname(current)) {
        if (existsSync(path.join(current, '.git'))) return URI.file(current);
        if (path.dirname(current) === current) break;
    }
    const relative = path.relative(cwd, folder);
    const belowCwd = !relative.startsWith('..') && !path.isAbsolute(relative);
    return URI.file(belowCwd ? cwd : folder);
}
