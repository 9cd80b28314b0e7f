/**
 * `readLiveTenant`: one tenant as the world holds it, from the three places CVI lives: Teams
 * (the Teams admin client), Entra ID consent (Microsoft Graph) and DNS (SRV queries). Shared by
 * `cvi verify` (compare with the tenant file) and `cvi export` (write the tenant file).
 */
import type { TeamsAdminClient } from '../teams';
import type { GraphClient } from './graph-client';
import { readConsent } from './consent';
import { readSrvRecordSets, SrvReadOptions } from './dns';
import { readTeams } from './teams';
import { Readout, unreadable } from './readout';

/** What to read. Parts with nothing asked are read as empty where that is meaningful. */
export interface ReadRequest {
  readonly tenantId: string;
  /** Vendor app ids whose consent is read. */
  readonly appIds?: readonly string[];
  /** Absolute SRV owner names to query, e.g. `_sip._tcp.contoso.com`. */
  readonly srvOwners?: readonly string[];
  /** Users whose effective CVI policy is read. */
  readonly users?: readonly string[];
}

/** Where to read from. A source left out makes its part unreadable with the reason. */
export interface ReadSources {
  readonly teams?: TeamsAdminClient;
  readonly graph?: GraphClient;
  /** undefined: DNS is not read (unreadable); `{}`: the system's resolvers. */
  readonly dns?: SrvReadOptions;
}

/** The three parts are read at the same time; none waits for another's failure. */
export async function readLiveTenant(request: ReadRequest, sources: ReadSources): Promise<Readout> {
  const [teams, consent, dns] = await Promise.all([
    sources.teams ? readTeams(sources.teams, request.users ?? []) : Promise.resolve(unreadable<never>('no Teams admin client was given')),
    sources.graph ? readConsent(sources.graph, request.appIds ?? []) : Promise.resolve(unreadable<never>('no Microsoft Graph client was given')),
    sources.dns ? readSrvRecordSets(request.srvOwners ?? [], sources.dns) : Promise.resolve(unreadable<never>('no DNS resolver was given')),
  ]);
  return { tenantId: request.tenantId, teams, consent, dns };
}
