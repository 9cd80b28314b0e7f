import { execFile } from 'node:child_process';
import { Agent, request } from 'node:https';
import { promisify } from 'node:util';
import { ClientSecretCredential } from '@azure/identity';
import type { PipelinePolicy } from '@azure/core-rest-pipeline';
import { ADMIN_SERVICE_ENDPOINT, type RunningEmulator } from '../../../emulator';
import { discover, emulatorPerTest, TEAMS_ADMIN_SCOPE } from '../../support/emulator';

const TENANT = '11111111-1111-1111-1111-111111111111';

/** Sends @azure/identity's requests through an agent that trusts the emulator's CA. */
function trustEmulator(emulator: RunningEmulator): PipelinePolicy {
  const agent = new Agent({ ca: emulator.caCertPem });
  return { name: 'trustEmulatorCa', sendRequest: (request, next) => next(Object.assign(request, { agent })) };
}

/** A raw form POST to the token endpoint, trusting the emulator's CA. */
function postToken(emulator: RunningEmulator, tenant: string, form: Record<string, string>): Promise<{ status: number; body: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${emulator.authorityHost}/${tenant}/oauth2/v2.0/token`,
      { method: 'POST', ca: emulator.caCertPem, headers: { 'content-type': 'application/x-www-form-urlencoded' } },
      (res) => {
        let text = '';
        res.on('data', (d: Buffer) => (text += d.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) as Record<string, unknown> }));
      },
    );
    req.on('error', reject);
    req.end(new URLSearchParams(form).toString());
  });
}

describe('emulator token endpoint', () => {
  const emulator = emulatorPerTest();

  it('gives a real ClientSecretCredential a token that the API accepts', async () => {
    // given @azure/identity pointed at the emulator's authority
    const credential = new ClientSecretCredential(TENANT, 'app-client-id', 'any-secret', {
      authorityHost: emulator.authorityHost,
      disableInstanceDiscovery: true,
      additionalPolicies: [{ policy: trustEmulator(emulator), position: 'perCall' }],
    });
    // when it asks for a Teams admin token
    const token = await credential.getToken(TEAMS_ADMIN_SCOPE);
    // then the token opens the API for that tenant
    expect(await discover(emulator, token.token)).toBe(ADMIN_SERVICE_ENDPOINT);
    expect(emulator.tenantIds()).toEqual([TENANT]);
  });

  it('refuses a scope other than the Teams admin API and Microsoft Graph', async () => {
    // given a credential pointed at the emulator
    const credential = new ClientSecretCredential(TENANT, 'app-client-id', 'any-secret', {
      authorityHost: emulator.authorityHost,
      disableInstanceDiscovery: true,
      additionalPolicies: [{ policy: trustEmulator(emulator), position: 'perCall' }],
    });
    // when it asks for an Azure Resource Manager token, then the endpoint refuses the scope
    await expect(credential.getToken('https://management.azure.com/.default')).rejects.toThrow(/invalid_scope|AADSTS70011/);
  });

  it('issues a Graph token that the Graph routes take and the Teams admin API refuses', async () => {
    // given a credential pointed at the emulator
    const credential = new ClientSecretCredential(TENANT, 'app-client-id', 'any-secret', {
      authorityHost: emulator.authorityHost,
      disableInstanceDiscovery: true,
      additionalPolicies: [{ policy: trustEmulator(emulator), position: 'perCall' }],
    });
    // when it asks for a Graph token
    const token = await credential.getToken('https://graph.microsoft.com/.default');
    // then Graph answers with it and the Teams admin API does not
    const graph = await fetch(`${emulator.graphUrl}/v1.0/servicePrincipals`, { headers: { authorization: `Bearer ${token.token}` } });
    expect(graph.status).toBe(200);
    const teams = await fetch(`${emulator.url}/Teams.Tenant/serviceDiscovery`, { headers: { authorization: `Bearer ${token.token}` } });
    expect(teams.status).toBe(401);
  });

  it('never logs the client secret', async () => {
    // given a credential with a recognisable secret
    const secret = 'very-secret-value-123';
    const credential = new ClientSecretCredential(TENANT, 'app-client-id', secret, {
      authorityHost: emulator.authorityHost,
      disableInstanceDiscovery: true,
      additionalPolicies: [{ policy: trustEmulator(emulator), position: 'perCall' }],
    });
    // when it gets a token
    await credential.getToken(TEAMS_ADMIN_SCOPE);
    // then the token call is logged, without the secret
    const entries = emulator.log.entries();
    expect(entries.map((e) => `${e.method} ${e.route}`)).toContain('POST /{tenant}/oauth2/v2.0/token');
    expect(JSON.stringify(entries)).not.toContain(secret);
  });

  it('is trusted by a child process through NODE_EXTRA_CA_CERTS', async () => {
    // given a child Node process with only the CA file in its environment
    const script = `fetch(process.argv[1]).then(r => console.log(r.status), e => { console.error(e.cause?.code ?? e.message); process.exit(1); })`;
    const url = `${emulator.authorityHost}/${TENANT}/v2.0/.well-known/openid-configuration`;
    // when it fetches the OpenID configuration over HTTPS
    const { stdout } = await promisify(execFile)(process.execPath, ['-e', script, url], {
      env: { PATH: process.env.PATH, NODE_EXTRA_CA_CERTS: emulator.caCertPath },
    });
    // then the certificate verifies
    expect(stdout.trim()).toBe('200');
  });

  it('accepts a client assertion instead of a secret (certificate and federated credentials)', async () => {
    // when a client sends a jwt-bearer assertion and no secret
    const res = await postToken(emulator, TENANT, {
      grant_type: 'client_credentials',
      client_id: 'app-client-id',
      client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
      client_assertion: 'header.claims.signature',
      scope: TEAMS_ADMIN_SCOPE,
    });
    // then it gets a bearer token for the tenant
    expect([res.status, res.body.token_type]).toEqual([200, 'Bearer']);
  });

  it('answers invalid_client when neither secret nor assertion is sent', async () => {
    // when a client sends only its id
    const res = await postToken(emulator, TENANT, { grant_type: 'client_credentials', client_id: 'app-client-id', scope: TEAMS_ADMIN_SCOPE });
    // then the endpoint refuses it as Entra ID would
    expect([res.status, res.body.error]).toEqual([401, 'invalid_client']);
  });

  it('refuses client credentials on a multi-tenant authority', async () => {
    // when the authority names "organizations" instead of a tenant
    const res = await postToken(emulator, 'organizations', { grant_type: 'client_credentials', client_id: 'a', client_secret: 'b', scope: TEAMS_ADMIN_SCOPE });
    // then the request is refused
    expect([res.status, res.body.error]).toEqual([400, 'invalid_request']);
  });
});
