// The ExportWriteError an action throws (any other error, or none, fails the test).
import { ExportWriteError } from '../../../export/cdk/writer.js';

export function writeError(action: () => unknown): ExportWriteError {
    try {
        action();
    } catch (error) {
        if (error instanceof ExportWriteError) return error;
        throw error;
    }
    throw new Error('expected the writer to refuse');
}
