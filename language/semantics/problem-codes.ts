// Codes of the standard language checks (rules.md "the usual language checks"). Design rules have their own
// codes in language/validation/rules/; both show in the editor, the CLI and settings.
export const ProblemCodes = {
    UnresolvedReference: 'unresolved-reference',
    DuplicateName: 'duplicate-name',
    DuplicateClause: 'duplicate-clause',
    MissingProperty: 'missing-property',
    ValueOutOfRange: 'value-out-of-range',
    WrongUnit: 'wrong-unit',
    MissingUnit: 'missing-unit',
    QuorumExceedsReplicas: 'quorum-exceeds-replicas',
    PerCellWithoutCells: 'per-cell-without-cells',
    InapplicableProperty: 'inapplicable-property',
    RegionProviderMismatch: 'region-provider-mismatch',
    UnknownGlobalService: 'unknown-global-service',
    UnknownImport: 'unknown-import',
    MissingTopology: 'missing-topology',
    SyntaxError: 'syntax-error',
    UnreadableFile: 'unreadable-file',
    InternalError: 'internal-error',
} as const;

export type ProblemCode = (typeof ProblemCodes)[keyof typeof ProblemCodes];

export const STANDARD_CHECK_DESCRIPTIONS: Readonly<Record<ProblemCode, string>> = {
    'unresolved-reference': 'A name that refers to no declaration in this file or the files it imports.',
    'duplicate-name': 'Two declarations of the same kind share a name.',
    'duplicate-clause': 'A property is written twice in one block; only one value can hold.',
    'missing-property': 'A property the design needs is missing and has no documented default.',
    'value-out-of-range': 'A value outside the range the property accepts.',
    'wrong-unit': 'A value written with the unit of another kind of quantity.',
    'missing-unit': 'A value that needs a unit was written without one.',
    'quorum-exceeds-replicas': 'A consensus quorum larger than the number of voting replicas can never be reached.',
    'per-cell-without-cells': 'A `per cell` declaration in a design that declares no cells.',
    'inapplicable-property': 'A property that has no meaning where it is written.',
    'region-provider-mismatch': 'A known region code (e.g. an AWS region) declared under another provider.',
    'unknown-global-service':
        'A `global-dependency` name that is not one of the provider-global services mregion knows the home of.',
    'unknown-import': 'An import whose file does not exist or cannot be read.',
    'missing-topology': 'A file that declares services or scenarios but no topology.',
    'syntax-error': 'Text the grammar cannot read.',
    'unreadable-file':
        'A file mregion does not read: not a regular file (a FIFO, a device, a folder), larger than 16 MiB, or not readable.',
    'internal-error': 'The checker itself failed; please report it with the file.',
};
