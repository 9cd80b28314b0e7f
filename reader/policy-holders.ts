/**
 * Every user holding a CVI policy, through the Teams user search (a CANDIDATE route,
 * teams-wire-evidence §5): what `cvi export` needs for a tenant that grants the policy user by
 * user. Unreadable, with the reason, where the service refuses the search: there is no proven
 * way to list a policy's holders without already knowing the users.
 */
import type { TeamsAdminClient } from '../teams';
import { Part, read, reasonOf, unreadable } from './readout';

export async function readPolicyHolders(client: TeamsAdminClient, policyName: string): Promise<Part<readonly string[]>> {
  try {
    const holders = await client.usersHoldingPolicy(policyName, [], { allUsers: true });
    if (holders.path !== 'search') return unreadable(`users holding ${policyName}: ${holders.reason ?? 'the user search is not available'}`);
    return read([...holders.users].sort((a, b) => a.localeCompare(b)));
  } catch (err) {
    return unreadable(`users holding ${policyName}: ${reasonOf(err)}`);
  }
}
