#!/usr/bin/env node
// The `cvi` command. Runs the TypeScript sources directly (transpile only: type-checking is
// `npm run typecheck`'s job), so it works right after `npm ci` with no build step.
require('ts-node').register({ transpileOnly: true, project: require('path').join(__dirname, '..', 'tsconfig.json') });
require('../scripts/cvi.ts').main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    process.stderr.write(`cvi: ${err && err.message ? err.message : String(err)}\n`);
    process.exit(1);
  },
);
