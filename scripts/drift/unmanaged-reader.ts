/**
 * The live side of the unmanaged-objects check, built on the Teams admin client the `cvi`
 * provider uses: the same credential chooser (ARM_* / AZURE_* variables) and the same endpoint
 * (the stack's `cvi` provider block, which synth took from CVI_TEAMS_ENDPOINT), so drift reads
 * exactly the tenant Terraform plans against.
 */
import * as fs from 'fs';
import type { CredentialOverrides, TeamsAdminClient } from '../../teams';
import type { TeamsConnection } from './stack-config';
import type { LiveTenantReader } from './unmanaged';

/**
 * Adapts a Teams admin client to the reader. Extra users holding a policy can only be listed
 * by the user search (a candidate route); where the service refuses it, none are reported and
 * `warn` says that they could not be looked for.
 */
export function readerFromClient(client: TeamsAdminClient, warn: (line: string) => void = () => undefined): LiveTenantReader {
  return {
    listServiceProviders: async () => (await client.listServiceProviders()).map((p) => ({ identity: p.identity, tenantKey: p.tenantKey })),
    listGroupAssignments: () => client.listGroupAssignments(),
    listUsersWithPolicy: async (policyName) => {
      const holders = await client.usersHoldingPolicy(policyName, [], { allUsers: true });
      if (holders.path === 'search') return [...holders.users];
      warn(`users holding ${policyName} outside the stack cannot be listed: ${holders.reason ?? 'the user search is not available'} (run npx cvi probe)`);
      return [];
    },
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
  warn?: (line: string) => void,
): Promise<CreatedReader> {
  const teams = await import('../../teams');
  const cloud = (connection.environment ?? 'public') as import('../../teams').Cloud;
  const explicitAuthority = env.ARM_AUTHORITY_HOST || env.AZURE_AUTHORITY_HOST;
  // A CA named for this run (NODE_EXTRA_CA_CERTS in `env`, e.g. a private or emulated token
  // endpoint) is trusted here too, even when this process started without it.
  const extraCa = env.NODE_EXTRA_CA_CERTS && fs.existsSync(env.NODE_EXTRA_CA_CERTS) ? fs.readFileSync(env.NODE_EXTRA_CA_CERTS, 'utf8') : undefined;
  const choice = teams.credentialFromEnvironment(env, {
    ...(extraCa ? { authorityCa: extraCa } : {}),
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
  return { reader: readerFromClient(client, warn), close: () => client.close() };
}
