/**
 * Reader sources from the environment: the Teams admin client and the Graph client sign in
 * with the same ARM_* / AZURE_* credential (teams/auth.ts), as the cvi and azuread providers
 * do, so a pipeline that can deploy can also read.
 */
import * as fs from 'node:fs';
import { AUTHORITY_HOSTS, credentialFromEnvironment, TeamsAdminClient, type Cloud } from '../teams';
import { GraphClient } from './graph-client';
import type { ReadSources } from './read-live-tenant';

export interface EnvironmentSourceOptions {
  /** Teams admin API base URL. @default CVI_TEAMS_ENDPOINT, else the cloud's */
  readonly teamsEndpoint?: string;
  /** Microsoft Graph base URL. @default CVI_GRAPH_ENDPOINT, else the cloud's */
  readonly graphEndpoint?: string;
  /** `host:port` of the DNS server to ask; undefined: the system's resolvers. */
  readonly dnsServer?: string;
  /** @default ARM_ENVIRONMENT's cloud, else public */
  readonly cloud?: Cloud;
}

export interface OpenedSources {
  readonly sources: ReadSources;
  /** One line naming the sign-in method (never a secret). */
  readonly description: string;
  close(): void;
}

/** Throws one line when no credential can be chosen from `env`. */
export function sourcesFromEnvironment(tenantId: string, env: NodeJS.ProcessEnv = process.env, options: EnvironmentSourceOptions = {}): OpenedSources {
  // A CA named for this run (a private or emulated token endpoint) is trusted here too.
  const extraCa = env.NODE_EXTRA_CA_CERTS && fs.existsSync(env.NODE_EXTRA_CA_CERTS) ? fs.readFileSync(env.NODE_EXTRA_CA_CERTS, 'utf8') : undefined;
  const explicitAuthority = env.ARM_AUTHORITY_HOST || env.AZURE_AUTHORITY_HOST;
  const cloud = options.cloud;
  const choice = credentialFromEnvironment(env, {
    tenantId,
    ...(extraCa ? { authorityCa: extraCa } : {}),
    ...(cloud ? { cloud } : {}),
    ...(cloud && !explicitAuthority && cloud !== 'public' ? { authorityHost: AUTHORITY_HOSTS[cloud] } : {}),
  });
  const teamsEndpoint = options.teamsEndpoint ?? (env.CVI_TEAMS_ENDPOINT || undefined);
  const graphEndpoint = options.graphEndpoint ?? (env.CVI_GRAPH_ENDPOINT || undefined);
  const teams = new TeamsAdminClient({
    tenantId,
    credential: choice.credential,
    cloud: choice.cloud,
    ...(teamsEndpoint ? { endpoint: teamsEndpoint } : {}),
    ...(extraCa ? { ca: extraCa } : {}),
    // Reads only: one tenant's check must not hang a whole run.
    defaultTimeoutMs: 120_000,
  });
  const graph = new GraphClient({
    tenantId,
    credential: choice.credential,
    cloud: choice.cloud,
    ...(graphEndpoint ? { endpoint: graphEndpoint } : {}),
    ...(extraCa ? { ca: extraCa } : {}),
  });
  return {
    sources: { teams, graph, dns: options.dnsServer ? { server: options.dnsServer } : {} },
    description: choice.description,
    close: () => {
      teams.close();
      graph.close();
    },
  };
}
