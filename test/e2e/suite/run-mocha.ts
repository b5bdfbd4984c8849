// Runs a mocha instance and resolves only when every test passed and at least `minimum` tests ran: a suite that
// finds no tests (a test file missing from the bundle, a grep that matches nothing) must fail, not pass empty.
// Free of `vscode`, so it can be checked outside the extension host.
import type Mocha from 'mocha';

export function runMocha(mocha: Mocha, minimum: number, where: string): Promise<void> {
    return new Promise<void>((resolve, reject) => {
        let ran = 0;
        const runner = mocha.run((failures) => {
            if (failures > 0) reject(new Error(`${failures} end-to-end test(s) failed ${where}`));
            else if (ran < minimum)
                reject(
                    new Error(
                        `only ${ran} end-to-end test(s) ran ${where}, expected at least ${minimum}: check that every suite/*.test.ts file was bundled into out/e2e/suite/`,
                    ),
                );
            else resolve();
        });
        runner.on('test end', () => ran++);
    });
}
