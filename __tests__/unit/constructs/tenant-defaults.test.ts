import { resolveTenantSettings } from '../../../constructs/tenant/tenant-defaults';
import { ciscoTenant, pexipTenant } from '../stacks/tenant-fixtures';
import { configOf } from '../stacks/config-helpers';

function minimalPexip(): Record<string, any> {
  const tenant = pexipTenant();
  tenant.teams = { assignment: { global: true } };
  delete tenant.consent;
  return tenant;
}

describe('resolveTenantSettings for Pexip with nothing overridden', () => {
  const settings = resolveTenantSettings(configOf(minimalPexip()));

  it('takes provider identity and policy from the catalog', () => {
    expect([settings.serviceProviderIdentity, settings.policyName]).toEqual(['Pexip', 'PexipServiceProviderEnabled']);
  });

  it('derives tenant key and instruction URI from the tenant domain', () => {
    expect(settings.tenantKey).toBe('teams@contoso.example');
    expect(settings.instructionUri).toBe('https://pexip.me/teams/contoso.example/{ConfId}');
  });

  it('uses the Pexip app id for Teams and for consent', () => {
    expect(settings.aadApplicationIds).toEqual(['923c9f0a-b883-4efe-af73-54810da59f83']);
    expect(settings.consent?.appId).toBe('923c9f0a-b883-4efe-af73-54810da59f83');
  });

  it('grants the minimum CVI permissions and User.Read, without lobby bypass', () => {
    expect(settings.consent?.applicationPermissions).toHaveLength(4);
    expect(settings.consent?.delegatedPermissions).toEqual(['User.Read']);
    expect(settings.allowAppGuestJoinsAsAuthenticated).toBe(false);
  });
});

describe('resolveTenantSettings overrides and unknown app ids', () => {
  it('uses the Cisco app id given for consent as the Teams app id too', () => {
    const settings = resolveTenantSettings(configOf(ciscoTenant()));
    expect(settings.aadApplicationIds).toEqual(['4e2a8c71-5d3b-4a9f-b6e0-7c1d2f3a8b95']);
    expect(settings.policyName).toBe('CiscoServiceProviderEnabled');
  });

  it('puts an overridden consent app id in the Teams app ids instead of the vendor catalog ids', () => {
    const tenant = minimalPexip();
    tenant.consent = { appId: '7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d' };
    const settings = resolveTenantSettings(configOf(tenant));
    expect(settings.aadApplicationIds).toEqual(['7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d']);
  });

  it('consents the first Teams app id when only that is given', () => {
    const tenant = ciscoTenant();
    delete tenant.consent;
    tenant.teams.serviceProvider.aadApplicationIds = ['7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d'];
    expect(resolveTenantSettings(configOf(tenant)).consent?.appId).toBe('7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d');
  });

  it('lets the tenant file override the policy name and the permissions', () => {
    const tenant = minimalPexip();
    tenant.teams.assignment.policyName = 'PexipServiceProviderEnabledPilot';
    tenant.consent = { applicationPermissions: ['Calls.AccessMedia.All'], delegatedPermissions: [] };
    const settings = resolveTenantSettings(configOf(tenant));
    expect(settings.policyName).toBe('PexipServiceProviderEnabledPilot');
    expect(settings.consent?.applicationPermissions).toEqual(['Calls.AccessMedia.All']);
    expect(settings.consent?.delegatedPermissions).toEqual([]);
  });

  it('lists both Poly RealConnect app ids for Teams and consents both, the first first', () => {
    const tenant = ciscoTenant();
    tenant.vendor = 'poly';
    tenant.teams.serviceProvider.tenantKey = '604218573@t.plcm.vc';
    delete tenant.consent;
    const settings = resolveTenantSettings(configOf(tenant));
    expect(settings.aadApplicationIds).toHaveLength(2);
    expect(settings.consent?.appId).toBe(settings.aadApplicationIds?.[0]);
    expect(settings.consent?.appIds).toEqual(settings.aadApplicationIds);
  });
});
