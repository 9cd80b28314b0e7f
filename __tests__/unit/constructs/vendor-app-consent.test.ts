import { Testing, TerraformVariable } from 'cdktf';
import 'cdktf/lib/testing/adapters/jest';
import { ServicePrincipal } from '@cdktf/provider-azuread/lib/service-principal';
import { DataAzureadServicePrincipal } from '@cdktf/provider-azuread/lib/data-azuread-service-principal';
import { AppRoleAssignment } from '@cdktf/provider-azuread/lib/app-role-assignment';
import { ServicePrincipalDelegatedPermissionGrant } from '@cdktf/provider-azuread/lib/service-principal-delegated-permission-grant';
import { VendorAppConsent, VendorAppConsentProps } from '../../../constructs/vendor-app-consent';

Testing.setupJest();

const PEXIP_APP = '923c9f0a-b883-4efe-af73-54810da59f83';
const GUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

function synth(props: VendorAppConsentProps): string {
  return Testing.synthScope((scope) => {
    new VendorAppConsent(scope, 'consent', props);
  });
}

function resources(json: string, type: string): Record<string, any>[] {
  return Object.values(JSON.parse(json).resource[type] ?? {});
}

describe('VendorAppConsent', () => {
  it("creates the vendor's service principal from its app id", () => {
    expect(synth({ appId: PEXIP_APP })).toHaveResourceWithProperties(ServicePrincipal, { client_id: PEXIP_APP });
  });

  it('does not adopt an existing service principal by default', () => {
    expect(resources(synth({ appId: PEXIP_APP }), 'azuread_service_principal')[0].use_existing).toBeUndefined();
  });

  it('reads the Microsoft Graph service principal by its well-known app id', () => {
    expect(synth({ appId: PEXIP_APP })).toHaveDataSourceWithProperties(DataAzureadServicePrincipal, {
      client_id: '00000003-0000-0000-c000-000000000000',
    });
  });

  it('assigns the four minimum CVI application permissions by default', () => {
    const roles = resources(synth({ appId: PEXIP_APP }), 'azuread_app_role_assignment').map((r) => r.app_role_id);
    expect(roles).toHaveLength(4);
    for (const name of ['Calls.JoinGroupCall.All', 'Calls.JoinGroupCallAsGuest.All', 'Calls.AccessMedia.All', 'OnlineMeetings.Read.All']) {
      expect(roles).toContainEqual(expect.stringContaining(`.app_role_ids["${name}"]}`));
    }
  });

  it('looks every app role id up on the Graph service principal, never a literal GUID', () => {
    const json = synth({ appId: PEXIP_APP, applicationPermissions: ['Calls.JoinGroupCall.All', 'User.Read.All'] });
    for (const role of resources(json, 'azuread_app_role_assignment')) {
      expect(role.app_role_id).toMatch(/^\$\{data\.azuread_service_principal\.[\w-]+\.app_role_ids\["[\w.]+"\]\}$/);
      expect(role.principal_object_id).toMatch(/^\$\{azuread_service_principal\.[\w-]+\.object_id\}$/);
      expect(role.resource_object_id).toMatch(/^\$\{data\.azuread_service_principal\.[\w-]+\.object_id\}$/);
    }
    const guids = new Set(json.match(GUID));
    expect(guids).toEqual(new Set([PEXIP_APP, '00000003-0000-0000-c000-000000000000']));
  });

  it('grants delegated scopes for all users in one grant', () => {
    const json = synth({ appId: PEXIP_APP, delegatedPermissions: ['User.Read', 'openid'] });
    expect(json).toHaveResourceWithProperties(ServicePrincipalDelegatedPermissionGrant, { claim_values: ['User.Read', 'openid'] });
    expect(resources(json, 'azuread_service_principal_delegated_permission_grant')[0].user_object_id).toBeUndefined();
  });

  it('grants User.Read by default', () => {
    expect(synth({ appId: PEXIP_APP })).toHaveResourceWithProperties(ServicePrincipalDelegatedPermissionGrant, { claim_values: ['User.Read'] });
  });

  it('creates no delegated grant for an empty delegated list', () => {
    expect(synth({ appId: PEXIP_APP, delegatedPermissions: [] })).not.toHaveResource(ServicePrincipalDelegatedPermissionGrant);
  });

  it('adopts an existing service principal only when asked', () => {
    expect(synth({ appId: PEXIP_APP, useExistingServicePrincipal: true })).toHaveResourceWithProperties(ServicePrincipal, { use_existing: true });
  });

  it('creates one app role assignment per application permission', () => {
    expect(synth({ appId: PEXIP_APP, applicationPermissions: ['Calls.AccessMedia.All'] })).toHaveResource(AppRoleAssignment);
    expect(resources(synth({ appId: PEXIP_APP, applicationPermissions: ['Calls.AccessMedia.All'] }), 'azuread_app_role_assignment')).toHaveLength(1);
  });
});

describe('VendorAppConsent validation', () => {
  it('rejects an app id that is not a GUID', () => {
    expect(() => synth({ appId: 'pexip' })).toThrow('consent.appId: must be a GUID (got pexip)');
  });

  it('rejects an unknown application permission and suggests the nearest', () => {
    expect(() => synth({ appId: PEXIP_APP, applicationPermissions: ['Calls.AccesMedia.All'] })).toThrow(
      'consent.applicationPermissions[0]: unknown Microsoft Graph application permission; did you mean Calls.AccessMedia.All? (got Calls.AccesMedia.All)',
    );
  });

  it('rejects a delegated-only scope asked for as an application permission', () => {
    expect(() => synth({ appId: PEXIP_APP, applicationPermissions: ['User.Read'] })).toThrow('unknown Microsoft Graph application permission');
  });

  it('rejects a permission listed twice', () => {
    expect(() => synth({ appId: PEXIP_APP, delegatedPermissions: ['User.Read', 'User.Read'] })).toThrow(
      'consent.delegatedPermissions[1]: is listed twice (got User.Read)',
    );
  });

  it('accepts an app id that is an unresolved token', () => {
    const json = Testing.synthScope((scope) => {
      const appId = new TerraformVariable(scope, 'app_id', { type: 'string' });
      new VendorAppConsent(scope, 'consent', { appId: appId.stringValue });
    });
    expect(json).toHaveResourceWithProperties(ServicePrincipal, { client_id: '${var.app_id}' });
  });
});
