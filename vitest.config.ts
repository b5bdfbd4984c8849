import { defineConfig } from 'vitest/config';

export default defineConfig({
    test: {
        include: ['test/**/*.test.ts'],
        exclude: ['test/e2e/**', 'node_modules/**'],
        // Langium >= 4.2.2 needs Object.groupBy, which Node 20 lacks; property tests use a fixed seed.
        setupFiles: ['./language/polyfill/object-group-by.cjs', './test/helpers/fast-check-seed.ts'],
        testTimeout: 60_000,
        hookTimeout: 120_000,
        pool: 'forks',
    },
});
