/**
 * The import rules of the house, read from the code: every import of every source file is
 * resolved and checked against the layers below. A lower layer never imports a higher one, and
 * constructs/, provider/, emulator/ and teams/ meet only through each other's index.ts.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import * as ts from 'typescript';
import { PROVIDER_SOURCE_DIRS } from '../../scripts/provider-ready';

const ROOT = resolve(__dirname, '..', '..');

/**
 * Which top-level folders (or single files) each folder may import from, besides itself. The
 * emulator stands in for Microsoft: it never imports our client (teams/) or our rules, or it
 * would agree with us instead of with the evidence; of domain/ it takes only Microsoft Graph's
 * published permission names, a fact of Microsoft's rather than a rule of ours.
 */
const MAY_IMPORT: Record<string, readonly string[]> = {
  domain: [],
  tls: [],
  teams: ['domain'],
  emulator: ['tls', 'domain/graph-permissions.ts'],
  constructs: ['domain'],
  provider: ['domain', 'tls', 'teams'],
  stacks: ['domain', 'constructs'],
  reader: ['domain', 'teams', 'constructs'],
  scripts: ['domain', 'tls', 'teams', 'emulator', 'constructs', 'provider', 'stacks', 'reader', '(root)'],
  testing: ['domain', 'tls', 'teams', 'emulator', 'constructs', 'provider', 'stacks', 'reader', 'scripts', '(root)'],
  bench: ['domain', 'tls', 'teams', 'emulator', 'constructs', 'provider', 'stacks', 'reader', 'scripts', 'testing', '(root)'],
  '(root)': ['domain', 'constructs', 'stacks', 'scripts'],
};

/** Folders that meet each other only through their public index.ts. */
const INDEX_ONLY = new Set(['constructs', 'provider', 'emulator', 'teams']);
/** Folders every other folder uses only through their index.ts (constructs/ is read by deep path to keep prebuilt providers out of a start). */
const INDEX_FOR_ALL = new Set(['emulator', 'teams']);

export interface ImportEdge {
  readonly from: string;
  readonly to: string;
}

function folderOf(file: string): string {
  return file.includes('/') ? file.split('/')[0] : '(root)';
}

/** Why `edge` breaks the rules, or undefined when it keeps them. */
export function ruleBroken(edge: ImportEdge): string | undefined {
  const from = folderOf(edge.from);
  const to = folderOf(edge.to);
  if (from === to) return undefined;
  const allowed = MAY_IMPORT[from];
  if (allowed === undefined) return `${from}/ has no place in the layers of this test; add it to MAY_IMPORT`;
  if (!allowed.includes(to) && !allowed.includes(edge.to)) return `${from}/ may import only ${allowed.length ? allowed.map((f) => (f.endsWith(".ts") ? f : `${f}/`)).join(', ') : 'nothing of the project'}`;
  const throughIndex = edge.to === `${to}/index.ts`;
  if (INDEX_ONLY.has(from) && INDEX_ONLY.has(to) && !throughIndex) return `${from}/ may use ${to}/ only through ${to}/index.ts`;
  if (INDEX_FOR_ALL.has(to) && !throughIndex) return `${from}/ may use ${to}/ only through ${to}/index.ts`;
  return undefined;
}

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    if (name.startsWith('.') || ['node_modules', 'dist', 'cdktf.out', '__tests__', 'state'].includes(name)) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) sourceFiles(path, out);
    else if (name.endsWith('.ts') && !name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

function resolveImport(fromFile: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const base = resolve(dirname(fromFile), specifier);
  return [`${base}.ts`, join(base, 'index.ts'), base].find((candidate) => candidate.endsWith('.ts') && existsSync(candidate));
}

/** Every relative import (static, type-only, re-export, require, dynamic) of the project's sources. */
export function projectImports(): ImportEdge[] {
  const edges: ImportEdge[] = [];
  for (const file of sourceFiles(ROOT)) {
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    for (const { fileName } of importedFiles) {
      const target = resolveImport(file, fileName);
      if (target) edges.push({ from: relative(ROOT, file), to: relative(ROOT, target) });
    }
  }
  return edges;
}

describe('the import rules', () => {
  const edges = projectImports();

  test('are read from the code (the project has hundreds of imports)', () => {
    expect(edges.length).toBeGreaterThan(300);
    expect(edges).toContainEqual({ from: 'provider/session.ts', to: 'teams/index.ts' });
  });

  test('no import breaks them', () => {
    const broken = edges.flatMap((edge) => {
      const why = ruleBroken(edge);
      return why ? [`${edge.from} imports ${edge.to}: ${why}`] : [];
    });
    expect(broken).toEqual([]);
  });

  test('the provider bundle is built only from the folders its freshness check watches', () => {
    const reached = new Set(['provider/main.ts']);
    for (let grew = true; grew; ) {
      grew = false;
      for (const edge of edges) {
        if (reached.has(edge.from) && !reached.has(edge.to)) {
          reached.add(edge.to);
          grew = true;
        }
      }
    }
    const outside = [...reached].filter((file) => !PROVIDER_SOURCE_DIRS.includes(folderOf(file)));
    expect(reached.size).toBeGreaterThan(20);
    expect(outside).toEqual([]);
  });

  test.each<[ImportEdge, RegExp]>([
    [{ from: 'constructs/cvi/provider.ts', to: 'provider/address.ts' }, /constructs\/ may import only domain\//],
    [{ from: 'emulator/token-endpoint.ts', to: 'teams/index.ts' }, /emulator\/ may import only tls\//],
    [{ from: 'emulator/identity.ts', to: 'domain/identifiers.ts' }, /emulator\/ may import only tls\//],
    [{ from: 'provider/session.ts', to: 'teams/routes.ts' }, /provider\/ may use teams\/ only through teams\/index.ts/],
    [{ from: 'reader/graph-client.ts', to: 'teams/transport.ts' }, /reader\/ may use teams\/ only through teams\/index.ts/],
    [{ from: 'scripts/demo/run.ts', to: 'emulator/router.ts' }, /scripts\/ may use emulator\/ only through emulator\/index.ts/],
    [{ from: 'domain/clouds.ts', to: 'teams/routes.ts' }, /domain\/ may import only nothing of the project/],
    [{ from: 'bench/plan/run.ts', to: '__tests__/e2e/support/workspace.ts' }, /bench\/ may import only/],
    [{ from: 'reports/x.ts', to: 'domain/index.ts' }, /reports\/ has no place/],
  ])('catch a forbidden import: %o', (edge, why) => {
    expect(ruleBroken(edge)).toMatch(why);
  });
});
