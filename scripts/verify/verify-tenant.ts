/** One tenant: read what its file declares from the world, then compare. */
import { readLiveTenant, type ReadSources } from '../../reader';
import type { LoadedTenant } from '../../stacks/tenant-config';
import { compareConsent } from './compare-consent';
import { compareDns } from './compare-dns';
import { compareTeams } from './compare-teams';
import { expectedTenant } from './expected';
import { tenantVerdict, type TenantResult } from './model';

export async function verifyTenant(loaded: LoadedTenant, sources: ReadSources): Promise<TenantResult> {
  const { config } = loaded;
  const expected = expectedTenant(config);
  const users = 'users' in expected.assignment ? expected.assignment.users : [];
  const readout = await readLiveTenant(
    {
      tenantId: config.tenant.id,
      appIds: expected.consent.map((c) => c.appId),
      srvOwners: expected.srvRecords.map((r) => r.owner),
      users,
    },
    sources,
  );
  const checks = [...compareDns(expected.srvRecords, readout.dns), ...compareConsent(expected.consent, readout.consent), ...compareTeams(expected, readout.teams)];
  return { tenant: config.tenant.name, tenantId: config.tenant.id, file: loaded.file, status: tenantVerdict(checks), checks };
}
