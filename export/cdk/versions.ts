// Versions pinned in the generated package.json: the ones this repository compiles and synthesizes the
// generated apps with in its tests (test/export/), so an export is known to work as written.
export const PINNED = {
    'aws-cdk-lib': '2.276.0',
    constructs: '10.8.1',
    'cdk-nag': '3.0.2',
    /** The CDK CLI (`npm view aws-cdk version` when the exporter was written). */
    'aws-cdk': '2.1148.1',
    // TypeScript 7 is a native compiler without the JS API some tools need; stay on 5.9 (cdk-export.md).
    typescript: '~5.9.3',
    /** Runs bin/app.ts for the CDK CLI without a compile step; works offline once installed. */
    tsx: '4.23.15',
    '@types/node': '^20.19.43',
    /** Runs the app's own tests (test/): the version this repository tests with. */
    vitest: '~4.1.12',
} as const;
