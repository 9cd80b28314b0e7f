import { Construct } from 'constructs';
import { Token, TerraformProvider, TerraformResource } from 'cdktf';
import { SrvRecordSet } from '@cdktf/provider-dns/lib/srv-record-set';
import { DnsSrvRecord } from '@cdktf/provider-azurerm/lib/dns-srv-record';
import { canonicalName, hostNameProblem } from './dns-names';
import { DNS_PRESETS, DnsPresetName } from '../domain/vendors';
import { isServiceLabel, SRV_PROTOCOLS, type SrvProtocol } from '../domain/dns-names';

/** Priority and weight of a record that gives none (what the construct writes). */
export const DEFAULT_SRV_PRIORITY = 10;
export const DEFAULT_SRV_WEIGHT = 10;

export { SRV_PROTOCOLS, type SrvProtocol } from '../domain/dns-names';

/** One SRV record: `_<service>._<protocol>.<domain> <ttl> SRV <priority> <weight> <port> <target>`. */
export interface SrvRecord {
  /** Service label without the underscore, e.g. `sip`. */
  readonly service: string;
  /** Transport label without the underscore. */
  readonly protocol: SrvProtocol;
  readonly port: number;
  /** Host name with an A/AAAA record (not an IP address, not a CNAME). */
  readonly target: string;
  /** @default 10 */
  readonly priority?: number;
  /** @default 10 */
  readonly weight?: number;
  /** Seconds; all records of one `_service._protocol` must agree. @default the construct's `ttl` */
  readonly ttl?: number;
}

/** Where the records are written: a zone updated over RFC 2136 or an Azure DNS zone. */
export abstract class DnsZone {
  /** A zone on any server that accepts TSIG-signed RFC 2136 updates (the `dns` provider). */
  static rfc2136(zoneName: string): DnsZone {
    return new Rfc2136Zone(zoneName);
  }
  /** An Azure DNS zone (the `azurerm` provider). */
  static azure(zoneName: string, resourceGroupName: string): DnsZone {
    return new AzureZone(zoneName, resourceGroupName);
  }
  protected constructor(readonly zoneName: string) {}
}
class Rfc2136Zone extends DnsZone {
  constructor(zoneName: string) {
    super(zoneName);
  }
}
class AzureZone extends DnsZone {
  constructor(zoneName: string, readonly resourceGroupName: string) {
    super(zoneName);
  }
}

export interface CviDnsRecordsProps {
  /** The zone that holds the records. */
  readonly zone: DnsZone;
  /** Owner name relative to the zone (`vc` for `_sip._tcp.vc.<zone>`). @default '' (the zone apex) */
  readonly relativeName?: string;
  readonly records: readonly SrvRecord[];
  /** @default 3600 */
  readonly ttl?: number;
  /** Provider instance for the resources. @default the stack's default provider */
  readonly provider?: TerraformProvider;
}

/** Options of a DNS preset; every value overrides the preset's documented default. */
export interface PresetOptions {
  /** Conferencing nodes; every node gets one record per service. */
  readonly nodes: readonly string[];
  /** Port per service label, e.g. `{ sips: 5062 }`. @default the preset's ports */
  readonly ports?: Readonly<Partial<Record<string, number>>>;
  /** Service labels to leave out, e.g. `['h323rs']`. @default none */
  readonly omit?: readonly string[];
  /** @default the preset's priority (10 for pexip-infinity) */
  readonly priority?: number;
  /** @default the preset's weight (10 for pexip-infinity) */
  readonly weight?: number;
}

/** The SRV records a preset stands for, one per node and service. */
export function srvRecordsFromPreset(name: DnsPresetName, options: PresetOptions): SrvRecord[] {
  const preset = DNS_PRESETS[name];
  const omitted = new Set(options.omit ?? []);
  return preset.services
    .filter((s) => !omitted.has(s.service))
    .flatMap((s) =>
      options.nodes.map((target) => ({
        service: s.service,
        protocol: s.protocol,
        port: options.ports?.[s.service] ?? s.port,
        target,
        priority: options.priority ?? preset.priority,
        weight: options.weight ?? preset.weight,
      })),
    );
}

/** `_<service>._<protocol>[.<relativeName>]`: a record set's name relative to its zone. */
export function srvRelativeOwner(record: Pick<SrvRecord, 'service' | 'protocol'>, relativeName: string): string {
  const owner = `_${record.service}._${record.protocol}`;
  return relativeName ? `${owner}.${relativeName}` : owner;
}

/**
 * The SRV records that let standards-based endpoints (SIP / H.323) dial `teams@<domain>`.
 * One record set per `_service._protocol`, written through RFC 2136 or into Azure DNS.
 */
export class CviDnsRecords extends Construct {
  /** Owner names of the record sets, e.g. `_sip._tcp.contoso.com`. */
  readonly ownerNames: string[] = [];
  /** One resource per record set, in the order of `ownerNames`. */
  readonly recordSets: TerraformResource[] = [];

  constructor(scope: Construct, id: string, props: CviDnsRecordsProps) {
    super(scope, id);
    const defaultTtl = props.ttl ?? 3600;
    checkRange(`${id}.ttl`, defaultTtl, 1, 2147483647);
    if (props.records.length === 0) throw new Error(`${id}.records: must hold at least one SRV record`);
    props.records.forEach((record, i) => checkRecord(`${id}.records[${i}]`, record));

    for (const [owner, records] of groupByOwner(props.records)) {
      const ttl = sharedTtl(`${id}: ${owner}`, records, defaultTtl);
      const name = srvRelativeOwner(records[0], props.relativeName ?? '');
      const resourceId = owner.replace(/^_/, '').replace('._', '-');
      this.ownerNames.push(`${name}.${canonicalName(props.zone.zoneName)}`);
      this.recordSets.push(writeRecordSet(this, resourceId, name, ttl, records, props));
    }
  }
}

function writeRecordSet(
  scope: Construct,
  resourceId: string,
  name: string,
  ttl: number,
  records: readonly SrvRecord[],
  props: CviDnsRecordsProps,
): TerraformResource {
  const zoneName = canonicalName(props.zone.zoneName);
  const entries = records.map((r) => ({
    port: r.port,
    priority: r.priority ?? DEFAULT_SRV_PRIORITY,
    weight: r.weight ?? DEFAULT_SRV_WEIGHT,
    target: r.target,
  }));
  if (props.zone instanceof AzureZone) {
    return new DnsSrvRecord(scope, resourceId, {
      name,
      zoneName,
      resourceGroupName: props.zone.resourceGroupName,
      ttl,
      record: entries.map((e) => ({ ...e, target: fqdnWithoutDot(e.target) })),
      provider: props.provider,
    });
  } else {
    // The dns provider speaks wire format: zone and targets are absolute names ending in a dot.
    return new SrvRecordSet(scope, resourceId, {
      name,
      zone: `${zoneName}.`,
      ttl,
      srv: entries.map((e) => ({ ...e, target: fqdnWithDot(e.target) })),
      provider: props.provider,
    });
  }
}

function checkRecord(path: string, record: SrvRecord): void {
  if (!Token.isUnresolved(record.service) && !isServiceLabel(record.service)) {
    throw new Error(`${path}.service: must be a service label such as sip or h323cs (got ${record.service})`);
  }
  if (!(SRV_PROTOCOLS as readonly string[]).includes(record.protocol)) {
    throw new Error(`${path}.protocol: must be one of ${SRV_PROTOCOLS.join(', ')} (got ${record.protocol})`);
  }
  checkRange(`${path}.port`, record.port, 1, 65535);
  checkRange(`${path}.priority`, record.priority, 0, 65535);
  checkRange(`${path}.weight`, record.weight, 0, 65535);
  checkRange(`${path}.ttl`, record.ttl, 1, 2147483647);
  if (!Token.isUnresolved(record.target)) {
    const problem = hostNameProblem(record.target);
    if (problem) throw new Error(`${path}.target: ${problem} (got ${record.target})`);
  }
}

function checkRange(path: string, value: number | undefined, min: number, max: number): void {
  if (value === undefined || Token.isUnresolved(value)) return;
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`${path}: must be a whole number from ${min} to ${max} (got ${value})`);
  }
}

function groupByOwner(records: readonly SrvRecord[]): Map<string, SrvRecord[]> {
  const groups = new Map<string, SrvRecord[]>();
  for (const record of records) {
    const owner = `_${record.service}._${record.protocol}`;
    groups.set(owner, [...(groups.get(owner) ?? []), record]);
  }
  return groups;
}

/** DNS has one TTL per record set, so records that disagree are a mistake, not a choice. */
function sharedTtl(where: string, records: readonly SrvRecord[], fallback: number): number {
  const ttls = new Set(records.map((r) => r.ttl ?? fallback));
  if (ttls.size > 1) {
    throw new Error(`${where}: records of one service must share a TTL (got ${[...ttls].join(', ')})`);
  }
  return [...ttls][0];
}

function fqdnWithDot(name: string): string {
  return Token.isUnresolved(name) || name.endsWith('.') ? name : `${name}.`;
}

function fqdnWithoutDot(name: string): string {
  return Token.isUnresolved(name) || !name.endsWith('.') ? name : name.slice(0, -1);
}
