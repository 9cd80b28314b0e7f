/** The command line of `cvi export`. */
import { VENDOR_NAMES, type VendorName } from '../../domain/vendors';
import { isGuid, isTenantName, TENANT_NAME_RULE } from '../../domain/identifiers';

export interface ExportOptions {
  readonly tenantId: string;
  /** The tenant's short name: names the stack and the file. */
  readonly name: string;
  /** @default inferred from the tenant's one video interop service provider */
  readonly vendor?: VendorName;
  /** tenant.domain. @default the tenant key's domain (Pexip), else the DNS zone */
  readonly domain?: string;
  /** The zone the SRV records are in; with it, export reads them. */
  readonly dnsZone?: string;
  /** `host[:port]` of the DNS server the records are read from, and that takes RFC 2136 updates. */
  readonly dnsServer?: string;
  /** TSIG key name for the updates (the secret stays in DNS_UPDATE_KEYSECRET). */
  readonly dnsKeyName?: string;
  /** The hosted vendor's domain on the federation allow-list, to manage (and import) its entry. */
  readonly federationDomain?: string;
  /** Where tenant files live: a file of the same name there is never overwritten. */
  readonly tenantsDir?: string;
  /** Write here instead of stdout. */
  readonly out?: string;
  readonly help: boolean;
}

export const EXPORT_USAGE = `usage: cvi export --tenant-id ID --name NAME [--vendor V] [--domain D]
                  [--dns-zone Z --dns-server HOST[:PORT] --dns-key-name K] [--federation-domain D]
                  [--tenants-dir DIR] [--out FILE]

Reads a live tenant (Teams objects through the Teams admin API, the vendor apps' consent through
Microsoft Graph, the SRV records over DNS; reads only) and writes a tenant file for it, with an
import section, so the first deploy adopts every object and changes nothing. What the file cannot
express is listed in comments at its top. Sign-in as for the provider (ARM_* variables).

  --tenant-id ID      the Entra ID tenant
  --name NAME         the tenant's short name (names the stack)
  --vendor V          ${VENDOR_NAMES.join(' | ')} (default: from the tenant's service provider)
  --domain D          tenant.domain (default: the tenant key's domain, else --dns-zone)
  --dns-zone Z        the zone holding the SRV records; with --dns-server and --dns-key-name
  --dns-server S      the server to read the records from and send RFC 2136 updates to
  --dns-key-name K    the TSIG key name (ends in a dot); the secret stays in DNS_UPDATE_KEYSECRET
  --federation-domain D  the vendor's domain on the federation allow-list: its entry is managed and imported
  --tenants-dir DIR   refuse to export a name that already has DIR/NAME.yaml
  --out FILE          write the file there instead of stdout (never over an existing file)

Exit: 0 written; 1 the tenant could not be read or the file would not be valid.`;

export class ExportUsageError extends Error {}

export function parseExportOptions(args: readonly string[]): ExportOptions {
  const o: { -readonly [K in keyof ExportOptions]?: ExportOptions[K] } = { help: false };
  for (let i = 0; i < args.length; i++) {
    const flag = args[i];
    if (flag === '--help' || flag === '-h') {
      o.help = true;
      continue;
    }
    const value = args[++i];
    if (value === undefined || value.startsWith('--') || value === '') throw new ExportUsageError(`${flag} needs a value`);
    switch (flag) {
      case '--tenant-id':
        if (!isGuid(value)) throw new ExportUsageError(`--tenant-id must be a GUID, got "${value}"`);
        o.tenantId = value;
        break;
      case '--name':
        if (!isTenantName(value)) throw new ExportUsageError(`--name ${TENANT_NAME_RULE} (it names the tenant file and its stack), got "${value}"`);
        o.name = value;
        break;
      case '--vendor':
        if (!(VENDOR_NAMES as readonly string[]).includes(value)) throw new ExportUsageError(`--vendor must be one of ${VENDOR_NAMES.join(', ')}, got "${value}"`);
        o.vendor = value as VendorName;
        break;
      case '--domain':
        o.domain = value.toLowerCase();
        break;
      case '--dns-zone':
        o.dnsZone = value.toLowerCase().replace(/\.$/, '');
        break;
      case '--dns-server':
        o.dnsServer = value;
        break;
      case '--dns-key-name':
        o.dnsKeyName = value;
        break;
      case '--federation-domain':
        o.federationDomain = value.toLowerCase();
        break;
      case '--tenants-dir':
        o.tenantsDir = value;
        break;
      case '--out':
        o.out = value;
        break;
      default:
        throw new ExportUsageError(`unknown option "${flag}"`);
    }
  }
  if (o.help) return o as ExportOptions;
  if (!o.tenantId) throw new ExportUsageError('--tenant-id is required');
  if (!o.name) throw new ExportUsageError('--name is required');
  const dns = [o.dnsZone, o.dnsServer, o.dnsKeyName];
  if (dns.some((d) => d !== undefined) && dns.some((d) => d === undefined)) {
    throw new ExportUsageError('--dns-zone, --dns-server and --dns-key-name go together: the zone, where to read and update it, and the TSIG key name');
  }
  return o as ExportOptions;
}
