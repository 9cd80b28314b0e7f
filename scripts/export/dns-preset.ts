/**
 * SRV records written back as the preset they came from, when they are exactly one: every
 * record of a preset service, the same nodes under each service, one port per service, one
 * priority and one weight. The file then reads as a person writes it (`preset: { name, nodes }`)
 * and synthesizes to the same record sets; anything else stays a list of records.
 */
import { DNS_PRESETS, type DnsPresetName } from '../../domain/vendors';

export interface ExportedSrvRecord {
  readonly service: string;
  readonly protocol: string;
  readonly port: number;
  readonly target: string;
  readonly priority: number;
  readonly weight: number;
}

const key = (service: string, protocol: string) => `${service}/${protocol}`;
const uniform = <T>(values: readonly T[]): T | undefined => (values.every((v) => v === values[0]) ? values[0] : undefined);

/** The preset section for these records, or undefined when they are not exactly one preset's. */
export function presetOf(name: DnsPresetName, records: readonly ExportedSrvRecord[]): Record<string, unknown> | undefined {
  const preset = DNS_PRESETS[name];
  if (records.length === 0) return undefined;
  const byService = new Map<string, ExportedSrvRecord[]>();
  for (const r of records) {
    const k = key(r.service, r.protocol);
    if (!preset.services.some((s) => key(s.service, s.protocol) === k)) return undefined;
    byService.set(k, [...(byService.get(k) ?? []), r]);
  }
  const nodes = [...new Set(records.map((r) => r.target))].sort();
  const ports: Record<string, number> = {};
  for (const [k, list] of byService) {
    const targets = list.map((r) => r.target).sort();
    if (targets.length !== nodes.length || targets.some((t, i) => t !== nodes[i])) return undefined;
    const port = uniform(list.map((r) => r.port));
    if (port === undefined) return undefined;
    const service = preset.services.find((s) => key(s.service, s.protocol) === k)!;
    if (port !== service.port) ports[service.service] = port;
  }
  const priority = uniform(records.map((r) => r.priority));
  const weight = uniform(records.map((r) => r.weight));
  if (priority === undefined || weight === undefined) return undefined;
  const omit = preset.services.filter((s) => !byService.has(key(s.service, s.protocol))).map((s) => s.service);
  return {
    name,
    nodes,
    ...(Object.keys(ports).length > 0 ? { ports } : {}),
    ...(omit.length > 0 ? { omit } : {}),
    ...(priority !== preset.priority ? { priority } : {}),
    ...(weight !== preset.weight ? { weight } : {}),
  };
}
