/**
 * Entry point of the `cvi` Terraform provider (run by the launcher in the plugin mirror).
 * Started by hand, it explains itself and exits 1; started by Terraform, it serves until
 * Terraform shuts it down.
 */
import { servePlugin } from './server/plugin';

servePlugin({
  loadMethods: async () => (await import('./service')).createProviderMethods(),
}).then(
  (code) => {
    if (code !== undefined) process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`cvi provider: could not start: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
