/**
 * One tenant's directory as far as CVI consent goes: service principals, their app role
 * assignments and their delegated permission grants, in Microsoft Graph's v1.0 shapes
 * (servicePrincipal, appRoleAssignment, oAuth2PermissionGrant resource types on
 * learn.microsoft.com/en-us/graph/api/resources/...). Every tenant starts with Microsoft
 * Graph's own service principal, whose appRoles name the application permissions of
 * constructs/graph-permissions.ts. The role ids are the emulator's (a hash of the name), not
 * Microsoft's: callers must resolve names through appRoles, as the reader and azuread do.
 * Kept in memory only (not persisted with the Teams objects).
 */
import { createHash, randomUUID } from 'node:crypto';
import { GRAPH_APPLICATION_PERMISSIONS, GRAPH_DELEGATED_PERMISSIONS, MICROSOFT_GRAPH_APP_ID } from '../../constructs/graph-permissions';

export interface AppRoleWire {
  allowedMemberTypes: string[];
  description: string;
  displayName: string;
  id: string;
  isEnabled: boolean;
  origin: string;
  value: string;
}

export interface ServicePrincipalWire {
  id: string;
  appId: string;
  displayName: string;
  servicePrincipalType: string;
  accountEnabled: boolean;
  appRoles: AppRoleWire[];
  oauth2PermissionScopes: { id: string; value: string; type: string; isEnabled: boolean }[];
}

export interface AppRoleAssignmentWire {
  id: string;
  deletedDateTime: null;
  appRoleId: string;
  createdDateTime: string;
  principalDisplayName: string;
  principalId: string;
  principalType: 'ServicePrincipal';
  resourceDisplayName: string;
  resourceId: string;
}

export interface PermissionGrantWire {
  id: string;
  clientId: string;
  consentType: 'AllPrincipals' | 'Principal';
  principalId: string | null;
  resourceId: string;
  scope: string;
}

/** A stable GUID-shaped id from a name, so a role keeps its id across emulator runs. */
function nameId(kind: string, name: string): string {
  const h = createHash('sha256').update(`${kind}:${name}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const sameId = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

export class GraphDirectory {
  private readonly servicePrincipals: ServicePrincipalWire[] = [];
  private readonly assignments: AppRoleAssignmentWire[] = [];
  private readonly grants: PermissionGrantWire[] = [];
  /** Object id of Microsoft Graph's service principal in this tenant. */
  readonly graphServicePrincipalId: string;

  constructor(readonly tenantId: string) {
    const graph = this.addServicePrincipal({ appId: MICROSOFT_GRAPH_APP_ID, displayName: 'Microsoft Graph' });
    graph.appRoles = [...GRAPH_APPLICATION_PERMISSIONS].sort().map((value) => ({
      allowedMemberTypes: ['Application'],
      description: value,
      displayName: value,
      id: nameId('role', value),
      isEnabled: true,
      origin: 'Application',
      value,
    }));
    graph.oauth2PermissionScopes = [...GRAPH_DELEGATED_PERMISSIONS].sort().map((value) => ({ id: nameId('scope', value), value, type: 'Admin', isEnabled: true }));
    this.graphServicePrincipalId = graph.id;
  }

  // ---- seeding (what consent by hand or by the portal leaves) ----

  /** A service principal for `appId` (the one already there when it exists). */
  addServicePrincipal(input: { appId: string; displayName?: string; id?: string }): ServicePrincipalWire {
    const existing = this.servicePrincipalByAppId(input.appId);
    if (existing) return existing;
    const sp: ServicePrincipalWire = {
      id: input.id ?? randomUUID(),
      appId: input.appId,
      displayName: input.displayName ?? `app ${input.appId}`,
      servicePrincipalType: 'Application',
      accountEnabled: true,
      appRoles: [],
      oauth2PermissionScopes: [],
    };
    this.servicePrincipals.push(sp);
    return sp;
  }

  /** Grants Microsoft Graph application permissions (by name) to the app's service principal. */
  grantAppRoles(appId: string, permissions: readonly string[]): void {
    const sp = this.required(appId);
    for (const name of permissions) {
      const roleId = this.appRoleId(name);
      if (this.assignments.some((a) => a.principalId === sp.id && a.appRoleId === roleId)) continue;
      this.grantAppRoleId(appId, roleId);
    }
  }

  /**
   * An assignment on Graph by role id alone, for a role Graph's appRoles do not list (a retired
   * permission): what a reader must keep and report rather than drop.
   */
  grantAppRoleId(appId: string, appRoleId: string): void {
    const sp = this.required(appId);
    this.assignments.push({
      id: randomUUID(),
      deletedDateTime: null,
      appRoleId,
      createdDateTime: new Date().toISOString(),
      principalDisplayName: sp.displayName,
      principalId: sp.id,
      principalType: 'ServicePrincipal',
      resourceDisplayName: 'Microsoft Graph',
      resourceId: this.graphServicePrincipalId,
    });
  }

  /** Removes application permissions (by name) from the app's service principal. */
  revokeAppRoles(appId: string, permissions: readonly string[]): void {
    const sp = this.required(appId);
    const ids = new Set(permissions.map((n) => this.appRoleId(n)));
    this.removeWhere(this.assignments, (a) => a.principalId === sp.id && ids.has(a.appRoleId));
  }

  /** Sets the admin-consent (AllPrincipals) delegated grant to Graph: these scopes, or none for []. */
  grantDelegated(appId: string, scopes: readonly string[]): void {
    const sp = this.required(appId);
    this.removeWhere(this.grants, (g) => g.clientId === sp.id && g.resourceId === this.graphServicePrincipalId && g.consentType === 'AllPrincipals');
    if (scopes.length === 0) return;
    this.grants.push({ id: randomUUID(), clientId: sp.id, consentType: 'AllPrincipals', principalId: null, resourceId: this.graphServicePrincipalId, scope: scopes.join(' ') });
  }

  /** Removes the app's service principal with its assignments and grants (consent withdrawn). */
  removeServicePrincipal(appId: string): void {
    const sp = this.servicePrincipalByAppId(appId);
    if (!sp) return;
    this.removeWhere(this.assignments, (a) => a.principalId === sp.id);
    this.removeWhere(this.grants, (g) => g.clientId === sp.id);
    this.removeWhere(this.servicePrincipals, (s) => s.id === sp.id);
  }

  /** The id of a Graph application permission, as this tenant's Graph service principal names it. */
  appRoleId(permission: string): string {
    const role = this.servicePrincipalByAppId(MICROSOFT_GRAPH_APP_ID)!.appRoles.find((r) => r.value === permission);
    if (!role) throw new Error(`Microsoft Graph has no application permission ${permission}`);
    return role.id;
  }

  // ---- reads (what the routes answer) ----

  listServicePrincipals(): ServicePrincipalWire[] {
    return [...this.servicePrincipals];
  }

  servicePrincipalByAppId(appId: string): ServicePrincipalWire | undefined {
    return this.servicePrincipals.find((sp) => sameId(sp.appId, appId));
  }

  servicePrincipalById(id: string): ServicePrincipalWire | undefined {
    return this.servicePrincipals.find((sp) => sameId(sp.id, id));
  }

  appRoleAssignmentsOf(servicePrincipalId: string): AppRoleAssignmentWire[] {
    return this.assignments.filter((a) => sameId(a.principalId, servicePrincipalId));
  }

  permissionGrantsOf(servicePrincipalId: string): PermissionGrantWire[] {
    return this.grants.filter((g) => sameId(g.clientId, servicePrincipalId));
  }

  private required(appId: string): ServicePrincipalWire {
    const sp = this.servicePrincipalByAppId(appId);
    if (!sp) throw new Error(`tenant ${this.tenantId}: no service principal for app id ${appId}; addServicePrincipal first`);
    return sp;
  }

  private removeWhere<T>(list: T[], drop: (item: T) => boolean): void {
    for (let i = list.length - 1; i >= 0; i--) if (drop(list[i])) list.splice(i, 1);
  }
}
