#!/usr/bin/env node
// The `cvi` command. In this repository it runs the TypeScript sources directly (transpile only:
// type-checking is `npm run typecheck`'s job), so it works right after `npm ci` with no build
// step; the published package has no sources and runs its compiled JavaScript.
const path = require('path');
const fs = require('fs');

const root = path.join(__dirname, '..');
let entry = path.join(root, 'dist', 'scripts', 'cvi.js');
if (fs.existsSync(path.join(root, 'scripts', 'cvi.ts'))) {
  require('ts-node').register({ transpileOnly: true, project: path.join(root, 'tsconfig.json') });
  entry = path.join(root, 'scripts', 'cvi.ts');
}
require(entry).main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    process.stderr.write(`cvi: ${err && err.message ? err.message : String(err)}\n`);
    process.exit(1);
  },
);
