import { AzurermBackend, LocalBackend, TerraformStack } from 'cdktf';
import type { TenantConfig } from './tenant-config';

/**
 * Every stack gets an explicit backend: cdktf's implicit one writes an absolute state path into
 * the JSON, which breaks pipelines that synthesize on one machine and apply on another.
 */
export function addBackend(stack: TerraformStack, config: TenantConfig): void {
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
  // Relative to the stack directory (cdktf.out/stacks/<tenant>), where terraform runs.
  new LocalBackend(stack, { path: backend?.local?.path ?? `terraform.${name}.tfstate` });
}
