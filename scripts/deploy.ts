/**
 * `npm run deploy -- <tenant> [cdktf options]` and `npm run diff -- <tenant> [cdktf options]`:
 * cdktf deploy (auto-approved) or diff of tenant stacks, with the `cvi` provider built into the
 * project's mirror first when needed. Credentials come from the environment only (ARM_* / AZURE_*).
 */
import { runCdktf } from './cdktf-command';
import { ensureProvider } from './provider-ready';
import { projectRoot } from './project';

const USAGE = `usage: npm run deploy -- <tenant> [<tenant> ...] [cdktf deploy options]
       npm run diff   -- <tenant> [<tenant> ...] [cdktf diff options]

The tenant is tenant.name of a file in tenants/ (or $CVI_TENANTS_DIR). Credentials come from the
environment: ARM_TENANT_ID / ARM_CLIENT_ID with ARM_CLIENT_SECRET, a certificate, GitHub OIDC
(ARM_USE_OIDC) or the Azure CLI; DNS_UPDATE_KEYSECRET for RFC 2136 zones.`;

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
  // Tenants come first: after the first option, a bare word may be that option's value.
  if (args.length === 0 || args[0].startsWith('-')) {
    process.stderr.write(`npm run ${mode}: name the tenant stack(s) to ${mode}\n\n${USAGE}\n`);
    return 1;
  }
  const root = projectRoot();
  const say = (line: string) => process.stderr.write(`${mode}: ${line}\n`);
  if (!(await ensureProvider(root, say))) return 1;
  const cdktfArgs = mode === 'deploy' ? ['deploy', ...args, '--auto-approve'] : ['diff', ...args];
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
