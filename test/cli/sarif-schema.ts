// The official SARIF 2.1.0 schema (vendored from OASIS as test data) compiled with Ajv's draft-04 support.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import AjvDraft04 from 'ajv-draft-04';
import ajvFormats from 'ajv-formats';
import { ROOT } from '../helpers/bundles.js';

const schema = JSON.parse(readFileSync(path.join(ROOT, 'test/fixtures/sarif-schema-2.1.0.json'), 'utf8'));
// Both packages are CommonJS with a `default` export; under NodeNext the default import is the module object.
const Ajv = AjvDraft04.default;
const addFormats = ajvFormats.default;
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validator = ajv.compile(schema);

/** Schema violations of a SARIF log, as readable lines (empty when valid). */
export function sarifErrors(log: unknown): string[] {
    return validator(log)
        ? []
        : (validator.errors ?? []).map(
              (e: { instancePath: string; message?: string }) => `${e.instancePath} ${e.message}`,
          );
}
