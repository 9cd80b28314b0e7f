import { stringify } from 'yaml';

/** A valid Pexip tenant with own-domain DNS; tests change one thing and look at the result. */
export function pexipTenant(): Record<string, any> {
  return {
    tenant: { id: '6b0e7c1a-2f4d-4c8e-9a51-3d7f2e8b1c40', name: 'contoso', domain: 'contoso.example' },
    vendor: 'pexip',
    teams: {
      serviceProvider: {
        tenantKey: 'teams@contoso.example',
        instructionUri: 'https://pexip.me/teams/contoso.example/{ConfId}',
        aadApplicationIds: ['923c9f0a-b883-4efe-af73-54810da59f83'],
        allowAppGuestJoinsAsAuthenticated: true,
      },
      assignment: { global: true },
    },
    consent: {
      applicationPermissions: ['Calls.JoinGroupCall.All', 'Calls.AccessMedia.All'],
      delegatedPermissions: ['User.Read'],
    },
    dns: {
      provider: 'rfc2136',
      zone: 'contoso.example',
      rfc2136: { server: 'ns1.contoso.example', keyName: 'cvi-key.' },
      records: [
        { service: 'sip', protocol: 'tcp', port: 5060, target: 'px01.contoso.example' },
        { service: 'sip', protocol: 'tcp', port: 5060, target: 'px02.contoso.example' },
      ],
    },
  };
}

/** A valid Cisco tenant: no DNS, app id given. */
export function ciscoTenant(): Record<string, any> {
  return {
    tenant: { id: 'c3f1d9a2-7b4e-4f60-8d2a-91e5b7c40f13', name: 'northwind', domain: 'northwind.example' },
    vendor: 'cisco',
    teams: {
      serviceProvider: { tenantKey: 'northwind@m.webex.com' },
      assignment: { users: ['alice@northwind.example'] },
    },
    consent: { appId: '4e2a8c71-5d3b-4a9f-b6e0-7c1d2f3a8b95' },
  };
}

export function toYaml(value: unknown): string {
  return stringify(value);
}
