// docs/limits.md states every limit mregion enforces; each number there is read from the constant that enforces it,
// so changing a limit without its documentation fails here.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_MANIFEST_BYTES } from '../client/commands/export-folder.js';
import { TEMPLATE_FILE_LIMIT } from '../import/read.js';
import { MAX_MODULE_DEPTH } from '../import/terraform/json.js';
import { MAX_TABLE_ROWS } from '../language/lsp/hover/markdown.js';
import { MAX_SYNTAX_ERRORS } from '../language/parser/recovery.js';
import { LISTED_ITEMS } from '../language/semantics/units.js';
import { MAX_PUBLISHED } from '../language/validation/diagnostic-cap.js';
import { CONFIG_FILE_LIMIT, DESIGN_FILE_LIMIT } from '../language/workspace/file-system.js';
import { SCAN_LIMITS } from '../language/workspace/folder-scan.js';
import { MAX_MESH_REGIONS } from '../server/topology-graph.js';
import {
    DEFAULT_EVENT_BUDGET,
    MAX_IN_FLIGHT_WRITES,
    MAX_KEY_STATE_CELLS,
    MAX_STATE_NUMBERS,
} from '../simulation/budget.js';
import { MAX_SWEEP_SEEDS } from '../simulation/sweep-seeds.js';
import { ROOT } from './helpers/bundles.js';

const limits = readFileSync(path.join(ROOT, 'docs', 'limits.md'), 'utf8');
const counted = (n: number) => n.toLocaleString('en-US');
const MIB = 1024 * 1024;

describe('docs/limits.md', () => {
    it.each([
        ['the size of a design file', `${DESIGN_FILE_LIMIT / MIB} MiB (${counted(DESIGN_FILE_LIMIT)} bytes)`],
        ['the size of .mregion.json', `${CONFIG_FILE_LIMIT / MIB} MiB (${counted(CONFIG_FILE_LIMIT)} bytes)`],
        ['the entries one folder scan lists', `${counted(SCAN_LIMITS.entries)} files and folders`],
        ['the designs one folder scan finds', `${counted(SCAN_LIMITS.designs)} \`.mregion\` files`],
        ["the size of an earlier export's manifest", `at most ${MAX_MANIFEST_BYTES / MIB} MB`],
        ['the diagnostics the editor shows for one file', `| ${counted(MAX_PUBLISHED)}: errors first`],
        ['the syntax errors of one file', `More than ${MAX_SYNTAX_ERRORS} syntax errors`],
        ['the items a message lists', `${LISTED_ITEMS} items`],
        ['the rows of a hover table', `${MAX_TABLE_ROWS} rows`],
        ['the regions of a store drawn as a mesh', `more than ${MAX_MESH_REGIONS} regions`],
        ['the default event budget', `default ${counted(DEFAULT_EVENT_BUDGET)}`],
        ['the writes held in flight', counted(MAX_IN_FLIGHT_WRITES)],
        ['the numbers of state and series', counted(MAX_STATE_NUMBERS)],
        ['the cells of tracked key state', `${counted(MAX_KEY_STATE_CELLS)} cells`],
        ['the seeds of one sweep', `1 to ${counted(MAX_SWEEP_SEEDS)} runs`],
        [
            'the size of what mregion import reads',
            `of at most ${TEMPLATE_FILE_LIMIT / MIB} MiB (${counted(TEMPLATE_FILE_LIMIT)} bytes)`,
        ],
        ['the depth of Terraform modules', `modules nested at most ${MAX_MODULE_DEPTH} levels deep`],
    ])('states %s as the code enforces it (%s)', (_what, text) => {
        expect(limits).toContain(text);
    });

    it('names no path outside the repository', () => {
        expect(limits).not.toMatch(/shared\//);
    });
});
