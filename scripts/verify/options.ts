/** Options of `cvi verify`, parsed strictly: an unknown or malformed option is an error, not ignored. */

export interface VerifyOptions {
  readonly tenants: string[];
  /** @default env CVI_TENANTS_DIR, else tenants/ in the project */
  readonly tenantsDir?: string;
  /** `host:port` to send the SRV queries to. @default the system's resolvers */
  readonly dnsServer?: string;
  readonly json: boolean;
  readonly help: boolean;
}

export const VERIFY_USAGE = `usage: cvi verify [--tenant NAME ...] [--tenants-dir DIR] [--dns-server HOST:PORT] [--json]

Checks each tenant file against the world, independent of any Terraform state: every declared
SRV record is resolved and compared (target, port, priority, weight); the consent of every
vendor app id is read through Microsoft Graph (service principal, application permissions by
name, delegated scopes); the Teams objects are read through the Teams admin API (service
provider fields, policy assignment, federation entry). Prints a table of checks per tenant:
ok, missing, different (with both values), unreadable, or unchecked (no proven read: a warning).

  --tenant NAME          check only this tenant (tenant.name; repeatable, or comma-separated)
  --tenants-dir DIR      tenant files to read (default: $CVI_TENANTS_DIR or tenants/)
  --dns-server HOST:PORT ask this DNS server (e.g. the zone's primary) instead of the system's
                         resolvers; [v6]:port for IPv6
  --json                 print the report as JSON (schema/verify-report.schema.json) on stdout

Sign-in: the ARM_* / AZURE_* variables the providers use (Teams Administrator, and Microsoft
Graph Application.Read.All + Directory.Read.All). CVI_TEAMS_ENDPOINT and CVI_GRAPH_ENDPOINT
replace the cloud's hosts (the emulator).

exit codes: 0 every check ok, 2 something missing or different, 1 something could not be
checked (wins over 2: an unread part may hide a difference).`;

export class VerifyUsageError extends Error {}

export function parseVerifyOptions(args: readonly string[]): VerifyOptions {
  const tenants: string[] = [];
  let tenantsDir: string | undefined;
  let dnsServer: string | undefined;
  let json = false;
  let help = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => {
      const v = inline ?? args[++i];
      if (v === undefined || v === '' || (inline === undefined && v.startsWith('--'))) throw new VerifyUsageError(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '--tenant':
        tenants.push(...value().split(',').map((t) => t.trim()).filter((t) => t !== ''));
        break;
      case '--tenants-dir':
        tenantsDir = value();
        break;
      case '--dns-server':
        dnsServer = value();
        break;
      case '--json':
        json = true;
        break;
      case '--help':
      case '-h':
        help = true;
        break;
      default:
        throw new VerifyUsageError(`unknown option ${JSON.stringify(arg)}`);
    }
  }
  return { tenants, tenantsDir, dnsServer, json, help };
}
