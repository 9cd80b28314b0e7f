/**
 * The live side of the unmanaged-objects check, built on the Teams admin client the `cvi`
 * provider uses: the same credential chooser (ARM_* / AZURE_* variables) and the same endpoint
 * (the stack's `cvi` provider block, which synth took from CVI_TEAMS_ENDPOINT), so drift reads
 * exactly the tenant Terraform plans against.
 */
import type { CredentialOverrides, TeamsAdminClient } from '../../teams';
import type { TeamsConnection } from './stack-config';
import type { LiveTenantReader } from './unmanaged';

type GroupLister = { listGroupAssignments?: () => Promise<{ groupId: string; policyName: string; rank: number }[]> };

/** Adapts a Teams admin client to the reader; the methods it lacks fail with what is missing. */
export function readerFromClient(client: TeamsAdminClient): LiveTenantReader {
  return {
    listProviders: async () => (await client.listProviders()).map((p) => ({ identity: p.identity, tenantKey: p.tenantKey })),
    listGroupAssignments: async () => {
      // The client learns to list every group's assignment with the move to Microsoft's routes
      // (Get-CsGroupPolicyAssignment -PolicyType); until then the check cannot be complete.
      const lister = client as unknown as GroupLister;
      if (typeof lister.listGroupAssignments !== 'function') {
        throw new Error('the Teams client cannot list group policy assignments yet (TeamsAdminClient.listGroupAssignments is missing); run with --ignore-unmanaged');
      }
      const assignments = await lister.listGroupAssignments.call(client);
      return [...assignments].sort((a, b) => a.rank - b.rank);
    },
    listUsersWithPolicy: (policyName) => client.listUsersWithPolicy(policyName),
    getFederation: async () => {
      const f = await client.getFederation();
      return { allowAllKnownDomains: f.allowAllKnownDomains, allowedDomains: f.allowedDomains };
    },
  };
}

export interface CreatedReader {
  readonly reader: LiveTenantReader;
  /** Frees the client's keep-alive sockets. */
  close(): void;
}

function positiveNumber(value: string | undefined): number | undefined {
  const n = Number(value);
  return value !== undefined && Number.isFinite(n) && n > 0 ? n : undefined;
}

/**
 * A reader of one tenant's live CVI objects. `connection` is the stack's `cvi` provider block
 * (endpoint, environment); without one, CVI_TEAMS_ENDPOINT and the public cloud apply.
 * `overrides` reach the credential chooser (e.g. a CA for a private token endpoint).
 * Throws one line when no credential can be chosen from `env`.
 */
export async function createReader(
  tenantId: string,
  env: NodeJS.ProcessEnv,
  connection: TeamsConnection = {},
  overrides: Omit<CredentialOverrides, 'tenantId'> = {},
): Promise<CreatedReader> {
  const teams = await import('../../teams');
  const cloud = (connection.environment ?? 'public') as import('../../teams').Cloud;
  const explicitAuthority = env.ARM_AUTHORITY_HOST || env.AZURE_AUTHORITY_HOST;
  const choice = teams.credentialFromEnvironment(env, {
    ...overrides,
    tenantId,
    cloud,
    ...(explicitAuthority || cloud === 'public' ? {} : { authorityHost: teams.AUTHORITY_HOSTS[cloud] }),
  });
  const interval = positiveNumber(env.CVI_CONSISTENCY_INTERVAL_MS);
  const baseDelay = positiveNumber(env.CVI_RETRY_BASE_DELAY_MS);
  const endpoint = connection.endpoint ?? (env.CVI_TEAMS_ENDPOINT || undefined);
  const client = new teams.TeamsAdminClient({
    tenantId,
    credential: choice.credential,
    cloud,
    ...(endpoint ? { endpoint } : {}),
    // Reads only: a night's check of one tenant must not hang the whole run.
    defaultTimeoutMs: 120_000,
    ...(interval ? { consistency: { intervalMs: interval, maxIntervalMs: interval * 8 } } : {}),
    ...(baseDelay ? { retry: { baseDelayMs: baseDelay } } : {}),
  });
  return { reader: readerFromClient(client), close: () => client.close() };
}
