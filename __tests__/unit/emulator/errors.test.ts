import { callerPerTest, expectSkypeError, expectTeamsError, paths, send, TARGET_URI } from '../../support/emulator';

const TENANT = '11111111-1111-1111-1111-111111111111';

/**
 * §10: `/Skype.Policy/*` answers `{"code","message","action"}` (2.3.1 ErrorResponse; MPA reads
 * Code/Message/Action) and `/Teams.User`, `/Teams.Tenant` answer
 * `{"error": {"code","message","target","correlationId","timeStampUtc",...}}` (2.3.1 ApiError).
 */
describe('emulated error bodies per route family', () => {
  const run = callerPerTest(TENANT);

  it('answers a malformed /Skype.Policy body with {code, message, action}', async () => {
    // when a provider is created with a body that is not JSON
    const res = await fetch(run.emulator.url + paths.providers(), {
      method: 'POST',
      headers: { authorization: `Bearer ${run.api.token}`, 'content-type': 'application/json' },
      body: '{"Identity": ',
    });
    // then the answer is 400 in the /Skype.* shape
    expectSkypeError({ status: res.status, body: await res.json(), headers: res.headers }, 400, 'not valid JSON');
  });

  it('answers an unknown /Skype.Policy path with 404 {code, message, action}', async () => {
    // when a configuration type the service does not have is read
    const res = await run.api.call('GET', '/Skype.Policy/configurations/NoSuchConfiguration');
    // then it is a 404 naming the path
    expectSkypeError(res, 404, '/Skype.Policy/configurations/NoSuchConfiguration');
  });

  it('answers an unknown /Teams.* path with 404 {"error": {...}}', async () => {
    // when a /Teams.Tenant path the emulator does not serve is read
    const res = await run.api.call('GET', '/Teams.Tenant/tenants');
    // then it is a 404 in the /Teams.* shape, with the ApiError fields
    expectTeamsError(res, 404);
    expect(Object.keys(res.body.error)).toEqual(expect.arrayContaining(['code', 'message', 'target', 'correlationId', 'timeStampUtc']));
    expect(Number.isNaN(Date.parse(res.body.error.timeStampUtc))).toBe(false);
  });

  it('answers a method a route does not take with 405 in its family shape', async () => {
    // when the read-only policy list is deleted, then /Skype.* answers 405 {code, message, action}
    expectSkypeError(await run.api.call('DELETE', paths.policies()), 405, 'DELETE');
    // and when discovery is posted to, /Teams.* answers 405 {"error": ...}
    expectTeamsError(await run.api.call('POST', paths.discovery(), {}), 405);
  });

  it('answers an injected fault in the family shape of the route', async () => {
    // given a 503 on every request
    run.emulator.faults.add({ kind: 'error', status: 503 });
    // when a /Skype.Policy route and a /Teams.Tenant route are called
    const skype = await run.api.call('GET', paths.providers());
    const teams = await send(run.emulator.url + paths.discovery(), 'GET', undefined, { authorization: `Bearer ${run.api.token}`, [TARGET_URI]: null });
    // then each fails in its own shape
    expectSkypeError(skype, 503);
    expectTeamsError(teams, 503);
  });

  it('matches route literals whatever their case, as a .NET service does', async () => {
    // when the route literals are spelt in another case (the service is .NET and ignores it)
    const res = await run.api.call('GET', '/skype.policy/configurations/videointeropserviceprovider');
    // then the route answers
    expect([res.status, res.body]).toEqual([200, []]);
  });
});
