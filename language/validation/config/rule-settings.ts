// Rule settings as users write them — `mregion.rules` in VS Code settings and `rules` in .mregion.json:
// an object of rule code → "error" | "warning" | "info" | "hint" | "off". Anything else is reported, never
// silently ignored.
import { closestName } from '../../util/closest.js';
import { RULE_CODES, isRuleCode, type RuleCode } from '../rules/catalog.js';
import type { RuleSetting } from '../rules/runner.js';

export const RULE_SETTINGS: readonly RuleSetting[] = ['error', 'warning', 'info', 'hint', 'off'];

export interface ParsedRuleSettings {
    readonly settings: ReadonlyMap<RuleCode, RuleSetting>;
    /** What is wrong, each naming the offending key. */
    readonly problems: readonly string[];
}

/** Reads a `rules` object; `where` names its origin in problems ("setting mregion.rules", ".mregion.json"). */
export function parseRuleSettings(value: unknown, where: string): ParsedRuleSettings {
    const settings = new Map<RuleCode, RuleSetting>();
    const problems: string[] = [];
    if (value === undefined || value === null) return { settings, problems };
    if (typeof value !== 'object' || Array.isArray(value)) {
        return {
            settings,
            problems: [`${where} must be an object of rule code → severity, e.g. { "dns-ttl-too-long": "error" }`],
        };
    }
    for (const [code, setting] of Object.entries(value as Record<string, unknown>)) {
        if (!isRuleCode(code)) {
            const guess = closestName(code, RULE_CODES);
            problems.push(`${where}: '${code}' is not a design rule${guess ? ` — did you mean '${guess}'?` : ''}`);
            continue;
        }
        if (typeof setting !== 'string' || !(RULE_SETTINGS as readonly string[]).includes(setting)) {
            problems.push(
                `${where}: '${code}' must be one of ${RULE_SETTINGS.join(', ')}, not ${JSON.stringify(setting)}`,
            );
            continue;
        }
        settings.set(code, setting as RuleSetting);
    }
    return { settings, problems };
}

/** Settings win over the workspace file (the editor's documented precedence). */
export function mergeRuleSettings(file: ParsedRuleSettings, editor: ParsedRuleSettings): ParsedRuleSettings {
    return {
        settings: new Map([...file.settings, ...editor.settings]),
        problems: [...file.problems, ...editor.problems],
    };
}
