/**
 * The tenant's CVI objects through the Teams admin client: service providers, policies, the tenant-wide
 * grant (a candidate read: unreadable where the service refuses it), group assignments,
 * federation settings and, when asked, users' effective policies.
 */
import type { TeamsAdminClient } from '../teams';
import { Part, read, reasonOf, TeamsReadout, unreadable, UserPolicy } from './readout';

async function part<T>(what: string, load: () => Promise<T>): Promise<Part<T>> {
  try {
    return read(await load());
  } catch (err) {
    return unreadable(`${what}: ${reasonOf(err)}`);
  }
}

export async function readTeams(client: TeamsAdminClient, users: readonly string[] = []): Promise<Part<TeamsReadout>> {
  // The service provider list is the first call: when it fails (sign-in, role), nothing else would answer.
  let serviceProviders;
  try {
    serviceProviders = await client.listServiceProviders();
  } catch (err) {
    return unreadable(`Teams admin API: ${reasonOf(err)}`);
  }
  const policies = await part('policies', () => client.listPolicies());
  const tenantGrant = await part<string | null>('tenant-wide grant', async () => {
    const grant = await client.readTenantGrant();
    if (!grant.available) throw new Error(`the service does not let it be read (${grant.reason})`);
    return grant.policyName;
  });
  const groupAssignments = await part('group assignments', () => client.listGroupAssignments());
  const federation = await part('federation settings', () => client.getFederation());
  const userPolicies = await part('user policies', async () => {
    const out: UserPolicy[] = [];
    for (const user of users) out.push({ user, policyName: await client.getEffectivePolicy(user) });
    return out;
  });
  return read({ serviceProviders, policies, tenantGrant, groupAssignments, federation, users: userPolicies });
}
