/**
 * A vendor app's admin consent, read through Microsoft Graph the way the azuread provider's
 * resources express it: the vendor's service principal (by app id), its app role assignments
 * on Microsoft Graph (application permissions, by name through the Graph service principal's
 * appRoles) and the delegated grant for all users (scopes).
 */
import { GraphClient } from './graph-client';
import { graphRoutes, MICROSOFT_GRAPH_APP_ID } from './graph-routes';
import { AppConsent, AppConsentRead, ConsentReadout, missing, Part, read, reasonOf, unreadable } from './readout';

interface ServicePrincipalWire {
  id: string;
  appId: string;
  displayName?: string;
  appRoles?: { id: string; value?: string | null }[];
}
interface AppRoleAssignmentWire {
  id: string;
  appRoleId: string;
  resourceId: string;
}
interface PermissionGrantWire {
  id: string;
  clientId: string;
  consentType: string;
  resourceId: string;
  scope?: string | null;
}

const sameId = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

async function servicePrincipal(graph: GraphClient, appId: string): Promise<ServicePrincipalWire | undefined> {
  const route = graphRoutes.servicePrincipalsByAppId(appId);
  const found = await graph.list<ServicePrincipalWire>(route.path, route.query);
  return found.find((sp) => sameId(sp.appId, appId));
}

/** The consent of each app id; the whole part is unreadable when Graph itself cannot be read. */
export async function readConsent(graph: GraphClient, appIds: readonly string[]): Promise<Part<ConsentReadout>> {
  let graphSp: ServicePrincipalWire | undefined;
  try {
    graphSp = await servicePrincipal(graph, MICROSOFT_GRAPH_APP_ID);
  } catch (err) {
    return unreadable(`Microsoft Graph: ${reasonOf(err)}`);
  }
  if (!graphSp) return unreadable(`the tenant has no Microsoft Graph service principal (app id ${MICROSOFT_GRAPH_APP_ID}), so permission names cannot be resolved`);
  const roleNames = new Map((graphSp.appRoles ?? []).filter((r) => r.value).map((r) => [r.id.toLowerCase(), r.value as string]));
  const apps: AppConsentRead[] = [];
  for (const appId of appIds) apps.push({ appId, consent: await readAppConsent(graph, appId, graphSp.id, roleNames) });
  return read({ apps, graphServicePrincipalId: graphSp.id });
}

async function readAppConsent(graph: GraphClient, appId: string, graphSpId: string, roleNames: Map<string, string>): Promise<Part<AppConsent>> {
  try {
    const sp = await servicePrincipal(graph, appId);
    if (!sp) return missing(`no service principal for app id ${appId}: the app was never consented in this tenant`);
    const assignments = await graph.list<AppRoleAssignmentWire>(graphRoutes.appRoleAssignments(sp.id).path);
    const grants = await graph.list<PermissionGrantWire>(graphRoutes.oauth2PermissionGrants(sp.id).path);
    const onGraph = assignments.filter((a) => sameId(a.resourceId, graphSpId));
    const names = onGraph.map((a) => roleNames.get(a.appRoleId.toLowerCase())).filter((n): n is string => n !== undefined);
    const unknown = onGraph.filter((a) => !roleNames.has(a.appRoleId.toLowerCase())).map((a) => a.appRoleId);
    const forAll = grants.filter((g) => sameId(g.resourceId, graphSpId) && g.consentType === 'AllPrincipals');
    const scopes = forAll
      .flatMap((g) => (g.scope ?? '').split(' '))
      .filter((s) => s !== '');
    return read({
      appId,
      servicePrincipalId: sp.id,
      displayName: sp.displayName,
      applicationPermissions: [...new Set(names)].sort(),
      unknownAppRoleIds: unknown,
      delegatedScopes: [...new Set(scopes)].sort(),
      appRoleAssignmentIds: Object.fromEntries(
        onGraph.flatMap((a) => {
          const name = roleNames.get(a.appRoleId.toLowerCase());
          return name ? [[name, a.id]] : [];
        }),
      ),
      ...(forAll[0] ? { delegatedGrantId: forAll[0].id } : {}),
    });
  } catch (err) {
    return unreadable(`app ${appId}: ${reasonOf(err)}`);
  }
}
