import { ADMIN_SERVICE_ENDPOINT } from '../../../emulator';
import { connect, discover, emulatorPerTest, expectSkypeError, expectTeamsError, paths, send, TARGET_URI } from '../../support/emulator';

const TENANT = '11111111-1111-1111-1111-111111111111';

/**
 * §1: discovery answers `{"Endpoints": {"AdminServiceEndpoint": "<host>"}}` and the module sends
 * `https://<host>` back as X-MS-Target-Uri (2.3.1 with a trailing slash, 5.2.0 without; 6.4.0's
 * MPA sends none to /Skype.Policy). Open question 6 leaves /Teams.* open, so the emulator
 * requires it there and takes it as optional on /Skype.*.
 */
describe('emulated service discovery', () => {
  const emulator = emulatorPerTest();

  it('answers 200 with Endpoints.AdminServiceEndpoint, a bare host name', async () => {
    // when discovery is asked with Accept and Authorization only, as the host contract asks
    const res = await send(emulator.url + paths.discovery(), 'GET', undefined, {
      accept: 'application/json',
      authorization: `Bearer ${emulator.issueToken(TENANT)}`,
    });
    // then the answer is a JSON object whose case-sensitive path Endpoints.AdminServiceEndpoint is a host
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.body).toEqual({ Endpoints: { AdminServiceEndpoint: ADMIN_SERVICE_ENDPOINT } });
    expect(ADMIN_SERVICE_ENDPOINT).toMatch(/^admin[a-z0-9-]*(\.[a-z0-9-]+)+$/);
  });

  it('names a host that cannot resolve, so no caller ever connects to it', async () => {
    // when a caller discovers, then the host is under the reserved .invalid name
    expect(await discover(emulator, emulator.issueToken(TENANT))).toMatch(/\.invalid$/);
  });

  it('needs a token but no target header', async () => {
    // when discovery is asked without a token, then it is refused in the /Teams.* shape
    expectTeamsError(await send(emulator.url + paths.discovery(), 'GET', undefined, {}), 401);
    // and with a token but no X-MS-Target-Uri it answers
    const res = await send(emulator.url + paths.discovery(), 'GET', undefined, { authorization: `Bearer ${emulator.issueToken(TENANT)}` });
    expect(res.status).toBe(200);
  });
});

describe('emulated X-MS-Target-Uri rules', () => {
  const emulator = emulatorPerTest({ candidates: ['userSearch'] });
  let token: string;
  let host: string;
  beforeEach(async () => {
    token = emulator.issueToken(TENANT);
    host = await discover(emulator, token);
  });

  const get = (path: string, target: string | null) => send(emulator.url + path, 'GET', undefined, { authorization: `Bearer ${token}`, [TARGET_URI]: target });
  const search = paths.userSearch({ psfilter: "TeamsVideoInteropServicePolicy -eq 'PexipServiceProviderEnabled'" });

  it('answers /Skype.Policy calls without the header, as 6.4.0 calls them', async () => {
    // when the provider list is read without X-MS-Target-Uri, then it answers
    expect((await get(paths.providers(), null)).status).toBe(200);
  });

  it('answers /Skype.User calls without the header', async () => {
    // when a user's effective policy is read without X-MS-Target-Uri, then it answers
    expect((await get(paths.userEffectivePolicy('alice@contoso.com'), null)).status).toBe(200);
  });

  it('accepts the discovered target with and without a trailing slash', async () => {
    // when the header is https://<host> (5.2.0) or https://<host>/ (2.3.1), then both answer
    expect((await get(search, `https://${host}`)).status).toBe(200);
    expect((await get(search, `https://${host}/`)).status).toBe(200);
    expect((await get(paths.providers(), `https://${host}/`)).status).toBe(200);
  });

  it('refuses a /Teams.* call without the header, naming it and what to do', async () => {
    // when the user search is called without X-MS-Target-Uri
    const res = await get(search, null);
    // then it is a 400 in the /Teams.* shape that names the header and discovery
    expectTeamsError(res, 400, /X-MS-Target-Uri is missing/);
    expect(res.body.error.message).toContain('serviceDiscovery');
  });

  it('refuses a header that names another host, on either family', async () => {
    // when the header names a host discovery never answered
    const wrong = 'https://admin2a.online.lync.com';
    // then /Teams.* and /Skype.* both refuse it, each in its own shape
    expectTeamsError(await get(search, wrong), 400, 'admin2a.online.lync.com');
    expectSkypeError(await get(paths.providers(), wrong), 400, /X-MS-Target-Uri/);
  });

  it('refuses the bare host or another scheme', async () => {
    // when the header is the host without https://, or with http://, then it is refused
    expect((await get(paths.providers(), host)).status).toBe(400);
    expect((await get(paths.providers(), `http://${host}`)).status).toBe(400);
  });

  it('is what the shared harness sends', async () => {
    // given a caller connected through the harness
    const api = await connect(emulator, TENANT);
    // then it sends https://<AdminServiceEndpoint> and the emulator accepts it on /Teams.*
    expect(api.targetUri).toBe(`https://${host}`);
    expect((await api.call('GET', search)).status).toBe(200);
  });
});
