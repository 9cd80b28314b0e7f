import * as path from 'path';
import { z } from 'zod';
import { guid } from './primitives';

const CLIMB_OUT = 'must lead out of the synth output folder, which cdktf prunes (e.g. ../../../state/<tenant>.tfstate)';

/**
 * Terraform resolves a local path from the stack folder, `<synth output>/stacks/<tenant>`; cdktf
 * deletes that folder whenever a synth does not include the tenant, and the synth output as a
 * whole is a build folder. So a path climbs out of it (three `..` at least) and stays out.
 */
const local = z.strictObject({
  path: z
    .string()
    .regex(/^(?![/\\])(?![A-Za-z]:)[^\0]+$/, {
      message: 'must be a path relative to the stack directory (absolute paths break synth-here/apply-there)',
      abort: true,
    })
    .regex(/^(\.\.[/\\]){3}[^\0]*[^/\\]$/, { message: CLIMB_OUT, abort: true })
    .refine((value) => path.posix.normalize(value.replace(/\\/g, '/')).startsWith('../../../'), CLIMB_OUT)
    .describe('State file path relative to the stack folder, leading out of the synth output; default ../../../state/<tenant>.tfstate'),
});

const azurerm = z.strictObject({
  resourceGroupName: z.string().regex(/^[-\w.()]{1,90}$/, 'must be an Azure resource group name'),
  storageAccountName: z
    .string()
    .regex(/^[a-z0-9]{3,24}$/, 'must be a storage account name: 3 to 24 lower-case letters and digits'),
  containerName: z
    .string()
    .regex(/^[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]$/, 'must be a blob container name: 3 to 63 lower-case letters, digits and single hyphens'),
  key: z.string().regex(/^[^\s]+$/, 'must be a blob name without spaces').optional().describe('default <tenant>.tfstate'),
  subscriptionId: guid().optional(),
  useAzureadAuth: z
    .boolean('must be true or false')
    .optional()
    .describe('Use Entra ID to reach the blob instead of an access key; default true'),
});

export const backendSection = z
  .strictObject({
    type: z.enum(['local', 'azurerm'], 'must be local or azurerm'),
    local: local.optional(),
    azurerm: azurerm.optional(),
  })
  .superRefine((backend, ctx) => {
    const other = backend.type === 'local' ? 'azurerm' : 'local';
    if (backend[other] !== undefined) {
      ctx.addIssue({ code: 'custom', path: [other], message: `is only allowed when backend.type is ${other}` });
    }
    if (backend.type === 'azurerm' && backend.azurerm === undefined) {
      ctx.addIssue({ code: 'custom', path: ['azurerm'], message: 'is required when backend.type is azurerm' });
    }
  })
  .describe('Where Terraform keeps state; default local, in state/<tenant>.tfstate beside the synth output folder');

export type BackendSection = z.output<typeof backendSection>;
