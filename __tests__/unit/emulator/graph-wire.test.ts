/**
 * The emulator's Microsoft Graph routes as Graph documents them, checked on the raw wire. Paths
 * and property names are typed here from Microsoft's pages, not imported from the emulator's
 * route table or the reader:
 * - servicePrincipal, list with $filter:      learn.microsoft.com/en-us/graph/api/serviceprincipal-list
 * - appRoleAssignment (appRoleAssignments):   learn.microsoft.com/en-us/graph/api/resources/approleassignment
 * - oAuth2PermissionGrant:                    learn.microsoft.com/en-us/graph/api/resources/oauth2permissiongrant
 * - paging by @odata.nextLink:                learn.microsoft.com/en-us/graph/paging
 * - error body { error: { code, message, innerError } }: learn.microsoft.com/en-us/graph/errors
 */
import { emulatorPerFile } from '../../support/emulator';

const TENANT = '5df714c9-1b0c-491c-8262-705358be54ab';
const APP = '923c9f0a-b883-4efe-af73-54810da59f83';
const GRAPH_APP = '00000003-0000-0000-c000-000000000000';

describe('the emulated Graph wire', () => {
  const emulator = emulatorPerFile();
  const get = async (url: string) => {
    const res = await fetch(url, { headers: { authorization: `Bearer ${emulator.issueToken(TENANT, 'client', 'graph')}` } });
    return { status: res.status, body: (await res.json()) as any };
  };
  const byAppId = (appId: string) => `${emulator.graphUrl}/v1.0/servicePrincipals?$filter=${encodeURIComponent(`appId eq '${appId}'`)}`;

  beforeAll(() => {
    const graph = emulator.graph(TENANT);
    graph.addServicePrincipal({ appId: APP, displayName: 'Pexip Infinity CVI' });
    graph.grantAppRoles(APP, ['Calls.JoinGroupCall.All', 'Calls.AccessMedia.All', 'Calls.InitiateGroupCall.All']);
    graph.grantDelegated(APP, ['User.Read']);
  });

  test('a service principal by appId: a collection with value, each with id, appId and displayName', async () => {
    const { status, body } = await get(byAppId(APP));

    expect(status).toBe(200);
    expect(body.value).toHaveLength(1);
    expect(body.value[0]).toMatchObject({ id: expect.any(String), appId: APP, displayName: 'Pexip Infinity CVI' });
  });

  test("Microsoft Graph's own service principal names its app roles and delegated scopes by value", async () => {
    const graph = (await get(byAppId(GRAPH_APP))).body.value[0];

    expect(graph.appRoles).toContainEqual(expect.objectContaining({ id: expect.any(String), value: 'Calls.JoinGroupCall.All', allowedMemberTypes: ['Application'] }));
    expect(graph.oauth2PermissionScopes).toContainEqual(expect.objectContaining({ id: expect.any(String), value: 'User.Read' }));
  });

  test('app role assignments carry appRoleId, principalId and resourceId, and page by @odata.nextLink', async () => {
    const sp = (await get(byAppId(APP))).body.value[0];
    const graphSp = (await get(byAppId(GRAPH_APP))).body.value[0];
    const seen: any[] = [];
    let url: string | undefined = `${emulator.graphUrl}/v1.0/servicePrincipals/${sp.id}/appRoleAssignments?$top=2`;
    let pages = 0;
    while (url) {
      const { status, body } = await get(url);
      expect(status).toBe(200);
      seen.push(...body.value);
      url = body['@odata.nextLink'];
      pages++;
    }

    expect(pages).toBe(2);
    expect(seen).toHaveLength(3);
    for (const a of seen) {
      expect(a).toMatchObject({ id: expect.any(String), appRoleId: expect.any(String), principalId: sp.id, principalType: 'ServicePrincipal', resourceId: graphSp.id });
    }
    const roleNames = seen.map((a) => graphSp.appRoles.find((r: any) => r.id === a.appRoleId)?.value).sort();
    expect(roleNames).toEqual(['Calls.AccessMedia.All', 'Calls.InitiateGroupCall.All', 'Calls.JoinGroupCall.All']);
  });

  test('the delegated grant: clientId the vendor SP, consentType AllPrincipals, scope space-separated', async () => {
    const sp = (await get(byAppId(APP))).body.value[0];
    const graphSp = (await get(byAppId(GRAPH_APP))).body.value[0];
    const { status, body } = await get(`${emulator.graphUrl}/v1.0/servicePrincipals/${sp.id}/oauth2PermissionGrants`);

    expect(status).toBe(200);
    expect(body.value).toEqual([{ id: expect.any(String), clientId: sp.id, consentType: 'AllPrincipals', principalId: null, resourceId: graphSp.id, scope: 'User.Read' }]);
  });

  test('an unknown object is 404 with the error body { error: { code, message } }', async () => {
    const { status, body } = await get(`${emulator.graphUrl}/v1.0/servicePrincipals/00000000-0000-0000-0000-000000000000/appRoleAssignments`);

    expect(status).toBe(404);
    expect(body.error).toMatchObject({ code: expect.any(String), message: expect.any(String) });
  });
});
