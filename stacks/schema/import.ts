import { z } from 'zod';
import { GUID_PATTERN, guid } from './primitives';
import { POLICY_ASSIGNMENT_IMPORT_ID_PATTERN } from '../../domain/import-ids';

/**
 * The `import:` section: the ids of objects that already exist in the tenant, so the first
 * deploy adopts them (Terraform import blocks, through cdktf `importFrom`) instead of creating
 * them. Formats are each provider's import id; the cvi ones are in docs/resources/*.md, the
 * others are cited where they are checked. Which object each id belongs to is checked against
 * the rest of the file when the stack is built (constructs/tenant/tenant-imports.ts).
 */

const GUID = GUID_PATTERN.source.slice(1, -1);
/** Graph ids of app role assignments and grants are base64url strings, not GUIDs. */
const GRAPH_KEY = '[A-Za-z0-9_-]+';

/** azuread 3.x service principal import id (docs/resources/service_principal.md#import of hashicorp/terraform-provider-azuread v3.7.0). */
const servicePrincipalId = () =>
  z.string().regex(new RegExp(`^/servicePrincipals/${GUID}$`), 'must be /servicePrincipals/<object id of the service principal>');

/** azuread 3.x app role assignment import id (docs/resources/app_role_assignment.md#import, v3.7.0): the resource's (Graph's) service principal and the assignment id. */
const appRoleAssignmentId = () =>
  z
    .string()
    .regex(
      new RegExp(`^/servicePrincipals/${GUID}/appRoleAssignedTo/${GRAPH_KEY}$`),
      "must be /servicePrincipals/<Microsoft Graph's service principal object id>/appRoleAssignedTo/<assignment id>",
    );

/** azuread 3.x delegated permission grant import id (docs/resources/service_principal_delegated_permission_grant.md#import, v3.7.0). */
const delegatedGrantId = () =>
  z.string().regex(new RegExp(`^/oauth2PermissionGrants/${GRAPH_KEY}$`), 'must be /oauth2PermissionGrants/<grant id>');

/** dns provider import id of an SRV record set: its absolute name (docs/resources/srv_record_set.md#import of hashicorp/terraform-provider-dns v3.4.3). */
const srvRecordSetId = () =>
  z
    .string()
    .regex(/^_[A-Za-z0-9-]+\._(tcp|udp|tls)\.([A-Za-z0-9-]+\.)+$/i, 'must be the absolute name of an SRV record set ending in a dot, such as _sip._tcp.contoso.com.');

/** cvi_video_interop_policy_assignment import ids (docs/resources/video_interop_policy_assignment.md#import). */
const policyAssignmentId = () =>
  z
    .string()
    .regex(
      POLICY_ASSIGNMENT_IMPORT_ID_PATTERN,
      'must be global, global/<policy>, group/<group id>, users/<policy> or users/<policy>/<user>,<user>',
    );

const consentImport = z
  .strictObject({
    servicePrincipal: servicePrincipalId().describe("The vendor app's service principal in the tenant"),
    appRoleAssignments: z
      .record(z.string(), appRoleAssignmentId(), 'must map permission names to import ids')
      .optional()
      .describe('Import id of each Microsoft Graph application permission granted, by permission name'),
    delegatedGrant: delegatedGrantId().optional().describe('The delegated grant for all users'),
  })
  .describe("One vendor app's consent objects");

export const importSection = z
  .strictObject({
    teams: z
      .strictObject({
        serviceProvider: z.string().min(1, 'must be the identity of the service provider, e.g. Pexip').optional().describe('Import id of the video interop service provider: its identity'),
        policyAssignments: z.array(policyAssignmentId(), 'must be a list').optional().describe('Import id of each policy assignment the file declares'),
        federationAllowedDomain: z.string().min(1).optional().describe('Import id of the federation allow-list entry: the domain'),
      })
      .optional(),
    consent: z
      .record(guid(), consentImport, 'must map app ids to their consent objects')
      .optional()
      .describe('Consent objects by vendor app id'),
    dns: z.array(srvRecordSetId(), 'must be a list').optional().describe('Import id (absolute name, ending in a dot) of each SRV record set the file declares'),
  })
  .describe('Objects that already exist in the tenant: the first deploy imports them instead of creating them');
