/** Tenant reports as `cvi drift` builds them, for the renderer, merge and schema tests. */
import type { StackReport } from '../../../../scripts/drift/report';

export const CONTOSO_ID = '5df714c9-1b0c-491c-8262-705358be54ab';
export const FABRIKAM_ID = 'b2b2b2b2-0000-4000-8000-00000000be7a';

export const inSync = (tenant: string, tenantId: string | null = CONTOSO_ID): StackReport => ({
  tenant,
  tenantId,
  status: 'in-sync',
  resources: [],
  outputs: [],
  unmanaged: [],
  seconds: 1,
});

export const drifted = (tenant: string, tenantId: string | null = FABRIKAM_ID): StackReport => ({
  tenant,
  tenantId,
  status: 'drift',
  resources: [
    {
      address: 'cvi_video_interop_service_provider.tenant_teams-provider_F52F7836',
      constructPath: 'tenant/teams-provider',
      action: 'update',
      attributes: [{ name: 'tenant_key', before: 'rogue@fabrikam.example', after: 'teams@fabrikam.example' }],
    },
    {
      address: 'cvi_video_interop_policy_assignment.tenant_assignment-users_1A2B3C4D',
      constructPath: 'tenant/assignment-users',
      action: 'update',
      attributes: [{ name: 'users', added: ['ann@fabrikam.example'], removed: ['bob@fabrikam.example'] }],
    },
  ],
  outputs: [],
  unmanaged: [],
  seconds: 2,
});

export const withUnmanaged = (tenant: string): StackReport => ({
  ...inSync(tenant),
  status: 'unmanaged',
  unmanaged: [
    { kind: 'service-provider', object: 'Cisco', detail: 'service provider Cisco (tenant key rogue@x) is not in the stack' },
    {
      kind: 'group-assignment',
      object: '0f0f0f0f-0000-4000-8000-000000000001',
      detail: 'group 0f0f0f0f-0000-4000-8000-000000000001 holds CiscoServiceProviderEnabled at rank 1, above our rank 2',
      rankedAboveOurs: true,
    },
  ],
});

export const failed = (tenant: string): StackReport => ({
  ...inSync(tenant),
  status: 'error',
  error: 'terraform plan exited 1\nError: teams api answered 500',
  seconds: 3,
});
