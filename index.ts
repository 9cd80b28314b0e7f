/**
 * The cdktf-teams-cvi package: the construct library (`CviTenant` and its parts), the tenant
 * file loader and schema, the per-tenant stack builder, and the helper that makes a tenants
 * project's stacks find the `cvi` provider. Subpaths: `cdktf-teams-cvi/constructs`, `/stacks`,
 * `/schema`, `/provider`.
 */
export * from './constructs';
export * from './stacks';
export { tenantFileSchema, type TenantFile } from './stacks/schema/tenant-file';
export { useProjectProvider, linkStacksToMirror, type ProjectProviderOptions } from './scripts/provider-package/project-provider';
export { installProvider, providerLayout, PROVIDER_SOURCE, PROVIDER_VERSION, type ProviderLayout } from './scripts/install-provider';
