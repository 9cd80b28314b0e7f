import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeTlsIdentity } from '../provider/server/certificate';
import { readBody } from './errors';
import { GRAPH_AUDIENCE, TEAMS_ADMIN_AUDIENCE, type TokenAudience, type TokenSigner } from './jwt';
import type { MemoryRequestLog, RequestLogEntry } from './request-log';

/**
 * A stand-in for the Microsoft identity platform's client-credentials flow, on HTTPS because
 * MSAL refuses http authorities. It serves what MSAL for Node (via @azure/identity's
 * ClientSecretCredential with `authorityHost` and `disableInstanceDiscovery`) asks for: the
 * OpenID configuration, the signing keys document, and the token endpoint. Any non-empty
 * client id and secret (or client assertion) is accepted; nothing is kept or logged.
 */
export interface TokenEndpoint {
  server: Server;
  caCertPem: string;
  caCertPath: string;
  /** Removes the CA file's temporary folder. */
  cleanup(): void;
}

/** The scopes it grants and the API each is for: the Teams admin API and Microsoft Graph. */
const SCOPES: Record<string, TokenAudience> = {
  [`${TEAMS_ADMIN_AUDIENCE}/.default`]: 'teams',
  [`api://${TEAMS_ADMIN_AUDIENCE}/.default`]: 'teams',
  [`${GRAPH_AUDIENCE}/.default`]: 'graph',
};
const ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';
/** Authorities that name no single tenant; client credentials need one. */
const MULTI_TENANT = ['common', 'organizations', 'consumers'];

export function createTokenEndpoint(signer: TokenSigner, log: MemoryRequestLog, authorityHost: () => string): TokenEndpoint {
  const identity = makeTlsIdentity();
  const dir = mkdtempSync(join(tmpdir(), 'cvi-emulator-'));
  const caCertPath = join(dir, 'ca.pem');
  writeFileSync(caCertPath, identity.certPem);
  const server = createServer({ key: identity.keyPem, cert: identity.certPem }, (req, res) => {
    void answer(req, res, signer, log, authorityHost());
  });
  return { server, caCertPem: identity.certPem, caCertPath, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

async function answer(req: IncomingMessage, res: ServerResponse, signer: TokenSigner, log: MemoryRequestLog, host: string): Promise<void> {
  const path = new URL(req.url ?? '/', 'https://emulator').pathname;
  const entry: RequestLogEntry = { time: Date.now(), method: req.method ?? 'GET', route: path, status: 0, writeApplied: false, faults: [], reset: false, endpoint: 'token' };
  const [, tenant, ...rest] = path.split('/');
  const tail = rest.join('/');
  let status = 404;
  let body: unknown = oauthError('invalid_request', `AADSTS90002: no such endpoint ${path}`);
  if (tenant && req.method === 'GET' && tail === 'v2.0/.well-known/openid-configuration') {
    entry.route = '/{tenant}/v2.0/.well-known/openid-configuration';
    [status, body] = [200, openIdConfiguration(host, tenant)];
  } else if (tenant && req.method === 'GET' && tail === 'discovery/v2.0/keys') {
    entry.route = '/{tenant}/discovery/v2.0/keys';
    [status, body] = [200, { keys: [] }];
  } else if (tenant && req.method === 'POST' && tail === 'oauth2/v2.0/token') {
    entry.route = '/{tenant}/oauth2/v2.0/token';
    [status, body] = clientCredentials(new URLSearchParams((await readBody(req)).toString('utf8')), decodeURIComponent(tenant), signer);
  }
  entry.status = status;
  entry.tenant = tenant || undefined;
  log.record(entry);
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), 'cache-control': 'no-store' });
  res.end(text);
}

function openIdConfiguration(host: string, tenant: string): Record<string, unknown> {
  const base = `${host}/${tenant}`;
  return {
    issuer: `${base}/v2.0`,
    authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
    token_endpoint: `${base}/oauth2/v2.0/token`,
    jwks_uri: `${base}/discovery/v2.0/keys`,
    end_session_endpoint: `${base}/oauth2/v2.0/logout`,
    response_types_supported: ['code', 'id_token', 'token'],
    grant_types_supported: ['client_credentials'],
    token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt'],
    tenant_region_scope: 'EU',
  };
}

function clientCredentials(form: URLSearchParams, tenant: string, signer: TokenSigner): [number, unknown] {
  if (MULTI_TENANT.includes(tenant.toLowerCase())) {
    return [400, oauthError('invalid_request', `AADSTS90133: the client credentials flow needs a tenant id or domain, not "${tenant}"`)];
  }
  if (form.get('grant_type') !== 'client_credentials') {
    return [400, oauthError('unsupported_grant_type', `AADSTS70003: grant_type "${form.get('grant_type') ?? ''}" is not supported; use client_credentials`)];
  }
  const clientId = form.get('client_id') ?? '';
  if (clientId === '') return [400, oauthError('invalid_request', 'AADSTS900144: the request body must contain client_id')];
  const hasSecret = (form.get('client_secret') ?? '') !== '';
  const hasAssertion = (form.get('client_assertion') ?? '') !== '' && form.get('client_assertion_type') === ASSERTION_TYPE;
  if (!hasSecret && !hasAssertion) {
    return [401, oauthError('invalid_client', 'AADSTS7000216: client_secret or client_assertion (jwt-bearer) is required')];
  }
  const scopes = (form.get('scope') ?? '').split(/\s+/).filter((s) => s !== '');
  const resource = scopes.find((s) => SCOPES[s] !== undefined);
  if (!resource) {
    return [400, oauthError('invalid_scope', `AADSTS70011: scope must be one of ${Object.keys(SCOPES).join(', ')}, got "${scopes.join(' ')}"`)];
  }
  const lifetime = 3600;
  return [200, { token_type: 'Bearer', expires_in: lifetime - 1, ext_expires_in: lifetime - 1, access_token: signer.issue(tenant, clientId, lifetime, Date.now(), SCOPES[resource]) }];
}

function oauthError(error: string, description: string): Record<string, unknown> {
  return { error, error_description: description, error_codes: [Number(/AADSTS(\d+)/.exec(description)?.[1] ?? 0)], timestamp: new Date().toISOString() };
}
