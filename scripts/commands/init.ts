/**
 * `cvi init <dir>`: scaffolds a platform team's tenants repository that depends on this package:
 * package.json, cdktf.json (the app synthesizes every tenant file), main.ts, tenants/example.yaml,
 * .gitignore (synth output and state never committed), the GitHub Actions workflow, a README.
 * Never overwrites: a file that already exists stops the command before anything is written.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { packageRoot } from '../provider-package/bundle';

const USAGE = `usage: cvi init <dir> [--package SPEC] [--name NAME]

  <dir>           folder of the new tenants repository (created; must not hold the files below)
  --package SPEC  how package.json names cdktf-teams-cvi (default ^<this version>; a path to a
                  packed .tgz or a folder works too)
  --name NAME     package and cdktf project name (default: the folder's name)`;

class UsageError extends Error {}

/** Template file -> path in the new repository (npm would drop a file named .gitignore from the package). */
const RENAMES: Record<string, string> = {
  gitignore: '.gitignore',
  'main.ts.txt': 'main.ts',
  'github/cvi.yml': '.github/workflows/cvi.yml',
};

interface InitOptions {
  dir: string;
  name: string;
  packageSpec: string;
}

export function parseInitArgs(args: string[], ownVersion: string): InitOptions {
  let dir: string | undefined;
  let name: string | undefined;
  let packageSpec = `^${ownVersion}`;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--package' || arg === '--name') {
      const value = args[++i];
      if (value === undefined || value.startsWith('--')) throw new UsageError(`${arg} needs a value`);
      if (arg === '--package') packageSpec = /^[./]|^[A-Za-z]:\\/.test(value) ? `file:${resolve(value)}` : value;
      else name = value;
    } else if (arg.startsWith('--')) throw new UsageError(`unknown option "${arg}"`);
    else if (dir) throw new UsageError(`one folder only (got "${dir}" and "${arg}")`);
    else dir = resolve(arg);
  }
  if (!dir) throw new UsageError('name the folder to create, e.g. cvi init cvi-tenants');
  name ??= basename(dir).toLowerCase().replace(/[^a-z0-9-._]/g, '-');
  if (!/^[a-z0-9][a-z0-9-._]*$/.test(name)) throw new UsageError(`--name must be a valid npm package name, got "${name}"`);
  return { dir, name, packageSpec };
}

function templateFiles(templatesDir: string, sub = ''): string[] {
  return readdirSync(join(templatesDir, sub), { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? templateFiles(templatesDir, join(sub, entry.name)) : [join(sub, entry.name).split('\\').join('/')],
  );
}

/** The new repository's package.json: versions of the cdktf core and tools this package is built and tested with. */
function packageJson(options: InitOptions, own: { version: string; peerDependencies: Record<string, string>; devDependencies: Record<string, string> }): string {
  const pin = (name: string) => own.devDependencies[name] ?? own.peerDependencies[name];
  return (
    JSON.stringify(
      {
        name: options.name,
        private: true,
        description: 'Teams Cloud Video Interop tenants, one Terraform stack per tenant file (cdktf-teams-cvi)',
        scripts: { synth: 'cdktf synth', diff: 'cdktf diff', deploy: 'cdktf deploy', drift: 'cvi drift', typecheck: 'tsc' },
        engines: { node: '>=20.9' },
        dependencies: { 'cdktf-teams-cvi': options.packageSpec, cdktf: pin('cdktf'), constructs: pin('constructs') },
        devDependencies: { '@types/node': pin('@types/node'), 'cdktf-cli': pin('cdktf-cli'), 'ts-node': pin('ts-node'), typescript: pin('typescript') },
      },
      null,
      2,
    ) + '\n'
  );
}

export function scaffold(options: InitOptions, root: string = packageRoot(__dirname)): string[] {
  const own = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const templatesDir = join(root, 'scripts', 'commands', 'init-templates');
  const files = new Map<string, string>([['package.json', packageJson(options, own)]]);
  for (const template of templateFiles(templatesDir)) {
    files.set(RENAMES[template] ?? template, readFileSync(join(templatesDir, template), 'utf8').split('{{name}}').join(options.name));
  }
  const taken = [...files.keys()].filter((file) => existsSync(join(options.dir, file)));
  if (taken.length > 0) throw new Error(`${options.dir}: already has ${taken.join(', ')}; nothing was written`);
  for (const [file, content] of files) {
    mkdirSync(dirname(join(options.dir, file)), { recursive: true });
    writeFileSync(join(options.dir, file), content);
  }
  return [...files.keys()].sort();
}

export async function run(args: string[]): Promise<number> {
  const own = JSON.parse(readFileSync(join(packageRoot(__dirname), 'package.json'), 'utf8'));
  try {
    if (args.includes('--help') || args.includes('-h')) {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    }
    const options = parseInitArgs(args, own.version);
    const written = scaffold(options);
    const where = relative(process.cwd(), options.dir) || '.';
    process.stdout.write(
      [`cvi init: wrote ${written.length} files in ${where}:`, ...written.map((f) => `  ${f}`), '', 'Next:', `  cd ${where}`, '  npm install', '  npx cdktf synth', '  npx cdktf deploy example', ''].join('\n'),
    );
    return 0;
  } catch (error) {
    const usage = error instanceof UsageError ? `\n\n${USAGE}` : '';
    process.stderr.write(`cvi init: ${(error as Error).message}${usage}\n`);
    return 1;
  }
}
