/**
 * Where a workload identity federation (OIDC) assertion comes from, in the order the
 * azuread/azurerm providers read them: a token in the environment, a token file (re-read on
 * every call: Kubernetes rotates it), or a request to the CI system's token endpoint
 * (GitHub Actions, Azure DevOps).
 */
import { readFile } from 'node:fs/promises';

export type Env = Record<string, string | undefined>;

export interface AssertionSource {
  /** Non-secret words for the report: which variable or endpoint the assertion comes from. */
  readonly description: string;
  readonly getAssertion: () => Promise<string>;
}

/** The audience Entra ID expects on a federated credential's token. */
const GITHUB_AUDIENCE = 'api://AzureADTokenExchange';

export function assertionSourceFromEnvironment(env: Env): AssertionSource | undefined {
  const token = env.ARM_OIDC_TOKEN;
  if (token) return { description: 'token in ARM_OIDC_TOKEN', getAssertion: async () => token };
  const file = env.ARM_OIDC_TOKEN_FILE_PATH ?? env.AZURE_FEDERATED_TOKEN_FILE;
  if (file) {
    const name = env.ARM_OIDC_TOKEN_FILE_PATH ? 'ARM_OIDC_TOKEN_FILE_PATH' : 'AZURE_FEDERATED_TOKEN_FILE';
    return { description: `token file ${file} (${name})`, getAssertion: async () => (await readFile(file, 'utf8')).trim() };
  }
  const adoConnection = env.ARM_ADO_PIPELINE_SERVICE_CONNECTION_ID ?? env.ARM_OIDC_AZURE_SERVICE_CONNECTION_ID;
  const requestUrl = env.ARM_OIDC_REQUEST_URL ?? (adoConnection ? env.SYSTEM_OIDCREQUESTURI : env.ACTIONS_ID_TOKEN_REQUEST_URL);
  const requestToken = env.ARM_OIDC_REQUEST_TOKEN ?? (adoConnection ? env.SYSTEM_ACCESSTOKEN : env.ACTIONS_ID_TOKEN_REQUEST_TOKEN);
  if (requestUrl && requestToken) {
    return adoConnection
      ? { description: `Azure DevOps service connection ${adoConnection}`, getAssertion: () => requestAdoToken(requestUrl, requestToken, adoConnection) }
      : { description: 'GitHub Actions ID token endpoint', getAssertion: () => requestGitHubToken(requestUrl, requestToken) };
  }
  return undefined;
}

async function requestGitHubToken(url: string, bearer: string): Promise<string> {
  const u = new URL(url);
  u.searchParams.set('audience', GITHUB_AUDIENCE);
  const res = await fetch(u, { headers: { authorization: `Bearer ${bearer}`, accept: 'application/json' } });
  if (!res.ok) throw new Error(`the GitHub Actions ID token endpoint answered HTTP ${res.status}; does the job have "permissions: id-token: write"?`);
  const body = (await res.json()) as { value?: string };
  if (!body.value) throw new Error('the GitHub Actions ID token endpoint answered without a token');
  return body.value;
}

async function requestAdoToken(url: string, bearer: string, connectionId: string): Promise<string> {
  const u = new URL(url);
  u.searchParams.set('api-version', '7.1');
  u.searchParams.set('serviceConnectionId', connectionId);
  const res = await fetch(u, { method: 'POST', headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' } });
  if (!res.ok) throw new Error(`the Azure DevOps OIDC endpoint answered HTTP ${res.status} for service connection ${connectionId}`);
  const body = (await res.json()) as { oidcToken?: string };
  if (!body.oidcToken) throw new Error('the Azure DevOps OIDC endpoint answered without a token');
  return body.oidcToken;
}
