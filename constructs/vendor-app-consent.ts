import { Construct } from 'constructs';
import { Token, TerraformProvider } from 'cdktf';
import { ServicePrincipal } from '@cdktf/provider-azuread/lib/service-principal';
import { DataAzureadServicePrincipal } from '@cdktf/provider-azuread/lib/data-azuread-service-principal';
import { AppRoleAssignment } from '@cdktf/provider-azuread/lib/app-role-assignment';
import { ServicePrincipalDelegatedPermissionGrant } from '@cdktf/provider-azuread/lib/service-principal-delegated-permission-grant';
import {
  GRAPH_APPLICATION_PERMISSIONS,
  GRAPH_DELEGATED_PERMISSIONS,
  MICROSOFT_GRAPH_APP_ID,
  unknownPermissionMessage,
} from '../domain/graph-permissions';
import { CVI_MINIMUM_APPLICATION_PERMISSIONS } from '../domain/vendors';
import { isGuid } from '../domain/identifiers';



export interface VendorAppConsentProps {
  /** Client (application) id of the vendor's multi-tenant app. */
  readonly appId: string;
  /**
   * Microsoft Graph application permissions (app roles) granted to the vendor app, by name.
   * @default Calls.JoinGroupCall.All, Calls.JoinGroupCallAsGuest.All, Calls.AccessMedia.All, OnlineMeetings.Read.All
   */
  readonly applicationPermissions?: readonly string[];
  /** Delegated scopes granted for all users (admin consent); empty grants none. @default ['User.Read'] */
  readonly delegatedPermissions?: readonly string[];
  /**
   * Adopt a vendor service principal that already exists (e.g. from an earlier consent by hand).
   * Off by default so two stacks can never silently share one; `terraform import` is the safer path.
   * @default false
   */
  readonly useExistingServicePrincipal?: boolean;
  /** azuread provider instance. @default the stack's default azuread provider */
  readonly provider?: TerraformProvider;
}

/**
 * Entra ID admin consent for a CVI vendor app, as Terraform expresses it: the vendor's service
 * principal in the tenant, one app role assignment per Graph application permission and one
 * delegated grant for all users. Permission ids are looked up by name on the Graph service
 * principal at apply time, never written here.
 */
export class VendorAppConsent extends Construct {
  /** Client id of the vendor app consented. */
  readonly appId: string;
  /** The application permissions granted, in the order of `appRoleAssignments`. */
  readonly applicationPermissions: readonly string[];
  /** The vendor app's service principal in the tenant. */
  readonly servicePrincipal: ServicePrincipal;
  /** Microsoft Graph's service principal, read at plan time. */
  readonly graph: DataAzureadServicePrincipal;
  readonly appRoleAssignments: AppRoleAssignment[];
  readonly delegatedGrant?: ServicePrincipalDelegatedPermissionGrant;

  constructor(scope: Construct, id: string, props: VendorAppConsentProps) {
    super(scope, id);
    const applicationPermissions = props.applicationPermissions ?? CVI_MINIMUM_APPLICATION_PERMISSIONS;
    const delegatedPermissions = props.delegatedPermissions ?? ['User.Read'];
    checkAppId(id, props.appId);
    checkPermissions(`${id}.applicationPermissions`, applicationPermissions, 'application');
    checkPermissions(`${id}.delegatedPermissions`, delegatedPermissions, 'delegated');
    this.appId = props.appId;
    this.applicationPermissions = [...applicationPermissions];

    this.graph = new DataAzureadServicePrincipal(this, 'microsoft-graph', {
      clientId: MICROSOFT_GRAPH_APP_ID,
      provider: props.provider,
    });
    this.servicePrincipal = new ServicePrincipal(this, 'vendor', {
      clientId: props.appId,
      useExisting: props.useExistingServicePrincipal,
      provider: props.provider,
    });
    this.appRoleAssignments = applicationPermissions.map(
      (permission) =>
        new AppRoleAssignment(this, `app-role-${permission}`, {
          appRoleId: this.graph.appRoleIds.lookup(permission),
          principalObjectId: this.servicePrincipal.objectId,
          resourceObjectId: this.graph.objectId,
          provider: props.provider,
        }),
    );
    if (delegatedPermissions.length > 0) {
      // No user_object_id: the grant is admin consent on behalf of every user.
      this.delegatedGrant = new ServicePrincipalDelegatedPermissionGrant(this, 'delegated', {
        servicePrincipalObjectId: this.servicePrincipal.objectId,
        resourceServicePrincipalObjectId: this.graph.objectId,
        claimValues: [...delegatedPermissions],
        provider: props.provider,
      });
    }
  }
}

function checkAppId(id: string, appId: string): void {
  if (Token.isUnresolved(appId)) return;
  if (!isGuid(appId)) throw new Error(`${id}.appId: must be a GUID (got ${appId})`);
}

function checkPermissions(path: string, names: readonly string[], kind: 'application' | 'delegated'): void {
  const known = kind === 'application' ? GRAPH_APPLICATION_PERMISSIONS : GRAPH_DELEGATED_PERMISSIONS;
  const seen = new Set<string>();
  names.forEach((name, i) => {
    if (Token.isUnresolved(name)) return;
    if (!known.has(name)) throw new Error(`${path}[${i}]: ${unknownPermissionMessage(name, kind)} (got ${name})`);
    if (seen.has(name)) throw new Error(`${path}[${i}]: is listed twice (got ${name})`);
    seen.add(name);
  });
}
