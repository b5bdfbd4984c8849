// The end-to-end suite runs only inside VS Code (test/e2e/, not part of this run); the rule that it fails when
// too few tests ran is checked here, on real mocha, because an empty run would otherwise pass unnoticed.
import Mocha from 'mocha';
import { describe, expect, it } from 'vitest';
import { runMocha } from './e2e/suite/run-mocha.js';

function mochaWith(tests: number, failing = 0): Mocha {
    const mocha = new Mocha({ reporter: 'dot' });
    // Keep mocha's dot reporter out of the test's output.
    mocha.reporter(
        class {
            constructor() {}
        } as never,
    );
    for (let i = 0; i < tests; i++) {
        mocha.suite.addTest(
            new Mocha.Test(`test ${i}`, () => {
                if (i < failing) throw new Error('fails');
            }),
        );
    }
    return mocha;
}

describe('the end-to-end suite runner', () => {
    it.each([
        {
            name: 'fails a window where no test ran',
            tests: 0,
            failing: 0,
            minimum: 15,
            error: 'only 0 end-to-end test(s) ran in the trusted workspace, expected at least 15',
        },
        {
            name: 'fails a window where fewer tests ran than it has',
            tests: 14,
            failing: 0,
            minimum: 15,
            error: 'only 14 end-to-end test(s) ran in the trusted workspace, expected at least 15',
        },
        {
            name: 'fails a window where a test failed',
            tests: 15,
            failing: 1,
            minimum: 15,
            error: '1 end-to-end test(s) failed in the trusted workspace',
        },
        {
            name: 'passes a window where every test ran and passed',
            tests: 15,
            failing: 0,
            minimum: 15,
            error: undefined,
        },
    ])('$name', async ({ tests, failing, minimum, error }) => {
        const run = runMocha(mochaWith(tests, failing), minimum, 'in the trusted workspace');
        if (error === undefined) await expect(run).resolves.toBeUndefined();
        else await expect(run).rejects.toThrow(error);
    });
});
