import { z } from 'zod';
import { srvRecordsFromPreset } from '../../constructs/dns-records';
import { canonicalName } from '../../domain/dns-names';
import type { DnsSection } from './dns';

/**
 * Record-level rules that need the whole list: the same record twice (often once from the preset
 * and once by hand), and one TTL per `_service._protocol` record set.
 */
export function checkDnsRecords(dns: DnsSection, ctx: z.RefinementCtx): void {
  const defaultTtl = dns.ttl ?? 3600;
  const presetRecords = dns.preset ? srvRecordsFromPreset(dns.preset.name, dns.preset) : [];
  const presetKeys = new Set(presetRecords.map(recordKey));
  const seen = new Map<string, number>();
  // index -1 marks a record set that the preset opened (its records use dns.ttl).
  const ttlOf = new Map<string, { ttl: number; index: number }>();
  for (const r of presetRecords) ttlOf.set(`_${r.service}._${r.protocol}`, { ttl: defaultTtl, index: -1 });
  (dns.records ?? []).forEach((record, i) => {
    const key = recordKey(record);
    const path = ['dns', 'records', i];
    if (presetKeys.has(key)) {
      ctx.addIssue({ code: 'custom', path, message: `duplicates a record of preset ${dns.preset?.name}` });
    } else if (seen.has(key)) {
      ctx.addIssue({ code: 'custom', path, message: `duplicates dns.records[${seen.get(key)}]` });
    }
    seen.set(key, i);
    const owner = `_${record.service}._${record.protocol}`;
    const ttl = record.ttl ?? defaultTtl;
    const first = ttlOf.get(owner);
    if (first && first.ttl !== ttl) {
      const where = first.index < 0 ? `the preset's ${owner} records` : `dns.records[${first.index}]`;
      ctx.addIssue({
        code: 'custom',
        path: [...path, 'ttl'],
        message: `must equal ${first.ttl}, the TTL of ${where}: one TTL per record set`,
        input: ttl,
      });
    } else if (!first) {
      ttlOf.set(owner, { ttl, index: i });
    }
  });
}

function recordKey(r: { service: string; protocol: string; port: number; target: string }): string {
  return `_${r.service}._${r.protocol} ${r.port} ${canonicalName(r.target)}`;
}
