import { parseTenantFile } from '../../../stacks/load-tenants';
import type { TenantConfig } from '../../../stacks/tenant-config';
import { toYaml } from './tenant-fixtures';

/** Validate a tenant object the way the main job does; fails the test on any problem. */
export function configOf(tenant: unknown): TenantConfig {
  const { config, problems } = parseTenantFile('tenants/test.yaml', toYaml(tenant));
  if (!config) throw new Error(`fixture is invalid:\n${problems.join('\n')}`);
  return config;
}
