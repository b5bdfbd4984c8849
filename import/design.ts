// The design the importer reconstructs: only what the templates state, with the origin of every declaration
// and, for what they cannot state, what the user has to fill in.
import type { Origin } from './template.js';

/** A clause the templates cannot decide, written as a commented `// TODO` line saying what to fill in. */
export interface Todo {
    /** The clause with placeholders, e.g. `holds <shared|per-user|per-tenant|reference> <rows|counter|…>`. */
    readonly clause: string;
    readonly why: string;
}

export interface ImportedStore {
    readonly kind: 'store';
    readonly name: string;
    readonly engine: 'dynamodb' | 'aurora' | 's3' | 'postgres' | 'mysql' | 'redis' | 'custom';
    /** Replica regions in the template's order; the writer region first for single-writer engines. */
    readonly regions: readonly string[];
    readonly writes?: { readonly policy: 'any-region' } | { readonly policy: 'primary'; readonly region: string };
    readonly replication?: { readonly mode: 'sync' | 'async' | 'none'; readonly lag?: string; readonly note?: string };
    readonly consistency?: 'strong' | 'eventual';
    readonly conflicts?: 'lww' | 'reject';
    readonly witness?: string;
    /** The input cannot state a witness (Terraform's table resource has no witness block): not compared by drift. */
    readonly witnessUnknown?: boolean;
    readonly notes: readonly string[];
    readonly todos: readonly Todo[];
    readonly origins: readonly Origin[];
}

export interface ImportedService {
    readonly kind: 'service';
    readonly name: string;
    readonly regions: readonly string[];
    readonly primary?: string;
    readonly posture?: 'active-active' | 'active-passive';
    /** From a Resilience Hub policy's Region objectives, in seconds. */
    readonly objective?: { readonly rto: number; readonly rpo: number; readonly origin: Origin };
    readonly notes: readonly string[];
    readonly todos: readonly Todo[];
    readonly origins: readonly Origin[];
}

export interface HealthCheck {
    /** Seconds between checks. */
    readonly interval: number;
    readonly threshold: number;
    /** Values the template left out, filled with the vendor's documented default (cited in a comment). */
    readonly defaulted: readonly string[];
}

export interface ImportedFailover {
    readonly kind: 'failover';
    readonly target: string;
    readonly detect?: HealthCheck;
    readonly route: { readonly method: 'dns' | 'arc-routing-control' | 'global-accelerator'; readonly ttl?: number };
    readonly actions: readonly string[];
    /** Routing records that name no health check (Route 53 never moves traffic away from them on its own). */
    readonly uncheckedRecords: readonly string[];
    readonly notes: readonly string[];
    readonly todos: readonly Todo[];
    readonly origins: readonly Origin[];
}

export type ImportedDeclaration = ImportedStore | ImportedService | ImportedFailover;

export interface ImportedDesign {
    readonly topology?: string;
    readonly regions: readonly string[];
    readonly declarations: readonly ImportedDeclaration[];
    /** Resource types no declaration came from, with how many resources of each and where. */
    readonly notImported: readonly { readonly type: string; readonly origins: readonly Origin[] }[];
    /** Things the importer noticed but could not express (a record without a region, a cluster without a region). */
    readonly warnings: readonly string[];
}
