// Each example triggers exactly the rules its header names (`// rules: a, b` or `// rules: none`), and every
// design-rule diagnostic states its consequence with a number.
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadWorkspace, type LoadedWorkspace } from '../../cli/workspace.js';
import { RULES } from '../../language/validation/rules/catalog.js';
import { ROOT } from '../helpers/bundles.js';
import { headerRules, reportedCodes } from '../helpers/rules-header.js';

const EXAMPLES = path.join(ROOT, 'examples');
const files = readdirSync(EXAMPLES)
    .filter((f) => f.endsWith('.mregion'))
    .sort();

const header = (file: string): string[] => headerRules(readFileSync(path.join(EXAMPLES, file), 'utf8'));

describe('examples trigger exactly the rules their header names', () => {
    let workspace: LoadedWorkspace;
    beforeAll(async () => {
        workspace = await loadWorkspace(files.map((f) => path.join(EXAMPLES, f)));
    });

    for (const file of files) {
        it(`${file}: ${header(file).join(', ') || 'none'}`, () => {
            const document = workspace.requested.find((d) => d.uri.fsPath.endsWith(`/${file}`))!;
            expect(reportedCodes(document)).toEqual(header(file));
            for (const d of document.diagnostics ?? []) {
                if (String(d.code) in RULES) expect(String(d.message), String(d.message)).toMatch(/[0-9]/);
            }
        });
    }
});
