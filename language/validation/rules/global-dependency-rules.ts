// Provider-global dependencies on the request path (`global-dependency`): a control plane lives in one region
// (docs/facts.md#global-control-planes-us-east-1), so a service that calls it on every request fails wherever it
// runs while that region is impaired — the multi-region design buys nothing against that region's outage.
import { protectedRegions } from '../../semantics/estimators/index.js';
import { factRef } from '../../semantics/facts/citation.js';
import { GLOBAL_SERVICES } from '../../semantics/facts/global-services.js';
import type { Model, ServiceM } from '../../semantics/model.js';
import { listing } from './helpers.js';
import type { Rule } from './rule.js';

/** The regions some failover of the service moves away from (its `from`, or every region of an active-active one). */
function protectedAgainst(model: Model, service: ServiceM): Set<string> {
    const regions = new Set<string>();
    for (const f of model.failovers) {
        if (f.target.kind !== 'service' || f.target.id !== service.id) continue;
        for (const r of protectedRegions(model, f)) regions.add(r);
    }
    return regions;
}

const requestPathControlPlane: Rule = {
    code: 'request-path-control-plane',
    check({ model, report }) {
        for (const service of model.services.values()) {
            if (service.globalDependencies.length === 0) continue;
            const guarded = protectedAgainst(model, service);
            for (const dep of service.globalDependencies) {
                const home = dep.home;
                if (home === undefined) continue;
                const elsewhere = service.regions.filter((r) => r !== home);
                // A service only in the home region shares its fate with the control plane: nothing more to lose.
                if (elsewhere.length === 0) continue;
                const facts = GLOBAL_SERVICES[dep.name];
                const failsOver = guarded.has(home);
                const incident =
                    home === 'us-east-1'
                        ? ` (us-east-1's control planes were impaired for about seven hours on 7 December 2021, ${factRef('us-east-1-2021-outage')})`
                        : '';
                const consequence = failsOver
                    ? `its failover away from ${home} cannot help: it fails in ${listing(elsewhere)} too`
                    : `it fails in ${listing(elsewhere)} as well${service.regions.includes(home) ? '' : `, a region it does not run in`}`;
                report({
                    uri: service.source.uri,
                    range: dep.range,
                    cell: service.cell,
                    key: `${service.name}:${dep.name}`,
                    severity: failsOver ? 'error' : undefined,
                    message:
                        `${service.name} calls ${facts.title} on every request, and it is homed in ${home} (${factRef(facts.home.id)}): ` +
                        `while ${home} or its control plane is impaired${incident}, ${consequence}. Instead, ${facts.instead}`,
                });
            }
        }
    },
};

export const globalDependencyRules = { requestPathControlPlane };
