import * as fs from 'fs';
import * as path from 'path';
import { parseDocument } from 'yaml';
import { tenantFileSchema } from './schema/tenant-file';
import { formatIssues } from './format-issues';
import { findSecretKeys, secretKeyMessage, withoutKeys } from './secret-keys';
import type { LoadedTenant, TenantConfig } from './tenant-config';

/** Everything that was read: valid tenants, and one line per problem across all files. */
export interface TenantLoadResult {
  readonly tenants: LoadedTenant[];
  readonly problems: string[];
}

/** How a path appears in messages: relative to the working directory when it is below it. */
export function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
}

/** Parse and validate one tenant file's text. `file` is only used in messages. */
export function parseTenantFile(file: string, text: string): { config?: TenantConfig; problems: string[] } {
  const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      problems: doc.errors.map((error) => {
        const where = error.linePos ? `line ${error.linePos[0].line}, column ${error.linePos[0].col}: ` : '';
        const what = error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
        return `${file}: ${where}malformed YAML: ${what}`;
      }),
    };
  }
  const raw: unknown = doc.toJS();
  if (raw === null || raw === undefined) {
    return { problems: [`${file}: (top level): is empty; a tenant file needs tenant, vendor and teams`] };
  }
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    return { problems: [`${file}: (top level): must be a mapping of sections (tenant, vendor, teams, ...)`] };
  }
  const secrets = findSecretKeys(raw);
  const problems = secrets.map((secret) => secretKeyMessage(file, secret));
  const parsed = tenantFileSchema.safeParse(withoutKeys(raw, secrets), { reportInput: true });
  if (!parsed.success) problems.push(...formatIssues(file, parsed.error.issues, tenantFileSchema));
  return problems.length > 0 || !parsed.success ? { problems } : { config: parsed.data, problems };
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
    return { tenants: [], problems: [`${shownDir}: tenant directory ${reason} (set CVI_TENANTS_DIR to another one)`] };
  }
  if (names.length === 0) {
    return { tenants: [], problems: [`${shownDir}: holds no tenant files (*.yaml)`] };
  }
  const tenants: LoadedTenant[] = [];
  const problems: string[] = [];
  for (const name of names) {
    const file = displayPath(path.join(dir, name));
    let text: string;
    try {
      text = fs.readFileSync(path.join(dir, name), 'utf8');
    } catch {
      problems.push(`${file}: cannot be read`);
      continue;
    }
    const result = parseTenantFile(file, text);
    problems.push(...result.problems);
    if (result.config) tenants.push({ file, config: result.config });
  }
  problems.push(...crossFileProblems(tenants));
  return { tenants, problems };
}
