// The `mregion.rules` setting in package.json lists exactly the catalog's rules, so VS Code completes and
// validates what the checker understands.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULE_SETTINGS } from '../../language/validation/config/rule-settings.js';
import { RULES, RULE_CODES } from '../../language/validation/rules/catalog.js';
import { ROOT } from '../helpers/bundles.js';

const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const setting = manifest.contributes.configuration.properties['mregion.rules'];

describe('the mregion.rules setting', () => {
    it('has one property per rule, with the severities the checker accepts', () => {
        expect(Object.keys(setting.properties)).toEqual([...RULE_CODES]);
        for (const code of RULE_CODES) {
            expect(setting.properties[code].enum).toEqual(RULE_SETTINGS);
            expect(setting.properties[code].markdownDescription).toBe(
                `**${RULES[code].title}** (default: \`${RULES[code].severity}\`). ${RULES[code].description}`,
            );
        }
    });

    it('defaults to no overrides, so .mregion.json applies until a setting is written', () => {
        expect(setting.default).toEqual({});
        expect(setting.additionalProperties).toBe(false);
    });
});
