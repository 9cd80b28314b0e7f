import { z } from 'zod';
import {
  GRAPH_APPLICATION_PERMISSIONS,
  GRAPH_DELEGATED_PERMISSIONS,
  unknownPermissionMessage,
} from '../../domain/graph-permissions';
import { guid } from './primitives';

function permissionList(kind: 'application' | 'delegated') {
  const known = kind === 'application' ? GRAPH_APPLICATION_PERMISSIONS : GRAPH_DELEGATED_PERMISSIONS;
  return z.array(z.string('must be a permission name'), 'must be a list').superRefine((names, ctx) => {
    const seen = new Set<string>();
    names.forEach((name, i) => {
      if (!known.has(name)) {
        ctx.addIssue({ code: 'custom', path: [i], message: unknownPermissionMessage(name, kind), input: name });
      } else if (seen.has(name)) {
        ctx.addIssue({ code: 'custom', path: [i], message: 'is listed twice', input: name });
      }
      seen.add(name);
    });
  });
}

export const consentSection = z
  .strictObject({
    enabled: z
      .boolean('must be true or false')
      .optional()
      .describe('false: consent is granted elsewhere (by hand or another stack) and this stack holds no azuread resources; default true'),
    appId: guid().optional().describe("Client id of the one vendor app to consent; default every app id of teams.serviceProvider.aadApplicationIds (the vendor's)"),
    applicationPermissions: permissionList('application')
      .pipe(z.array(z.string()).min(1, 'must list at least one permission: the vendor bots need them'))
      .optional()
      .describe('Microsoft Graph application permissions, by name'),
    delegatedPermissions: permissionList('delegated')
      .optional()
      .describe('Microsoft Graph delegated permissions granted for all users; [] grants none'),
    useExistingServicePrincipal: z
      .boolean('must be true or false')
      .optional()
      .describe('Adopt an existing vendor service principal instead of failing; default false'),
  })
  .describe("Entra ID admin consent for the vendor's app");
