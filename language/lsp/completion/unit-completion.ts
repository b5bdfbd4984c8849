// Units after a number: `ttl 60|` offers 60ms, 60s, 60m, 60h, 60d; `egress 0.02|` offers $0.02/GB and $0.02/TB.
// Only the units of the family the property takes (quantity-kinds.ts), so every item is valid where it lands.
import type { CompletionItem, Range } from 'vscode-languageserver-protocol';
import { CompletionItemKind } from 'vscode-languageserver-protocol';
import { normalize, UNIT_SPELLINGS, type UnitKind } from '../../semantics/units.js';
import type { QuantitySlot } from '../quantity-kinds.js';

/** The number part of a quantity being typed: an optional `$` and sign, digits, an optional fraction. */
const NUMBER = /^(-?)\$?([0-9][0-9_]*(?:\.[0-9]+)?)/;

export function unitItems(typed: string, slot: QuantitySlot, range: Range): CompletionItem[] {
    const number = NUMBER.exec(typed);
    if (!number) return [];
    const digits = `${number[1]}${number[2]}`;
    return spellings(slot.kind, digits)
        .filter((text) => text.startsWith(typed) || text.startsWith(typed.replace(/^\$?/, '$')))
        .map((text, i) => {
            const value = normalize(text, slot.kind);
            return {
                label: text,
                kind: CompletionItemKind.Unit,
                detail: slot.what,
                documentation: value.ok ? `${text} = ${value.value} ${baseUnit(slot.kind)}` : undefined,
                filterText: text,
                sortText: String(i).padStart(2, '0'),
                textEdit: { range, newText: text },
            };
        });
}

function spellings(kind: UnitKind, digits: string): string[] {
    switch (kind) {
        case 'price':
            return [`$${digits}/GB`, `$${digits}/TB`];
        case 'money':
            return [`$${digits}/month`];
        case 'count':
        case 'number':
            return [];
        default:
            return UNIT_SPELLINGS[kind].map((u) => `${digits}${u}`);
    }
}

function baseUnit(kind: UnitKind): string {
    switch (kind) {
        case 'duration':
            return 'ms';
        case 'rate':
            return 'per second';
        case 'percent':
            return '(fraction)';
        case 'size':
            return 'bytes';
        case 'throughput':
            return 'bytes per second';
        case 'price':
            return 'USD per GB';
        case 'money':
            return 'USD per month';
        default:
            return '';
    }
}
