/**
 * The provider block: which tenant, how to sign in, which cloud or endpoint. There is no
 * secret attribute on purpose: client secrets, OIDC tokens and certificate passwords come
 * only from the environment, so they never reach configuration, plans or state.
 */
import { CLOUDS, type CloudName } from '../domain/clouds';
import { isGuid } from '../domain/identifiers';
import { errorAt, type Diagnostic } from './diagnostics';
import type { BlockSchema } from './schema';
import type { TfObject } from './server/values';

/** The provider's `environment` names the cloud, by the names of domain/clouds.ts. */
export const ENVIRONMENTS = CLOUDS;
export type Environment = CloudName;

export const DEFAULT_OPERATION_TIMEOUT_SECONDS = 300;

export const providerConfigSchema: BlockSchema = {
  version: 0,
  description: 'Teams Cloud Video Interop objects of one Microsoft 365 tenant, through the Teams admin API.',
  attributes: {
    tenant_id: {
      type: 'string',
      optional: true,
      description: 'Tenant (directory) id. Default: env ARM_TENANT_ID, then AZURE_TENANT_ID.',
    },
    client_id: {
      type: 'string',
      optional: true,
      description: 'Application (client) id to sign in as. Default: env ARM_CLIENT_ID, then AZURE_CLIENT_ID.',
    },
    client_certificate_path: {
      type: 'string',
      optional: true,
      description: 'PEM certificate (with key) of the application; its password, if any, from env ARM_CLIENT_CERTIFICATE_PASSWORD.',
    },
    use_oidc: { type: 'bool', optional: true, description: 'Sign in with a workload identity / GitHub OIDC token from the environment.' },
    use_msi: { type: 'bool', optional: true, description: 'Sign in with the managed identity of the machine.' },
    use_cli: { type: 'bool', optional: true, description: 'Sign in as the Azure CLI user (for people, not pipelines).' },
    environment: {
      type: 'string',
      optional: true,
      description: `Cloud: ${ENVIRONMENTS.join(' | ')}. Default: public.`,
    },
    endpoint: {
      type: 'string',
      optional: true,
      description: 'Base URL of the Teams admin API, replacing the cloud default (e.g. the local emulator http://127.0.0.1:PORT).',
    },
    operation_timeout_seconds: {
      type: 'number',
      optional: true,
      description: `Longest time one create, read, update or delete may take, retries and replication waits included. Default: ${DEFAULT_OPERATION_TIMEOUT_SECONDS}.`,
    },
  },
};

export { isGuid };

/** Checks what can be checked without signing in; unknown values are checked later. */
export function validateProviderConfig(config: TfObject): Diagnostic[] {
  const problems: Diagnostic[] = [];
  const { tenant_id, client_id, environment, endpoint, operation_timeout_seconds } = config;
  for (const [name, value] of [['tenant_id', tenant_id], ['client_id', client_id]] as const) {
    if (typeof value === 'string' && !isGuid(value)) {
      problems.push(errorAt(name, `Invalid ${name}`, `provider "cvi": ${name} must be a GUID (e.g. 00000000-0000-0000-0000-000000000000); got "${value}".`));
    }
  }
  if (typeof environment === 'string' && !(ENVIRONMENTS as readonly string[]).includes(environment)) {
    problems.push(errorAt('environment', 'Invalid environment', `provider "cvi": environment must be one of ${ENVIRONMENTS.join(', ')}; got "${environment}".`));
  }
  if (typeof endpoint === 'string' && !/^https?:\/\/[^/\s]+/.test(endpoint)) {
    problems.push(errorAt('endpoint', 'Invalid endpoint', `provider "cvi": endpoint must be an http(s) URL such as https://api.example.com; got "${endpoint}".`));
  }
  if (typeof operation_timeout_seconds === 'number' && !(operation_timeout_seconds > 0)) {
    problems.push(
      errorAt('operation_timeout_seconds', 'Invalid operation_timeout_seconds', `provider "cvi": operation_timeout_seconds must be a positive number of seconds; got ${operation_timeout_seconds}.`),
    );
  }
  const methods = ['use_oidc', 'use_msi', 'use_cli'].filter((name) => config[name] === true);
  if (methods.length > 1) {
    problems.push(errorAt(methods[1], 'Conflicting sign-in methods', `provider "cvi": set at most one of use_oidc, use_msi, use_cli; got ${methods.join(' and ')}.`));
  }
  return problems;
}
