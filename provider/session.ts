/**
 * A configured provider: the tenant, a Teams admin client signed in the way the provider
 * block and the environment say, and the cached tenant lists. Built by ConfigureProvider.
 *
 * The Teams client (and @azure/identity under it) is loaded here, on configuration, not at
 * start-up: Terraform starts the provider for schema and validation calls that never need it.
 */
import { DEFAULT_OPERATION_TIMEOUT_SECONDS, type Environment } from './config-schema';
import { DiagnosticError } from './diagnostics';
import type { TfObject } from './server/values';
import { TenantLists } from './tenant-lists';
import type { TeamsAdminClient } from '../teams';
import { log } from './server/log';
import { grantQueue } from './grant-queue';

export interface Session {
  readonly tenantId: string;
  readonly client: TeamsAdminClient;
  readonly lists: TenantLists;
  /** Options for one operation: its deadline (operation_timeout_seconds) and the stop signal. */
  callOptions(): { deadline: number; signal: AbortSignal };
  /**
   * Runs `write` one at a time with the tenant's other grants, lowest `order` first among those
   * arriving together (grant-queue.ts): the service renumbers group ranks on each grant, so two
   * grants in flight, or in the wrong order, could undo each other's rank (one provider process
   * serves all resources of a tenant).
   */
  serialized<T>(write: () => Promise<T>, order?: number): Promise<T>;
}


const SECRET_METHOD_VARS = [
  'ARM_CLIENT_SECRET',
  'AZURE_CLIENT_SECRET',
  'ARM_CLIENT_CERTIFICATE_PATH',
  'AZURE_CLIENT_CERTIFICATE_PATH',
];
const OIDC_VARS = ['ARM_USE_OIDC', 'ARM_OIDC_TOKEN', 'ARM_OIDC_TOKEN_FILE_PATH', 'AZURE_FEDERATED_TOKEN_FILE'];

/**
 * The environment the credential is chosen from, with the provider block's choices applied:
 * a method set in the block wins over variables of methods the chooser would try first.
 */
export function credentialEnvironment(config: TfObject, env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = { ...env };
  const drop = (names: string[]) => names.forEach((n) => delete out[n]);
  if (typeof config.client_certificate_path === 'string') out.ARM_CLIENT_CERTIFICATE_PATH = config.client_certificate_path;
  if (config.use_oidc === true) {
    drop(SECRET_METHOD_VARS);
    out.ARM_USE_OIDC = 'true';
  }
  if (config.use_msi === true) {
    drop([...SECRET_METHOD_VARS, ...OIDC_VARS]);
    out.ARM_USE_MSI = 'true';
  }
  if (config.use_cli === true) {
    drop([...SECRET_METHOD_VARS, ...OIDC_VARS, 'ARM_USE_MSI']);
    out.ARM_USE_CLI = 'true';
  }
  if (config.use_cli === false) out.ARM_USE_CLI = 'false';
  return out;
}

/** Test and benchmark knob: the emulator replicates in milliseconds, Teams in seconds. */
function consistencyFromEnvironment(env: NodeJS.ProcessEnv): { intervalMs?: number; maxIntervalMs?: number } {
  const interval = Number(env.CVI_CONSISTENCY_INTERVAL_MS);
  return Number.isFinite(interval) && interval > 0 ? { intervalMs: interval, maxIntervalMs: Math.max(interval * 8, interval) } : {};
}

function retryFromEnvironment(env: NodeJS.ProcessEnv): { baseDelayMs?: number } {
  const base = Number(env.CVI_RETRY_BASE_DELAY_MS);
  return Number.isFinite(base) && base > 0 ? { baseDelayMs: base } : {};
}

export async function createSession(config: TfObject, env: NodeJS.ProcessEnv, signal: AbortSignal): Promise<Session> {
  const teams = await import('../teams');
  const environment = (typeof config.environment === 'string' ? config.environment : 'public') as Environment;
  const explicitAuthority = env.ARM_AUTHORITY_HOST || env.AZURE_AUTHORITY_HOST;
  let choice;
  try {
    choice = teams.credentialFromEnvironment(credentialEnvironment(config, env), {
      tenantId: typeof config.tenant_id === 'string' ? config.tenant_id : undefined,
      clientId: typeof config.client_id === 'string' ? config.client_id : undefined,
      cloud: environment,
      ...(explicitAuthority || environment === 'public' ? {} : { authorityHost: teams.AUTHORITY_HOSTS[environment] }),
    });
  } catch (error) {
    throw new DiagnosticError('Cannot sign in to the Teams admin API', `provider "cvi": ${error instanceof Error ? error.message : String(error)}`);
  }
  const tenantId = choice.tenantId;
  if (!tenantId) {
    throw new DiagnosticError(
      'No tenant id',
      'provider "cvi": set tenant_id in the provider block or ARM_TENANT_ID (or AZURE_TENANT_ID) in the environment.',
      ['tenant_id'],
    );
  }
  log('info', `signing in with ${choice.description}`);
  const timeoutMs = (typeof config.operation_timeout_seconds === 'number' ? config.operation_timeout_seconds : DEFAULT_OPERATION_TIMEOUT_SECONDS) * 1000;
  let client: TeamsAdminClient;
  try {
    client = new teams.TeamsAdminClient({
      tenantId,
      credential: choice.credential,
      cloud: environment,
      ...(typeof config.endpoint === 'string' ? { endpoint: config.endpoint } : {}),
      defaultTimeoutMs: timeoutMs,
      consistency: consistencyFromEnvironment(env),
      retry: retryFromEnvironment(env),
      log: (entry) => log(entry.level, entry.message, { tenant: entry.tenantId, route: entry.route, status: entry.status, attempt: entry.attempt }),
    });
  } catch (error) {
    throw new DiagnosticError('Invalid provider configuration', `provider "cvi": ${error instanceof Error ? error.message : String(error)}`, ['endpoint']);
  }
  const callOptions = () => ({ deadline: Date.now() + timeoutMs, signal });
  return { tenantId, client, lists: new TenantLists(client, callOptions), callOptions, serialized: grantQueue() };
}
