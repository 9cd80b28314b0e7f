/**
 * A Pexip tenant as the source documents' manual steps leave it: the service provider created by
 * New-CsVideoInteropServiceProvider, the policy granted with Grant-CsTeamsVideoInteropServicePolicy
 * -Global, the vendor domain on the federation allow-list, admin consent given in the portal, and
 * the SRV records of a tenant file published to a real DNS server by signed RFC 2136 updates.
 * The export and verify end-to-end tests start from it.
 */
import type { RunningEmulator } from '../../../emulator';
import { tenantSrvRecords, CVI_MINIMUM_APPLICATION_PERMISSIONS, type CviTenantProps } from '../../../constructs';
import type { BindServer, SrvRecordData } from './bind';

export const HAND_MADE = {
  tenantId: '5df714c9-1b0c-491c-8262-705358be54ab',
  pexipApp: '923c9f0a-b883-4efe-af73-54810da59f83',
  zone: 'contoso.example',
  federationDomain: 'pexip.example',
} as const;

/** Seeds the emulator (Teams and Graph) and BIND; answers the SRV records published. */
export async function setUpByHand(emulator: RunningEmulator, bind: BindServer, declaring: CviTenantProps): Promise<SrvRecordData[]> {
  const { tenantId, pexipApp, zone, federationDomain } = HAND_MADE;
  const teams = emulator.tenant(tenantId);
  teams.setServiceProvider({ Identity: 'Pexip', TenantKey: `teams@${zone}`, InstructionUri: `https://pexip.me/teams/${zone}/{ConfId}`, AadApplicationIds: pexipApp, AllowAppGuestJoinsAsAuthenticated: false });
  teams.setTenantPolicy('PexipServiceProviderEnabled');
  teams.setFederation({ ...teams.getFederation(), AllowFederatedUsers: true, AllowedDomains: { AllowedDomain: [{ Domain: federationDomain }] } });
  const graph = emulator.graph(tenantId);
  graph.addServicePrincipal({ appId: pexipApp, displayName: 'Pexip Infinity CVI' });
  graph.grantAppRoles(pexipApp, CVI_MINIMUM_APPLICATION_PERMISSIONS);
  graph.grantDelegated(pexipApp, ['User.Read']);
  const published = tenantSrvRecords(declaring)!.declared.map((r) => ({ owner: r.owner, priority: r.priority, weight: r.weight, port: r.port, target: r.target }));
  await bind.addSrv(zone, published);
  return published;
}
