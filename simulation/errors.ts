// Why a scenario cannot be simulated, said so a user can fix the design: never a crash, never a guess.
export type SimulationErrorKind =
    'unknown-scenario' | 'incomplete-design' | 'over-budget' | 'cancelled' | 'invalid-options';

export class SimulationError extends Error {
    constructor(
        readonly kind: SimulationErrorKind,
        message: string,
    ) {
        super(message);
        this.name = 'SimulationError';
    }
}
