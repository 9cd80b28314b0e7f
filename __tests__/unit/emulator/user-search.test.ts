import { USERS_PAGE_SIZE } from '../../../emulator/handlers/users';
import { callerPerTest, expectTeamsError, paths, type TestCaller } from '../../support/emulator';

const TENANT = '11111111-1111-1111-1111-111111111111';
const PEXIP = 'PexipServiceProviderEnabled';
const pexipFilter = { psfilter: `TeamsVideoInteropServicePolicy -eq '${PEXIP}'` };

/**
 * §5 CANDIDATE: the user search behind Get-CsOnlineUser -Filter. The route and paging are
 * High for 2.3.1 (`GET /Teams.User/users`, `{"@nextLink", "users"}`, next page via `$skiptoken`);
 * the `psfilter` spelling and the policy field are not proven (open question 5). The emulator
 * answers it only when a run turns it on.
 */
describe('emulated user search, candidate off (the default)', () => {
  const run = callerPerTest(TENANT);

  it('answers 400 in the /Teams.* error shape, as a service that does not know the query', async () => {
    // given a user holding Pexip
    run.emulator.tenant(TENANT).setUserPolicy('alice@contoso.com', PEXIP);
    // when the search is called with the discovered target
    const res = await run.api.call('GET', paths.userSearch(pexipFilter));
    // then it is a 400 {"error": {...}} saying the candidate is off
    expectTeamsError(res, 400, 'candidate');
  });
});

describe('emulated user search, candidate on', () => {
  const run = callerPerTest(TENANT, { candidates: ['userSearch'] });

  /** Follows @nextLink as Search-CsUser's help says: the `$skiptoken` from it goes on the next call. */
  async function allPages(api: TestCaller): Promise<{ users: any[]; sizes: number[]; links: string[] }> {
    const users: any[] = [];
    const sizes: number[] = [];
    const links: string[] = [];
    let skiptoken: string | null = null;
    do {
      const page = await api.call('GET', paths.userSearch(skiptoken ? { ...pexipFilter, $skiptoken: skiptoken } : pexipFilter));
      expect(page.status).toBe(200);
      users.push(...page.body.users);
      sizes.push(page.body.users.length);
      const next: string | undefined = page.body['@nextLink'];
      if (next !== undefined) links.push(next);
      skiptoken = next === undefined ? null : new URL(next, 'https://emulator.invalid').searchParams.get('$skiptoken');
      if (next !== undefined) expect(skiptoken).toBeTruthy();
    } while (skiptoken);
    return { users, sizes, links };
  }

  it('answers {users} with the 2.3.1 policy field {authority, name} for direct holders', async () => {
    // given one user holding Pexip and one holding Polycom
    run.emulator.tenant(TENANT).setUserPolicy('alice@contoso.com', PEXIP);
    run.emulator.tenant(TENANT).setUserPolicy('bob@contoso.com', 'PolycomServiceProviderEnabled');
    // when the search filters on Pexip
    const res = await run.api.call('GET', paths.userSearch(pexipFilter));
    // then only Alice is answered, with the camelCase policy field, and there is no next page
    expect(res.status).toBe(200);
    expect(res.body.users).toEqual([
      { userPrincipalName: 'alice@contoso.com', teamsVideoInteropServicePolicy: { authority: expect.any(String), name: PEXIP } },
    ]);
    expect(res.body['@nextLink']).toBeUndefined();
  });

  it('pages with @nextLink and $skiptoken until every holder is read once', async () => {
    // given two and a half pages of Pexip holders and one Polycom holder
    const count = 2 * USERS_PAGE_SIZE + USERS_PAGE_SIZE / 2;
    const tenant = run.emulator.tenant(TENANT);
    for (let i = 0; i < count; i++) tenant.setUserPolicy(`user${String(i).padStart(5, '0')}@contoso.com`, PEXIP);
    tenant.setUserPolicy('poly@contoso.com', 'PolycomServiceProviderEnabled');
    // when every page is read by following @nextLink
    const { users, sizes, links } = await allPages(run.api);
    // then there are three pages, two links, and each holder appears exactly once
    expect(sizes).toEqual([USERS_PAGE_SIZE, USERS_PAGE_SIZE, USERS_PAGE_SIZE / 2]);
    expect(links).toHaveLength(2);
    const names = users.map((u) => u.userPrincipalName);
    expect(new Set(names).size).toBe(count);
    expect(names).not.toContain('poly@contoso.com');
  });

  it('keeps a cursor stable while users are added between pages', async () => {
    // given a page and a half of holders, and the first page read
    const tenant = run.emulator.tenant(TENANT);
    for (let i = 0; i < USERS_PAGE_SIZE * 1.5; i++) tenant.setUserPolicy(`m${String(i).padStart(5, '0')}@contoso.com`, PEXIP);
    const first = await run.api.call('GET', paths.userSearch(pexipFilter));
    // when a holder that sorts before the cursor is added and the next page is read
    tenant.setUserPolicy('a-new@contoso.com', PEXIP);
    const skiptoken = new URL(first.body['@nextLink'], 'https://emulator.invalid').searchParams.get('$skiptoken') as string;
    const second = await run.api.call('GET', paths.userSearch({ ...pexipFilter, $skiptoken: skiptoken }));
    // then the second page holds no user of the first
    const firstNames = new Set(first.body.users.map((u: any) => u.userPrincipalName));
    expect(second.body.users.length).toBe(USERS_PAGE_SIZE / 2);
    expect(second.body.users.some((u: any) => firstNames.has(u.userPrincipalName))).toBe(false);
  });

  it('does not answer users who hold the policy only tenant-wide or through a group', async () => {
    // given a tenant-wide Pexip grant and a group grant, and no direct holder
    run.emulator.tenant(TENANT).setTenantPolicy(PEXIP);
    run.emulator.tenant(TENANT).setGroupPolicy('00000000-0000-0000-0000-000000000001', PEXIP);
    // when the search filters on Pexip, then nobody is answered (Get-CsOnlineUser shows direct assignments only)
    expect((await run.api.call('GET', paths.userSearch(pexipFilter))).body.users).toEqual([]);
  });

  it('refuses a filter it cannot read, in the /Teams.* shape', async () => {
    // when the filter is not "TeamsVideoInteropServicePolicy -eq '<name>'", then 400 naming psfilter
    expectTeamsError(await run.api.call('GET', paths.userSearch({ psfilter: 'Department -eq "Sales"' })), 400, 'psfilter');
  });
});
