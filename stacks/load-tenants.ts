import * as fs from 'fs';
import * as path from 'path';
import { parseDocument, type Document } from 'yaml';
import { tenantFileSchema } from './schema/tenant-file';
import { OLD_SPELLING_WARNING, pathInOldSpelling, usesOldSpelling } from './schema/teams';
import { formatIssues } from './format-issues';
import { readTenantFile } from './read-tenant-file';
import { printable } from './safe-text';
import { findSecretKeys, secretKeyMessage, withoutKeys } from './secret-keys';
import type { LoadedTenant, TenantConfig } from './tenant-config';

/**
 * Everything that was read: valid tenants, one line per problem across all files, and one line
 * per file that is read but should change (an old spelling): warnings never stop a run.
 */
export interface TenantLoadResult {
  readonly tenants: LoadedTenant[];
  readonly problems: string[];
  readonly warnings: string[];
}

/** One tenant file's text, checked: the config when valid, and its problems and warnings. */
export interface TenantFileParse {
  readonly config?: TenantConfig;
  readonly problems: string[];
  readonly warnings: string[];
}

/** How a path appears in messages: relative to the working directory when it is below it. */
export function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
}

/**
 * Limits that keep a hostile file from exhausting the loader. A tenant file nests six levels and
 * needs no alias at all; anchors for shared values stay well inside both.
 */
export const MAX_YAML_DEPTH = 32;
export const MAX_YAML_ALIASES = 64;

const depthProblem = (file: string) => `${file}: (top level): must nest at most ${MAX_YAML_DEPTH} levels (YAML depth limit)`;

/** Deepest nesting of a parsed value, walked without recursion (the value may be very deep). */
function depthOf(root: unknown): number {
  let deepest = 0;
  const pending: Array<[unknown, number]> = [[root, 0]];
  while (pending.length > 0) {
    const [value, depth] = pending.pop()!;
    if (value === null || typeof value !== 'object') continue;
    deepest = Math.max(deepest, depth + 1);
    if (deepest > MAX_YAML_DEPTH) return deepest;
    for (const child of Object.values(value)) pending.push([child, depth + 1]);
  }
  return deepest;
}

/** V8 reports an exhausted stack as a RangeError, or as the error of whatever was running then. */
const stackExhausted = (error: unknown) => error instanceof RangeError || (error instanceof Error && error.message.includes('Maximum call stack size exceeded'));

/**
 * The YAML as plain data, or the one-line problem. The yaml package parses recursively: a deep
 * enough file exhausts the stack (RangeError) before any depth can be measured, so that error
 * is the depth limit too; too many aliases throw a ReferenceError while building the value.
 */
function yamlValue(file: string, text: string): { raw?: unknown; problems: string[] } {
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  } catch (error) {
    if (stackExhausted(error)) return { problems: [depthProblem(file)] };
    throw error;
  }
  if (doc.errors.length > 0) {
    return {
      problems: doc.errors.map((error) => {
        const where = error.linePos ? `line ${error.linePos[0].line}, column ${error.linePos[0].col}: ` : '';
        const what = error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
        return `${file}: ${where}malformed YAML: ${what}`;
      }),
    };
  }
  let raw: unknown;
  try {
    raw = doc.toJS({ maxAliasCount: MAX_YAML_ALIASES });
  } catch (error) {
    if (stackExhausted(error)) return { problems: [depthProblem(file)] };
    if (error instanceof ReferenceError && /alias/i.test(error.message)) {
      return { problems: [`${file}: (top level): must expand at most ${MAX_YAML_ALIASES} aliases (YAML alias limit; got an alias bomb or too many *references)`] };
    }
    throw error;
  }
  return depthOf(raw) > MAX_YAML_DEPTH ? { problems: [depthProblem(file)] } : { raw, problems: [] };
}

/**
 * Parse and validate one tenant file's text. `file` is only used in messages. Every problem is
 * one printable line: nothing a file holds reaches the terminal raw, and no error escapes as a
 * stack trace.
 */
export function parseTenantFile(file: string, text: string): TenantFileParse {
  const shown = printable(file);
  try {
    const result = validateTenantFile(shown, text);
    return { ...result, problems: result.problems.map(printable), warnings: result.warnings.map(printable) };
  } catch (error) {
    const what = error instanceof Error ? `${error.name}: ${error.message.split('\n')[0]}` : String(error);
    return { problems: [printable(`${shown}: (top level): cannot be read as a tenant file (${what})`)], warnings: [] };
  }
}

function validateTenantFile(file: string, text: string): TenantFileParse {
  const { raw, problems: yamlProblems } = yamlValue(file, text);
  if (yamlProblems.length > 0) return { problems: yamlProblems, warnings: [] };
  if (raw === null || raw === undefined) {
    return { problems: [`${file}: (top level): is empty; a tenant file needs tenant, vendor and teams`], warnings: [] };
  }
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    return { problems: [`${file}: (top level): must be a mapping of sections (tenant, vendor, teams, ...)`], warnings: [] };
  }
  // The old spelling of the service provider is read as the new one; say so once for the file.
  const oldSpelling = usesOldSpelling(raw);
  const warnings = oldSpelling ? [`${file}: ${OLD_SPELLING_WARNING}`] : [];
  const secrets = findSecretKeys(raw);
  const problems = secrets.map((secret) => secretKeyMessage(file, secret));
  const parsed = tenantFileSchema.safeParse(withoutKeys(raw, secrets), { reportInput: true });
  if (!parsed.success) {
    // Rules checked after the spellings are merged name the new fields: point at what the file says.
    const issues = oldSpelling ? parsed.error.issues.map((issue) => ({ ...issue, path: pathInOldSpelling(issue.path) })) : parsed.error.issues;
    problems.push(...formatIssues(file, issues, tenantFileSchema));
  }
  return problems.length > 0 || !parsed.success ? { problems, warnings } : { config: parsed.data, problems, warnings };
}

/** Tenant ids and names must be unique across files: each names one stack and one tenant. */
function crossFileProblems(tenants: readonly LoadedTenant[]): string[] {
  const problems: string[] = [];
  const byId = new Map<string, string>();
  const byName = new Map<string, string>();
  for (const { file, config } of tenants) {
    const id = config.tenant.id.toLowerCase();
    const idOwner = byId.get(id);
    if (idOwner) problems.push(`${file}: tenant.id: same tenant id as ${idOwner} (got ${config.tenant.id})`);
    else byId.set(id, file);
    const nameOwner = byName.get(config.tenant.name);
    if (nameOwner) problems.push(`${file}: tenant.name: same name as ${nameOwner}; it names the stack (got ${config.tenant.name})`);
    else byName.set(config.tenant.name, file);
  }
  return problems;
}

/** Read every `*.yaml` / `*.yml` in `dir` (sorted), validating all before returning any. */
export function loadTenants(dir: string): TenantLoadResult {
  const shownDir = displayPath(dir);
  let names: string[];
  try {
    names = fs.readdirSync(dir).filter((n) => /\.ya?ml$/.test(n)).sort();
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'does not exist' : 'cannot be read';
    return { tenants: [], problems: [`${printable(shownDir)}: tenant directory ${reason} (set CVI_TENANTS_DIR to another one)`], warnings: [] };
  }
  if (names.length === 0) {
    return { tenants: [], problems: [`${printable(shownDir)}: holds no tenant files (*.yaml)`], warnings: [] };
  }
  const tenants: LoadedTenant[] = [];
  const problems: string[] = [];
  const warnings: string[] = [];
  for (const name of names) {
    const file = printable(displayPath(path.join(dir, name)));
    const read = readTenantFile(path.join(dir, name), file);
    if ('problem' in read) {
      problems.push(read.problem);
      continue;
    }
    const result = parseTenantFile(file, read.text);
    problems.push(...result.problems);
    warnings.push(...result.warnings);
    if (result.config) tenants.push({ file, config: result.config });
  }
  problems.push(...crossFileProblems(tenants));
  return { tenants, problems, warnings };
}
