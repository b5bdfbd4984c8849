// Prices the generated README states for what the export creates, each with its source and its kind: a
// typical price to check against the vendor's current page, never a bound.
import { fact } from '../../language/semantics/facts/fact.js';

/** An ARC cluster is billed by the hour while it exists, whatever it hosts (ARC developer guide, "Creating routing control components"). */
export const ARC_CLUSTER_PRICE = {
    usdPerHour: fact(
        2.5,
        'arc-cluster-price',
        'Route 53 ARC cluster billed per hour, about $2.50/hour; check the current ARC pricing page',
    ),
    usdPerMonth: fact(1800, 'arc-cluster-price', 'about $1,800/month for one cluster'),
} as const;

/** When each price the export states was read, as docs/facts.md records it (a test compares the two). */
export const PRICE_DATES = {
    'arc-cluster-price': 'checked 2026-12-06',
    'aws-inter-region-transfer-price': 'a 2020 price list, checked 2026-12-06',
} as const;
