import { App, AzurermBackend, LocalBackend, TerraformStack } from 'cdktf';
import { localStatePath } from './state-location';
import type { TenantConfig } from './tenant-config';

/**
 * Every stack gets an explicit backend: cdktf's implicit one writes an absolute state path into
 * the JSON, which breaks pipelines that synthesize on one machine and apply on another.
 * `stateDir` is where local state goes (see `state-location.ts`); absent, the default beside the
 * synth output folder.
 */
export function addBackend(stack: TerraformStack, config: TenantConfig, stateDir?: string): void {
  const name = config.tenant.name;
  const backend = config.backend;
  if (backend?.type === 'azurerm' && backend.azurerm) {
    const remote = backend.azurerm;
    // Keys, SAS tokens and client secrets come from ARM_* variables, never from the JSON.
    new AzurermBackend(stack, {
      resourceGroupName: remote.resourceGroupName,
      storageAccountName: remote.storageAccountName,
      containerName: remote.containerName,
      key: remote.key ?? `${name}.tfstate`,
      subscriptionId: remote.subscriptionId,
      useAzureadAuth: remote.useAzureadAuth ?? true,
    });
    return;
  }
  // Relative to the stack folder, where terraform runs, and outside the synth output, which cdktf
  // prunes: state/<tenant>.tfstate beside cdktf.out by default.
  const outdir = App.of(stack).outdir;
  new LocalBackend(stack, { path: backend?.local?.path ?? localStatePath(outdir, name, stateDir) });
}
