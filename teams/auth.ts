/**
 * A credential from the environment, chosen the way the azuread/azurerm Terraform providers
 * choose (client certificate, client secret, OIDC, managed identity, Azure CLI) and from the
 * same variables, so one pipeline's settings serve Terraform's providers and ours alike.
 */
import * as https from 'node:https';
import type { TokenCredential } from '@azure/core-auth';
import type { PipelinePolicy } from '@azure/core-rest-pipeline';
import {
  AzureCliCredential,
  ClientAssertionCredential,
  ClientCertificateCredential,
  ClientSecretCredential,
  ManagedIdentityCredential,
} from '@azure/identity';
import type { ClientSecretCredentialOptions } from '@azure/identity';
import type { Cloud } from './routes';
import { assertionSourceFromEnvironment, Env } from './oidc';

export type AuthMethod = 'client-certificate' | 'client-secret' | 'oidc' | 'managed-identity' | 'azure-cli';

export interface CredentialOverrides {
  readonly tenantId?: string;
  readonly clientId?: string;
  readonly authorityHost?: string;
  readonly cloud?: Cloud;
  /** Extra CA certificate (PEM) trusted for the authority host, e.g. the emulator's token endpoint. */
  readonly authorityCa?: string | Buffer;
}

export interface EnvironmentCredentialChoice {
  readonly credential: TokenCredential;
  readonly method: AuthMethod;
  /** Undefined only for managed identity and Azure CLI without a tenant set. */
  readonly tenantId?: string;
  readonly clientId?: string;
  readonly authorityHost: string;
  readonly cloud: Cloud;
  /** True for an authority host Microsoft's instance metadata does not know (the emulator, a private cloud). */
  readonly instanceDiscoveryDisabled: boolean;
  /** One line naming the method and its inputs, never a secret: safe to log. */
  readonly description: string;
}

/** The Entra ID authority host that signs in to each Teams cloud. */
export const AUTHORITY_HOSTS: Record<Cloud, string> = {
  public: 'https://login.microsoftonline.com',
  gcchigh: 'https://login.microsoftonline.us',
  dod: 'https://login.microsoftonline.us',
  china: 'https://login.chinacloudapi.cn',
};

/** ARM_ENVIRONMENT (the azurerm provider's names) -> Teams cloud, and with it the authority host. */
const ENVIRONMENTS: Record<string, { authorityHost: string; cloud: Cloud }> = Object.fromEntries(
  Object.entries({
    public: 'public',
    usgovernment: 'gcchigh',
    usgovernmentl4: 'gcchigh',
    usgovernmentl5: 'dod',
    china: 'china',
  } as Record<string, Cloud>).map(([name, cloud]) => [name, { authorityHost: AUTHORITY_HOSTS[cloud], cloud }]),
);
const KNOWN_AUTHORITY_HOSTS = new Set(Object.values(ENVIRONMENTS).map((e) => e.authorityHost));

export class CredentialConfigurationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CredentialConfigurationError';
  }
}

const isTrue = (v: string | undefined) => v !== undefined && ['true', '1', 'yes'].includes(v.trim().toLowerCase());
const isFalse = (v: string | undefined) => v !== undefined && ['false', '0', 'no'].includes(v.trim().toLowerCase());
const first = (...values: (string | undefined)[]) => values.find((v) => v !== undefined && v.trim() !== '')?.trim();

export function credentialFromEnvironment(env: Env = process.env, overrides: CredentialOverrides = {}): EnvironmentCredentialChoice {
  const envName = (env.ARM_ENVIRONMENT ?? 'public').trim().toLowerCase();
  const environment = ENVIRONMENTS[envName];
  if (!environment) {
    throw new CredentialConfigurationError(`ARM_ENVIRONMENT "${env.ARM_ENVIRONMENT}" is not one of ${Object.keys(ENVIRONMENTS).join(', ')}`);
  }
  const tenantId = first(overrides.tenantId, env.ARM_TENANT_ID, env.AZURE_TENANT_ID);
  const clientId = first(overrides.clientId, env.ARM_CLIENT_ID, env.AZURE_CLIENT_ID);
  const authorityHost = (first(overrides.authorityHost, env.AZURE_AUTHORITY_HOST, env.ARM_AUTHORITY_HOST) ?? environment.authorityHost).replace(/\/+$/, '');
  const cloud = overrides.cloud ?? environment.cloud;
  // A custom authority (a sovereign or private one, or the emulator) is not in Microsoft's
  // instance metadata, so asking for it would fail.
  const common: ClientSecretCredentialOptions = {
    authorityHost,
    ...(KNOWN_AUTHORITY_HOSTS.has(authorityHost) ? {} : { disableInstanceDiscovery: true }),
    ...(overrides.authorityCa ? trustCa(overrides.authorityCa) : {}),
  };
  const choose = (method: AuthMethod, credential: TokenCredential, detail: string): EnvironmentCredentialChoice => ({
    credential,
    method,
    tenantId,
    clientId,
    authorityHost,
    cloud,
    instanceDiscoveryDisabled: common.disableInstanceDiscovery === true,
    description: `${method}: ${detail}, tenant ${tenantId ?? '(from the login)'}, authority ${authorityHost}`,
  });
  const needApp = (method: string, vars: string) => {
    const missing = [!tenantId && 'ARM_TENANT_ID (or AZURE_TENANT_ID)', !clientId && 'ARM_CLIENT_ID (or AZURE_CLIENT_ID)'].filter(Boolean);
    if (missing.length > 0) throw new CredentialConfigurationError(`${method} was chosen because ${vars} is set, but ${missing.join(' and ')} is missing: set it`);
    return { tenantId: tenantId!, clientId: clientId! };
  };

  const certPath = first(env.ARM_CLIENT_CERTIFICATE_PATH, env.AZURE_CLIENT_CERTIFICATE_PATH);
  if (certPath) {
    const app = needApp('client certificate', 'ARM_CLIENT_CERTIFICATE_PATH/AZURE_CLIENT_CERTIFICATE_PATH');
    const password = first(env.ARM_CLIENT_CERTIFICATE_PASSWORD, env.AZURE_CLIENT_CERTIFICATE_PASSWORD);
    const credential = new ClientCertificateCredential(app.tenantId, app.clientId, { certificatePath: certPath, ...(password ? { certificatePassword: password } : {}) }, common);
    return choose('client-certificate', credential, `app ${app.clientId}, certificate ${certPath}`);
  }

  const secret = first(env.ARM_CLIENT_SECRET, env.AZURE_CLIENT_SECRET);
  if (secret) {
    const app = needApp('client secret', 'ARM_CLIENT_SECRET/AZURE_CLIENT_SECRET');
    return choose('client-secret', new ClientSecretCredential(app.tenantId, app.clientId, secret, common), `app ${app.clientId}`);
  }

  const wantsOidc = isTrue(env.ARM_USE_OIDC) || Boolean(first(env.ARM_OIDC_TOKEN, env.ARM_OIDC_TOKEN_FILE_PATH, env.AZURE_FEDERATED_TOKEN_FILE));
  if (wantsOidc) {
    const app = needApp('OIDC (workload identity federation)', 'ARM_USE_OIDC or an OIDC token variable');
    const source = assertionSourceFromEnvironment(env);
    if (!source) {
      throw new CredentialConfigurationError(
        'OIDC was chosen (ARM_USE_OIDC=true) but no token source is set: set ARM_OIDC_TOKEN, ARM_OIDC_TOKEN_FILE_PATH or AZURE_FEDERATED_TOKEN_FILE, ' +
          'or ARM_OIDC_REQUEST_URL with ARM_OIDC_REQUEST_TOKEN (GitHub Actions sets ACTIONS_ID_TOKEN_REQUEST_URL/TOKEN with "permissions: id-token: write")',
      );
    }
    const credential = new ClientAssertionCredential(app.tenantId, app.clientId, source.getAssertion, common);
    return choose('oidc', credential, `app ${app.clientId}, assertion from ${source.description}`);
  }

  if (isTrue(env.ARM_USE_MSI)) {
    // Managed identity talks to the local identity endpoint, not to an authority: no authority options.
    const credential = clientId ? new ManagedIdentityCredential({ clientId }) : new ManagedIdentityCredential();
    return choose('managed-identity', credential, clientId ? `user-assigned identity ${clientId}` : 'system-assigned identity');
  }

  if (!isFalse(env.ARM_USE_CLI)) {
    return choose('azure-cli', new AzureCliCredential({ ...(tenantId ? { tenantId } : {}), ...common }), 'the account of `az login`');
  }

  throw new CredentialConfigurationError(
    'no credential in the environment (ARM_USE_CLI=false): set ARM_TENANT_ID and ARM_CLIENT_ID with one of ARM_CLIENT_SECRET, ' +
      'ARM_CLIENT_CERTIFICATE_PATH, ARM_USE_OIDC=true (+ a token source), or set ARM_USE_MSI=true, or allow ARM_USE_CLI for `az login`',
  );
}

/** Makes @azure/identity's requests to the authority trust one more CA (its pipeline takes an agent per request). */
function trustCa(ca: string | Buffer): Pick<ClientSecretCredentialOptions, 'additionalPolicies'> {
  const agent = new https.Agent({ ca, keepAlive: false });
  const policy: PipelinePolicy = {
    name: 'cviTrustAuthorityCa',
    sendRequest: (request, next) => {
      request.agent = agent;
      return next(request);
    },
  };
  return { additionalPolicies: [{ position: 'perCall', policy }] };
}
