import { TARGET_URI_HEADER, routes } from '../../../teams/routes';
import { startEmulator, type RunningEmulator } from '../../../emulator';
import { TokenSigner } from '../../../emulator/jwt';
import { connect } from './api-client';

const TENANT = '11111111-1111-1111-1111-111111111111';

describe('emulator authentication and service discovery', () => {
  let emulator: RunningEmulator;
  beforeEach(async () => {
    emulator = await startEmulator();
  });
  afterEach(() => emulator.stop());

  it('answers 401 with a Bearer challenge when no token is sent', async () => {
    // when a call carries no Authorization header
    const res = await fetch(emulator.url + routes.providers());
    // then it is refused
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
  });

  it('answers 401 to a token signed by another emulator run', async () => {
    // given a token from a different run
    const other = await startEmulator();
    const foreign = other.issueToken(TENANT);
    await other.stop();
    // when it is used here
    const res = await fetch(emulator.url + routes.serviceDiscovery(), { headers: { authorization: `Bearer ${foreign}` } });
    // then it is refused, and the answer does not echo the token
    expect(res.status).toBe(401);
    expect(await res.text()).not.toContain(foreign);
  });

  it('rejects an expired token', () => {
    // given a token that expired a minute ago
    const signer = new TokenSigner();
    const token = signer.issue(TENANT, 'app', 60, Date.now() - 120_000);
    // then verification names expiry
    expect(signer.verify(token)).toEqual({ reason: 'the bearer token has expired' });
  });

  it('discovers an admin endpoint per tenant', async () => {
    // when two tenants discover
    const a = await connect(emulator, TENANT);
    const b = await connect(emulator, '22222222-2222-2222-2222-222222222222');
    // then each gets its own endpoint under the emulator's URL
    expect(a.adminEndpoint).toBe(`${emulator.url}/admin/${TENANT}`);
    expect(b.adminEndpoint).not.toBe(a.adminEndpoint);
  });

  it('answers 400 naming the header to a call that skipped discovery', async () => {
    // given a valid token but no X-MS-Target-Uri
    const res = await fetch(emulator.url + routes.providers(), { headers: { authorization: `Bearer ${emulator.issueToken(TENANT)}` } });
    // then the call fails with a message that says what to do
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { message: string } };
    expect(body.error.message).toContain(`${TARGET_URI_HEADER} is missing`);
    expect(body.error.message).toContain('serviceDiscovery');
  });

  it('answers 400 when the target header names another tenant', async () => {
    // given tenant A's token and tenant B's discovered endpoint
    const b = await connect(emulator, '22222222-2222-2222-2222-222222222222');
    const res = await fetch(emulator.url + routes.providers(), {
      headers: { authorization: `Bearer ${emulator.issueToken(TENANT)}`, [TARGET_URI_HEADER]: b.adminEndpoint },
    });
    expect(res.status).toBe(400);
  });

  it('also serves the API under the discovered admin endpoint as a base path', async () => {
    // given a discovered session
    const api = await connect(emulator, TENANT);
    // when a call goes to <AdminEndpoint><route> instead of <url><route>
    const res = await fetch(api.adminEndpoint + routes.policies(), { headers: { authorization: `Bearer ${api.token}`, [TARGET_URI_HEADER]: api.adminEndpoint } });
    // then it is answered, and logged under the same route template
    expect(res.status).toBe(200);
    expect(emulator.log.count(`GET ${routes.policies()}`)).toBe(1);
  });

  it('refuses the admin endpoint path of another tenant with 403', async () => {
    // given tenant A's token
    const api = await connect(emulator, TENANT);
    // when the path names tenant B's admin endpoint
    const res = await fetch(`${emulator.url}/admin/22222222-2222-2222-2222-222222222222${routes.policies()}`, {
      headers: { authorization: `Bearer ${api.token}`, [TARGET_URI_HEADER]: api.adminEndpoint },
    });
    // then the call is forbidden
    expect(res.status).toBe(403);
  });

  it('creates a tenant on first use with the built-in policies', async () => {
    // when a new tenant lists its policies
    const api = await connect(emulator, TENANT);
    const res = await api.call('GET', routes.policies());
    // then the six pre-built instances are there
    expect(res.body.map((p: { Identity: string }) => p.Identity)).toEqual([
      'Global',
      'Tag:ServiceProviderDisabled',
      'Tag:PexipServiceProviderEnabled',
      'Tag:PolycomServiceProviderEnabled',
      'Tag:BlueJeansServiceProviderEnabled',
      'Tag:CiscoServiceProviderEnabled',
    ]);
    expect(emulator.tenantIds()).toEqual([TENANT]);
  });

  it('answers 405 to a method a route does not support', async () => {
    // given a discovered session
    const api = await connect(emulator, TENANT);
    // when the read-only policy list is deleted
    const res = await api.call('DELETE', routes.policies());
    // then the method is refused
    expect(res.status).toBe(405);
  });
});
