import * as path from 'path';
import { Testing } from 'cdktf';
import 'cdktf/lib/testing/adapters/jest';
import { AzureadProvider } from '@cdktf/provider-azuread/lib/provider';
import { DnsProvider } from '@cdktf/provider-dns/lib/provider';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { SrvRecordSet } from '@cdktf/provider-dns/lib/srv-record-set';
import { DnsSrvRecord } from '@cdktf/provider-azurerm/lib/dns-srv-record';
import { ServicePrincipal } from '@cdktf/provider-azuread/lib/service-principal';
import { TenantStack } from '../../../stacks/tenant-stack';
import { ciscoTenant, pexipTenant } from './tenant-fixtures';
import { configOf } from './config-helpers';

Testing.setupJest();

function synth(tenant: unknown): { json: string; parsed: any; stack: TenantStack } {
  const stack = new TenantStack(Testing.app(), configOf(tenant));
  const json = Testing.synth(stack);
  return { json, parsed: JSON.parse(json), stack };
}

function azureDnsTenant(): Record<string, any> {
  const tenant = pexipTenant();
  tenant.dns = {
    provider: 'azure',
    zone: 'contoso.example',
    azure: { resourceGroup: 'dns-rg', subscriptionId: '2c9d4e1f-6a7b-4c8d-9e0f-1a2b3c4d5e6f' },
    preset: { name: 'pexip-infinity', nodes: ['px01.contoso.example'] },
  };
  return tenant;
}

describe('TenantStack', () => {
  it('is named after the tenant', () => {
    expect(synth(pexipTenant()).stack.node.id).toBe('contoso');
  });

  it('configures the azuread provider for the tenant', () => {
    expect(synth(ciscoTenant()).json).toHaveProviderWithProperties(AzureadProvider, { tenant_id: 'c3f1d9a2-7b4e-4f60-8d2a-91e5b7c40f13' });
  });

  it('configures no DNS provider for a tenant without DNS', () => {
    const { json } = synth(ciscoTenant());
    expect(json).not.toHaveProvider(DnsProvider);
    expect(json).not.toHaveProvider(AzurermProvider);
  });

  it('configures the dns provider for RFC 2136 without any key secret', () => {
    const { json, parsed } = synth(pexipTenant());
    expect(json).toHaveProviderWithProperties(DnsProvider, {
      update: [{ server: 'ns1.contoso.example', port: 53, key_name: 'cvi-key.', key_algorithm: 'hmac-sha256' }],
    });
    expect(parsed.provider.dns[0].update[0]).not.toHaveProperty('key_secret');
    expect(json).not.toHaveProvider(AzurermProvider);
  });

  it('writes the RFC 2136 SRV records', () => {
    expect(synth(pexipTenant()).json).toHaveResourceWithProperties(SrvRecordSet, { name: '_sip._tcp', zone: 'contoso.example.' });
  });

  it('configures azurerm, and only azurerm, for Azure DNS', () => {
    const { json } = synth(azureDnsTenant());
    expect(json).toHaveProviderWithProperties(AzurermProvider, {
      subscription_id: '2c9d4e1f-6a7b-4c8d-9e0f-1a2b3c4d5e6f',
      resource_provider_registrations: 'none',
    });
    expect(json).not.toHaveProvider(DnsProvider);
    expect(json).toHaveResourceWithProperties(DnsSrvRecord, { name: '_sips._tcp', resource_group_name: 'dns-rg' });
  });

  it('publishes under the tenant key domain when it is below the zone', () => {
    const tenant = pexipTenant();
    tenant.teams.serviceProvider.tenantKey = 'teams@vc.contoso.example';
    expect(synth(tenant).json).toHaveResourceWithProperties(SrvRecordSet, { name: '_sip._tcp.vc' });
  });

  it('consents the vendor app with the vendor default app id', () => {
    const tenant = pexipTenant();
    delete tenant.teams.serviceProvider.aadApplicationIds;
    expect(synth(tenant).json).toHaveResourceWithProperties(ServicePrincipal, { client_id: '923c9f0a-b883-4efe-af73-54810da59f83' });
  });
});

describe('TenantStack vendor defaults', () => {
  it.each([
    ['pexip', '923c9f0a-b883-4efe-af73-54810da59f83'],
    ['poly', 'a39192d4-7b9b-4c07-87d7-cbcd3fd97af7'],
  ])("consents %s's published app id when the file gives none", (vendor, appId) => {
    const tenant = ciscoTenant();
    tenant.vendor = vendor;
    tenant.teams.serviceProvider.tenantKey = vendor === 'poly' ? '604218573@t.plcm.vc' : 'teams@northwind.example';
    delete tenant.consent;
    expect(synth(tenant).json).toHaveResourceWithProperties(ServicePrincipal, { client_id: appId });
  });

  it('consents the app id a Cisco tenant file gives', () => {
    expect(synth(ciscoTenant()).json).toHaveResourceWithProperties(ServicePrincipal, { client_id: '4e2a8c71-5d3b-4a9f-b6e0-7c1d2f3a8b95' });
  });
});

describe('TenantStack backend', () => {
  it('is local by default, in state/ beside the synth output, by a path relative to the stack directory', () => {
    expect(synth(pexipTenant()).parsed.terraform.backend).toEqual({ local: { path: '../../../state/contoso.tfstate' } });
  });

  it('puts local state in the state folder it is given, still by a relative path', () => {
    const app = Testing.app();
    const stack = new TenantStack(app, configOf(pexipTenant()), { stateDir: path.join(app.outdir, '..', 'elsewhere', 'states') });
    expect(JSON.parse(Testing.synth(stack)).terraform.backend).toEqual({ local: { path: '../../../elsewhere/states/contoso.tfstate' } });
  });

  it('takes a relative local path from the tenant file', () => {
    const tenant = pexipTenant();
    tenant.backend = { type: 'local', local: { path: '../../../state/contoso.tfstate' } };
    expect(synth(tenant).parsed.terraform.backend.local.path).toBe('../../../state/contoso.tfstate');
  });

  it('is azurerm with Entra ID auth and a per-tenant key when configured', () => {
    const tenant = pexipTenant();
    tenant.backend = { type: 'azurerm', azurerm: { resourceGroupName: 'tfstate', storageAccountName: 'tfstatecvi', containerName: 'cvi' } };
    expect(synth(tenant).parsed.terraform.backend).toEqual({
      azurerm: {
        resource_group_name: 'tfstate',
        storage_account_name: 'tfstatecvi',
        container_name: 'cvi',
        key: 'contoso.tfstate',
        use_azuread_auth: true,
      },
    });
  });
});

describe('the federation entry of a tenant file', () => {
  it('leaves allow_opening_federation unset unless the file opts in', () => {
    const tenant = pexipTenant();
    tenant.federation = { allowedDomain: 'pexip.me' };
    const entries = Object.values(synth(tenant).parsed.resource.cvi_federation_allowed_domain) as any[];
    expect(entries).toEqual([expect.objectContaining({ domain: 'pexip.me' })]);
    expect(entries[0].allow_opening_federation).toBeUndefined();
  });

  it('passes federation.allowOpeningFederation: true to the resource', () => {
    const tenant = pexipTenant();
    tenant.federation = { allowedDomain: 'pexip.me', allowOpeningFederation: true };
    const entries = Object.values(synth(tenant).parsed.resource.cvi_federation_allowed_domain) as any[];
    expect(entries).toEqual([expect.objectContaining({ domain: 'pexip.me', allow_opening_federation: true })]);
  });
});
