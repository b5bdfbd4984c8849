import { defineConfig } from 'vitest/config';

export default defineConfig({
    test: {
        include: ['test/**/*.test.ts'],
        exclude: ['test/e2e/**', 'node_modules/**'],
        // Langium >= 4.2.2 needs Object.groupBy, which Node 20 lacks.
        setupFiles: ['./language/polyfill/object-group-by.cjs'],
        testTimeout: 60_000,
        hookTimeout: 120_000,
        pool: 'forks',
    },
});
