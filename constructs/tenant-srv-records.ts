/**
 * The SRV records a tenant declares, in one place: `CviTenant` writes them (through
 * `CviDnsRecords`) and `cvi verify` resolves them, so what is checked is exactly what was
 * published. Presets expand here, defaults fill in here, and owner names are built here.
 */
import type { CviTenantProps } from './tenant/tenant-props';
import { resolveTenantSettings } from './tenant/tenant-defaults';
import { canonicalName, relativeToZone, tenantKeyDomain } from './dns-names';
import { DEFAULT_SRV_PRIORITY, DEFAULT_SRV_WEIGHT, SrvProtocol, SrvRecord, srvRecordsFromPreset, srvRelativeOwner } from './dns-records';

/** One declared SRV record with every default applied and its absolute owner name. */
export interface DeclaredSrvRecord {
  /** Absolute owner name without the trailing dot, lower case: `_sip._tcp.vc.contoso.com`. */
  readonly owner: string;
  readonly service: string;
  readonly protocol: SrvProtocol;
  /** Host name without the trailing dot, lower case (the form names are compared in). */
  readonly target: string;
  readonly port: number;
  readonly priority: number;
  readonly weight: number;
}

/** What a tenant publishes in DNS: the zone, where the records sit in it, and the records. */
export interface TenantSrvRecords {
  readonly zone: string;
  /** Owner name of the tenant key's domain relative to the zone ('' at the apex). */
  readonly relativeName: string;
  /** The records as given (preset first, then the file's own), for the construct. */
  readonly records: readonly SrvRecord[];
  /** The same records resolved: owner names and defaults, for readers and checks. */
  readonly declared: readonly DeclaredSrvRecord[];
}

/**
 * The tenant's SRV records, or undefined when it publishes none (no dns section, or
 * `provider: none`). Throws one line naming the field when the zone is missing or does not
 * hold the tenant key's domain.
 */
export function tenantSrvRecords(props: CviTenantProps): TenantSrvRecords | undefined {
  const dns = props.dns;
  if (!dns || dns.provider === 'none') return undefined;
  const where = `tenant ${props.tenant.name}: dns`;
  if (!dns.zone) throw new Error(`${where}.zone is required when dns.provider is ${dns.provider}; got nothing`);
  const records: SrvRecord[] = [...(dns.preset ? srvRecordsFromPreset(dns.preset.name, dns.preset) : []), ...(dns.records ?? [])];
  const keyDomain = tenantKeyDomain(resolveTenantSettings(props).tenantKey, props.tenant.domain);
  const relativeName = relativeToZone(keyDomain, dns.zone);
  if (relativeName === undefined) {
    throw new Error(`${where}.zone must contain ${keyDomain}, the domain of the tenant key where the SRV records go; got ${JSON.stringify(dns.zone)}`);
  }
  const zone = canonicalName(dns.zone);
  const declared = records.map((r) => ({
    owner: `${srvRelativeOwner(r, relativeName)}.${zone}`.toLowerCase(),
    service: r.service,
    protocol: r.protocol,
    target: canonicalName(r.target),
    port: r.port,
    priority: r.priority ?? DEFAULT_SRV_PRIORITY,
    weight: r.weight ?? DEFAULT_SRV_WEIGHT,
  }));
  return { zone, relativeName, records, declared };
}
