/**
 * The one emulator harness of the tests (unit and end-to-end alike can import it):
 * - lifecycle.ts: `emulatorPerTest` (each test its own emulator), `callerPerTest` (the same with a
 *   raw-wire caller signed in), `emulatorPerFile` (one emulator for the file or describe block);
 * - wire.ts: the raw-wire caller with the paths written by hand from the evidence (it never
 *   imports teams/ or emulator/router.ts);
 * - error-bodies.ts: the `/Skype.*` and `/Teams.*` error bodies;
 * - client.ts, imported as `support/emulator/client` (not from here, so the raw-wire suites never
 *   load our client): `emulatorCredential`, `emulatorClient` (fast retry and consistency settings),
 *   `startHarness` for a test that picks its emulator's options itself, `tenantsPerFile` (a fresh
 *   tenant and client per case on one emulator).
 * Terraform against the emulator is testing/workspace.ts, not this.
 */
export * from './lifecycle';
export * from './wire';
export * from './error-bodies';
