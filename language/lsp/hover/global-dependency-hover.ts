// Hover for a name of a `global-dependency` clause: what the provider-global service is, where it is homed (the
// facts entry), what impairs it in a simulation, and what to call instead.
import { markdownText } from '../../semantics/escape.js';
import { factRef } from '../../semantics/facts/citation.js';
import { GLOBAL_SERVICE_NAMES, GLOBAL_SERVICES, isGlobalServiceName } from '../../semantics/facts/global-services.js';

export function describeGlobalService(name: string): string {
    if (!isGlobalServiceName(name))
        return `**${markdownText(name)}** is not a provider-global service mregion knows the home of; known: ${GLOBAL_SERVICE_NAMES.map((n) => `\`${n}\``).join(', ')}.`;
    const facts = GLOBAL_SERVICES[name];
    const home = facts.home.value;
    const lines = [`**${name}** — ${facts.title}`, ''];
    if (home === undefined) {
        lines.push(
            `- Not homed: served from every edge location, so no one region's outage impairs it (${factRef(facts.home.id)}).`,
        );
    } else {
        lines.push(
            `- Homed in **${home}** (${factRef(facts.home.id)}).`,
            `- In a simulation, \`outage ${home}\` or \`impair control-plane ${home}\` impairs it: every service that lists it fails in all its regions while the fault lasts, and so do the services that depend on them; a \`partition\` between ${home} and another region fails them in that region.`,
            `- Instead: ${facts.instead}.`,
        );
    }
    return lines.join('\n');
}
