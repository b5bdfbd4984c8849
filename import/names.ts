// Declaration names from what the templates call things: a table name, a record's first label, or a CDK
// logical id without its 8-hex-digit hash (`InventoryCFCBEC24` → `inventory`). Names are valid .mregion IDs and
// unique among stores and services (a failover names either).

/** `OrdersDbClusterD002D698` → `orders-db-cluster`; `global_tickets.box` → `global-tickets-box`. */
export function designName(raw: string): string {
    const withoutHash = /[a-z0-9][0-9A-F]{8}$/.test(raw) ? raw.slice(0, -8) : raw;
    const words = withoutHash
        .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
        .replace(/([A-Z]+)([A-Z][a-z])/g, '$1-$2')
        .toLowerCase()
        .split(/[^a-z0-9]+/)
        .filter((w) => w.length > 0);
    const name = words.join('-');
    return name === '' ? 'imported' : /^[a-z]/.test(name) ? name : `x-${name}`;
}

/** Hands out names once each: a second `orders` becomes `orders-2`. */
export class NameRegistry {
    private readonly used = new Set<string>();

    claim(preferred: string): string {
        let name = preferred;
        for (let n = 2; this.used.has(name); n++) name = `${preferred}-${n}`;
        this.used.add(name);
        return name;
    }
}
