/**
 * `cvi verify`: does the world hold what the tenant files declare? For each tenant, the
 * declared SRV records over DNS, the vendor apps' consent through Microsoft Graph and the
 * Teams objects through the Teams admin API, read by the live-tenant reader (reader/), never
 * from Terraform state. A table or JSON, and an exit code a pipeline can branch on.
 */
import * as path from 'path';
import { loadTenants } from '../../stacks/load-tenants';
import type { LoadedTenant } from '../../stacks/tenant-config';
import { sourcesFromEnvironment } from '../../reader/from-environment';
import { parseVerifyOptions, VERIFY_USAGE, VerifyOptions, VerifyUsageError } from '../verify/options';
import { buildReport, type TenantResult, type VerifyReport } from '../verify/model';
import { renderTable } from '../verify/render-table';
import { verifyTenant } from '../verify/verify-tenant';
import { projectRoot } from '../project';

function print(report: VerifyReport, options: VerifyOptions): number {
  process.stdout.write(`${options.json ? JSON.stringify(report, null, 2) : renderTable(report)}\n`);
  return report.exitCode;
}

/** Nothing could be checked: the reason on stderr and, with --json, a report saying so. */
function nothingChecked(options: VerifyOptions, message: string): 1 {
  process.stderr.write(`cvi verify: ${message}\n`);
  if (options.json) print(buildReport([], options.dnsServer ?? 'system resolver', message), options);
  return 1;
}

function selectTenants(all: readonly LoadedTenant[], names: readonly string[]): LoadedTenant[] | string {
  if (names.length === 0) return [...all];
  const unknown = names.filter((n) => !all.some((t) => t.config.tenant.name === n));
  if (unknown.length > 0) return `no tenant named ${unknown.join(', ')} (tenants: ${all.map((t) => t.config.tenant.name).join(', ') || 'none'})`;
  return all.filter((t) => names.includes(t.config.tenant.name));
}

export async function run(args: string[]): Promise<number> {
  let options: VerifyOptions;
  try {
    options = parseVerifyOptions(args);
  } catch (err) {
    if (!(err instanceof VerifyUsageError)) throw err;
    process.stderr.write(`cvi verify: ${err.message}\n\n${VERIFY_USAGE}\n`);
    return 1;
  }
  if (options.help) {
    process.stdout.write(`${VERIFY_USAGE}\n`);
    return 0;
  }
  const dir = path.resolve(options.tenantsDir ?? process.env.CVI_TENANTS_DIR ?? path.join(projectRoot(), 'tenants'));
  const loaded = loadTenants(dir);
  for (const warning of loaded.warnings) process.stderr.write(`${warning}\n`);
  if (loaded.problems.length > 0) return nothingChecked(options, loaded.problems.join('\n'));
  const selected = selectTenants(loaded.tenants, options.tenants);
  if (typeof selected === 'string') return nothingChecked(options, selected);

  const results: TenantResult[] = [];
  for (const tenant of selected) {
    let opened;
    try {
      opened = sourcesFromEnvironment(tenant.config.tenant.id, process.env, { dnsServer: options.dnsServer });
    } catch (err) {
      return nothingChecked(options, `${tenant.file}: ${(err as Error).message.split('\n')[0]}`);
    }
    try {
      process.stderr.write(`verify: ${tenant.config.tenant.name}: reading (${opened.description})\n`);
      results.push(await verifyTenant(tenant, opened.sources));
    } finally {
      opened.close();
    }
  }
  return print(buildReport(results, options.dnsServer ?? 'system resolver'), options);
}
