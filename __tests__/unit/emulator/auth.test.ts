import { startEmulator } from '../../../emulator';
import { TokenSigner } from '../../../emulator/jwt';
import { connect, emulatorPerTest, expectSkypeError, paths, send, TARGET_URI } from '../../support/emulator';

const TENANT = '11111111-1111-1111-1111-111111111111';

describe('emulator authentication', () => {
  const emulator = emulatorPerTest();

  it('answers 401 with a Bearer challenge when no token is sent', async () => {
    // when a call carries no Authorization header
    const res = await send(emulator.url + paths.providers(), 'GET', undefined, {});
    // then it is refused with a challenge, in the /Skype.* error shape
    expectSkypeError(res, 401, /Authorization/);
    expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
  });

  it('answers 401 to a token signed by another emulator run', async () => {
    // given a token from a different run
    const other = await startEmulator();
    const foreign = other.issueToken(TENANT);
    await other.stop();
    // when it is used here
    const res = await fetch(emulator.url + paths.discovery(), { headers: { authorization: `Bearer ${foreign}` } });
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

  it('answers 401 before anything else, even with a valid target header', async () => {
    // given a caller that discovered the target, and a forged token
    const api = await connect(emulator, TENANT);
    // when a call carries the target but a token that is not a JWT
    const res = await send(emulator.url + paths.providers(), 'GET', undefined, { authorization: 'Bearer not-a-token', [TARGET_URI]: api.targetUri });
    // then it is refused as unauthenticated
    expect(res.status).toBe(401);
  });

  it('creates a tenant on first use, named by the token', async () => {
    // when a caller of a new tenant discovers and lists its policies
    const api = await connect(emulator, TENANT);
    const res = await api.call('GET', paths.policies());
    // then the tenant exists, with the pre-built policies
    expect(res.status).toBe(200);
    expect(res.body.length).toBeGreaterThan(0);
    expect(emulator.tenantIds()).toEqual([TENANT]);
  });
});
