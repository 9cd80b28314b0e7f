import * as fs from 'fs';
import * as path from 'path';
import { parse } from 'yaml';
import { App, LocalBackend, TerraformStack } from 'cdktf';
import { AzureadProvider } from '@cdktf/provider-azuread/lib/provider';
import { DnsProvider } from '@cdktf/provider-dns/lib/provider';
import { ServicePrincipal } from '@cdktf/provider-azuread/lib/service-principal';
import { DataAzureadServicePrincipal } from '@cdktf/provider-azuread/lib/data-azuread-service-principal';
import { AppRoleAssignment } from '@cdktf/provider-azuread/lib/app-role-assignment';
import { ServicePrincipalDelegatedPermissionGrant } from '@cdktf/provider-azuread/lib/service-principal-delegated-permission-grant';
import { SrvRecordSet } from '@cdktf/provider-dns/lib/srv-record-set';
import { CviProvider } from '../../constructs/cvi/provider';
import { CviVideoInteropServiceProvider } from '../../constructs/cvi/video-interop-service-provider';
import { CviVideoInteropPolicyAssignment } from '../../constructs/cvi/policy-assignment';

/**
 * The baseline: a bare cdktf app that emits the same resources as the main job for the generated
 * tenants, with deep imports and no validation, defaults or constructs of ours.
 */
const PERMISSIONS = ['Calls.JoinGroupCall.All', 'Calls.JoinGroupCallAsGuest.All', 'Calls.AccessMedia.All', 'OnlineMeetings.Read.All'];
const SERVICES: Array<[string, number]> = [['_sips._tcp', 5061], ['_sip._tcp', 5060], ['_h323cs._tcp', 1720], ['_h323ls._udp', 1719], ['_h323rs._udp', 1719]];

// Same runtime setting as main.ts, so the ratio measures our code, not ts-node's source maps.
Reflect.deleteProperty(Error, 'prepareStackTrace');

const dir = process.env.CVI_TENANTS_DIR ?? 'tenants';
const app = new App({ outdir: process.env.CDKTF_OUTDIR ?? 'cdktf.out' });
for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort()) {
  const t = parse(fs.readFileSync(path.join(dir, file), 'utf8'));
  const stack = new TerraformStack(app, t.tenant.name);
  new LocalBackend(stack, { path: `terraform.${t.tenant.name}.tfstate` });
  new AzureadProvider(stack, 'azuread', { tenantId: t.tenant.id });
  new DnsProvider(stack, 'dns', { update: [{ server: t.dns.rfc2136.server, port: 53, keyName: t.dns.rfc2136.keyName, keyAlgorithm: 'hmac-sha256' }] });
  const graph = new DataAzureadServicePrincipal(stack, 'graph', { clientId: '00000003-0000-0000-c000-000000000000' });
  const sp = new ServicePrincipal(stack, 'vendor', { clientId: '923c9f0a-b883-4efe-af73-54810da59f83', useExisting: false });
  const roles = PERMISSIONS.map(
    (p) => new AppRoleAssignment(stack, `role-${p}`, { appRoleId: graph.appRoleIds.lookup(p), principalObjectId: sp.objectId, resourceObjectId: graph.objectId }),
  );
  const grant = new ServicePrincipalDelegatedPermissionGrant(stack, 'delegated', { servicePrincipalObjectId: sp.objectId, resourceServicePrincipalObjectId: graph.objectId, claimValues: ['User.Read'] });
  const cvi = new CviProvider(stack, 'cvi', { tenantId: t.tenant.id });
  const teamsProvider = new CviVideoInteropServiceProvider(stack, 'teams-provider', {
    provider: cvi,
    identity: 'Pexip',
    tenantKey: `teams@${t.tenant.domain}`,
    instructionUri: `https://pexip.me/teams/${t.tenant.domain}/{ConfId}`,
    aadApplicationIds: ['923c9f0a-b883-4efe-af73-54810da59f83'],
    allowAppGuestJoinsAsAuthenticated: false,
    dependsOn: [sp, ...roles, grant],
  });
  new CviVideoInteropPolicyAssignment(stack, 'assignment', { provider: cvi, policyName: 'PexipServiceProviderEnabled', global: true, dependsOn: [teamsProvider] });
  for (const [name, port] of SERVICES) {
    new SrvRecordSet(stack, name, {
      name,
      zone: `${t.dns.zone}.`,
      ttl: 3600,
      srv: t.dns.preset.nodes.map((n: string) => ({ port, priority: 10, weight: 10, target: `${n}.` })),
    });
  }
}
app.synth();
