/**
 * The one emulator harness of the tests, unit and end-to-end alike:
 * - lifecycle.ts: `emulatorPerTest` (each test its own emulator), `callerPerTest` (the same with a
 *   raw-wire caller signed in), `emulatorPerFile` (one emulator for the file, `freshTenant()` per case);
 * - client.ts: our client against an emulator: `emulatorCredential`, `emulatorClient` (fast retry
 *   and consistency settings), `startHarness` for a test that picks its emulator's options itself;
 * - wire.ts: the raw-wire caller with the paths written by hand from the evidence (it never
 *   imports teams/ or emulator/router.ts);
 * - error-bodies.ts: the `/Skype.*` and `/Teams.*` error bodies.
 * Terraform against the emulator is testing/workspace.ts, not this.
 */
export * from './lifecycle';
export * from './client';
export * from './wire';
export * from './error-bodies';
