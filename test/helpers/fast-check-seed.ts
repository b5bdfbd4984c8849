// Property tests draw the same cases on every run: a failure reproduces, and CI never fails on a draw no one
// can replay. A test that wants its own seed still passes one to fc.assert. To explore new cases, run with
// MREGION_FC_SEED=<any integer>; a failure prints its seed and path.
import fc from 'fast-check';

const seed = Number(process.env.MREGION_FC_SEED ?? 20261206);
fc.configureGlobal({ ...fc.readConfigureGlobal(), seed });
