/**
 * `npm run deploy -- <tenant> [<tenant> ...] [cdktf options]` and the same for `diff`: cdktf
 * deploy (auto-approved) or diff of tenant stacks, with the `cvi` provider built into the
 * project's mirror first when needed. Every named tenant is checked against the tenants folder
 * before anything runs. Credentials come from the environment only (ARM_* / AZURE_*).
 */
import * as path from 'path';
import { runCdktf } from './cdktf-command';
import { ensureProvider } from './provider-ready';
import { projectRoot } from './project';
import { loadTenants } from '../stacks/load-tenants';

const USAGE = `usage: npm run deploy -- <tenant> [<tenant> ...] [cdktf deploy options]
       npm run diff   -- <tenant> [<tenant> ...] [cdktf diff options]

The tenant is tenant.name of a file in tenants/ (or $CVI_TENANTS_DIR); name tenants before any
option. deploy applies them in one cdktf run; diff shows each in turn. Credentials come from the
environment: ARM_TENANT_ID / ARM_CLIENT_ID with ARM_CLIENT_SECRET, a certificate, GitHub OIDC
(ARM_USE_OIDC) or the Azure CLI; DNS_UPDATE_KEYSECRET for RFC 2136 zones.`;

type Mode = 'deploy' | 'diff';

/** Tenants come first: after the first option, a bare word may be that option's value. */
export function splitArgs(args: readonly string[]): { tenants: string[]; options: string[] } {
  const first = args.findIndex((a) => a.startsWith('-'));
  const tenants = first < 0 ? [...args] : args.slice(0, first);
  return { tenants: [...new Set(tenants)], options: first < 0 ? [] : args.slice(first) };
}

/**
 * The named tenants that have no tenant file, as one line; cdktf would otherwise stop at the
 * first with its own words, or (diff) take only the first name and drop the rest silently.
 * Warnings about the files (an old spelling) go to `warn` here: cdktf shows the synth's stderr
 * only when it fails.
 */
export function unknownTenants(
  mode: Mode,
  tenants: readonly string[],
  root: string,
  env: NodeJS.ProcessEnv = process.env,
  warn: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
): string | undefined {
  const dir = path.resolve(root, env.CVI_TENANTS_DIR ?? 'tenants');
  const { tenants: loaded, problems, warnings } = loadTenants(dir);
  warnings.forEach(warn);
  // Invalid files are the synth's to report, one line each, when cdktf runs the app.
  if (problems.length > 0) return undefined;
  const known = loaded.map((t) => t.config.tenant.name);
  const missing = tenants.filter((t) => !known.includes(t));
  if (missing.length === 0) return undefined;
  const which = missing.length === 1 ? `no tenant named ${missing[0]}` : `no tenants named ${missing.join(', ')}`;
  return `npm run ${mode}: ${which} in ${dir}; its tenants: ${known.sort().join(', ') || '(none)'}; nothing was run`;
}

async function diffEach(tenants: readonly string[], options: readonly string[], root: string, say: (line: string) => void): Promise<number> {
  const failed: string[] = [];
  for (const [i, tenant] of tenants.entries()) {
    // cdktf diff takes one stack; synthesize once, for the first, and reuse that output.
    const skipSynth = i > 0 && !options.includes('--skip-synth') ? ['--skip-synth'] : [];
    const args = ['diff', tenant, ...options, ...skipSynth];
    say(`(${i + 1}/${tenants.length}) cdktf ${args.join(' ')}`);
    const result = await runCdktf(args, { root });
    if (result.code !== 0) failed.push(tenant);
  }
  if (tenants.length > 1) say(failed.length === 0 ? `diffed ${tenants.join(', ')}` : `failed for ${failed.join(', ')} (of ${tenants.join(', ')})`);
  return failed.length === 0 ? 0 : 1;
}

export async function main(argv: string[]): Promise<number> {
  const [mode, ...args] = argv;
  if (mode !== 'deploy' && mode !== 'diff') {
    process.stderr.write(`scripts/deploy.ts: first argument must be deploy or diff; got ${JSON.stringify(mode)}\n`);
    return 1;
  }
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const { tenants, options } = splitArgs(args);
  if (tenants.length === 0) {
    process.stderr.write(`npm run ${mode}: name the tenant stack(s) to ${mode}\n\n${USAGE}\n`);
    return 1;
  }
  const root = projectRoot();
  const unknown = unknownTenants(mode, tenants, root);
  if (unknown) {
    process.stderr.write(`${unknown}\n`);
    return 1;
  }
  const say = (line: string) => process.stderr.write(`${mode}: ${line}\n`);
  if (!(await ensureProvider(root, say))) return 1;
  if (mode === 'diff') return diffEach(tenants, options, root, say);
  const cdktfArgs = ['deploy', ...tenants, ...options, '--auto-approve'];
  say(`cdktf ${cdktfArgs.join(' ')}`);
  const result = await runCdktf(cdktfArgs, { root });
  return result.code === 0 ? 0 : 1;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err) => {
      process.stderr.write(`${(err as Error).message}\n`);
      process.exit(1);
    },
  );
}
