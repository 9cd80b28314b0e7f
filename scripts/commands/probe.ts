/**
 * `cvi probe`: a read-only check of the Teams admin API routes this project depends on,
 * against a real tenant, before the first deploy. Prints per route the status, latency and
 * JSON shape (keys and value types, never values or tokens); `--json FILE` writes the same as
 * a file to attach to an issue. Exit 0 when every High-confidence route answered as
 * teams-wire-evidence.md says, 1 otherwise, 2 on bad usage. It never writes to the tenant.
 */
import { CLOUDS } from '../../domain/clouds';
import { writeFileSync } from 'node:fs';
import type { Cloud, ProbeResult } from '../../teams';

const USAGE = `usage: cvi probe [--tenant-id ID] [--group GROUP_ID] [--user UPN] [--policy NAME]
                 [--endpoint URL] [--cloud public|gcchigh|dod|china] [--json FILE]

Reads (never writes) every Teams admin API route the cvi provider uses and reports, per route,
the HTTP status, the latency and the shape of the answer (keys and value types, never values).
Sign-in comes from the environment, as for the provider: ARM_TENANT_ID, ARM_CLIENT_ID and
ARM_CLIENT_SECRET (or a certificate, OIDC, managed identity, Azure CLI); the app needs the
Teams Administrator role.

  --tenant-id ID  the tenant (default: ARM_TENANT_ID or AZURE_TENANT_ID)
  --group ID      also read this group's policy assignments
  --user UPN      also read this user's effective TeamsVideoInteropServicePolicy
  --policy NAME   policy the candidate user search filters on (default PexipServiceProviderEnabled)
  --endpoint URL  another API base, e.g. the emulator's (default: CVI_TEAMS_ENDPOINT or the cloud's host)
  --cloud NAME    public (default), gcchigh, dod or china
  --json FILE     also write the report as JSON to FILE

Exit: 0 every High-confidence route answered as the evidence says; 1 otherwise; 2 bad usage.`;


interface Options {
  tenantId?: string;
  group?: string;
  user?: string;
  policy?: string;
  endpoint?: string;
  cloud: Cloud;
  json?: string;
  help: boolean;
}

class UsageError extends Error {}

export function parseProbeArgs(args: string[], env: NodeJS.ProcessEnv): Options {
  const o: Options = { cloud: 'public', help: false, endpoint: env.CVI_TEAMS_ENDPOINT || undefined, tenantId: env.ARM_TENANT_ID || env.AZURE_TENANT_ID || undefined };
  for (let i = 0; i < args.length; i++) {
    const flag = args[i];
    if (flag === '--help' || flag === '-h') {
      o.help = true;
      continue;
    }
    const value = args[++i];
    if (value === undefined || value.startsWith('--') || value === '') throw new UsageError(`${flag} needs a value`);
    switch (flag) {
      case '--tenant-id':
        o.tenantId = value;
        break;
      case '--group':
        o.group = value;
        break;
      case '--user':
        o.user = value;
        break;
      case '--policy':
        o.policy = value;
        break;
      case '--endpoint':
        o.endpoint = value;
        break;
      case '--cloud':
        if (!CLOUDS.includes(value as Cloud)) throw new UsageError(`--cloud must be one of ${CLOUDS.join(', ')}, got "${value}"`);
        o.cloud = value as Cloud;
        break;
      case '--json':
        o.json = value;
        break;
      default:
        throw new UsageError(`unknown option "${flag}"`);
    }
  }
  return o;
}

/** The table a human and a CI log both read: one line per route, then the verdict. */
export function formatProbe(results: readonly ProbeResult[]): string {
  const lines = results.map((r) => {
    const verdict = r.asEvidence ? 'as evidence' : r.confidence === 'candidate' ? 'not answered (candidate)' : 'DIFFERS';
    const status = r.status === undefined ? 'none' : String(r.status);
    return [
      `${r.name} ${r.section} [${r.confidence}]`,
      `  ${r.request}`,
      `  status ${status}, ${r.latencyMs} ms: ${verdict}`,
      `  shape ${r.error ? `(no answer: ${r.error})` : r.shape}`,
    ].join('\n');
  });
  const failed = results.filter((r) => r.confidence === 'High' && !r.asEvidence);
  const summary = failed.length === 0 ? 'every High-confidence route answered as the evidence says' : `${failed.length} High-confidence route(s) answered otherwise: ${failed.map((r) => r.name).join(', ')}`;
  return `${lines.join('\n\n')}\n\nprobe: ${summary}\n`;
}

export async function run(args: string[]): Promise<number> {
  let o: Options;
  try {
    o = parseProbeArgs(args, process.env);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    process.stderr.write(`cvi probe: ${err.message}\n\n${USAGE}\n`);
    return 2;
  }
  if (o.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const teams = await import('../../teams');
  let client;
  try {
    const choice = teams.credentialFromEnvironment(process.env, { tenantId: o.tenantId, cloud: o.cloud });
    if (!choice.tenantId) throw new Error('no tenant id: pass --tenant-id or set ARM_TENANT_ID');
    client = new teams.TeamsAdminClient({ tenantId: choice.tenantId, credential: choice.credential, cloud: o.cloud, endpoint: o.endpoint, retry: { maxAttempts: 3 } });
    process.stderr.write(`cvi probe: tenant ${choice.tenantId}, ${client.baseUrl}, signed in with ${choice.description}; read-only\n`);
  } catch (err) {
    process.stderr.write(`cvi probe: cannot sign in: ${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  }
  try {
    const results = await client.probe({ group: o.group, user: o.user, policy: o.policy, deadline: Date.now() + 120_000 });
    process.stdout.write(formatProbe(results));
    if (o.json) {
      const report = { format: 'cvi-probe/v1', generatedAt: new Date().toISOString(), tenantId: client.tenantId, baseUrl: client.baseUrl, results };
      writeFileSync(o.json, JSON.stringify(report, null, 2) + '\n');
      process.stderr.write(`cvi probe: report written to ${o.json}\n`);
    }
    return results.every((r) => r.confidence !== 'High' || r.asEvidence) ? 0 : 1;
  } finally {
    client.close();
  }
}
