// Lint rules that keep the architecture and the async code honest. Formatting is Prettier's (.prettierrc.json);
// nothing here is about layout. The import restrictions mirror test/architecture.test.ts, so an editor shows a
// forbidden import as it is typed; the test stays the authority (it also follows imports transitively).
import tseslint from 'typescript-eslint';

const langium = [
    { group: ['langium', 'langium/*'], message: 'this folder works on the semantic model only (ARCHITECTURE.md)' },
];
const ast = [
    {
        group: ['**/language/generated/*', '**/generated/ast.js'],
        message: 'the AST is the language server’s: use the semantic model',
    },
];
const builder = [
    {
        group: ['**/semantics/builder/*', '**/semantics/builder/index.js'],
        message: 'the model builder reads the AST: use the model it builds',
    },
];
const vscode = [{ name: 'vscode', message: 'only client/ imports vscode' }];
const langiumLsp = [
    { group: ['langium/lsp', 'langium/lsp/*'], message: 'only server/ and language/ import langium/lsp' },
];

const restrict = (paths, patterns) => ['error', { paths, patterns }];

export default tseslint.config(
    {
        ignores: [
            'language/generated/**',
            'dist/**',
            'out/**',
            'node_modules/**',
            'test-output/**',
            'test/e2e/workspace/**',
            'test/fixtures/**',
            '**/*.mjs',
            '**/*.cjs',
            '**/*.js',
        ],
    },
    {
        files: ['**/*.ts'],
        languageOptions: {
            parser: tseslint.parser,
            parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
        },
        plugins: { '@typescript-eslint': tseslint.plugin },
        linterOptions: { reportUnusedDisableDirectives: 'error' },
        rules: {
            '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
            '@typescript-eslint/no-floating-promises': 'error',
            'no-restricted-imports': restrict(vscode, langiumLsp),
        },
    },
    {
        files: ['client/**/*.ts'],
        rules: {
            'no-restricted-imports': restrict(
                [],
                [
                    ...langiumLsp,
                    {
                        group: ['**/language/*', '**/language/**'],
                        message: 'client/ talks to the server through protocol/',
                    },
                ],
            ),
        },
    },
    { files: ['server/**/*.ts', 'language/**/*.ts'], rules: { 'no-restricted-imports': restrict(vscode, []) } },
    {
        files: ['simulation/**/*.ts', 'export/**/*.ts'],
        rules: { 'no-restricted-imports': restrict(vscode, [...langium, ...ast, ...builder]) },
    },
    {
        // Mirrors the architecture test: only the engine's core imports the mechanisms, and a mechanism reaches the
        // others through EngineContext (simulation/engine/context.ts), never by importing them or the core.
        files: ['simulation/engine/mechanisms/**/*.ts'],
        rules: {
            'no-restricted-imports': restrict(vscode, [
                ...langium,
                ...ast,
                ...builder,
                {
                    group: ['./*', '../simulation', '../simulation.js'],
                    message: 'a mechanism reaches the others through EngineContext (engine/context.ts), not by import',
                },
            ]),
        },
    },
    {
        files: ['format/**/*.ts'],
        rules: {
            'no-restricted-imports': restrict(vscode, [
                {
                    group: ['../*', '../**', '*', '!./*'],
                    message: 'format/ imports nothing: every program and webview imports it',
                },
            ]),
        },
    },
    {
        files: ['language/semantics/**/*.ts'],
        ignores: ['language/semantics/builder/**'],
        rules: { 'no-restricted-imports': restrict(vscode, [...langium, ...ast]) },
    },
    {
        files: ['test/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts', 'webview/**/*.ts'],
        rules: { 'no-restricted-imports': 'off' },
    },
);
