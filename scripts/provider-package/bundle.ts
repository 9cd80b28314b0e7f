/**
 * Bundles the provider (provider/main.ts, the Teams client and every dependency) into one
 * JavaScript file with esbuild. esbuild because it resolves TypeScript and node_modules in one
 * pass in well under a second, its output depends only on the input files and its own version
 * (paths are relative to the project), and its CommonJS bundle keeps dynamic imports lazy: the
 * service and Azure identity modules still load only after the handshake (see provider/README.md).
 *
 *   npm run provider:build   writes dist/provider-package/cvi-provider.js (only when it changed)
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { writeFileAtomic } from './write-file';
import { BUNDLE_NAME, PROVIDER_VERSION } from './package-files';

/** The nearest folder at or above `start` holding package.json: the repository or the installed package. */
export function packageRoot(start: string = __dirname): string {
  for (let dir = resolve(start); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no package.json at or above ${start}`);
  }
}

/** Where `npm run provider:build` puts the bundle, in the repository and in the published package. */
export const bundlePath = (root: string = packageRoot()): string => join(root, 'dist', 'provider-package', BUNDLE_NAME);

/**
 * The start-up path (handshake, TLS, gRPC server: provider/server/) is bundled as code; the
 * service (resources, Teams client, Azure identity: most of the bytes) is bundled separately and
 * embedded as one string, compiled on the first RPC. Parsing the code that is not run yet was
 * what made a plain one-file bundle slower to start than tsc output (bench/provider-start). The
 * service copy has its own instances of the few stateless helpers both halves use (log, protocol
 * constants).
 */
export async function bundleProvider(root: string = packageRoot()): Promise<Buffer> {
  // esbuild is a build-time tool (a dev dependency): the published package ships the bundle.
  const esbuild = await import('esbuild');
  const common = {
    absWorkingDir: root,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    // Smaller text parses faster; names kept for error.name and stack lines.
    minify: true,
    keepNames: true,
    legalComments: 'eof',
    write: false,
    logLevel: 'silent',
  } as const;
  const service = await esbuild.build({ ...common, entryPoints: ['provider/service.ts'] });
  const serviceCode = Buffer.from(service.outputFiles[0].contents).toString('utf8');
  const main = await esbuild.build({
    ...common,
    entryPoints: ['provider/main.ts'],
    banner: { js: `// cvi Terraform provider ${PROVIDER_VERSION}: one file, started by the launcher beside it.` },
    plugins: [
      {
        name: 'embedded-service',
        setup(build) {
          build.onResolve({ filter: /^\.\/service$/ }, (args) =>
            args.importer.replace(/\\/g, '/').endsWith('provider/main.ts') ? { path: 'service', namespace: 'cvi-embedded' } : undefined,
          );
          build.onLoad({ filter: /.*/, namespace: 'cvi-embedded' }, () => ({ loader: 'js', contents: embeddedModule(serviceCode) }));
        },
      },
    ],
  });
  const problem = [...service.errors, ...main.errors][0];
  if (problem) throw new Error(`bundling the provider failed: ${problem.text}`);
  return Buffer.from(main.outputFiles[0].contents);
}

/** A CommonJS module that evaluates `code` (itself a CommonJS bundle) the first time it is required. */
function embeddedModule(code: string): string {
  return [
    "const { runInThisContext } = require('node:vm');",
    "const filename = require('node:path').join(__dirname, 'cvi-provider-service.js');",
    `const wrapper = runInThisContext('(function (exports, require, module, __filename, __dirname) {' + ${JSON.stringify(code)} + '\\n})', { filename });`,
    'const service = { exports: {} };',
    'wrapper.call(service.exports, service.exports, require, service, filename, __dirname);',
    'module.exports = service.exports;',
  ].join('\n');
}

if (require.main === module) {
  bundleProvider().then(
    (bundle) => {
      const outcome = writeFileAtomic(bundlePath(), bundle);
      process.stdout.write(`cvi provider bundle ${outcome}: ${bundlePath()} (${(bundle.length / 1024).toFixed(0)} KiB)\n`);
    },
    (error: unknown) => {
      process.stderr.write(`provider:build: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}
