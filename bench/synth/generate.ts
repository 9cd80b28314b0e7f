import * as fs from 'fs';
import * as path from 'path';
import { randomUUID } from 'crypto';
import { stringify } from 'yaml';

/**
 * N Pexip tenants with own-domain DNS (RFC 2136, pexip-infinity preset, two nodes): the busiest
 * shape the main job produces: per stack 1 data source, 6 consent resources, 5 SRV record sets
 * and the 2 Teams objects, under 3 providers.
 */
export function generateTenants(dir: string, count: number): void {
  fs.mkdirSync(dir, { recursive: true });
  for (let i = 0; i < count; i++) {
    const name = `tenant-${String(i).padStart(4, '0')}`;
    const domain = `${name}.example`;
    const tenant = {
      tenant: { id: randomUUID(), name, domain },
      vendor: 'pexip',
      teams: { assignment: { global: true } },
      dns: {
        provider: 'rfc2136',
        zone: domain,
        rfc2136: { server: `ns1.${domain}`, keyName: 'cvi-key.' },
        preset: { name: 'pexip-infinity', nodes: [`px01.${domain}`, `px02.${domain}`] },
      },
    };
    fs.writeFileSync(path.join(dir, `${name}.yaml`), stringify(tenant));
  }
}
