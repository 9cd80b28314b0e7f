/**
 * `cvi export`: a tenant file for a tenant set up by hand. Reads the live tenant through the
 * shared reader (reader/: Teams, Microsoft Graph, DNS; reads only), writes the file with an
 * import section so the first deploy adopts every object, and checks the file the way synth
 * will (schema, then the stack's constructs) before anything is written.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from 'cdktf';
import { readConsent } from '../../reader/consent';
import { readSrvRecordSets } from '../../reader/dns';
import { sourcesFromEnvironment } from '../../reader/from-environment';
import { readPolicyHolders } from '../../reader/policy-holders';
import { readTeams } from '../../reader/teams';
import { parseTenantFile } from '../../stacks/load-tenants';
import { TenantStack } from '../../stacks/tenant-stack';
import { EXPORT_USAGE, ExportOptions, ExportUsageError, parseExportOptions } from '../export/options';
import { ExportError, planExport } from '../export/plan';
import { renderTenantFile } from '../export/render';
import { exportTenantFile, policyGrantedOnlyToUsers } from '../export/tenant-file';

/** Reads the tenant and returns the file's text; throws ExportError with one line. */
export async function exportTenant(options: ExportOptions, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  let opened;
  try {
    opened = sourcesFromEnvironment(options.tenantId, env, { dnsServer: options.dnsServer });
  } catch (err) {
    throw new ExportError(`cannot sign in: ${(err as Error).message.split('\n')[0]}`);
  }
  try {
    const { teams: teamsClient, graph, dns: resolver } = opened.sources;
    const teams = await readTeams(teamsClient!);
    if (teams.status !== 'read') throw new ExportError(teams.reason);
    const plan = planExport(options, teams.value);
    const consent = await readConsent(graph!, plan.appIds);
    const dns = options.dnsZone ? await readSrvRecordSets(plan.srvOwners, resolver ?? {}) : undefined;
    // Only a policy granted user by user needs the (candidate) user search.
    const usersOf = policyGrantedOnlyToUsers(plan, teams.value);
    const holders = usersOf ? await readPolicyHolders(teamsClient!, usersOf) : undefined;
    const text = renderTenantFile(options.tenantId, exportTenantFile(options, plan, teams.value, consent, dns, holders));
    checkAsSynthWould(options.name, text);
    return text;
  } finally {
    opened.close();
  }
}

/** The file must pass synth unchanged: the schema first, then the stack's own checks (import ids included). */
function checkAsSynthWould(name: string, text: string): void {
  const file = `${name}.yaml`;
  const { config, problems } = parseTenantFile(file, text);
  if (!config) throw new ExportError(`the exported file would not be valid: ${problems.join('; ')}`);
  // Built, never synthesized: the app's folder (which cdktf creates) is removed at once.
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'cvi-export-'));
  try {
    new TenantStack(new App({ outdir: scratch }), config, { stateDir: scratch });
  } catch (err) {
    throw new ExportError(`the exported file would not synthesize: ${(err as Error).message.split('\n')[0]}`);
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

function write(options: ExportOptions, text: string): void {
  if (options.tenantsDir) {
    const existing = path.join(options.tenantsDir, `${options.name}.yaml`);
    if (fs.existsSync(existing)) throw new ExportError(`${existing} already exists: a tenant file is never overwritten (choose another --name, or move it away)`);
  }
  if (!options.out) {
    process.stdout.write(text);
    return;
  }
  try {
    fs.writeFileSync(options.out, text, { flag: 'wx' });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new ExportError(code === 'EEXIST' ? `${options.out} already exists: a tenant file is never overwritten` : `cannot write ${options.out}: ${code ?? (err as Error).message}`);
  }
  process.stderr.write(`cvi export: wrote ${options.out}\n`);
}

export async function run(args: string[]): Promise<number> {
  let options: ExportOptions;
  try {
    options = parseExportOptions(args);
  } catch (err) {
    if (!(err instanceof ExportUsageError)) throw err;
    process.stderr.write(`cvi export: ${err.message}\n\n${EXPORT_USAGE}\n`);
    return 1;
  }
  if (options.help) {
    process.stdout.write(`${EXPORT_USAGE}\n`);
    return 0;
  }
  try {
    // A name already taken is refused before the tenant is read.
    if (options.tenantsDir && fs.existsSync(path.join(options.tenantsDir, `${options.name}.yaml`))) write(options, '');
    write(options, await exportTenant(options));
    return 0;
  } catch (err) {
    if (!(err instanceof ExportError)) throw err;
    process.stderr.write(`cvi export: ${err.message}\n`);
    return 1;
  }
}
