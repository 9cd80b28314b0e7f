import { z } from 'zod';
import { DNS_PRESET_NAMES, DNS_PRESETS } from '../../domain/vendors';
import { SERVICE_LABEL_PATTERN, SRV_PROTOCOLS } from '../../domain/dns-names';
import { domain, guid, hostName, uniqueList, wholeNumber } from './primitives';

const PRESET_SERVICES = [...new Set(Object.values(DNS_PRESETS).flatMap((p) => p.services.map((s) => s.service)))];
const TSIG_ALGORITHMS = ['hmac-md5', 'hmac-sha1', 'hmac-sha224', 'hmac-sha256', 'hmac-sha384', 'hmac-sha512'] as const;

const srvRecord = z.strictObject({
  service: z
    .string()
    .regex(SERVICE_LABEL_PATTERN, 'must be a service label without underscore, such as sip or h323cs'),
  protocol: z.enum(SRV_PROTOCOLS, `must be one of ${SRV_PROTOCOLS.join(', ')} (without underscore)`),
  port: wholeNumber(1, 65535),
  target: hostName().describe('Host name with an A/AAAA record; not an IP address, not a CNAME'),
  priority: wholeNumber(0, 65535).optional().describe('default 10'),
  weight: wholeNumber(0, 65535).optional().describe('default 10'),
  ttl: wholeNumber(1, 2147483647).optional().describe('default dns.ttl'),
});

const preset = z.strictObject({
  name: z.enum(DNS_PRESET_NAMES, `must be one of ${DNS_PRESET_NAMES.join(', ')}`),
  nodes: uniqueList(hostName(), (n) => n.toLowerCase().replace(/\.$/, ''), 'node').describe(
    'Conferencing nodes; each gets one record per service',
  ),
  ports: z
    .partialRecord(z.enum(PRESET_SERVICES, `must be one of ${PRESET_SERVICES.join(', ')}`), wholeNumber(1, 65535))
    .optional()
    .describe('Port per service, e.g. { sips: 5061 }'),
  omit: z
    .array(z.enum(PRESET_SERVICES, `must be one of ${PRESET_SERVICES.join(', ')}`))
    .optional()
    .describe('Services of the preset to leave out'),
  priority: wholeNumber(0, 65535).optional().describe('default 10'),
  weight: wholeNumber(0, 65535).optional().describe('default 10'),
});

const rfc2136 = z
  .strictObject({
    server: z.string().min(1, 'must name the DNS server').regex(/^\S+$/, 'must be a host name or IP address'),
    port: wholeNumber(1, 65535).optional().describe('default 53'),
    keyName: z
      .string()
      .regex(/^([A-Za-z0-9-]+\.)+$/, 'must be a fully qualified TSIG key name ending in a dot, such as cvi-key.'),
    keyAlgorithm: z.enum(TSIG_ALGORITHMS, `must be one of ${TSIG_ALGORITHMS.join(', ')}`).optional(),
    transport: z.enum(['udp', 'tcp'], 'must be udp or tcp').optional(),
  })
  .describe('RFC 2136 dynamic update; the TSIG secret comes from DNS_UPDATE_KEYSECRET');

const azure = z
  .strictObject({
    resourceGroup: z.string().regex(/^[-\w.()]{1,90}$/, 'must be an Azure resource group name'),
    subscriptionId: guid(),
  })
  .describe('Azure DNS zone location');

export const dnsSection = z
  .strictObject({
    provider: z.enum(['rfc2136', 'azure', 'none'], 'must be one of rfc2136, azure, none'),
    zone: domain().optional().describe('The zone holding the SRV records; the tenant key domain must be in it'),
    ttl: wholeNumber(1, 2147483647).optional().describe('default 3600'),
    rfc2136: rfc2136.optional(),
    azure: azure.optional(),
    preset: preset.optional(),
    records: z.array(srvRecord, 'must be a list').optional(),
  })
  .superRefine((dns, ctx) => {
    const extra = (['zone', 'rfc2136', 'azure', 'preset', 'records'] as const).filter((k) => dns[k] !== undefined);
    if (dns.provider === 'none') {
      for (const key of extra) {
        ctx.addIssue({ code: 'custom', path: [key], message: 'is only allowed when dns.provider is rfc2136 or azure' });
      }
      return;
    }
    const other = dns.provider === 'rfc2136' ? 'azure' : 'rfc2136';
    if (dns[other] !== undefined) {
      ctx.addIssue({ code: 'custom', path: [other], message: `is only allowed when dns.provider is ${other}` });
    }
    for (const key of ['zone', dns.provider] as const) {
      if (dns[key] === undefined) {
        ctx.addIssue({ code: 'custom', path: [key], message: `is required when dns.provider is ${dns.provider}` });
      }
    }
    if (dns.preset === undefined && (dns.records ?? []).length === 0) {
      ctx.addIssue({ code: 'custom', path: ['records'], message: 'must list records, or set a preset' });
    }
  })
  .describe('SRV records the customer publishes; omit, or provider: none, when the vendor owns DNS');

export type DnsSection = z.output<typeof dnsSection>;
