/**
 * The unit tests mirror the source tree: `__tests__/unit/<path>/x.test.ts` tests `<path>/`, so
 * the tests of a module are found where the module is. Helper folders (`support/`, `fixtures/`)
 * hold no tests of their own.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import * as ts from 'typescript';

const ROOT = resolve(__dirname, '..', '..');
const UNIT = __dirname;
const HELPER_FOLDERS = new Set(['support', 'fixtures']);

function walk(dir: string, out: { dirs: string[]; tests: string[] } = { dirs: [], tests: [] }) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (HELPER_FOLDERS.has(name)) continue;
      out.dirs.push(path);
      walk(path, out);
    } else if (name.endsWith('.test.ts')) {
      out.tests.push(path);
    }
  }
  return out;
}

/** The project source folders (relative to the root, '/'-separated) a file imports. */
function importedSourceFiles(file: string): string[] {
  const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
  return importedFiles
    .map(({ fileName }) => fileName)
    .filter((specifier) => specifier.startsWith('.'))
    .map((specifier) => relative(ROOT, resolve(dirname(file), specifier)).split(sep).join('/'))
    .filter((target) => !target.startsWith('__tests__') && !target.startsWith('..'));
}

const { dirs, tests } = walk(UNIT);
const mirrored = (path: string) => relative(UNIT, path).split(sep).join('/');

/** Why a test at `testPath` (relative to unit/) importing `imported` is misplaced, or undefined. */
function misplacement(testPath: string, imported: string[]): string | undefined {
  const folder = dirname(testPath);
  if (folder === '.') return undefined; // house-wide tests (architecture, this one)
  const own = imported.some((target) => target === folder || target.startsWith(`${folder}/`));
  return imported.length === 0 || own ? undefined : `${testPath} imports ${[...new Set(imported)].join(', ')} but not ${folder}/`;
}

describe('the unit tests mirror the source tree', () => {
  test('are found (the suite has a hundred test files)', () => {
    expect(tests.length).toBeGreaterThan(100);
  });

  test('every test folder is a source folder of the same path', () => {
    const strays = dirs.map(mirrored).filter((folder) => !existsSync(join(ROOT, folder)));
    expect(strays).toEqual([]);
  });

  test('a test that imports the project imports the folder it mirrors', () => {
    const misplaced = tests.flatMap((file) => misplacement(mirrored(file), importedSourceFiles(file)) ?? []);
    expect(misplaced).toEqual([]);
  });

  test.each<[string, string[], boolean]>([
    ['provider/certificate.test.ts', ['tls/certificate'], true],
    ['tls/certificate.test.ts', ['tls/certificate'], false],
    ['scripts/drift/command.test.ts', ['scripts/commands/drift'], true],
    ['scripts/commands/drift.test.ts', ['scripts/commands/drift', 'stacks'], false],
    ['emulator/groups.test.ts', [], false],
  ])('%s importing %j is misplaced: %s', (testPath, imported, wrong) => {
    expect(misplacement(testPath, imported) !== undefined).toBe(wrong);
  });
});

describe('the raw-wire harness of the emulator suites', () => {
  // It holds the emulator to the evidence: were it to take its paths from our client (teams/) or
  // from the emulator's own route table, a test would compare either side with itself.
  const wire = join(ROOT, '__tests__', 'support', 'emulator', 'wire.ts');
  const imported = ts.preProcessFile(readFileSync(wire, 'utf8'), true, true).importedFiles.map((f) => f.fileName);

  test('imports neither our client nor the emulator beyond its public types', () => {
    expect(imported.length).toBeGreaterThan(0);
    expect(imported.filter((specifier) => /(^|\/)teams(\/|$)/.test(specifier) || /\/emulator\/./.test(specifier))).toEqual([]);
  });
});
