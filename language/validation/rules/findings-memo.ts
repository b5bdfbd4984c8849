// Every rule ran over the whole model on every edit: on a 10k-line design that was about half of an edit's
// latency, although an edit changes one declaration and the model builder hands back the same objects for the
// others (semantics/builder/declaration-memo.ts). This memo keeps each rule's findings with the parts of the model
// its check read (the model's top-level properties: stores, failovers, …) and hands them back while each of those
// parts holds the same entries: an edit of a failover reruns the rules that read failovers, not the ones that
// read stores and scenarios only.
//
// Why a reused result is what a rerun would give:
// - a rule sees nothing but its context (the model and the judge), and the judge is part of the key;
// - the builder gives a changed declaration, and whatever asked about it, new objects, so entries compared by
//   identity are unchanged in every value a rule can read, ranges included (a moved declaration is rebuilt);
// - each run reads through a view of its own, so a per-model cache one rule built (model-index.ts and the like)
//   cannot hide from another rule the parts that cache read;
// - a finding's quick fixes are worked out later, through the same view: what they read is recorded with what the
//   check read, and a reused result's view is moved to the model it is reused for, so fixes worked out after an
//   edit read the current model, as a rerun's would.
// The incremental-update tests compare the diagnostics after edit sequences with a fresh validation.
import type { Judge } from '../../semantics/estimators/range.js';
import type { Model } from '../../semantics/model.js';
import type { Finding, Rule } from './rule.js';

interface Entry {
    readonly judge: Judge;
    readonly view: ModelView;
    readonly findings: readonly Finding[];
    /** What the caller made of these findings (`derived`), and what else that depended on. */
    derived?: { readonly key: string; readonly value: unknown };
}

/** The findings of each rule for one document, across the builds of its edits. */
export class RuleFindingsMemo {
    private readonly entries = new Map<Rule, Entry>();
    /** Whether a part read earlier holds the same entries as the current model's, per property; one model at a time. */
    private comparedWith: Model | undefined;
    private readonly compared = new Map<PropertyKey, Map<unknown, boolean>>();
    /** How many checks ran (not reused) since the memo was made; the tests read it. */
    checksRun = 0;

    /** The rule's findings on `model`: those of its last run if nothing it read has changed, else `check`'s. */
    findings(rule: Rule, model: Model, judge: Judge, check: (model: Model) => readonly Finding[]): readonly Finding[] {
        const previous = this.entries.get(rule);
        if (previous && previous.judge === judge && this.stillHolds(previous.view.read, model)) {
            previous.view.moveTo(model);
            return previous.findings;
        }
        this.entries.delete(rule);
        const view = new ModelView(model);
        // A throwing check leaves no entry: the runner reports it, and the next build runs it again.
        const findings = check(view.model);
        this.checksRun++;
        this.entries.set(rule, { judge, view, findings });
        return findings;
    }

    /**
     * What `make` makes of a rule's findings (the runner's diagnostics), made again only when the findings or `key`
     * (what else it depends on) changed: reused findings are the same array.
     */
    derived<T>(rule: Rule, findings: readonly Finding[], key: string, make: () => T): T {
        const entry = this.entries.get(rule);
        if (entry?.findings !== findings) return make();
        if (entry.derived?.key === key) return entry.derived.value as T;
        const value = make();
        entry.derived = { key, value };
        return value;
    }

    private stillHolds(read: ReadonlyMap<PropertyKey, unknown>, model: Model): boolean {
        if (this.comparedWith !== model) {
            this.comparedWith = model;
            this.compared.clear();
        }
        for (const [key, then] of read) {
            let byValue = this.compared.get(key);
            if (byValue === undefined) this.compared.set(key, (byValue = new Map()));
            let same = byValue.get(then);
            if (same === undefined) byValue.set(then, (same = samePart(then, Reflect.get(model, key))));
            if (!same) return false;
        }
        return true;
    }
}

/**
 * A model as a rule and its findings' quick fixes see it: `model` reads the model the view is on, and `read` holds
 * each top-level property read so far (directly, by `in`, or by listing them), with its value there.
 */
export class ModelView {
    readonly read = new Map<PropertyKey, unknown>();
    readonly model: Model;

    constructor(private current: Model) {
        // The target is a stand-in: every trap answers from the current model, which `moveTo` changes.
        this.model = new Proxy({} as Model, {
            get: (_target, key) => this.value(key),
            has: (_target, key) => {
                this.value(key);
                return Reflect.has(this.current, key);
            },
            getOwnPropertyDescriptor: (_target, key) => {
                this.value(key);
                const descriptor = Reflect.getOwnPropertyDescriptor(this.current, key);
                return descriptor && { ...descriptor, configurable: true };
            },
            ownKeys: () => {
                const keys = Reflect.ownKeys(this.current);
                for (const key of keys) this.value(key);
                return keys;
            },
        });
    }

    /** Puts the view on a later model that holds the same entries in every part read so far. */
    moveTo(model: Model): void {
        this.current = model;
        for (const key of this.read.keys()) this.read.set(key, Reflect.get(model, key));
    }

    private value(key: PropertyKey): unknown {
        const value: unknown = Reflect.get(this.current, key);
        if (!this.read.has(key)) this.read.set(key, value);
        return value;
    }
}

/**
 * Whether a part of the model holds the same entries: the same value, or a map with the same keys in the same
 * order and identical values, or a list of identical items. The model's lists of instance ids are built afresh
 * each time, so a map's values that are lists compare item by item.
 */
function samePart(then: unknown, now: unknown): boolean {
    if (Object.is(then, now)) return true;
    if (then instanceof Map && now instanceof Map) {
        if (then.size !== now.size) return false;
        const earlier = then.entries();
        for (const [key, value] of now) {
            const next = earlier.next() as IteratorResult<[unknown, unknown]>;
            if (next.done) return false;
            const [keyThen, valueThen] = next.value;
            if (keyThen !== key || !(valueThen === value || sameItems(valueThen, value))) return false;
        }
        return true;
    }
    return sameItems(then, now);
}

function sameItems(then: unknown, now: unknown): boolean {
    if (!Array.isArray(then) || !Array.isArray(now) || then.length !== now.length) return false;
    for (let i = 0; i < now.length; i++) if (then[i] !== now[i]) return false;
    return true;
}
